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
    public LinkCheckResult(bool isAlive, string reason, bool refused = false) { IsAlive = isAlive; Reason = reason; Refused = refused; }
    public bool IsAlive { get; }
    public string Reason { get; }
    /// <summary>Not checked: the host is private or loopback and that is not allowed.</summary>
    public bool Refused { get; }
}

/// <summary>
/// Checks external URLs: HEAD, then GET when HEAD is refused; per-host concurrency and delay; a timeout per request;
/// retries with exponential backoff on time-outs, connection errors and 5xx; <c>Retry-After</c> honoured on 429 (capped);
/// redirects followed by hand up to a limit, each hop's host checked again. Private, loopback and link-local addresses are
/// refused unless allowed, both before the request and (where the runtime allows it) when the socket connects.
/// </summary>
internal sealed class ExternalLinkChecker : IDisposable
{
    private readonly ExternalLinkOptions _o;
    private readonly HttpClient _client;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _hosts = new(StringComparer.OrdinalIgnoreCase);

    public ExternalLinkChecker(ExternalLinkOptions options)
    {
        _o = options;
#if NET
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, ConnectTimeout = options.Timeout };
        if (!options.AllowPrivateAddresses) handler.ConnectCallback = ConnectPublicOnlyAsync;
#else
        var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false };
#endif
        _client = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
    }

    public async Task<Dictionary<string, LinkCheckResult>> CheckAllAsync(IEnumerable<string> urls, CancellationToken ct)
    {
        var list = urls.Distinct(StringComparer.Ordinal).ToList();
        var tasks = list.Select(u => CheckAsync(u, ct)).ToArray();
        var results = await Task.WhenAll(tasks).ConfigureAwait(false);
        var d = new Dictionary<string, LinkCheckResult>(StringComparer.Ordinal);
        for (int i = 0; i < list.Count; i++) d[list[i]] = results[i];
        return d;
    }

    public async Task<LinkCheckResult> CheckAsync(string url, CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            return new LinkCheckResult(false, "is not a valid http(s) URL");
        for (int hop = 0; hop <= _o.MaxRedirects; hop++)
        {
            if (!_o.AllowPrivateAddresses && await IsPrivateHostAsync(uri.DnsSafeHost, ct).ConfigureAwait(false))
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

    private static async Task<bool> IsPrivateHostAsync(string host, CancellationToken ct)
    {
        if (IPAddress.TryParse(host, out var ip)) return AddressGuard.IsPrivate(ip);
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)) return true;
        try
        {
            var addresses = await Dns.GetHostAddressesAsync(host).ConfigureAwait(false);
            ct.ThrowIfCancellationRequested();
            return addresses.Any(AddressGuard.IsPrivate);
        }
        catch (SocketException) { return false; } // unresolvable: the request will say so
    }

#if NET
    private static async System.Threading.Tasks.ValueTask<System.IO.Stream> ConnectPublicOnlyAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        // Resolve once and connect to the checked address, so DNS cannot change its answer between check and use.
        var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct).ConfigureAwait(false);
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
            byte first = ip.GetAddressBytes()[0];
            return (first & 0xFE) == 0xFC; // fc00::/7 unique local
        }
        var b = ip.GetAddressBytes();
        return b[0] == 10 || b[0] == 0 || b[0] == 127
            || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 100 && b[1] >= 64 && b[1] <= 127) // carrier-grade NAT
            || b[0] >= 224; // multicast and reserved
    }
}
