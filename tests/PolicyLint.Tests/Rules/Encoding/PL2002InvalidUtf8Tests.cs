using System.Linq;
using TextEncoding = System.Text.Encoding;
using PolicyLint.Diagnostics;
using PolicyLint.Rules.Encoding;

namespace PolicyLint.Tests.Rules.Encoding;

public sealed class PL2002InvalidUtf8Tests
{
    private static byte[] Bytes(params object[] parts) =>
        parts.SelectMany(p => p is string s ? TextEncoding.UTF8.GetBytes(s) : (byte[])p).ToArray();

    [Fact]
    public void ValidUtf8IsSilent() => Assert.Empty(EncodingLint.Lint(Bytes("# Café 🤗\n\nText.\n")));

    [Fact]
    public void ReportsBytesOffsetAndPosition()
    {
        var d = Assert.Single(EncodingLint.Lint(Bytes("# Café\n\nab", new byte[] { 0xC3, 0x28 }, "\n")));
        Assert.Equal("PL2002", d.Id);
        Assert.Equal("Invalid UTF-8: byte C3 at byte offset 11", d.Message);
        Assert.Equal((3, 3), (d.Location.StartLine, d.Location.StartColumn));
        Assert.Equal(11, d.Location.ByteOffset);
        Assert.Null(d.Fix); // valid UTF-8 é elsewhere: a mixed file, no code page fits
    }

    [Fact]
    public void WholeFileInWindows1252GetsAnUnsafeTranscodingFix()
    {
        byte[] bytes = Bytes("# Caf", new byte[] { 0xE9 }, "\n\n", new byte[] { 0x93 }, "Hi", new byte[] { 0x94, 0x20, 0x80 }, "5\n");
        var diags = EncodingLint.Lint(bytes);
        Assert.Equal(4, diags.Length);
        Assert.All(diags, d => Assert.Contains("the whole file decodes cleanly as Windows-1252", d.Message));
        Assert.False(diags[0].Fix!.IsSafe);
        Assert.All(diags.Skip(1), d => Assert.Null(d.Fix));
        Assert.Equal(bytes, EncodingLint.Fix(bytes, includeUnsafe: false));
        Assert.Equal(TextEncoding.UTF8.GetBytes("# Café\n\n“Hi” €5\n"), EncodingLint.Fix(bytes, includeUnsafe: true));
    }

    [Theory]
    [InlineData(new byte[] { 0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2 })] // "Привет" in Windows-1251: a run of letters no Latin text has
    [InlineData(new byte[] { 0x81, 0x41 })]                          // 0x81 is undefined in Windows-1252
    [InlineData(new byte[] { 0xE9, 0xEF, 0xBB, 0xBF })]              // a BOM later on is valid UTF-8: mixed
    public void NoTranscodingFixWhenWindows1252DoesNotFit(byte[] bad)
    {
        var diags = EncodingLint.Lint(Bytes("# T\n\nx ", bad, "\n")).Where(d => d.Id == "PL2002").ToList();
        Assert.NotEmpty(diags);
        Assert.All(diags, d => Assert.Null(d.Fix));
        Assert.All(diags, d => Assert.DoesNotContain("Windows-1252", d.Message));
    }

    [Fact]
    public void ListsFiveThenCountsTheRest()
    {
        var diags = EncodingLint.Lint(Bytes("# T\n\n", Enumerable.Repeat(new byte[] { 0x41, 0xFF }, 12).SelectMany(b => b).ToArray(), "\n"));
        Assert.Equal(PL2002InvalidUtf8.MaxReported + 1, diags.Length);
        Assert.Equal("7 more invalid UTF-8 sequences from here on (12 in the file); only the first 5 are listed", diags[5].Message);
    }

