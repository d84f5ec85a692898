using System.Linq;
using System.Text;
using PolicyLint.Documents;
using PolicyLint.Diagnostics;

namespace PolicyLint.Tests.Documents;

public sealed class MarkdownFileTests
{
    [Fact]
    public void Utf8BomIsStrippedFromTextAndKeptOnEncode()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("---\ntitle: x\n---\n# H\n")).ToArray();
        var f = MarkdownFile.FromBytes("a.md", bytes);
        Assert.True(f.HasBom);
        Assert.Equal(FileEncodingKind.Utf8, f.Encoding);
        Assert.StartsWith("---", f.Text);
        Assert.Equal(FrontMatterKind.Present, f.FrontMatter.Kind);
        Assert.Equal(bytes, f.Encode(f.Text));
        Assert.Equal(3 + 4, f.GetByteOffset(4));
    }

    [Theory]
    [InlineData("utf-16LE", true)]
    [InlineData("utf-16BE", true)]
    [InlineData("utf-32LE", true)]
    [InlineData("utf-16LE", false)]
    public void Utf16And32AreDecodedAndReEncodedIdentically(string name, bool bom)
    {
        var enc = name switch
        {
            "utf-16LE" => (Encoding)new UnicodeEncoding(false, bom),
            "utf-16BE" => new UnicodeEncoding(true, bom),
            _ => new UTF32Encoding(false, bom),
        };
        string text = "# Título 🤗\n\nText.\n";
        var bytes = enc.GetPreamble().Concat(enc.GetBytes(text)).ToArray();
        var f = MarkdownFile.FromBytes("a.md", bytes);
        Assert.Equal(text, f.Text);
        Assert.Equal(bom, f.HasBom);
        Assert.Equal(bytes, f.Encode(f.Text));
        Assert.Single(f.Headings);
        Assert.False(MarkdownFile.IsBinary(bytes));
    }

    [Fact]
    public void InvalidUtf8IsRecordedWithByteAndCharOffsets()
    {
        var bytes = Encoding.UTF8.GetBytes("ab").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes("é")).Concat(new byte[] { 0xF0, 0x9F, 0xA4 }).ToArray();
        var f = MarkdownFile.FromBytes("a.md", bytes);
        Assert.Equal("ab\uFFFD(é\uFFFD", f.Text);
        Assert.Equal([(2L, 1, 2), (6L, 3, 5)], f.InvalidUtf8.Select(i => (i.ByteOffset, i.ByteLength, i.CharOffset)).ToArray());
        Assert.Equal(6, f.GetByteOffset(5));
    }

    [Fact]
    public void LocationsAreOneBasedWithExclusiveEndColumn()
    {
        var f = MarkdownFile.FromText("a.md", "line one\r\nline two\rthree\n");
        var loc = f.GetLocation(new TextSpan(15, 3));
        Assert.Equal((2, 6, 2, 9), (loc.StartLine, loc.StartColumn, loc.EndLine, loc.EndColumn));
        Assert.Equal((3, 1), f.Lines.GetPosition(19));
        Assert.Equal("\r\n", MarkdownFile.FromText("b.md", "a\r\nb\r\nc\n").LineEnding);
    }

    [Fact]
    public void FrontMatterSpansPointIntoTheFile()
    {
        var f = MarkdownFile.FromText("a.md", "---\r\ntitle: Hello\r\ntags: [a, b]\r\n---\r\n# Hello\r\n");
        Assert.True(f.FrontMatter.TryGetEntry("title", out var key, out var value));
        Assert.Equal("title", f.GetText(f.FrontMatter.GetSpan(key)));
        Assert.Equal("Hello", f.GetText(f.FrontMatter.GetSpan(value)));
        Assert.Equal((2, 8), f.Lines.GetPosition(f.FrontMatter.GetSpan(value).Start));
    }

    [Theory]
    [InlineData("---\ntitle: [unclosed\nnext: 1\n---\n", 0)]
    [InlineData("---\na: 1\na: 2\n---\n", 9)]
    [InlineData("---\nbad: \"open\n---\n", 9)]
    public void YamlErrorsAreLocatedInTheFile(string text, int expectedStart)
    {
        var f = MarkdownFile.FromText("a.md", text);
        Assert.NotNull(f.FrontMatter.Error);
        Assert.Equal(expectedStart, f.FrontMatter.Error!.Span.Start);
    }

    [Fact]
    public void AliasBombsAndDeepNestingAreRefused()
    {
        var sb = new StringBuilder("---\na: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'l'; c++) sb.Append(c).Append(": &").Append(c).Append(" [").Append(string.Join(", ", Enumerable.Repeat("*" + (char)(c - 1), 10))).Append("]\n");
        sb.Append("---\n");
        var bomb = MarkdownFile.FromText("a.md", sb.ToString());
        Assert.StartsWith("YAML aliases expand to more than 100,000 nodes", bomb.FrontMatter.Error!.Message);
        var deep = MarkdownFile.FromText("b.md", "---\nx: " + new string('[', 5000) + new string(']', 5000) + "\n---\n");
        Assert.Equal("YAML is nested more than 64 levels deep", deep.FrontMatter.Error!.Message);
    }

    [Theory]
    [InlineData("---\ntitle: x\n", FrontMatterKind.Unclosed)]
    [InlineData("\n\n---\ntitle: x\n---\n", FrontMatterKind.NotAtStart)]
    [InlineData("---\ntitle: x\n...\n", FrontMatterKind.Present)]
    [InlineData("# No front matter\n", FrontMatterKind.None)]
    [InlineData("---\n\ntext after a rule\n", FrontMatterKind.Unclosed)]
    public void FrontMatterKinds(string text, FrontMatterKind kind) =>
        Assert.Equal(kind, MarkdownFile.FromText("a.md", text).FrontMatter.Kind);

    [Fact]
    public void HeadingsCarryPlainTextAndDedupedAnchors()
    {
        var f = MarkdownFile.FromText("a.md", "# Hello *World*\n\n## `code` & [link](x)\n\nSetext\n------\n\n## Hello World\n\n```\n# not a heading\n```\n");
        Assert.Equal(["Hello World|hello-world|1", "code & link|code--link|2", "Setext|setext|2", "Hello World|hello-world-1|2"],
            f.Headings.Select(h => $"{h.PlainText}|{h.Anchor}|{h.Level}").ToArray());
        Assert.Equal("Setext\n------", f.GetText(f.Headings[2].Span));
    }

    [Fact]
    public void TinyFilesWithNulBytesAreBinaryNotUtf16()
    {
        Assert.True(MarkdownFile.IsBinary(new byte[] { (byte)'b', 0, (byte)'i', (byte)'n' }));
        Assert.False(MarkdownFile.IsBinary(new UnicodeEncoding(false, false).GetBytes("# A heading in UTF-16\n")));
    }
}
