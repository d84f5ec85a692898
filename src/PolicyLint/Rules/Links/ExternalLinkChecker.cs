using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace PolicyLint.Rules.Links;

/// <summary>What checking one URL found.</summary>
internal sealed class LinkCheckResult
{
    public LinkCheckResult(bool isAlive, string reason, bool refused = false, bool notChecked = false)
    {
        IsAlive = isAlive; Reason = reason; Refused = refused; NotChecked = notChecked;
    }
    public bool IsAlive { get; }
    public string Reason { get; }
    /// <summary>Not checked: the host is private or loopback and that is not allowed.</summary>
    public bool Refused { get; }
    /// <summary>Not checked: the run's deadline for external checks passed first (never cached, never reported as dead).</summary>
    public bool NotChecked { get; }
}

/// <summary>
/// Checks external URLs: HEAD, then GET when HEAD is refused; per-host concurrency and delay; a timeout per request;
/// retries with exponential backoff on time-outs, connection errors and 5xx; <c>Retry-After</c> honoured on 429 (capped);
/// redirects followed by hand up to a limit, each hop's host checked again. Private, loopback and link-local addresses are
/// refused unless allowed, both before the request and (where the runtime allows it) when the socket connects. A proxy the
/// user configured (<c>HTTP_PROXY</c>, <c>HTTPS_PROXY</c>, <c>NO_PROXY</c>) is used: the address policy applies to the link's
/// host, never to the proxy's. All checks of a run end by one deadline; what it cuts off is "not checked", not dead.
/// </summary>
internal sealed class ExternalLinkChecker : IDisposable
{
    private readonly ExternalLinkOptions _o;
    private readonly HttpClient _client;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly Func<string, CancellationToken, Task<IPAddress[]>> _resolve;
#if NET
    private readonly IWebProxy? _proxy;
#endif

    /// <param name="options">The rule's options.</param>
    /// <param name="proxy">The proxy to use instead of the environment's (tests); null for the environment's.</param>
    /// <param name="resolve">Name resolution instead of DNS (tests); null for DNS.</param>
    public ExternalLinkChecker(ExternalLinkOptions options, IWebProxy? proxy = null, Func<string, CancellationToken, Task<IPAddress[]>>? resolve = null)
    {
        PolicyLint.IO.InputLog.Refuse("external links are checked over the network");
        _o = options;
        _resolve = resolve ?? DnsResolveAsync;
#if NET
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, ConnectTimeout = options.Timeout };
        if (proxy is not null) { handler.Proxy = proxy; handler.UseProxy = true; }
        _proxy = handler.UseProxy ? handler.Proxy ?? HttpClient.DefaultProxy : null;
        if (!options.AllowPrivateAddresses) handler.ConnectCallback = ConnectPublicOnlyAsync;
#else
        var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false };
        if (proxy is not null) { handler.Proxy = proxy; handler.UseProxy = true; }
#endif
        _client = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
    }

    private static Task<IPAddress[]> DnsResolveAsync(string host, CancellationToken ct) =>
#if NET
        Dns.GetHostAddressesAsync(host, ct);
#else
        Dns.GetHostAddressesAsync(host);
