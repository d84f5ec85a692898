using System;
using System.IO;
using System.Linq;
using System.Threading;
using PolicyLint.Engine;
using PolicyLint.Tests.TestSupport;
using Xunit;

namespace PolicyLint.Tests.Engine;

/// <summary>
/// The disk facts a long-lived host (the language server) keeps from one lint to the next: the site model and folder
/// listings until the host clears them or they expire, and linked outlines while the file's size and write time hold.
/// </summary>
public sealed class WorkspaceStateTests
{
    private const string Page = "---\ntitle: Page\n---\n\nSee [the old page](/old/gone/) and [the guide](guide.md#setup) and ![logo](/images/new.png).\n";

    private static TempTree Hugo() => new TempTree()
        .Write(".git/HEAD", "ref: refs/heads/main\n")
        .Write("hugo.toml", "baseURL = \"https://example.org/\"\n")
        .Write("content/_index.md", "---\ntitle: Home\n---\n")
        .Write("content/docs/guide.md", "---\ntitle: Guide\n---\n\n## Install\n")
        .Write("content/docs/target.md", "---\ntitle: Target\n---\n\nText.\n");

    private static string[] Findings(TempTree t, WorkspaceState? state)
    {
        var result = new LintEngine().Lint(new LintRequest
        {
            Paths = [],
            Documents = [new InMemoryDocument(t.Path_("content/docs/page.md"), Page)],
            BaseDirectory = t.Root,
            DiscoverConfiguration = false,
            MaxDegreeOfParallelism = 1,
            State = state,
        });
        return result.Diagnostics.Where(d => d.Id is "PL3001" or "PL3002").Select(d => d.Id + " " + d.Message).ToArray();
    }

    private static readonly string[] AllBroken =
    [
        "PL3001 Link target '/old/gone/' does not exist on the hugo site (no page, page resource or static file answers '/old/gone/')",
        "PL3002 Anchor '#setup' matches no heading or id in 'content/docs/guide.md'",
        "PL3001 Image '/images/new.png' does not exist on the hugo site (no page, page resource or static file answers '/images/new.png')",
    ];

    [Fact]
    public void AFreshStateGivesTheSameFindingsAsNone()
    {
        using var t = Hugo();
        var state = new WorkspaceState { MaxAge = Timeout.InfiniteTimeSpan };
        Assert.Equal(Findings(t, null), Findings(t, state));
        Assert.Equal(Findings(t, null), Findings(t, state));
    }

    [Fact]
    public void TheSiteModelAndListingsAreKeptUntilClearedWhileOutlinesFollowTheDisk()
    {
        using var t = Hugo();
        var state = new WorkspaceState { MaxAge = Timeout.InfiniteTimeSpan };
        Assert.Equal(AllBroken, Findings(t, state));

        // On disk: an alias for the old URL, the linked heading, the image.
        t.Write("content/docs/target.md", "---\ntitle: Target\naliases: [/old/gone/]\n---\n\nText.\n");
        t.Write("content/docs/guide.md", "---\ntitle: Guide\n---\n\n## Install\n\n## Setup\n");
        t.WriteBytes("static/images/new.png", [1]);

        // The linked outline is read again (its size changed); the site model (alias, static file) is the one kept.
        Assert.Equal([AllBroken[0], AllBroken[2]], Findings(t, state));
        Assert.Empty(Findings(t, null));

        state.Clear();
        Assert.Empty(Findings(t, state));
    }

    [Fact]
    public void WithoutClearTheSiteModelIsRebuiltAfterMaxAge()
    {
        using var t = Hugo();
        long now = 0;
        var state = new WorkspaceState(() => now) { MaxAge = TimeSpan.FromSeconds(5) };
        Assert.Equal(3, Findings(t, state).Length);
        t.Write("content/docs/target.md", "---\ntitle: Target\naliases: [/old/gone/]\n---\n\nText.\n");
        now = 5_000;
        Assert.Equal(3, Findings(t, state).Length);
        now = 5_001;
        Assert.Equal(2, Findings(t, state).Length);
        Assert.DoesNotContain(Findings(t, state), f => f.Contains("/old/gone/", StringComparison.Ordinal));
    }

    [Fact]
    public void ADeletedLinkedFileIsNotAnsweredFromTheKeptOutline()
    {
        using var t = Hugo();
        t.Write("content/docs/guide.md", "---\ntitle: Guide\n---\n\n## Setup\n");
        var state = new WorkspaceState { MaxAge = Timeout.InfiniteTimeSpan };
        Assert.DoesNotContain(Findings(t, state), f => f.StartsWith("PL3002", StringComparison.Ordinal));
        File.Delete(t.Path_("content/docs/guide.md"));
        state.Clear();
        Assert.StartsWith("PL3001 Link target 'guide.md' does not exist on the hugo site", Findings(t, state)[1], StringComparison.Ordinal);
    }
}
