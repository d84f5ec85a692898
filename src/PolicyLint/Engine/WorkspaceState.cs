using System;
using System.Collections.Concurrent;
using System.IO;
using System.Threading;
using PolicyLint.Documents;

namespace PolicyLint.Engine;

/// <summary>
/// What a lint run reads from disk about files it does not lint (the site model, folder listings, the outlines of linked
/// documents), kept across runs by a long-lived host such as the language server, which lints one workspace again on every
/// edit. The host calls <see cref="Clear"/> when it hears that files were created, deleted or changed, or that the
/// configuration changed. Outlines are also checked against the file's size and write time on every use; the site model and
/// the folder listings, which cover many files, are rebuilt after <see cref="MaxAge"/> (a bound on staleness for hosts whose
/// clients do not report file changes).
/// </summary>
internal sealed class WorkspaceState
{
    private sealed record Entry<T>(T Value, long CreatedMs);

    private readonly ConcurrentDictionary<string, Entry<Lazy<Sites.SiteModel?>>> _sites = new(StringComparer.Ordinal);
    private readonly IO.FileStampCache<DocumentOutline?> _outlines = new();
    private ConcurrentDictionary<string, FolderListing?> _listings = new(StringComparer.Ordinal);
    private long _listingsCreatedMs = MonotonicMs();
    private readonly Func<long> _now;

    public WorkspaceState(Func<long>? clockMs = null) => _now = clockMs ?? MonotonicMs;

    /// <summary>Milliseconds of a monotonic clock (Environment.TickCount64 is not in netstandard2.0).</summary>
    private static long MonotonicMs() => System.Diagnostics.Stopwatch.GetTimestamp() / (System.Diagnostics.Stopwatch.Frequency / 1000);

    /// <summary>How long the site model and folder listings are reused without a <see cref="Clear"/>; infinite when the host hears of every change.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Forgets everything (files created, deleted or changed on disk, or a new configuration).</summary>
    public void Clear()
    {
        _sites.Clear();
        _outlines.Clear();
        Interlocked.Exchange(ref _listings, new ConcurrentDictionary<string, FolderListing?>(StringComparer.Ordinal));
        Interlocked.Exchange(ref _listingsCreatedMs, _now());
    }

    private bool Expired(long createdMs) => MaxAge != Timeout.InfiniteTimeSpan && _now() - createdMs > (long)MaxAge.TotalMilliseconds;

    /// <summary>The site model for <paramref name="rootDirectory"/> and the <c>site</c> setting <paramref name="name"/>, created once until cleared or expired.</summary>
    public Sites.SiteModel? Site(string rootDirectory, string name, Func<Sites.SiteModel?> create)
    {
        string key = rootDirectory + "\n" + name;
        while (true)
        {
            var entry = _sites.GetOrAdd(key, _ => new Entry<Lazy<Sites.SiteModel?>>(
                new Lazy<Sites.SiteModel?>(create, LazyThreadSafetyMode.ExecutionAndPublication), _now()));
            if (!Expired(entry.CreatedMs)) return entry.Value.Value;
            // Expired: replace it (another run may have done so already) and take the new one.
            // Removes the key only while it still holds this entry (ConcurrentDictionary's atomic compare-and-remove; the
            // TryRemove(KeyValuePair) overload is not in netstandard2.0).
            ((System.Collections.Generic.ICollection<System.Collections.Generic.KeyValuePair<string, Entry<Lazy<Sites.SiteModel?>>>>)_sites)
                .Remove(new System.Collections.Generic.KeyValuePair<string, Entry<Lazy<Sites.SiteModel?>>>(key, entry));
        }
    }

    /// <summary>Folder listings (file names) shared by the runs until cleared or expired.</summary>
    public ConcurrentDictionary<string, FolderListing?> Listings
    {
        get
        {
            if (Expired(Volatile.Read(ref _listingsCreatedMs)))
            {
                Interlocked.Exchange(ref _listings, new ConcurrentDictionary<string, FolderListing?>(StringComparer.Ordinal));
                Interlocked.Exchange(ref _listingsCreatedMs, _now());
            }
            return Volatile.Read(ref _listings);
        }
    }

    /// <summary>The outline of a document on disk, read again when its size or write time changed since it was read.</summary>
    public DocumentOutline? Outline(string fullPath, Func<string, DocumentOutline?> read) => _outlines.Get(fullPath, read);
}
