using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using PolicyLint.Engine;
using PolicyLint.Output;
using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Tests.Output;

/// <summary>
/// Every format is written as it goes (issue 18: a report of 200,000 findings stood whole in memory, as bytes and as a
/// string, and took 1.1 GB for JSON and 1.7 GB for SARIF). Each format's stream must be the text its Format method returns,
/// passed on in chunks, none of which holds the whole report.
/// </summary>
public sealed class StreamingOutputTests
{
    /// <summary>A writer that keeps what it is given, and the largest single piece.</summary>
    private sealed class RecordingWriter : TextWriter
    {
        private readonly StringBuilder _all = new();
        public int Writes, Largest;
        public override Encoding Encoding => Encoding.UTF8;
        public override void Write(char value) => Take(1, () => _all.Append(value));
        public override void Write(char[] buffer, int index, int count) => Take(count, () => _all.Append(buffer, index, count));
        public override void Write(string? value) => Take(value?.Length ?? 0, () => _all.Append(value));
        private void Take(int n, Action append) { Writes++; Largest = Math.Max(Largest, n); append(); }
        public override string ToString() => _all.ToString();
    }

    private static readonly Lazy<LintResult> ManyFindings = new(() =>
    {
        // 12,000 duplicate headings in one file: 10,000 PL4004 findings (the cap) and one PL0009, several MB in every format.
        var text = "# Title\n\n" + string.Concat(Enumerable.Repeat("## Same\n\n", 12_000));
        return new LintEngine().LintText(text, path: "many.md", baseDirectory: LintVerifier.NeutralDirectory);
    });

    public static TheoryData<string> Formats => new() { "text", "json", "sarif", "github", "gitlab", "junit", "checkstyle" };

    [Theory]
    [MemberData(nameof(Formats))]
    public void EachFormatIsWrittenInChunksThatAddUpToItsFormattedText(string format)
    {
        var result = ManyFindings.Value;
        Assert.Equal(10_001, result.Diagnostics.Length);
        var options = new OutputOptions { BaseDirectory = LintVerifier.NeutralDirectory, ShowElapsed = false };
        Func<string> format1 = format switch
        {
            "json" => () => JsonFormatter.Format(result, options),
            "sarif" => () => SarifFormatter.Format(result, options),
            "github" => () => GitHubFormatter.Format(result, options),
            "gitlab" => () => GitLabFormatter.Format(result, options),
            "junit" => () => JUnitFormatter.Format(result, options),
            "checkstyle" => () => CheckstyleFormatter.Format(result, options),
            _ => () => TextFormatter.Format(result, options),
        };
        var w = new RecordingWriter();
        switch (format)
        {
            case "json": JsonFormatter.Write(result, w, options); break;
            case "sarif": SarifFormatter.Write(result, w, options); break;
            case "github": GitHubFormatter.Write(result, w, options); break;
            case "gitlab": GitLabFormatter.Write(result, w, options); break;
            case "junit": JUnitFormatter.Write(result, w, options); break;
            case "checkstyle": CheckstyleFormatter.Write(result, w, options); break;
            default: TextFormatter.Write(result, w, options); break;
        }
        string whole = format1();
        Assert.Equal(whole, w.ToString());
        Assert.True(whole.Length > 500_000, whole.Length.ToString(CultureInfo.InvariantCulture));
        // No piece near the whole: at most 80 KB at a time (JSON drains at 64 KB, text at 32 KB, XML and GitHub per line).
        Assert.True(w.Largest <= 80 * 1024, $"largest write {w.Largest:N0} of {whole.Length:N0} characters");
        Assert.True(w.Writes >= whole.Length / (80 * 1024), $"{w.Writes} writes");
        if (format is "junit" or "checkstyle") Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", whole);
        Assert.EndsWith("\n", whole);
    }

    [Fact]
    public void NonAsciiTextIsNotSplitInsideACharacter()
    {
        // Headings of emoji and CJK text: the JSON chunks are cut between values, and decoded whole.
        var text = "# Title\n\n" + string.Concat(Enumerable.Repeat("## 見出し 🤗 Ünïcødé\n\n", 3_000));
        var result = new LintEngine().LintText(text, path: "many.md", baseDirectory: LintVerifier.NeutralDirectory);
        var w = new RecordingWriter();
        JsonFormatter.Write(result, w);
        Assert.Equal(JsonFormatter.Format(result), w.ToString());
        Assert.DoesNotContain('\uFFFD', w.ToString());
        Assert.Contains("見出し", w.ToString());
        Assert.Contains("Ünïcødé", w.ToString());
    }
}
