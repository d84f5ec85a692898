using System.Collections.Immutable;
using PolicyLint.Analysis;
using PolicyLint.Diagnostics;

namespace PolicyLint.Rules.Encoding;

/// <summary>Text must not contain replacement characters.</summary>
/// <remarks>
/// U+FFFD that stands for an invalid UTF-8 sequence is PL2002's; U+FFFD inside code is left alone, because code samples
/// show it on purpose (a regex that strips it, program output that contains it).
/// </remarks>
[MarkdownAnalyzer]
internal sealed class PL2003ReplacementCharacter : MarkdownAnalyzer
{
    internal static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "PL2003", name: "replacement-character",
        title: "Text must not contain replacement characters",
        messageFormat: "U+FFFD REPLACEMENT CHARACTER{0}: the text already lost a character here when it was decoded; restore it from the source",
        category: RuleCategory.Encoding, defaultSeverity: Severity.Error);

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterDocumentAction(Analyze);

    private static void Analyze(DocumentAnalysisContext context)
    {
        var file = context.File;
        string text = file.Text;
        var hits = CharacterScan.Get(file).Hits;
        var invalid = file.InvalidUtf8;
        TextRegions? regions = null;
        int inv = 0;
        for (int h = 0; h < hits.Count; h++)
        {
            int i = hits[h];
            if (text[i] != '\uFFFD') continue;
            while (inv < invalid.Length && invalid[inv].CharOffset < i) inv++;
            if (inv < invalid.Length && invalid[inv].CharOffset == i) continue;
            regions ??= TextRegions.Get(file);
            if (regions.IsInCode(i) || MojibakeScan.IsRepairedByPL2001(context, i)) continue;
            // A run of them is one loss; report it once.
            int end = i + 1;
            while (h + 1 < hits.Count && hits[h + 1] == end && text[end] == '\uFFFD')
            {
                while (inv < invalid.Length && invalid[inv].CharOffset < end) inv++;
                if (inv < invalid.Length && invalid[inv].CharOffset == end) break;
                end++; h++;
            }
            context.Report(Rule, TextSpan.FromBounds(i, end), end - i > 1 ? $" x{end - i}" : "");
        }
    }
}