    [Theory]
    [InlineData("utf-16LE", true, "UTF-16 LE")]
    [InlineData("utf-16BE", true, "UTF-16 BE")]
    [InlineData("utf-16LE", false, "UTF-16 LE")]
    [InlineData("utf-32LE", true, "UTF-32 LE")]
    [InlineData("utf-32BE", true, "UTF-32 BE")]
    public void Utf16And32AreDecodedAndGetAnInfoFinding(string encoding, bool bom, string name)
    {
        var enc = TextEncoding.GetEncoding(encoding);
        byte[] bytes = (bom ? enc.GetPreamble() : new byte[0]).Concat(enc.GetBytes("# Title\n\nText é 🤗 here.\n")).ToArray();
        var d = Assert.Single(EncodingLint.Lint(bytes));
        Assert.Equal($"File is encoded as {name}; PolicyLint reads it, but most tools expect UTF-8", d.Message);
        Assert.Equal(Severity.Info, d.Severity);
        Assert.Null(d.Fix);
    }

    [Theory]
    [InlineData("utf-16LE", new byte[] { 0x00, 0xD8, 0x78, 0x00 }, "UTF-16 LE")]   // an unpaired high surrogate
    [InlineData("utf-16LE", new byte[] { 0x41 }, "UTF-16 LE")]                     // an odd trailing byte
    [InlineData("utf-32LE", new byte[] { 0x00, 0x00, 0x11, 0x00 }, "UTF-32 LE")]   // U+110000
    public void Utf16And32ThatDoNotDecodeGetNoFixesAndTheNoteSaysWhy(string encoding, byte[] tail, string name)
    {
        // Written back, the sequences would become U+FFFD: no finding of the file carries a fix (PL2005's would be safe).
        var enc = TextEncoding.GetEncoding(encoding);
        byte[] bytes = [.. enc.GetPreamble(), .. enc.GetBytes("# Title\n\nA wo\u200Brd.\n"), .. tail];
        var d = EncodingLint.Lint(bytes);
        var note = Assert.Single(d, x => x.Id == "PL2002");
        Assert.Equal($"File is encoded as {name} and holds sequences that do not decode (read as U+FFFD); PolicyLint reads it but offers no fixes for it, since rewriting it would lose those bytes: repair its encoding first", note.Message);
        Assert.Equal(Severity.Info, note.Severity);
        Assert.Equal((3, 5), (Assert.Single(d, x => x.Id == "PL2005").Location.StartLine, d.Single(x => x.Id == "PL2005").Location.StartColumn));
        Assert.All(d, x => Assert.Null(x.Fix));
        // The same text that decodes: PL2005 has its fix.
        Assert.NotNull(Assert.Single(EncodingLint.Lint([.. enc.GetPreamble(), .. enc.GetBytes("# Title\n\nA wo\u200Brd.\n")]), x => x.Id == "PL2005").Fix);
    }

    [Fact]
    public void ConfiguredSeverityWinsOverTheInfoNote()
    {
        var bytes = TextEncoding.Unicode.GetPreamble().Concat(TextEncoding.Unicode.GetBytes("# Title\n")).ToArray();
        var d = Assert.Single(EncodingLint.Lint(bytes, config: "rules:\n  PL2002: warning\n"));
        Assert.Equal(Severity.Warning, d.Severity);
    }
}

public sealed class Windows1252LookupTests
{
    [Fact]
    public void OneTableServesTheDetectorAndTheInvalidUtf8Rule()
    {
        var undefined = System.Linq.Enumerable.Range(0, 256).Where(b => PolicyLint.Rules.Encoding.CharInfo.FromWindows1252((byte)b) is null).ToArray();
        Assert.Equal([0x81, 0x8D, 0x8F, 0x90, 0x9D], undefined);
        Assert.Equal('\u20AC', PolicyLint.Rules.Encoding.CharInfo.FromWindows1252(0x80));
        Assert.Equal('\u2019', PolicyLint.Rules.Encoding.CharInfo.FromWindows1252(0x92));
        Assert.Equal('\u0178', PolicyLint.Rules.Encoding.CharInfo.FromWindows1252(0x9F));
        Assert.Equal('\u00A0', PolicyLint.Rules.Encoding.CharInfo.FromWindows1252(0xA0));
        Assert.Equal('\u00E9', PolicyLint.Rules.Encoding.CharInfo.FromWindows1252(0xE9));
        Assert.Equal('A', PolicyLint.Rules.Encoding.CharInfo.FromWindows1252(0x41));
    }
}
