using System.Collections.Immutable;
using PolicyLint.Analysis;
using PolicyLint.Diagnostics;
using PolicyLint.Documents;

namespace PolicyLint.Rules.Encoding;

/// <summary>Files must have no byte-order mark and one kind of line ending.</summary>
/// <remarks>
/// A UTF-8 byte-order mark is reported without a fix: fixes edit the decoded text, and the writer keeps the file's BOM.
/// UTF-16 and UTF-32 files need theirs (PL2002 notes their encoding). Line endings that differ from the file's dominant
/// one (<see cref="MarkdownFile.LineEnding"/>; lone CRs always count as minority) get a safe fix each.
/// </remarks>
[MarkdownAnalyzer]
internal sealed class PL2007LineEndings : MarkdownAnalyzer
{
    internal static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "PL2007", name: "bom-and-line-endings",
        title: "Files must have no byte-order mark and one kind of line ending",
        messageFormat: "{0}",
        category: RuleCategory.Encoding, defaultSeverity: Severity.Warning, hasFix: true);

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterDocumentAction(Analyze);

    private static void Analyze(DocumentAnalysisContext context)
    {
        var file = context.File;
        if (file.HasBom && file.Encoding == FileEncodingKind.Utf8)
            context.Report(Rule, new TextSpan(0, 0), file.FrontMatter.Kind == FrontMatterKind.None
                ? "The file starts with a UTF-8 byte-order mark, which many Markdown and front matter parsers do not expect; save it as UTF-8 without BOM"
                : "The file starts with a UTF-8 byte-order mark, so its front matter's '---' is not at the very start and some site generators miss it; save it as UTF-8 without BOM");
        var scan = CharacterScan.Get(file);
        int kinds = (scan.CrLf > 0 ? 1 : 0) + (scan.Lf > 0 ? 1 : 0) + (scan.LoneCr > 0 ? 1 : 0);
        if (kinds < 2) return;
        string dominant = file.LineEnding;
        string name = dominant == "\r\n" ? "CRLF" : "LF";
        string counts = $"{scan.CrLf} CRLF, {scan.Lf} LF" + (scan.LoneCr > 0 ? $", {scan.LoneCr} CR" : "");
        string text = file.Text;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c != '\r' && c != '\n') continue;
            int len = c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
            string ending = text.Substring(i, len);
            if (ending != dominant)
            {
                var span = new TextSpan(i, len);
                string own = len == 2 ? "CRLF" : c == '\r' ? "CR" : "LF";
                context.Report(Rule, span, Fix.Replace($"Use {name}", span, dominant),
                    $"Line ends with {own} but the file mostly uses {name} ({counts}); use {name}");
            }
            i += len - 1;
        }
    }
}
