using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using PolicyLint.Analysis;
using PolicyLint.Diagnostics;
using PolicyLint.Documents;
using YamlDotNet.RepresentationModel;

namespace PolicyLint.Rules.FrontMatter;

/// <summary>The front matter title must match the first H1.</summary>
[MarkdownAnalyzer]
internal sealed class PL1007TitleMatchesH1 : MarkdownAnalyzer
{
    internal static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "PL1007", name: "title-matches-h1",
        title: "The front matter title must match the first H1",
        messageFormat: "Front matter {0} '{1}' differs from the first H1 '{2}' (line {3}) at character {4}: {5} against {6}; make them the same",
        category: RuleCategory.FrontMatter, defaultSeverity: Severity.Warning, options: "field");

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterFrontMatterAction(Analyze);

    /// <summary>The field compared with the H1 (option <c>field</c>, default <c>title</c>).</summary>
    internal static string TitleField(DocumentContextBase context) => context.GetOptions(Rule).GetString("field") ?? "title";

    private static void Analyze(FrontMatterAnalysisContext context)
    {
        var fm = context.FrontMatter;
        if (fm.Kind != FrontMatterKind.Present || fm.Mapping is null) return;
        string field = TitleField(context);
        if (!fm.TryGetEntry(field, out _, out var value) || value is not YamlScalarNode title || YamlValues.IsEmpty(title)) return;
        // Only an H1 that leads the document stands for its title: an H1 after other headings is a section (often of an
        // embedded or appended document), and comparing the title with it reports a difference nobody meant.
        var h1 = context.File.Headings.FirstOrDefault();
        if (h1 is null || h1.Level != 1 || h1.PlainText.Length == 0) return;
        string a = Normalize(title.Value!), b = Normalize(h1.PlainText);
        if (a == b) return;
        int line = context.File.Lines.GetPosition(h1.Span.Start).Line;
        int i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i]) i++;
        context.Report(Rule, YamlSpans.Locate(fm, null, title), field, YamlValues.Shorten(a, 100), YamlValues.Shorten(b, 100), line,
            i + 1, Show(a, i), Show(b, i));
    }

    /// <summary>The character at <paramref name="i"/> as a reader can see it: invisible ones by code point.</summary>
    private static string Show(string s, int i)
    {
        if (i >= s.Length) return "the end";
        if (s[i] == ' ') return "a space";
        int len = char.IsHighSurrogate(s[i]) && i + 1 < s.Length ? 2 : 1;
        var cat = CharUnicodeInfo.GetUnicodeCategory(s, i);
        if (cat is UnicodeCategory.Format or UnicodeCategory.Control or UnicodeCategory.SpaceSeparator or UnicodeCategory.NonSpacingMark)
            return "U+" + char.ConvertToUtf32(s, i).ToString("X4", CultureInfo.InvariantCulture);
        return "'" + s.Substring(i, len) + "'";
    }

    /// <summary>Trimmed, whitespace runs as one space, Unicode NFC; case and punctuation are kept.</summary>
    internal static string Normalize(string s)
    {
        var sb = new StringBuilder(s.Length);
        bool space = false;
        foreach (char c in s.Trim())
        {
            if (char.IsWhiteSpace(c)) { space = true; continue; }
            if (space && sb.Length > 0) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }
}
