using System;
using System.Collections.Generic;
using System.Globalization;
using PolicyLint.Analysis;

namespace PolicyLint.Rules.Links;

/// <summary>The options of PL3009, validated.</summary>
internal sealed class ExternalLinkOptions
{
    public TimeSpan Timeout { get; internal set; } = TimeSpan.FromSeconds(10);
    /// <summary>One deadline for all the checks of a run; what is still running then is not checked (and not reported).</summary>
    public TimeSpan TotalTimeout { get; internal set; } = TimeSpan.FromSeconds(DefaultTotalTimeoutSeconds);
    public const int DefaultTotalTimeoutSeconds = 300;
    public int Retries { get; internal set; } = 2;
    public int ConcurrencyPerHost { get; internal set; } = 2;
    public TimeSpan Delay { get; internal set; } = TimeSpan.Zero;
    public int MaxRedirects { get; internal set; } = 5;
    public TimeSpan MaxRetryAfter { get; internal set; } = TimeSpan.FromSeconds(60);
    public List<(int From, int To)> Accepted { get; } = new();
    public List<string> Exclude { get; } = new();
    public string? CacheFile { get; internal set; }
    public TimeSpan CacheMaxAge { get; internal set; } = TimeSpan.FromHours(24);
    public bool AllowPrivateAddresses { get; internal set; }
    public string UserAgent { get; internal set; } = "PolicyLint-LinkCheck/1.0";

    public static ExternalLinkOptions Read(RuleOptions o, string baseDirectory, string? rootDirectory = null)
    {
        var r = new ExternalLinkOptions
        {
            Timeout = TimeSpan.FromSeconds(Positive(o, "timeoutSeconds", 10, 600)),
            TotalTimeout = TimeSpan.FromSeconds(Positive(o, "totalTimeoutSeconds", DefaultTotalTimeoutSeconds, 86_400)),
            Retries = Whole(o, "retries", 2, 0, 10),
            ConcurrencyPerHost = Whole(o, "concurrencyPerHost", 2, 1, 64),
            Delay = TimeSpan.FromMilliseconds(Whole(o, "delayMs", 0, 0, 60_000)),
            MaxRedirects = Whole(o, "maxRedirects", 5, 0, 20),
            MaxRetryAfter = TimeSpan.FromSeconds(Whole(o, "maxRetryAfterSeconds", 60, 0, 3600)),
            CacheMaxAge = TimeSpan.FromHours(Positive(o, "cacheMaxAgeHours", 24, 24 * 365)),
            AllowPrivateAddresses = o.GetBool("allowPrivateAddresses", false),
            UserAgent = o.GetString("userAgent", "PolicyLint-LinkCheck/1.0")!,
        };
        foreach (var code in o.GetStringList("acceptedStatusCodes", ["200-299"]))
        {
            var parts = code.Split('-');
            if (parts.Length is < 1 or > 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int from)
                || !int.TryParse(parts[parts.Length - 1], NumberStyles.None, CultureInfo.InvariantCulture, out int to) || from > to)
                throw o.Error("acceptedStatusCodes", $"'{code}' is not a status code or a range such as '200-299'");
            r.Accepted.Add((from, to));
        }
        r.Exclude.AddRange(o.GetStringList("exclude"));
        if (o.GetString("cacheFile") is { Length: > 0 } cache)
        {
            r.CacheFile = System.IO.Path.GetFullPath(System.IO.Path.Combine(baseDirectory, cache));
            // The cache is written: never outside the root (nor through a symbolic link that leads out of it).
            if (rootDirectory is not null && !PolicyLint.IO.RootPolicy.IsInside(rootDirectory, r.CacheFile))
                throw o.Error("cacheFile", $"The cache file '{cache}' is outside the root ({rootDirectory}); PolicyLint writes only inside it");
        }
        return r;
    }

    public bool IsAccepted(int status)
    {
        foreach (var (from, to) in Accepted) if (status >= from && status <= to) return true;
        return false;
    }

    /// <summary>Exclude patterns: <c>*</c> matches any run of characters; a pattern without <c>*</c> is a prefix.</summary>
    public bool IsExcluded(string url)
    {
        foreach (var p in Exclude)
            if (p.IndexOf('*') < 0 ? url.StartsWith(p, StringComparison.OrdinalIgnoreCase) : Wildcard(url, p)) return true;
        return false;
    }

    private static bool Wildcard(string s, string p)
    {
        // Linear-time glob matching with one backtrack point.
        int si = 0, pi = 0, star = -1, mark = 0;
        while (si < s.Length)
        {
            if (pi < p.Length && p[pi] != '*' && char.ToLowerInvariant(p[pi]) == char.ToLowerInvariant(s[si])) { si++; pi++; }
            else if (pi < p.Length && p[pi] == '*') { star = pi++; mark = si; }
            else if (star >= 0) { pi = star + 1; si = ++mark; }
            else return false;
        }
        while (pi < p.Length && p[pi] == '*') pi++;
        return pi == p.Length;
    }

    // Out-of-range values are errors at their place in the configuration, never clamped silently (1e308 seconds overflowed).
    private static double Positive(RuleOptions o, string key, double def, double max)
    {
        var s = o.GetString(key);
        if (s is null) return def;
        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && v > 0 && v <= max) return v;
        throw o.Error(key, $"Option '{key}' must be a number above 0 and at most {max.ToString(CultureInfo.InvariantCulture)}, not '{s}'");
    }

    private static int Whole(RuleOptions o, string key, int def, int min, int max)
    {
        var s = o.GetString(key);
        if (s is null) return def;
        if (int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int v) && v >= min && v <= max) return v;
        throw o.Error(key, $"Option '{key}' must be a whole number from {min} to {max}, not '{s}'");
    }
}