#endif

    /// <summary>Checks every URL; those still running when <see cref="ExternalLinkOptions.TotalTimeout"/> passes are <see cref="LinkCheckResult.NotChecked"/>.</summary>
    public async Task<Dictionary<string, LinkCheckResult>> CheckAllAsync(IEnumerable<string> urls, CancellationToken ct)
    {
        var list = urls.Distinct(StringComparer.Ordinal).ToList();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(_o.TotalTimeout);
        var tasks = list.Select(u => CheckBeforeDeadlineAsync(u, deadline.Token, ct)).ToArray();
        var results = await Task.WhenAll(tasks).ConfigureAwait(false);
        var d = new Dictionary<string, LinkCheckResult>(StringComparer.Ordinal);
        for (int i = 0; i < list.Count; i++) d[list[i]] = results[i];
        return d;
    }

    private async Task<LinkCheckResult> CheckBeforeDeadlineAsync(string url, CancellationToken deadline, CancellationToken ct)
    {
        try { return await CheckAsync(url, deadline).ConfigureAwait(false); }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new LinkCheckResult(false, "was not checked before the deadline", notChecked: true);
        }
    }

    public async Task<LinkCheckResult> CheckAsync(string url, CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            return new LinkCheckResult(false, "is not a valid http(s) URL");
        for (int hop = 0; hop <= _o.MaxRedirects; hop++)
        {
            if (!_o.AllowPrivateAddresses && await IsPrivateHostAsync(uri.DnsSafeHost, _resolve, ct).ConfigureAwait(false))
                return new LinkCheckResult(false, "points at a private or loopback address", refused: true);
            var (status, location, error) = await SendWithRetriesAsync(HttpMethod.Head, uri, ct).ConfigureAwait(false);
            if (error is null && status is 405 or 501 or 403 or 400 or 404 or 429 || error is not null)
            {
                // Many servers answer HEAD wrongly; GET decides.
                (status, location, error) = await SendWithRetriesAsync(HttpMethod.Get, uri, ct).ConfigureAwait(false);
            }
            if (error is not null) return new LinkCheckResult(false, error);
            if (status is >= 300 and < 400 && location is not null && !_o.IsAccepted(status))
            {
                if (!Uri.TryCreate(uri, location, out var next) || (next.Scheme != "http" && next.Scheme != "https"))
                    return new LinkCheckResult(false, $"redirects to an invalid location '{location}'");
                uri = next;
                continue;
            }
            return _o.IsAccepted(status) ? new LinkCheckResult(true, Status(status))
                : new LinkCheckResult(false, $"returned {Status(status)}");
        }
        return new LinkCheckResult(false, $"redirects more than {_o.MaxRedirects} times");
    }

    private async Task<(int Status, string? Location, string? Error)> SendWithRetriesAsync(HttpMethod method, Uri uri, CancellationToken ct)
    {
        var gate = _hosts.GetOrAdd(uri.Authority, _ => new SemaphoreSlim(_o.ConcurrencyPerHost));
        string? lastError = null;
        int lastStatus = 0;
        string? lastLocation = null;
        for (int attempt = 0; attempt <= _o.Retries; attempt++)
        {
            TimeSpan wait = TimeSpan.Zero;
            await gate.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                if (_o.Delay > TimeSpan.Zero) await Task.Delay(_o.Delay, ct).ConfigureAwait(false);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(_o.Timeout);
                using var request = new HttpRequestMessage(method, uri);
                using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                lastStatus = (int)response.StatusCode;
                lastLocation = response.Headers.Location?.OriginalString;
                lastError = null;
                if (lastStatus == 429) wait = RetryAfter(response) ?? Backoff(attempt);
                else if (lastStatus >= 500) wait = Backoff(attempt);
                else return (lastStatus, lastLocation, null);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                lastError = $"timed out after {_o.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s";
                wait = Backoff(attempt);
            }
            catch (HttpRequestException ex)
            {
                lastError = "could not be reached: " + Innermost(ex).Message;
                wait = Backoff(attempt);
            }
            finally { gate.Release(); }
            if (attempt < _o.Retries) await Task.Delay(wait, ct).ConfigureAwait(false);
        }
        return (lastStatus, lastLocation, lastError);
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var ra = response.Headers.RetryAfter;
        TimeSpan? t = ra?.Delta ?? (ra?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        if (t is null) return null;
        if (t < TimeSpan.Zero) t = TimeSpan.Zero;
        return t > _o.MaxRetryAfter ? _o.MaxRetryAfter : t;
    }

    private static TimeSpan Backoff(int attempt) => TimeSpan.FromMilliseconds(250 * (1 << Math.Min(attempt, 6)));

    private static Exception Innermost(Exception ex) { while (ex.InnerException is not null) ex = ex.InnerException; return ex; }

    private static string Status(int status) =>
        status.ToString(CultureInfo.InvariantCulture) + (Enum.IsDefined(typeof(HttpStatusCode), status) ? " " + Words(((HttpStatusCode)status).ToString()) : "");

    private static string Words(string pascal)
    {
        var sb = new System.Text.StringBuilder();
        foreach (char c in pascal) { if (char.IsUpper(c) && sb.Length > 0) sb.Append(' '); sb.Append(c); }
        return sb.ToString();
    }

    internal static async Task<bool> IsPrivateHostAsync(string host, Func<string, CancellationToken, Task<IPAddress[]>> resolve, CancellationToken ct)
    {
        if (IPAddress.TryParse(host, out var ip)) return AddressGuard.IsPrivate(ip);
        // 'LOCALHOST.' is localhost: a name's final dot (the DNS root) and its case change nothing; never asked of DNS.
        string name = host.TrimEnd('.');
        if (name.Equals("localhost", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)) return true;
        try
        {
            var addresses = await resolve(host, ct).ConfigureAwait(false);
            ct.ThrowIfCancellationRequested();
            return addresses.Any(AddressGuard.IsPrivate);
        }
        catch (SocketException) { return false; } // unresolvable here (behind a proxy, say): the request will say what it finds
    }

