using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace PolicyLint.Analysis;

/// <summary>
/// The <c>links</c> setting: <c>ignoreTargets</c> and <c>ignoreFragments</c> (globs, or regular expressions written
/// <c>re:...</c>) and <c>external</c> (site-rooted prefixes served by another repository). A link skipped this way is counted
/// in the run summary, never dropped silently.
/// </summary>
public sealed class LinkIgnores
{
    /// <summary>The summary's reason for links skipped by <c>ignoreTargets</c> or <c>ignoreFragments</c>.</summary>
    public const string IgnoredReason = "ignored by the links setting";
    /// <summary>The summary's reason for links under an <c>external</c> prefix.</summary>
    public const string ExternalReason = "served elsewhere (links.external)";

    private readonly Regex[] _targets;
    private readonly Regex[] _fragments;
    private readonly string[] _external;

    internal LinkIgnores(Regex[] targets, Regex[] fragments, string[] external)
    {
        _targets = targets; _fragments = fragments; _external = external;
    }

    /// <summary>Nothing ignored.</summary>
    public static LinkIgnores None { get; } = new([], [], []);

    /// <summary>True when the target's path (as written, percent-decoded, without fragment) is ignored.</summary>
    public bool IgnoresTarget(string path)
    {
        foreach (var r in _targets) if (r.IsMatch(path)) return true;
        return false;
    }

    /// <summary>True when the fragment (without '#') is ignored.</summary>
    public bool IgnoresFragment(string fragment)
    {
        foreach (var r in _fragments) if (r.IsMatch(fragment)) return true;
        return false;
    }

    /// <summary>True when a site-rooted path starts with one of the <c>external</c> prefixes.</summary>
    public bool IsExternal(string path)
    {
        foreach (var p in _external)
            if (path.StartsWith(p, StringComparison.Ordinal) || path + "/" == p) return true;
        return false;
    }

    /// <summary>A pattern as the setting writes it: a glob, or <c>re:</c> and a regular expression.</summary>
    internal static Regex Pattern(string p) => p.StartsWith("re:", StringComparison.Ordinal)
        ? new Regex(p.Substring(3), RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100))
        : new Regex(GlobToRegex(p), RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));

    /// <summary><c>**</c> any characters, <c>*</c> any but '/', <c>?</c> one; the whole target must match.</summary>
    internal static string GlobToRegex(string glob)
    {
        var sb = new StringBuilder("^");
        for (int i = 0; i < glob.Length; i++)
        {
            char ch = glob[i];
            if (ch == '*' && i + 1 < glob.Length && glob[i + 1] == '*') { sb.Append(".*"); i++; }
            else if (ch == '*') sb.Append("[^/]*");
            else if (ch == '?') sb.Append("[^/]");
            else sb.Append(Regex.Escape(ch.ToString()));
        }
        return sb.Append('$').ToString();
    }
}
