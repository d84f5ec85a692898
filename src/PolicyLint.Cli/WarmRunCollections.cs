using System;
using System.IO;

namespace PolicyLint.Cli;

/// <summary>
/// A run that a result cache serves allocates little (about 18 MB on the 772-post corpus) but, with the runtime's small
/// first budget, still meets one collection, and that collection must trace and move everything the cache file loaded:
/// a fifth of a warm run's time. When a cache file is there, the first <see cref="Budget"/> of allocations are made without
/// a collection; a run that allocates more (many files changed) is collected as usual once past it. A run without a cache
/// file is left alone, so that a cold run's peak memory is what it was.
/// </summary>
internal static class WarmRunCollections
{
    internal const long Budget = 24L * 1024 * 1024;

    public static void Defer(string cacheDirectory)
    {
        try
        {
            if (!Directory.Exists(cacheDirectory) || Directory.GetFiles(cacheDirectory, "results-*.bin").Length == 0) return;
            GC.TryStartNoGCRegion(Budget);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            // Only a speed-up: a folder that cannot be listed, or a region already started, changes nothing else.
        }
    }
}
