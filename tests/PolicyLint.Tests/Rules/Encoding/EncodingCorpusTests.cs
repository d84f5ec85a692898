using System;
using System.IO;
using System.Linq;
using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Tests.Rules.Encoding;

/// <summary>
/// The whole hf-blog corpus with the encoding rules only. Every finding in the approved list was checked by hand
/// (see the rule pages for why each ZWSP, WJ, U+202A and U+FFFD gets what it gets); anything else is a false positive.
/// </summary>
public sealed class EncodingCorpusTests
{
    [Fact]
    public void CorpusFindingsAreExactlyTheApprovedRealOnes()
    {
        string dir = SharedData.Require("corpus/hf-blog");
        var docs = Directory.GetFiles(dir, "*.md", SearchOption.AllDirectories)
            .Select(p => (Path: Path.GetRelativePath(dir, p).Replace('\\', '/'), Bytes: File.ReadAllBytes(p)))
            .OrderBy(d => d.Path, StringComparer.Ordinal).ToList();
        Assert.True(docs.Count > 700, $"expected the whole corpus, found {docs.Count} files");
        var lines = EncodingLint.LintMany(docs)
            .OrderBy(d => d.Location.Path, StringComparer.Ordinal).ThenBy(d => d.Location.Span.Start).ThenBy(d => d.Id, StringComparer.Ordinal)
            .Select(d => d.Location.Path + ":" + EncodingLint.Format(d)).ToList();
        var counts = lines.GroupBy(l => l.Split(' ')[1]).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}: {g.Count()}");
        string report = $"{docs.Count} files\n" + string.Join("\n", counts) + "\n\n" + string.Join("\n", lines);
        Approvals.VerifyAt(report, Path.Combine(SourceDir(), "Approved", "hf-blog-corpus.expected.txt"));
    }

    internal static string SourceDir([System.Runtime.CompilerServices.CallerFilePath] string file = "") => Path.GetDirectoryName(file)!;
}
