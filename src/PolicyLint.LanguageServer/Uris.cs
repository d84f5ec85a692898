using System;
using System.IO;

namespace PolicyLint.LanguageServer;

/// <summary>file:// URIs to local paths and back.</summary>
internal static class Uris
{
    /// <summary>The full local path of a file URI, or null for other schemes or a URI that does not parse.</summary>
    public static string? ToPath(string uri)
    {
        if (!uri.StartsWith("file:", StringComparison.OrdinalIgnoreCase)) return null;
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var u) || !u.IsFile) return null;
        try { return Path.GetFullPath(u.LocalPath); }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException) { return null; }
    }

    public static string FromPath(string fullPath) => new Uri(fullPath).AbsoluteUri;
}
