using System.Collections.Immutable;
using PolicyLint.Analysis;
using PolicyLint.Diagnostics;

namespace PolicyLint.Rules.Encoding;

/// <summary>Text must not contain bidirectional control characters.</summary>
/// <remarks>
/// Embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) reorder what a reader sees without changing what
/// is stored ("Trojan Source", CVE-2021-42574), so they are reported everywhere, code included. The marks LRM, RLM and
/// ALM (U+200E, U+200F, U+061C) only set the direction of neutral characters, which right-to-left text needs: never reported.
/// The same controls written as character references (<c>&amp;#x202E;</c>, <c>&amp;#8238;</c>) are reported where the page
/// decodes them (prose, link destinations, raw HTML); in code a reference is shown as written, so there it is left alone.
/// </remarks>
[MarkdownAnalyzer]
internal sealed class PL2004BidiControl : MarkdownAnalyzer
{
    internal static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "PL2004", name: "bidi-control",
        title: "Text must not contain bidirectional control characters",
        messageFormat: "Bidirectional control character {0}{1} can make text display in another order than it is stored (Trojan Source); remove it",
        category: RuleCategory.Encoding, defaultSeverity: Severity.Error, hasFix: true);

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterDocumentAction(Analyze);

    internal static bool IsBidiControl(char c) => (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');

    private static void Analyze(DocumentAnalysisContext context)
    {
        var file = context.File;
        string text = file.Text;
        TextRegions? regions = null;
        foreach (int i in CharacterScan.Get(file).Hits)
        {
            if (!IsBidiControl(text[i])) continue;
            regions ??= TextRegions.Get(file);
            var span = new TextSpan(i, 1);
            // Removal is unsafe: in right-to-left text an embedding may be what keeps a phrase readable.
            var fix = Fix.Replace($"Remove {CharInfo.Describe(text[i])}", span, "", isSafe: false);
            context.Report(Rule, span, fix, CharInfo.Describe(text[i]), regions.IsInCode(i) ? " in code" : "");
        }
        foreach (var r in DecodedReferences.Find(file, cp => cp <= char.MaxValue && IsBidiControl((char)cp)))
        {
            // Removing the reference removes the character it stands for: unsafe for the same reason as the character.
            string written = file.GetText(r.Span);
            var fix = Fix.Replace($"Remove '{written}'", r.Span, "", isSafe: false);
            context.Report(Rule, r.Span, fix, CharInfo.Describe(r.CodePoint), $" (written as the character reference '{written}')");
        }
    }
}
