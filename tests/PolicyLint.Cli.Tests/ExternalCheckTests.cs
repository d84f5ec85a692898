using System.Collections.Generic;
using System.Linq;
using PolicyLint.Tests.Rules.Links;
using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Cli.Tests;

/// <summary>--check-external as a user runs it: the environment's proxy is honoured; the address policy is the link's, not the proxy's.</summary>
public sealed class ExternalCheckTests
{
    // Every proxy variable .NET reads, cleared, so the machine's own settings cannot take part.
    private static Dictionary<string, string?> ProxyEnvironment(string? httpProxy) => new()
    {
        ["http_proxy"] = httpProxy, ["HTTP_PROXY"] = httpProxy, ["https_proxy"] = null, ["HTTPS_PROXY"] = null,
        ["all_proxy"] = null, ["ALL_PROXY"] = null, ["no_proxy"] = null, ["NO_PROXY"] = null,
    };

    [Fact]
    public void BehindAnHttpProxyOnLoopbackLinksAreCheckedThroughIt()
    {
        // The proxy answers for the public host; 192.0.2.10 (TEST-NET-1, documentation only) is never connected to.
        using var proxy = new LocalHttpServer((method, target, _) =>
            target == "http://192.0.2.10/ok" ? LocalHttpServer.Response(200, "OK") : LocalHttpServer.Response(404, "Not Found"));
        using var t = new TempTree();
        t.Write(".policylint.yml", "root: true\nrules:\n  PL3009:\n    options:\n      timeoutSeconds: 5\n      retries: 0\n");
        t.Write("a.md", "# A\n\n[ok](http://192.0.2.10/ok) and [gone](http://192.0.2.10/gone) and [local](http://127.0.0.1:1/x)\n");
        var r = CliRunner.RunWith(t.Root, null, ProxyEnvironment(proxy.Url("")), "a.md", "--check-external", "--no-cache", "--quiet");
        // Before: the connection to the proxy itself was refused as loopback, and every link was "could not be reached".
        Assert.Equal((1, "a.md(3,39): error PL3009: External link 'http://192.0.2.10/gone' returned 404 Not Found\n", ""), (r.ExitCode, r.Stdout, r.Stderr));
        Assert.Equal(["GET http://192.0.2.10/gone", "HEAD http://192.0.2.10/gone", "HEAD http://192.0.2.10/ok"], proxy.Log.OrderBy(x => x, System.StringComparer.Ordinal).ToArray());
    }
}
