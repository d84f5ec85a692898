using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Tests.Rules.FrontMatter;

public sealed class PL1006ReferencedFileMissingTests
{
    private const string Config = "siteRoots: { \"/blog/\": \"site\" }\nrules:\n  PL1006:\n    options:\n      fields: [thumbnail, \"gallery[]\"]\n";

    [Fact]
    public void SiteRootedAndRelativePathsAreResolved()
    {
        using var t = new TempTree();
        t.Write("site/assets/ok.png", "").Write("posts/local.png", "");
        var d = LintVerifier.Verify("""
            ---
            thumbnail: {|PL1006:/blog/assets/missing.png|}
            gallery:
              - /blog/assets/ok.png
              - local.png
              - {|PL1006:../nope.png|}
              - https://cdn.example.com/x.png
            ---
            """, Config, path: t.Path_("posts/a.md"), baseDirectory: t.Root, rules: ["PL1006"]);
        Assert.Equal("Field 'thumbnail' points to '/blog/assets/missing.png', which does not exist (looked for site/assets/missing.png)", d[0].Message);
        Assert.StartsWith("Field 'gallery[2]' points to '../nope.png'", d[1].Message);
    }

    [Fact]
    public void QuotedPercentEncodedAndDoubleSlashPaths()
    {
        using var t = new TempTree();
        t.Write("site/assets/a b.png", "").Write("site/assets/c.png", "");
        LintVerifier.Verify("---\r\nthumbnail: \"/blog/assets/a%20b.png\"\r\ngallery: [\"/blog//assets/c.png?v=2\"]\r\n---\r\n", Config,
            path: t.Path_("a.md"), baseDirectory: t.Root, rules: ["PL1006"]);
    }

    [Fact]
    public void CaseMismatchIsFixed()
    {
        using var t = new TempTree();
        t.Write("site/assets/Thumb.PNG", "");
        var d = LintVerifier.Verify("---\nthumbnail: {|PL1006:/blog/assets/thumb.png|}\n---\n", Config, path: t.Path_("a.md"), baseDirectory: t.Root, rules: ["PL1006"]);
        Assert.Equal("Field 'thumbnail' points to '/blog/assets/thumb.png', which does not exist; the file on disk is 'Thumb.PNG' (the case differs)", d[0].Message);
        LintVerifier.VerifyFix("---\nthumbnail: /blog/assets/thumb.png\n---\n", "---\nthumbnail: /blog/assets/Thumb.PNG\n---\n", Config,
            rules: ["PL1006"], path: t.Path_("a.md"), baseDirectory: t.Root);
    }

    [Fact]
    public void SpecPathFieldsAreChecked()
    {
        using var t = new TempTree();
        LintVerifier.Verify("---\ncover: {|PL1006:img/c.png|}\n---\n", "rules:\n  PL1004:\n    options:\n      fields:\n        cover: { type: string, path: true }\n",
            path: t.Path_("a.md"), baseDirectory: t.Root, rules: ["PL1006"]);
    }

    [Fact]
    public void UnmappedSiteRootedPathsAreNotChecked()
    {
        using var t = new TempTree();
        LintVerifier.Verify("---\nthumbnail: /static/x.png\n---\n", Config, path: t.Path_("a.md"), baseDirectory: t.Root, rules: ["PL1006"]);
    }
}
