using System.Collections.Immutable;
using PolicyLint.Analysis;
using PolicyLint.Diagnostics;

namespace PolicyLint.Rules.Headings;

/// <summary>Headings should not end with punctuation.</summary>
[MarkdownAnalyzer]
internal sealed class PL4006TrailingPunctuation : MarkdownAnalyzer
{
    /// <summary>Sentence punctuation, ASCII and full-width. Not '?': a question is a meaningful heading (FAQs).</summary>
    internal const string DefaultPunctuation = ".,;:!。，；：！";

    internal static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "PL4006", name: "heading-trailing-punctuation",
        title: "Headings should not end with punctuation",
        messageFormat: "Heading ends with '{0}'; a heading is a title, not a sentence: remove it",
        category: RuleCategory.Headings, defaultSeverity: Severity.Info, hasFix: true,
        options: ["punctuation"]);

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterDocumentAction(Analyze);

    private static void Analyze(DocumentAnalysisContext context)
    {
        string punctuation = context.GetOptions(Rule).GetString("punctuation", DefaultPunctuation)!;
        if (punctuation.Length == 0) return;
        string text = context.File.Text;
        foreach (var h in HeadingOutline.Get(context.File).MarkdownOnly)
        {
            if (h.ContentSpan.IsEmpty) continue;
            var content = HeadingOutline.TrimEnd(text, h.ContentSpan);
            int end = content.End, start = end;
            while (start > content.Start && punctuation.IndexOf(text[start - 1]) >= 0) start--;
            if (start == end || IsEntityEnd(text, content.Start, start, end) || IsEscaped(text, content.Start, start)) continue;
            if (IsGreekQuestion(text, content.Start, start, end) || IsNumberedClause(text, content.Start, start, end)) continue;
            var span = TextSpan.FromBounds(start, end);
            string run = text.Substring(start, end - start);
            // Unsafe: dropping the dot of "U.S." or "etc." changes the words, so --fix alone leaves it to a person.
            var fix = Fix.Replace($"Remove the trailing '{run}'", span, "", isSafe: false);
            context.Report(Rule, span, fix, run);
        }
    }

    /// <summary>True when the ';' ends a character reference such as <c>&amp;amp;</c> or <c>&amp;#169;</c>.</summary>
    private static bool IsEntityEnd(string text, int contentStart, int runStart, int end)
    {
        if (text[runStart] != ';') return false;
        int i = runStart - 1;
        while (i >= contentStart && i > runStart - 33 && (char.IsLetterOrDigit(text[i]) || text[i] == '#')) i--;
        return i >= contentStart && i < runStart - 1 && text[i] == '&';
    }

    /// <summary>
    /// A ';' ending a Greek heading is the Greek question mark (U+037E, which Unicode normalises to ';' and Greek keyboards
    /// type as ';'): a question, like '?'. The words just before it may be Latin ("commits;"), so the whole heading counts.
    /// </summary>
    private static bool IsGreekQuestion(string text, int contentStart, int runStart, int end)
    {
        if (end - runStart != 1 || (text[runStart] != ';' && text[runStart] != '\u037E')) return false;
        for (int i = contentStart; i < runStart; i++)
        {
            char c = text[i];
            if ((c >= '\u0370' && c <= '\u03FF' && char.IsLetter(c)) || (c >= '\u1F00' && c <= '\u1FFF')) return true;
        }
        return false;
    }

    /// <summary>
    /// A numbered clause of a legal text, <c>## 4. Trademark Release.</c> or <c>### 2.1 Licence grant.</c>: the heading is the
    /// clause's first sentence, and the full stop is how such texts are written and cited.
    /// </summary>
    private static bool IsNumberedClause(string text, int contentStart, int runStart, int end)
    {
        if (end - runStart != 1 || text[runStart] != '.') return false;
        int i = contentStart;
        while (i < runStart && text[i] == ' ') i++;
        if (string.CompareOrdinal(text, i, "Section ", 0, 8) == 0) i += 8;
        else if (string.CompareOrdinal(text, i, "Article ", 0, 8) == 0) i += 8;
        int digits = i;
        while (i < runStart && (char.IsDigit(text[i]) || (text[i] == '.' && i > digits && char.IsDigit(text[i - 1])))) i++;
        if (i == digits || !char.IsDigit(text[digits])) return false;
        // "4. Title", "4.1 Title", "4) Title": the number, then a space and a word.
        if (i < runStart && text[i] == ')') i++;
        return i < runStart && text[i] == ' ' && (text[i - 1] == '.' || text[i - 1] == ')' || text.IndexOf('.', digits, i - digits) >= 0);
    }

    /// <summary>True when the punctuation is backslash-escaped: the author asked for it literally.</summary>
    private static bool IsEscaped(string text, int contentStart, int runStart) =>
        runStart > contentStart && text[runStart - 1] == '\\';
}
