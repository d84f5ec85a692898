using System.Collections.Immutable;
using PolicyLint.Analysis;
using PolicyLint.Diagnostics;

namespace PolicyLint.Rules.Encoding;

/// <summary>Text must not contain control characters.</summary>
/// <remarks>
/// C0 controls other than tab, LF and CR, DEL, and C1 controls (U+0080-U+009F), everywhere, code included: Markdown has
/// no use for them and HTML forbids them. A C1 control is usually a Windows-1252 byte read as Latin-1, so the message
/// names the character that byte stands for; one that is part of a mojibake span is left to PL2001, which repairs it.
/// </remarks>
[MarkdownAnalyzer]
internal sealed class PL2006ControlCharacter : MarkdownAnalyzer
{
    internal static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "PL2006", name: "control-character",
        title: "Text must not contain control characters",
        messageFormat: "Control character {0}{1}; remove it or write what it stands for",
        category: RuleCategory.Encoding, defaultSeverity: Severity.Error);

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterDocumentAction(Analyze);

    internal static bool IsControl(char c) => (c < ' ' && c != '\t' && c != '\n' && c != '\r') || (c >= '\u007F' && c < '\u00A0');

    private static void Analyze(DocumentAnalysisContext context)
    {
        var file = context.File;
        string text = file.Text;
        foreach (int i in CharacterScan.Get(file).Hits)
        {
            char c = text[i];
            if (!IsControl(c)) continue;
            string hint = "";
            if (c >= '\u0080')
            {
                if (MojibakeScan.IsRepairedByPL2001(context, i)) continue;
                if (CharInfo.FromWindows1252((byte)c) is { } w) hint = $" (Windows-1252 byte 0x{(int)c:X2} is '{w}': text decoded as Latin-1?)";
            }
            context.Report(Rule, new TextSpan(i, 1), CharInfo.Describe(c), hint);
        }
    }
}
