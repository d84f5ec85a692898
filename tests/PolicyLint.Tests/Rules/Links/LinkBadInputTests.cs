using System.Linq;
using System.Text;
using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Tests.Rules.Links;

/// <summary>Hostile documents: the link rules finish, report sensibly and never crash the run.</summary>
public sealed class LinkBadInputTests
{
    [Fact]
    public void DeeplyNestedLinksAndBrackets()
    {
        string deep = new string('[', 300) + "[x](missing.md)" + new string(']', 300) + "\n\n" +
                      string.Concat(Enumerable.Repeat("> ", 60)) + "[y](#nope) [z][undefined]\n";
        var d = LintVerifier.Lint(deep);
        Assert.DoesNotContain(d, x => x.Id.StartsWith("PL0"));
        Assert.Single(d, x => x.Id == "PL3001");
        Assert.Single(d, x => x.Id == "PL3002");
        Assert.Single(d, x => x.Id == "PL3003");
        // Beyond Markdig's depth limit the engine reports the file as unparsable; the link rules never crash.
        var tooDeep = LintVerifier.Lint(new string('[', 20000) + "[x](missing.md)" + new string(']', 20000) + "\n");
        Assert.DoesNotContain(tooDeep, x => x.Message.Contains("Exception") || x.Id.StartsWith("PL3"));
    }

    [Fact]
    public void VeryLongTargetsAndLinkText()
    {
        string longPath = string.Concat(Enumerable.Repeat("very-long-segment/", 20000)) + "x.md";
        string text = new string('t', 200000);
        var d = LintVerifier.Lint($"[{text}]({longPath}) [a](#{new string('b', 100000)}) [c](https://{new string('d', 100000)}.com/)\n");
        Assert.Single(d, x => x.Id == "PL3001");
        Assert.Single(d, x => x.Id == "PL3002");
    }

    [Fact]
    public void ThousandsOfLinksAndDefinitionsInOneFile()
    {
        var sb = new StringBuilder("# Top\n\n");
        for (int i = 0; i < 5000; i++) sb.Append("[l").Append(i).Append("][r").Append(i).Append("] [m](#top) ![i](img").Append(i).Append(".png)\n");
        for (int i = 0; i < 5000; i++) sb.Append("\n[r").Append(i).Append("]: https://example.com/").Append(i);
        var d = LintVerifier.Lint(sb.Append('\n').ToString());
        Assert.Equal(5000, d.Count(x => x.Id == "PL3001"));
        Assert.DoesNotContain(d, x => x.Id is "PL3002" or "PL3003" or "PL3004");
    }
}
