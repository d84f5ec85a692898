using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using Markdig.Syntax.Inlines;

namespace PolicyLint.Documents;

/// <summary>
/// What GitHub's renderer does with a repository's Markdown, beyond heading slugs (<see cref="GitHubSlugger"/>): the text an
/// anchor is made from, the anchors every page has, the ids it accepts, the files that stand for a folder. The GitHub site
/// model's rules, kept in one place so that site models built on it can ask the same questions.
/// </summary>
internal static class GitHubRendering
{
    /// <summary>
    /// The README names GitHub shows under a folder's listing, in its order of preference; any case is accepted
    /// (<c>readme.md</c>, <c>Readme.markdown</c>).
    /// </summary>
    public static IReadOnlyList<string> ReadmeNames { get; } =
        ["README.md", "README.markdown", "README.mdown", "README.mkdn", "README.mkd", "README.mdwn", "README.txt", "README.rst", "README.adoc", "README.org", "README"];

    /// <summary>
    /// The heading text GitHub slugs: what the heading renders as text. Images contribute nothing (their alt text is an
    /// attribute), inline HTML contributes the text between its tags and comments nothing, and nothing is trimmed, so
    /// <c># Title &lt;!-- note --&gt;</c> keeps the space before the comment (<c>#title-</c>).
    /// </summary>
    public static string AnchorText(ContainerInline? container)
    {
        if (container is null) return string.Empty;
        var sb = HeadingInfo.RentBuilder();
        HeadingInfo.AppendText(container, sb, skipImages: true);
        // Markdig leaves the heading's leading and trailing whitespace out of its inlines; only what a comment or an image
        // separates from the text stays, as on GitHub.
        return HeadingInfo.Return(sb);
    }

    /// <summary>
    /// Anchors that need no heading: <c>#top</c> (exactly so: <c>#Top</c> is not it), GitHub's line anchors (<c>#L10</c>,
    /// <c>#L10-L20</c>, <c>#L10C5-L12C2</c>), and <c>#readme</c> on a README, which the repository page shows under that id.
    /// </summary>
    public static bool IsImplicitAnchor(string fragment, string? targetFullPath)
    {
        if (fragment == "top" || IsLineAnchor(fragment)) return true;
        return fragment == "readme" && targetFullPath is not null && IsReadme(Path.GetFileName(targetFullPath));
    }

    /// <summary>True for <c>README.md</c>, <c>readme.markdown</c> and the other names of <see cref="ReadmeNames"/>, in any case.</summary>
    public static bool IsReadme(string fileName)
    {
        foreach (var n in ReadmeNames) if (string.Equals(n, fileName, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>
    /// <c>L10</c>, or a range <c>L10-L20</c> whose ends may name a column (<c>L10C5-L20C1</c>): the forms GitHub scrolls to
    /// (and markdownlint's MD051 accepts).
    /// </summary>
    public static bool IsLineAnchor(string fragment)
    {
        int i = 0;
        if (!ReadLine(fragment, ref i, allowColumn: false)) return false;
        if (i == fragment.Length) return true;
        // A range: the first end may carry a column too.
        i = 0;
        if (!ReadLine(fragment, ref i, allowColumn: true) || i >= fragment.Length || fragment[i] != '-') return false;
        i++;
        return ReadLine(fragment, ref i, allowColumn: true) && i == fragment.Length;
    }

    private static bool ReadLine(string s, ref int i, bool allowColumn)
    {
        if (i >= s.Length || s[i] != 'L') return false;
        i++;
        int d = i;
        while (i < s.Length && s[i] >= '0' && s[i] <= '9') i++;
        if (i == d) return false;
        if (allowColumn && i < s.Length && s[i] == 'C')
        {
            i++;
            int c = i;
            while (i < s.Length && s[i] >= '0' && s[i] <= '9') i++;
            if (i == c) return false;
        }
        return true;
    }

    /// <summary>
    /// A <c>{#id}</c> heading id that a renderer which lower-cases ids would keep as written: words of lower-case or caseless
    /// letters (any script: kramdown sites write Arabic ids), marks and digits, joined by single '-' or '_' (<c>install</c>,
    /// <c>step-2</c>). <c>{#Install}</c>, <c>{#-x}</c> and <c>{#a--b}</c> are not anchors anyone can link to reliably.
    /// </summary>
    public static bool IsValidCustomId(string id)
    {
        if (id.Length == 0) return false;
        bool needWord = true;
        for (int i = 0; i < id.Length; i++)
        {
            char c = id[i];
            if ((c == '-' || c == '_') && !needWord) { needWord = true; continue; }
            if (!IsIdWordChar(id, i)) return false;
            if (char.IsHighSurrogate(c)) i++;
            needWord = false;
        }
        return !needWord;
    }

    private static bool IsIdWordChar(string s, int i)
    {
        switch (CharUnicodeInfo.GetUnicodeCategory(s, i))
        {
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.SpacingCombiningMark:
            case UnicodeCategory.DecimalDigitNumber:
                return true;
            default:
                return false;
        }
    }
}
