using System;
using System.IO;
using System.Linq;
using System.Text;
using PolicyLint.Documents;
using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Tests.Rules.Encoding;

/// <summary>
/// Byte-exact fixtures (Fixtures/*.md, written by Fixtures/generate.py) with approved outputs beside them: the findings,
/// the file after safe fixes and after all fixes, rendered so that every byte that matters is visible.
/// </summary>
public sealed class EncodingFixtureTests
{
    private static string FixtureDir => Path.Combine(EncodingCorpusTests.SourceDir(), "Fixtures");

    public static TheoryData<string> Cases() =>
        new(Directory.GetFiles(FixtureDir, "*.md").Select(p => Path.GetFileNameWithoutExtension(p)).OrderBy(n => n, StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Cases))]
    public void FixtureMatchesApprovedOutput(string name)
    {
        byte[] bytes = File.ReadAllBytes(Path.Combine(FixtureDir, name + ".md"));
        var diags = EncodingLint.Lint(bytes);
        byte[] safe = EncodingLint.Fix(bytes, includeUnsafe: false);
        byte[] all = EncodingLint.Fix(bytes, includeUnsafe: true);
        var sb = new StringBuilder();
        sb.Append("# input\n").Append(EncodingLint.RenderBytes(bytes)).Append('\n');
        sb.Append("# findings\n");
        foreach (var d in diags) sb.Append(EncodingLint.Format(d)).Append('\n');
        sb.Append("# after --fix\n").Append(safe.SequenceEqual(bytes) ? "(unchanged)\n" : EncodingLint.RenderBytes(safe) + "\n");
        sb.Append("# after --fix-unsafe\n").Append(all.SequenceEqual(safe) ? "(same as --fix)\n" : EncodingLint.RenderBytes(all) + "\n");
        sb.Append("# findings after --fix-unsafe\n");
        foreach (var d in EncodingLint.Lint(all)) sb.Append(EncodingLint.Format(d)).Append('\n');
        Approvals.VerifyAt(sb.ToString(), Path.Combine(FixtureDir, name + ".expected.txt"));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void FixesKeepEncodingBomAndLineEndingsAndAreIdempotent(string name)
    {
        byte[] bytes = File.ReadAllBytes(Path.Combine(FixtureDir, name + ".md"));
        var before = MarkdownFile.FromBytes("document.md", bytes);
        foreach (bool includeUnsafe in new[] { false, true })
        {
            byte[] once = EncodingLint.FixOnce(bytes, includeUnsafe);
            var after = MarkdownFile.FromBytes("document.md", once);
            Assert.Equal(before.Encoding, after.Encoding);
            Assert.Equal(before.BomLength, after.BomLength);
            if (before.InvalidUtf8.IsEmpty) Assert.Empty(after.InvalidUtf8);
            Assert.Equal(before.LineEnding, after.LineEnding);
            // Nothing fixed is reported again, and a second pass changes nothing.
            var fixedSpans = EncodingLint.Lint(bytes).Where(d => d.Fix is { } f && (f.IsSafe || includeUnsafe)).ToList();
            var again = EncodingLint.Lint(once).Where(d => d.Fix is { } f && (f.IsSafe || includeUnsafe)).ToList();
            Assert.True(again.Count == 0, $"{name}: fixable findings remain after one pass: {string.Join("; ", again)} (was {fixedSpans.Count})");
            Assert.Equal(once, EncodingLint.FixOnce(once, includeUnsafe));
        }
    }
}
