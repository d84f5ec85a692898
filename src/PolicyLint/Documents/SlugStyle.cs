using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace PolicyLint.Documents;

/// <summary>
/// How a site turns headings into anchors. Pluggable: a style is a name and a function from the document's headings (in
/// order) to their anchors; add one here and list it in <c>All</c> (the <c>slugStyle</c> setting names it).
/// </summary>
public abstract class SlugStyle
{
    private protected SlugStyle() { }

    /// <summary>GitHub (github-slugger): the default.</summary>
    public static readonly SlugStyle GitHub = new GitHubStyle();
    /// <summary>GitLab: like GitHub, but runs of dashes collapse and leading/trailing dashes go.</summary>
    public static readonly SlugStyle GitLab = new GitLabStyle();

    /// <summary>Bitbucket: <c>markdown-header-</c> and the heading's ASCII words joined by '-'.</summary>
    public static readonly SlugStyle Bitbucket = new BitbucketStyle();
    /// <summary>Azure DevOps (repos and wikis): the heading lower-cased, spaces as '-', punctuation kept, duplicates not numbered.</summary>
    public static readonly SlugStyle AzureDevOps = new AzureDevOpsStyle();

    private static readonly SlugStyle[] All = [GitHub, GitLab, Bitbucket, AzureDevOps];

    /// <summary>The name the <c>slugStyle</c> setting uses.</summary>
    public abstract string Name { get; }

    /// <summary>The names of every style.</summary>
    public static IEnumerable<string> Names { get { foreach (var s in All) yield return s.Name; } }

    /// <summary>The style of that name (case-insensitive), or null.</summary>
    public static SlugStyle? Find(string name)
    {
        foreach (var s in All) if (string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)) return s;
        return null;
    }

    /// <summary>The anchors of the file's headings, de-duplicated the way the style does it.</summary>
    public abstract IEnumerable<string> HeadingAnchors(MarkdownFile file);

    /// <summary>
    /// True when a <c>{#id}</c> heading id counts as an anchor. The built-in styles lower-case what they render, so they take
    /// only lower-case, well-formed ids (<see cref="GitHubRendering.IsValidCustomId"/>, as markdownlint's MD051 does).
    /// </summary>
    internal virtual bool AcceptsCustomId(string id) => GitHubRendering.IsValidCustomId(id);

    private sealed class GitHubStyle : SlugStyle
    {
        public override string Name => "github";
        public override IEnumerable<string> HeadingAnchors(MarkdownFile file)
        {
            foreach (var h in file.Headings) yield return h.Anchor;
        }
    }

    private sealed class GitLabStyle : SlugStyle
    {
        public override string Name => "gitlab";
        public override IEnumerable<string> HeadingAnchors(MarkdownFile file)
        {
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var h in file.Headings)
            {
                string slug = Slug(h.PlainText);
                if (seen.TryGetValue(slug, out int n)) { seen[slug] = n + 1; yield return slug + "-" + (n + 1).ToString(CultureInfo.InvariantCulture); }
                else { seen[slug] = 0; yield return slug; }
            }
        }

        private static string Slug(string text)
        {
            var sb = new StringBuilder(text.Length);
            foreach (char ch in text.Trim().ToLowerInvariant())
            {
                if (char.IsLetterOrDigit(ch) || ch == '_') sb.Append(ch);
                else if ((ch == ' ' || ch == '-') && sb.Length > 0 && sb[sb.Length - 1] != '-') sb.Append('-');
            }
            while (sb.Length > 0 && sb[sb.Length - 1] == '-') sb.Length--;
            return sb.ToString();
        }
    }

    private sealed class BitbucketStyle : SlugStyle
    {
        public override string Name => "bitbucket";
        public override IEnumerable<string> HeadingAnchors(MarkdownFile file)
        {
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var h in file.Headings)
            {
                string slug = "markdown-header-" + Slug(h.PlainText);
                if (seen.TryGetValue(slug, out int n))
                {
                    // How Bitbucket numbers a repeated heading is not documented: both common forms are accepted.
                    seen[slug] = n + 1;
                    string k = (n + 1).ToString(CultureInfo.InvariantCulture);
                    yield return slug + "_" + k;
                    yield return slug + "-" + k;
                }
                else { seen[slug] = 0; yield return slug; }
            }
        }

        // Accents dropped (é is e), " - " as one space, then only ASCII letters, digits, '_', '-' and spaces survive; spaces
        // collapse and become '-'.
        private static string Slug(string text)
        {
            string t = text.Replace(" - ", " ").Normalize(NormalizationForm.FormD);
            var sb = new StringBuilder(t.Length);
            bool space = false;
            foreach (char ch in t)
            {
                if (char.IsWhiteSpace(ch)) { space = sb.Length > 0; continue; }
                bool keep = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '-';
                if (!keep) continue;
                if (space) { sb.Append('-'); space = false; }
                sb.Append(char.ToLowerInvariant(ch));
            }
            return sb.ToString();
        }
    }

    private sealed class AzureDevOpsStyle : SlugStyle
    {
        public override string Name => "azure-devops";
        public override IEnumerable<string> HeadingAnchors(MarkdownFile file)
        {
            foreach (var h in file.Headings)
            {
                var sb = new StringBuilder(h.PlainText.Length);
                foreach (char ch in h.PlainText.ToLowerInvariant())
                    sb.Append(CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.SpaceSeparator ? '-' : ch);
                yield return sb.ToString();
            }
        }
    }
}
