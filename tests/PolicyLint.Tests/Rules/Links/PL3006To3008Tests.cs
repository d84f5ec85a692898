using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Tests.Rules.Links;

public sealed class PL3006EmptyLinkTests
{
    [Fact]
    public void EmptyTargetsAndEmptyText()
    {
        var d = LintVerifier.Verify("{|PL3006:[text]()|} {|PL3006:[](https://example.com)|} {|PL3006:![alt]()|} {|PL3006:<a href=\"\">|}x</a>\n", rules: ["PL3006"]);
        Assert.Equal("Link '[text]()' has no target; add the URL or remove the brackets", d[0].Message);
        Assert.Equal("Link '[](https://example.com)' has no text, so readers and screen readers see nothing to click; add link text", d[1].Message);
    }

    [Fact]
    public void AHashOnlyTargetIsEmptyDirectlyOrThroughAReference()
    {
        var d = LintVerifier.Verify("{|PL3006:[top](#)|} {|PL3006:[spec][s]|} {|PL3006:[s]|} [fine](#intro)\n\n[s]: #\n[//]: # (a comment)\n", rules: ["PL3006", "PL3005"]);
        Assert.Equal("Link '[top](#)' has no target: '#' only goes to the top of this page; add the URL or remove the brackets", d[0].Message);
        Assert.Equal("Link '[spec][s]' has no target: its definition's URL is only '#', the top of this page; put the real URL in the definition", d[1].Message);
    }

    [Fact]
    public void ImagesAndHtmlInsideLinksCountAsText() =>
        LintVerifier.Verify("[![logo](logo.png)](https://example.com) [<img src=\"a.png\" alt=\"a\">](https://example.com) [`code`](https://x.example)\n", rules: ["PL3006"]);
}

public sealed class PL3007NonDescriptiveLinkTextTests
{
    [Fact]
    public void ReportsVagueLinkText()
    {
        var d = LintVerifier.Verify("Read {|PL3007:[here](https://a.example)|}, {|PL3007:[Click Here!](https://b.example)|}, {|PL3007:[read more][r]|}.\n" +
            "But [the release notes](https://c.example) and ![here](x.png) are fine.\n\n[r]: https://r.example\n", rules: ["PL3007"]);
        Assert.Equal("Link text 'here' does not say where the link goes; use words that name the target, such as its title", d[0].Message);
    }

    [Fact]
    public void PhrasesAreConfigurable() =>
        LintVerifier.Verify("[here](https://a.example) {|PL3007:[hier](https://b.example)|}\n",
            config: "rules:\n  PL3007:\n    options:\n      phrases: [hier]\n", rules: ["PL3007"]);

    [Fact]
    public void PunctuationRunsAndCaseDoNotHideAVaguePhrase() =>
        LintVerifier.Verify("{|PL3007:[click here!!!!](https://a.example)|} {|PL3007:[(HERE)](https://b.example)|} {|PL3007:[click-here](https://c.example)|} " +
            "{|PL3007:[**Read  more** »](https://d.example)|} {|PL3007:[...more...](https://e.example)|} [here's why](https://f.example)\n", rules: ["PL3007"]);

    [Fact]
    public void GoTheLanguageIsNotVague() =>
        LintVerifier.Verify("Written in [Go](https://go.dev) and [go](https://go.dev/doc/).\n", rules: ["PL3007"]);
}

public sealed class PL3008ImageAltTextTests
{
    [Fact]
    public void ImagesWithoutAlt()
    {
        var d = LintVerifier.Verify("{|PL3008:![](a.png)|} ![ok](b.png) {|PL3008:<img src=\"c.png\">|} <img src=\"d.png\" alt=\"\"> <img src=\"e.png\" alt=\"E\">\n\n" +
            "{|PL3008:![][logo]|}\n\n[logo]: logo.png\n", rules: ["PL3008"]);
        Assert.Equal("Image 'a.png' has no alt text; describe the image between the brackets: '![what it shows](...)'", d[0].Message);
    }

    [Fact]
    public void HtmlInCodeIsNotAnImage() =>
        LintVerifier.Verify("```html\n<img src=\"x.png\">\n```\n\n`<img src=\"y.png\">`\n\n<pre><img src=\"z.png\"></pre>\n", rules: ["PL3008"]);
}