#if NET
    /// <summary>True when this connection goes to the proxy the request is sent through (the address policy is for the link's host).</summary>
    private bool IsProxyEndPoint(SocketsHttpConnectionContext context)
    {
        if (_proxy is null || context.InitialRequestMessage.RequestUri is not { } target || _proxy.IsBypassed(target)) return false;
        var p = _proxy.GetProxy(target);
        return p is not null && p.Port == context.DnsEndPoint.Port
            && string.Equals(p.IdnHost.TrimEnd('.').Trim('[', ']'), context.DnsEndPoint.Host.TrimEnd('.').Trim('[', ']'), StringComparison.OrdinalIgnoreCase);
    }

    private async System.Threading.Tasks.ValueTask<System.IO.Stream> ConnectPublicOnlyAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        if (IsProxyEndPoint(context))
        {
            var proxySocket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await proxySocket.ConnectAsync(context.DnsEndPoint, ct).ConfigureAwait(false);
                return new NetworkStream(proxySocket, ownsSocket: true);
            }
            catch { proxySocket.Dispose(); throw; }
        }
        // Resolve once and connect to the checked address, so DNS cannot change its answer between check and use.
        var addresses = IPAddress.TryParse(context.DnsEndPoint.Host, out var literal) ? new[] { literal }
            : await _resolve(context.DnsEndPoint.Host, ct).ConfigureAwait(false);
        var ip = addresses.FirstOrDefault(a => !AddressGuard.IsPrivate(a))
            ?? throw new HttpRequestException("refused: the host resolves to a private or loopback address");
        if (addresses.Any(AddressGuard.IsPrivate)) throw new HttpRequestException("refused: the host resolves to a private or loopback address");
        var socket = new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(ip, context.DnsEndPoint.Port), ct).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch { socket.Dispose(); throw; }
    }
#endif

    public void Dispose()
    {
        _client.Dispose();
        foreach (var s in _hosts.Values) s.Dispose();
    }
}

/// <summary>Addresses that must not be fetched from a linter by default: loopback, private, link-local, unique-local, unspecified.</summary>
internal static class AddressGuard
{
    public static bool IsPrivate(IPAddress ip)
    {
        if (ip.IsIPv4MappedToIPv6) ip = ip.MapToIPv4();
        if (IPAddress.IsLoopback(ip)) return true;
        if (ip.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (ip.IsIPv6LinkLocal || ip.IsIPv6SiteLocal || ip.IsIPv6Multicast || ip.Equals(IPAddress.IPv6None)) return true;
            var a = ip.GetAddressBytes();
            if ((a[0] & 0xFE) == 0xFC) return true; // fc00::/7 unique local
            // Forms that carry an IPv4 address, which a translator or the stack may reach: judged by that address.
            if (Embedded(a) is { } v4) return IsPrivate(v4);
            // 64:ff9b:1::/48, NAT64 for local use (RFC 8215): the IPv4 address may sit anywhere in it.
            return a[0] == 0 && a[1] == 0x64 && a[2] == 0xFF && a[3] == 0x9B && a[4] == 0 && a[5] == 1;
        }
        var b = ip.GetAddressBytes();
        return b[0] == 10 || b[0] == 0 || b[0] == 127
            || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 100 && b[1] >= 64 && b[1] <= 127) // carrier-grade NAT
            || (b[0] == 198 && (b[1] & 0xFE) == 18) // 198.18.0.0/15, benchmarking: lab networks
            || (b[0] == 192 && b[1] == 0 && b[2] == 0) // 192.0.0.0/24, protocol assignments
            || b[0] >= 224; // multicast and reserved
    }

    /// <summary>
    /// The IPv4 address inside an IPv4-compatible (<c>::a.b.c.d</c>), IPv4-translated (<c>::ffff:0:a.b.c.d</c>), NAT64
    /// (<c>64:ff9b::a.b.c.d</c>) or 6to4 (<c>2002:aabb:ccdd::</c>) address; null for other addresses.
    /// </summary>
    private static IPAddress? Embedded(byte[] a)
    {
        bool ZeroTo(int n) { for (int i = 0; i < n; i++) if (a[i] != 0) return false; return true; }
        IPAddress Tail(int at) => new(new[] { a[at], a[at + 1], a[at + 2], a[at + 3] });
        if (ZeroTo(12)) return Tail(12);
        if (ZeroTo(8) && a[8] == 0xFF && a[9] == 0xFF && a[10] == 0 && a[11] == 0) return Tail(12);
        if (a[0] == 0 && a[1] == 0x64 && a[2] == 0xFF && a[3] == 0x9B)
        {
            for (int i = 4; i < 12; i++) if (a[i] != 0) return null;
            return Tail(12);
        }
        if (a[0] == 0x20 && a[1] == 0x02) return Tail(2);
        return null;
    }
}
