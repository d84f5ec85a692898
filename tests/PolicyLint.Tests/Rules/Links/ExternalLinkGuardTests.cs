using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using PolicyLint.Analysis;
using PolicyLint.Engine;
using PolicyLint.Rules.Links;
using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Tests.Rules.Links;

/// <summary>
/// PL3009's address policy, proxy and deadline (issue 18). No test reaches the network: servers and proxies listen on
/// 127.0.0.1, names are answered by the checker's resolver seam, and the one public address used (192.0.2.10, TEST-NET-1)
/// is only ever sent to a local proxy.
/// </summary>
public sealed class ExternalLinkGuardTests
{
    [Theory]
    [InlineData("::127.0.0.1")]          // IPv4-compatible loopback
    [InlineData("::7f00:1")]
    [InlineData("::10.1.2.3")]
    [InlineData("::ffff:0:127.0.0.1")]   // IPv4-translated
    [InlineData("64:ff9b::127.0.0.1")]   // NAT64 of loopback, private, link-local, benchmarking
    [InlineData("64:ff9b::a00:1")]
    [InlineData("64:ff9b::192.168.1.1")]
    [InlineData("64:ff9b::169.254.169.254")]
    [InlineData("64:ff9b::198.18.0.1")]
    [InlineData("64:ff9b:1::808:808")]   // local-use NAT64 prefix: refused whole
    [InlineData("2002:7f00:1::1")]       // 6to4 of 127.0.0.1
    [InlineData("2002:c0a8:101::")]      // 6to4 of 192.168.1.1
    [InlineData("198.18.0.1")]           // benchmarking 198.18.0.0/15
    [InlineData("198.19.255.255")]
    [InlineData("192.0.0.8")]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("fd00::1")]
    [InlineData("100.64.0.1")]
    public void RefusesPrivateLoopbackAndReservedAddressesInEveryForm(string address) =>
        Assert.True(AddressGuard.IsPrivate(IPAddress.Parse(address)), address);

    [Theory]
    [InlineData("198.17.255.255")]
    [InlineData("198.20.0.1")]
    [InlineData("192.0.2.10")]
    [InlineData("8.8.8.8")]
    [InlineData("64:ff9b::8.8.8.8")]
    [InlineData("2002:808:808::1")]
    [InlineData("2606:4700::1111")]
    public void AcceptsPublicAddresses(string address) =>
        Assert.False(AddressGuard.IsPrivate(IPAddress.Parse(address)), address);

    private static ExternalLinkOptions Options(double timeoutSeconds = 2)
    {
        var o = ExternalLinkOptions.Read(RuleOptions.Empty, LintVerifier.NeutralDirectory);
        o.Timeout = TimeSpan.FromSeconds(timeoutSeconds);
        o.Retries = 0;
        return o;
    }

    /// <summary>A resolver that records every name asked and answers from a table (a name not in it does not resolve).</summary>
    private sealed class FakeDns
    {
        private readonly (string Name, string Address)[] _table;
        public FakeDns(params (string Name, string Address)[] table) => _table = table;
        public ConcurrentQueue<string> Asked { get; } = new();
        public Task<IPAddress[]> Resolve(string name, CancellationToken ct)
        {
            Asked.Enqueue(name);
            var hits = _table.Where(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase)).Select(e => IPAddress.Parse(e.Address)).ToArray();
            return hits.Length > 0 ? Task.FromResult(hits) : Task.FromException<IPAddress[]>(new SocketException((int)SocketError.HostNotFound));
        }
    }

    [Theory]
    [InlineData("http://LOCALHOST./x")]
    [InlineData("http://localhost./x")]
    [InlineData("http://app.LOCALHOST./x")]
    public async Task LocalhostWithAFinalDotIsRefusedWithoutAskingDns(string url)
    {
        var dns = new FakeDns(("localhost.", "127.0.0.1"), ("app.localhost.", "127.0.0.1"));
        using var checker = new ExternalLinkChecker(Options(), resolve: dns.Resolve);
        var r = await checker.CheckAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal((false, true, "points at a private or loopback address"), (r.IsAlive, r.Refused, r.Reason));
        Assert.Empty(dns.Asked);
    }

    [Theory]
    [InlineData("nat64.test", "64:ff9b::7f00:1")]
    [InlineData("compat.test", "::127.0.0.1")]
    [InlineData("bench.test", "198.18.4.5")]
    public async Task NamesThatResolveToEmbeddedPrivateAddressesAreRefused(string name, string address)
    {
        var dns = new FakeDns((name, address));
        using var checker = new ExternalLinkChecker(Options(), resolve: dns.Resolve);
        var r = await checker.CheckAsync($"http://{name}/x", TestContext.Current.CancellationToken);
        Assert.Equal((false, true), (r.IsAlive, r.Refused));
        Assert.Equal([name], dns.Asked.ToArray());
    }

    [Fact]
    public void AnIpv4CompatibleLoopbackLinkIsRefusedAndNotReported()
    {
        // Before: [::127.0.0.1] was not refused; the connection was tried and the link reported as unreachable.
        using var s = new LocalHttpServer((_, _, _) => LocalHttpServer.Response(404, "Not Found"));
        int port = new Uri(s.Url("/")).Port;
        LintVerifier.Verify($"# T\n\n[a](http://[::127.0.0.1]:{port}/gone) [b](http://[::ffff:127.0.0.1]:{port}/gone) [c](http://LOCALHOST.:{port}/gone)\n",
            config: "rules:\n  PL3009:\n    severity: error\n    options:\n      timeoutSeconds: 2\n      retries: 0\n", rules: ["PL3009"]);
        Assert.Empty(s.Log);
    }

    [Fact]
    public async Task BehindAProxyTheTargetIsJudgedNotTheProxy()
    {
        using var proxy = new LocalHttpServer((_, target, _) => target.StartsWith("http://192.0.2.10/", StringComparison.Ordinal) || target.StartsWith("http://far.test/", StringComparison.Ordinal)
            ? LocalHttpServer.Response(200, "OK") : LocalHttpServer.Response(502, "Bad Gateway"));
        var dns = new FakeDns(("intranet.test", "10.0.0.5"));
        using var checker = new ExternalLinkChecker(Options(), proxy: new WebProxy(proxy.Url("")), resolve: dns.Resolve);
        var ct = TestContext.Current.CancellationToken;
        var results = await checker.CheckAllAsync(["http://192.0.2.10/a", "http://far.test/b", "http://10.1.2.3/c", "http://[::127.0.0.1]/d", "http://intranet.test/e"], ct);
        Assert.Equal(["http://192.0.2.10/a: alive", "http://far.test/b: alive", "http://10.1.2.3/c: refused", "http://[::127.0.0.1]/d: refused", "http://intranet.test/e: refused"],
            results.Select(kv => $"{kv.Key}: {(kv.Value.IsAlive ? "alive" : kv.Value.Refused ? "refused" : kv.Value.Reason)}").ToArray());
        // Only the public links went through the proxy; far.test does not resolve here, so the proxy resolved it.
        Assert.Equal(["HEAD http://192.0.2.10/a", "HEAD http://far.test/b"], proxy.Log.OrderBy(x => x, StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void OneDeadlineEndsAllChecksAndWhatItCutsOffIsCountedNotReported()
    {
        // A server that never answers cost timeoutSeconds x attempts x (HEAD + GET) per URL (62 s in the audit), with no bound.
        using var s = new LocalHttpServer((_, path, _) => path == "/ok" ? LocalHttpServer.Response(200, "OK") : null);
        string ok = s.Url("/ok"), hang = s.Url("/hang"), hang2 = s.Url("/hang2");
        const string config = "rules:\n  PL3009:\n    severity: error\n    options:\n      allowPrivateAddresses: true\n      timeoutSeconds: 30\n      retries: 2\n      concurrencyPerHost: 4\n      totalTimeoutSeconds: 1\n";
        var r = new LintEngine().LintText($"# T\n\n[a]({ok}) [b]({hang}) [c]({hang2}) [d]({hang})\n", configText: config, baseDirectory: LintVerifier.NeutralDirectory);
        Assert.DoesNotContain(r.Diagnostics, d => d.Id is "PL3009" or "PL0004" or "PL0005");
        Assert.Equal([$"PL3009's totalTimeoutSeconds (1 s) passed before {hang}, {hang2} could be checked: 3"],
            r.UncheckedLinks.Select(kv => $"{kv.Key}: {kv.Value}").ToArray());
        Assert.Equal(1, s.Hits["HEAD /ok"]);
    }
}
