using System;
using PolicyLint.IO;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace PolicyLint.Rules.Links;

/// <summary>
/// The on-disk cache of external link results: one line per URL, tab-separated (<c>url, alive 1/0, unix seconds, reason</c>).
/// Entries older than the maximum age are ignored; refused checks are never cached. Written atomically; a damaged file is ignored.
/// </summary>
internal sealed class LinkCheckCache
{
    private readonly string _path;
    private readonly Dictionary<string, (bool Alive, long Time, string Reason)> _entries = new(StringComparer.Ordinal);

    private LinkCheckCache(string path) => _path = path;

    public static LinkCheckCache Load(string path)
    {
        var cache = new LinkCheckCache(path);
        try
        {
            if (!InputLog.FileExists(path)) return cache;
            foreach (var line in SafeFile.ReadAllText(path).Split('\n'))
            {
                var parts = line.TrimEnd('\r').Split('\t');
                if (parts.Length != 4 || !long.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out long t)) continue;
                cache._entries[parts[0]] = (parts[1] == "1", t, parts[3]);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
        return cache;
    }

    public LinkCheckResult? TryGet(string url, DateTimeOffset now, TimeSpan maxAge)
    {
        if (!_entries.TryGetValue(url, out var e)) return null;
        var age = now - DateTimeOffset.FromUnixTimeSeconds(e.Time);
        return age < TimeSpan.Zero || age > maxAge ? null : new LinkCheckResult(e.Alive, e.Reason);
    }

    public void Set(string url, LinkCheckResult result, DateTimeOffset now)
    {
        if (result.Refused || url.IndexOf('\t') >= 0 || url.IndexOf('\n') >= 0) return;
        _entries[url] = (result.IsAlive, now.ToUnixTimeSeconds(), result.Reason.Replace('\t', ' ').Replace('\n', ' '));
    }

    public void Save()
    {
        var sb = new StringBuilder();
        var keys = new List<string>(_entries.Keys);
        keys.Sort(StringComparer.Ordinal);
        foreach (var k in keys)
        {
            var e = _entries[k];
            sb.Append(k).Append('\t').Append(e.Alive ? '1' : '0').Append('\t')
              .Append(e.Time.ToString(CultureInfo.InvariantCulture)).Append('\t').Append(e.Reason).Append('\n');
        }
        try
        {
            string? dir = Path.GetDirectoryName(_path);
            if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
            string tmp = _path + ".tmp-" + Guid.NewGuid().ToString("N");
            File.WriteAllText(tmp, sb.ToString(), new UTF8Encoding(false));
            if (File.Exists(_path)) File.Replace(tmp, _path, null);
            else File.Move(tmp, _path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
    }
}
