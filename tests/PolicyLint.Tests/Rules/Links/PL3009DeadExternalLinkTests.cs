using System;
using System.IO;
using System.Linq;
using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Tests.Rules.Links;

public sealed class PL3009DeadExternalLinkTests
{
    private const string Enable = "rules:\n  PL3009:\n    severity: error\n    options:\n      allowPrivateAddresses: true\n      timeoutSeconds: 2\n      retries: 1\n";

    private static LocalHttpServer Server() => new((method, path, n) => path switch
    {
        "/ok" => LocalHttpServer.Response(200, "OK"),
        "/gone" => LocalHttpServer.Response(404, "Not Found"),
        "/busy" => n == 1 ? LocalHttpServer.Response(429, "Too Many Requests", "Retry-After: 0\r\n") : LocalHttpServer.Response(200, "OK"),
        "/loop" => LocalHttpServer.Response(302, "Found", "Location: /loop2\r\n"),
        "/loop2" => LocalHttpServer.Response(302, "Found", "Location: /loop\r\n"),
        "/moved" => LocalHttpServer.Response(301, "Moved", "Location: /target\r\n"),
        "/target" => LocalHttpServer.Response(200, "OK"),
        "/nohead" => method == "HEAD" ? LocalHttpServer.Response(405, "Method Not Allowed") : LocalHttpServer.Response(200, "OK"),
        "/error" => LocalHttpServer.Response(503, "Service Unavailable"),
        "/hang" => null,
        _ => LocalHttpServer.Response(500, "Oops"),
    });

    private static string Config(string extra = "") => Enable.Replace("      allowPrivateAddresses: true\n", "      allowPrivateAddresses: true\n" + extra);

    [Fact]
    public void OffByDefault()
    {
        using var s = Server();
        LintVerifier.Verify($"[a]({s.Url("/gone")})\n", rules: ["PL3009"]);
        Assert.Empty(s.Log);
    }

    [Fact]
    public void ReportsDeadLinksAndAcceptsLiveOnes()
    {
        using var s = Server();
        string ok = s.Url("/ok"), gone = s.Url("/gone"), busy = s.Url("/busy"), loop = s.Url("/loop"), moved = s.Url("/moved"), nohead = s.Url("/nohead");
        var d = LintVerifier.Verify($"[a]({ok}) [b]({{|PL3009:{gone}|}}) [c]({busy}) [d]({{|PL3009:{loop}|}}) [e]({moved}) [f]({nohead})\n\n" +
            $"[g][r] <a href=\"{{|PL3009:{gone}|}}\">again</a>\n\n[r]: {ok}\n", config: Config("      maxRedirects: 3\n"), rules: ["PL3009"]);
        Assert.Equal($"External link '{gone}' returned 404 Not Found", d[0].Message);
        Assert.Equal($"External link '{loop}' redirects more than 3 times", d[1].Message);
        Assert.Equal(2, s.Hits["HEAD /busy"]); // 429 with Retry-After, then retried
        Assert.Equal(1, s.Hits["GET /nohead"]);  // HEAD refused with 405, GET decides
        Assert.Equal(1, s.Hits["HEAD /ok"]);    // one check per unique URL
        Assert.Equal(1, s.Hits["HEAD /target"]); // the redirect was followed
    }

    [Fact]
    public void TimeoutsAndServerErrorsAreRetriedThenReported()
    {
        using var s = Server();
        string hang = s.Url("/hang"), err = s.Url("/error");
        var d = LintVerifier.Verify($"[a]({{|PL3009:{hang}|}}) [b]({{|PL3009:{err}|}})\n",
            config: Config().Replace("timeoutSeconds: 2", "timeoutSeconds: 0.3").Replace("retries: 1", "retries: 0"), rules: ["PL3009"]);
        Assert.Equal($"External link '{hang}' timed out after 0.3 s", d[0].Message);
        Assert.Equal($"External link '{err}' returned 503 Service Unavailable", d[1].Message);
    }

    [Fact]
    public void AcceptedCodesAndExcludePatterns()
    {
        using var s = Server();
        LintVerifier.Verify($"[a]({s.Url("/gone")}) [b]({s.Url("/error")})\n",
            config: Config("      acceptedStatusCodes: [200-299, 404]\n      exclude: ['*/error']\n"), rules: ["PL3009"]);
        Assert.False(s.Hits.ContainsKey("HEAD /error"));
    }

    [Fact]
    public void PrivateAddressesAreRefusedUnlessAllowed()
    {
        using var s = Server();
        LintVerifier.Verify($"[a]({s.Url("/gone")}) [b](http://localhost:{new Uri(s.Url("/")).Port}/gone)\n",
            config: "rules:\n  PL3009: error\n", rules: ["PL3009"]);
        Assert.Empty(s.Log);
    }

    [Fact]
    public void ResultsAreCachedOnDiskUpToTheMaximumAge()
    {
        using var s = Server();
        using var t = new TempTree();
        string gone = s.Url("/gone");
        string config = Config("      cacheFile: links.cache\n      cacheMaxAgeHours: 1\n");
        LintVerifier.Verify($"[a]({{|PL3009:{gone}|}})\n", config: config, rules: ["PL3009"], baseDirectory: t.Root);
        int first = s.Log.Count;
        Assert.True(File.Exists(t.Path_("links.cache")));
        LintVerifier.Verify($"[a]({{|PL3009:{gone}|}})\n", config: config, rules: ["PL3009"], baseDirectory: t.Root);
        Assert.Equal(first, s.Log.Count); // served from the cache
        LintVerifier.Verify($"[a]({{|PL3009:{gone}|}})\n", config: config, rules: ["PL3009"], baseDirectory: t.Root,
            now: LintVerifier.FixedNow.AddHours(2));
        Assert.True(s.Log.Count > first); // too old: checked again
    }
}
