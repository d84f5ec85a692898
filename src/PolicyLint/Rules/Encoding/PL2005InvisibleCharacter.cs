using System.Collections.Immutable;
using System.Text;
using PolicyLint.Analysis;
using PolicyLint.Diagnostics;

namespace PolicyLint.Rules.Encoding;

/// <summary>Text must not contain stray invisible characters.</summary>
/// <remarks>
/// Zero-width spaces, word joiners, byte-order marks inside the text, tag characters, fillers and soft hyphens in odd
/// places: pasted from word processors and translation tools, they split words for search, break links and identifiers
/// copied from code, and can hide text. Joiners and selectors that do a job (see <see cref="Invisibles.IsLegitimate"/>)
/// are kept. Code is checked too (option <c>checkCode</c>), because a zero-width space copied into a program is an error.
/// </remarks>
[MarkdownAnalyzer]
internal sealed class PL2005InvisibleCharacter : MarkdownAnalyzer
{
    internal static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "PL2005", name: "invisible-character",
        title: "Text must not contain stray invisible characters",
        messageFormat: "Invisible {0}{1}; remove {2}",
        category: RuleCategory.Encoding, defaultSeverity: Severity.Warning, hasFix: true, options: "checkCode");

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterDocumentAction(Analyze);

    private static void Analyze(DocumentAnalysisContext context)
    {
        var file = context.File;
        string text = file.Text;
        bool checkCode = context.GetOptions(Rule).GetBool("checkCode", true);
        var hits = CharacterScan.Get(file).Hits;
        TextRegions? regions = null;
        int runStart = -1, runEnd = -1;
        for (int h = 0; h < hits.Count; h++)
        {
            int i = hits[h];
            int cp = Invisibles.Next(text, i);
            int width = cp > 0xFFFF ? 2 : 1;
            if (!Invisibles.IsInvisible(cp) || Invisibles.IsLegitimate(text, i, cp, width)) continue;
            regions ??= TextRegions.Get(file);
            if (!checkCode && regions.IsInCode(i)) continue;
            if (MojibakeScan.IsRepairedByPL2001(context, i)) continue; // a soft hyphen inside 'Ã\u00AD' (í) is PL2001's
            if (i == runEnd) { runEnd = i + width; continue; }
            if (runStart >= 0) Report(context, regions, runStart, runEnd);
            runStart = i; runEnd = i + width;
        }
        if (runStart >= 0) Report(context, regions!, runStart, runEnd);
    }

    private static void Report(DocumentAnalysisContext context, TextRegions regions, int start, int end)
    {
        string text = context.File.Text;
        var span = TextSpan.FromBounds(start, end);
        string what = CharInfo.DescribeRun(text, start, end);
        string where = text[start] == '\uFEFF' ? " inside the text (a second byte-order mark?)" : regions.IsInCode(start) ? " in code" : "";
        string hidden = TagText(text, start, end);
        if (hidden.Length > 0) where += $" (the tags spell hidden text: \"{hidden}\")";
        // Removing a line's only content turns it into a blank line, which can split a paragraph: offered, but not as safe.
        bool safe = !IsAloneOnLine(text, start, end) || regions.IsInCode(start);
        bool several = end - start > (char.IsHighSurrogate(text[start]) ? 2 : 1);
        var fix = Fix.Replace(several ? "Remove the invisible characters" : $"Remove {CharInfo.Describe(Invisibles.Next(text, start))}", span, "", safe);
        context.Report(Rule, span, fix, what, where, several ? "them" : "it");
    }

    private static bool IsAloneOnLine(string text, int start, int end)
    {
        for (int i = start - 1; i >= 0 && text[i] != '\n'; i--) if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r') return false;
        for (int i = end; i < text.Length && text[i] != '\n'; i++) if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r') return false;
        return true;
    }

    private static string TagText(string text, int start, int end)
    {
        var sb = new StringBuilder();
        for (int i = start; i + 1 < end; i++)
            if (text[i] == '\uDB40' && text[i + 1] >= '\uDC20' && text[i + 1] <= '\uDC7E') sb.Append((char)(text[i + 1] - 0xDC00));
        return sb.ToString();
    }
}
