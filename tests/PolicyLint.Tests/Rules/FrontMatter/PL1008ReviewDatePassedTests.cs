using System;
using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Tests.Rules.FrontMatter;

/// <summary>The verifier's clock is 2026-06-01 12:00 UTC.</summary>
public sealed class PL1008ReviewDatePassedTests
{
    [Fact]
    public void PassedDateIsAnError()
    {
        var d = LintVerifier.Verify("---\nreview_by: {|PL1008:2026-05-31|}\nexpires: {|PL1008:\"2025-06-01\"|}\n---\n", rules: ["PL1008", "PL1010"]);
        Assert.Equal("Review date 'review_by' (2026-05-31) passed 1 day ago; review the document and set a new date", d[0].Message);
        Assert.Equal("Review date 'expires' (2025-06-01) passed 365 days ago; review the document and set a new date", d[1].Message);
    }

    [Fact]
    public void TodayAndSoonAreInfoUnderPL1010()
    {
        var d = LintVerifier.Verify("---\nreview_by: {|PL1010:2026-06-01|}\nexpires: {|PL1010:2026-07-01|}\n---\n", rules: ["PL1008", "PL1010"]);
        Assert.Equal("Review date 'review_by' (2026-06-01) is today; plan the review", d[0].Message);
        Assert.Equal("Review date 'expires' (2026-07-01) is in 30 days; plan the review", d[1].Message);
        LintVerifier.Verify("---\nreview_by: 2026-07-02\n---\n", rules: ["PL1008", "PL1010"]);
    }

    [Fact]
    public void DateTimesCompareAsInstants()
    {
        LintVerifier.Verify("---\nreview_by: {|PL1008:2026-06-01T11:59:00Z|}\n---\n", rules: ["PL1008"]);
        LintVerifier.Verify("---\nreview_by: {|PL1010:2026-06-01T13:00:00+00:00|}\n---\n", rules: ["PL1008", "PL1010"]);
    }

    [Fact]
    public void OptionsAndInjectedClock()
    {
        const string config = "rules:\n  PL1008:\n    options:\n      fields: [next_review]\n      warnDays: 5\n";
        LintVerifier.Verify("---\nreview_by: 2000-01-01\nnext_review: {|PL1010:2026-06-06|}\n---\n", config, rules: ["PL1008", "PL1010"]);
        LintVerifier.Verify("---\nnext_review: 2026-06-06\n---\n", config, rules: ["PL1008", "PL1010"],
            now: new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void UncheckableDateIsReported()
    {
        var d = LintVerifier.Verify("---\nreview_by: {|PL1008:next spring|}\n---\n", rules: ["PL1008"]);
        Assert.Contains("not an ISO 8601 date", d[0].Message);
        LintVerifier.Verify("---\nreview_by:\n---\n", rules: ["PL1008"]);
    }
}
