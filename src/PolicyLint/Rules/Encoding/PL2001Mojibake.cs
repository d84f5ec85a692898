using System.Collections.Immutable;
using PolicyLint.Analysis;
using PolicyLint.Diagnostics;

namespace PolicyLint.Rules.Encoding;

/// <summary>Text must not contain mojibake.</summary>
/// <remarks>
/// Mojibake is UTF-8 text decoded through a legacy code page and saved again ('ðŸ¤—' for '🤗'). Checked: prose,
/// headings, link text, image alt text and front matter string values (<see cref="TextRegions"/>); code spans and
/// code blocks only with <c>checkCode: true</c>. Detection and the exact repair are <see cref="MojibakeDetector"/>'s.
/// </remarks>
[MarkdownAnalyzer]
internal sealed class PL2001Mojibake : MarkdownAnalyzer
{
    internal static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "PL2001", name: "mojibake",
        title: "Text must not contain mojibake",
        messageFormat: "'{0}' is {1}{2}",
        category: RuleCategory.Encoding, defaultSeverity: Severity.Error, hasFix: true, options: "checkCode");

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterDocumentAction(Analyze);

    internal static bool CheckCode(DocumentContextBase context) => context.GetOptions(Rule).GetBool("checkCode", false);

    /// <summary>Shows control and format characters (the C1 leftovers of undefined Windows-1252 bytes) as \uXXXX so the message shows every character.</summary>
    internal static string Visible(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length + 8);
        foreach (char ch in text)
        {
            var cat = char.GetUnicodeCategory(ch);
            if (cat is System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format)
                sb.Append("\\u").Append(((int)ch).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            else sb.Append(ch);
        }
        return sb.ToString();
    }

    private static void Analyze(DocumentAnalysisContext context)
    {
        bool checkCode = CheckCode(context);
        foreach (var hit in MojibakeScan.Get(context.File).Hits)
        {
            if (hit.InCode && !checkCode) continue;
            var f = hit.Finding;
            var span = new TextSpan(f.Start, f.Length);
            string shown = Visible(f.Original);
            if (!f.Exact)
            {
                // Bytes were lost on the way: the text is broken, but no repair is known to be the original.
                context.Report(Rule, span, null, shown, f.Explanation,
                    f.NoFixReason is null ? "; bytes were lost, so it cannot be repaired exactly (no fix)" : "; " + f.NoFixReason + " (no fix)");
                continue;
            }

            string title = f.Repaired.Length == 0 ? $"Remove '{shown}'" : $"Replace '{shown}' with '{f.Repaired}'";
            context.Report(Rule, span, Fix.Replace(title, span, f.Repaired), shown, f.Explanation, $"; did you mean '{f.Repaired}'?");
        }
    }
}
