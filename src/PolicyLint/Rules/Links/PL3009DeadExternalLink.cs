using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using PolicyLint.Analysis;
using PolicyLint.Diagnostics;

namespace PolicyLint.Rules.Links;

/// <summary>External links must resolve (opt-in: it uses the network).</summary>
[MarkdownAnalyzer]
internal sealed class PL3009DeadExternalLink : MarkdownAnalyzer
{
    internal static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "PL3009", name: "dead-external-link",
        title: "External links must resolve",
        messageFormat: "External link '{0}' {1}",
        category: RuleCategory.Links, defaultSeverity: Severity.Error, isEnabledByDefault: false,
        options: ["timeoutSeconds", "totalTimeoutSeconds", "retries", "concurrencyPerHost", "delayMs", "maxRedirects", "maxRetryAfterSeconds",
            "acceptedStatusCodes", "exclude", "cacheFile", "cacheMaxAgeHours", "allowPrivateAddresses", "userAgent"]);

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterWorkspaceStartAction(ws =>
    {
        var found = new ConcurrentQueue<(string Url, Location Location)>();
        RuleOptions? options = null;
        ws.RegisterDocumentAction(c =>
        {
            if (!c.IsEnabled(Rule)) return;
            Interlocked.CompareExchange(ref options, c.GetOptions(Rule), null);
            foreach (var link in LinkCollector.Get(c.File))
            {
                if (!link.OwnsTarget) continue;
                string url = link.Target.Trim();
                if (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
                    found.Enqueue((url, c.File.GetLocation(LinkRuleUtil.TargetOrLink(link))));
            }
        });
        ws.RegisterWorkspaceEndAction(end =>
        {
            // The HTTP stack (System.Net.Http, sockets, TLS) loads only in a run that has external links to check.
            if (found.IsEmpty || options is null) return;
            CheckAll(end, found, options);
        });
    });

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void CheckAll(WorkspaceEndAnalysisContext end, ConcurrentQueue<(string Url, Location Location)> found, RuleOptions options)
    {
        var o = ExternalLinkOptions.Read(options, end.Workspace.BaseDirectory, end.Workspace.RootDirectory);
        var urls = found.Select(f => f.Url).Where(u => !o.IsExcluded(u)).Distinct(StringComparer.Ordinal).OrderBy(u => u, StringComparer.Ordinal).ToList();
        var cache = o.CacheFile is null ? null : LinkCheckCache.Load(o.CacheFile);
        var now = end.Workspace.Now;
        var results = new Dictionary<string, LinkCheckResult>(StringComparer.Ordinal);
        var toCheck = new List<string>();
        foreach (var u in urls)
        {
            if (cache?.TryGet(u, now, o.CacheMaxAge) is { } cached) results[u] = cached;
            else toCheck.Add(u);
        }
        if (toCheck.Count > 0)
        {
            using var checker = new ExternalLinkChecker(o);
            foreach (var kv in checker.CheckAllAsync(toCheck, end.CancellationToken).GetAwaiter().GetResult())
            {
                results[kv.Key] = kv.Value;
                if (!kv.Value.NotChecked) cache?.Set(kv.Key, kv.Value, now);
            }
            cache?.Save();
        }
        // What the deadline cut off is not dead: it is counted in the summary, naming the option and the first URLs.
        var late = urls.Where(u => results.TryGetValue(u, out var r) && r.NotChecked).ToList();
        string? lateReason = late.Count == 0 ? null
            : $"PL3009's totalTimeoutSeconds ({o.TotalTimeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} s) passed before "
              + string.Join(", ", late.Take(3)) + (late.Count > 3 ? $" and {late.Count - 3} more URLs" : "") + " could be checked";
        foreach (var (url, location) in found)
        {
            if (!results.TryGetValue(url, out var r)) continue;
            if (r.NotChecked) end.Workspace.CountUnchecked(lateReason!);
            else if (!r.IsAlive && !r.Refused) end.ReportDiagnostic(Diagnostic.Create(Rule, location, url, r.Reason));
        }
    }
}
