using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using PolicyLint.Analysis;
using PolicyLint.Diagnostics;
using PolicyLint.Documents;

namespace PolicyLint.Rules.Encoding;

/// <summary>Files must be valid UTF-8.</summary>
[MarkdownAnalyzer]
internal sealed class PL2002InvalidUtf8 : MarkdownAnalyzer
{
    /// <summary>Invalid sequences reported one by one; the rest are counted in one more finding.</summary>
    internal const int MaxReported = 5;

    internal static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "PL2002", name: "invalid-utf8",
        title: "Files must be valid UTF-8",
        messageFormat: "{0}",
        category: RuleCategory.Encoding, defaultSeverity: Severity.Error, hasFix: true);

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterDocumentAction(Analyze);

    private static void Analyze(DocumentAnalysisContext context)
    {
        var file = context.File;
        if (file.Encoding != FileEncodingKind.Utf8)
        {
            // The fix model edits text and the writer keeps the file's encoding, so --fix cannot transcode these.
            string message = file.HasInvalidUtf16Or32
                // The engine drops every fix of such a file: written back, the sequences would become U+FFFD.
                ? $"File is encoded as {EncodingName(file.Encoding)} and holds sequences that do not decode (read as U+FFFD); PolicyLint reads it but offers no fixes for it, since rewriting it would lose those bytes: repair its encoding first"
                : $"File is encoded as {EncodingName(file.Encoding)}; PolicyLint reads it, but most tools expect UTF-8";
            var note = Diagnostic.Create(Rule, file.GetLocation(new TextSpan(0, 0), 0), message);
            context.ReportDiagnostic(note.WithSeverity(Severity.Info));
            return;
        }
        var invalid = file.InvalidUtf8;
        if (invalid.IsDefaultOrEmpty) return;
        var legacy = TryWindows1252(file);
        for (int i = 0; i < invalid.Length && i < MaxReported; i++)
        {
            var seq = invalid[i];
            string message = $"Invalid UTF-8: byte{(seq.ByteLength > 1 ? "s" : "")} {Hex(file.Bytes, seq.ByteOffset, seq.ByteLength)} at byte offset {seq.ByteOffset}";
            if (legacy is not null)
                message += $" ('{legacy[i].NewText}' in Windows-1252); the whole file decodes cleanly as Windows-1252: convert it to UTF-8";
            var fix = legacy is not null && i == 0 ? new Fix("Convert the file from Windows-1252 to UTF-8", legacy, isSafe: false) : null;
            context.ReportDiagnostic(Diagnostic.Create(Rule, file.GetLocation(new TextSpan(seq.CharOffset, 1), seq.ByteOffset), fix, message));
        }
        if (invalid.Length > MaxReported)
        {
            var next = invalid[MaxReported];
            context.Report(Rule, new TextSpan(next.CharOffset, 1),
                $"{invalid.Length - MaxReported} more invalid UTF-8 sequences from here on ({invalid.Length} in the file); only the first {MaxReported} are listed");
        }
    }

    /// <summary>
    /// When the file has no valid multi-byte UTF-8 at all and every invalid byte is a Windows-1252 character in a plausible
    /// place, the edits that replace each U+FFFD placeholder with its Windows-1252 reading: saved as UTF-8, that is the
    /// transcoded file. Null otherwise.
    /// </summary>
    internal static List<TextEdit>? TryWindows1252(MarkdownFile file)
    {
        if (file.HasBom) return null;
        var invalid = file.InvalidUtf8;
        string text = file.Text;
        var edits = new List<TextEdit>(invalid.Length);
        int next = 0, run = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] < 0x80) { run = 0; continue; }
            if (next >= invalid.Length || invalid[next].CharOffset != i) return null; // valid UTF-8 beyond ASCII: a mixed file
            var seq = invalid[next++];
            var sb = new StringBuilder(seq.ByteLength);
            for (long b = seq.ByteOffset; b < seq.ByteOffset + seq.ByteLength; b++)
            {
                char? c = CharInfo.FromWindows1252(file.Bytes[b]);
                if (c is not { } ch || char.IsControl(ch)) return null;
                sb.Append(ch);
                // Latin text has isolated accented letters; long runs of them mean another code page (Cyrillic, Greek, CJK...).
                run = char.IsLetter(ch) ? run + 1 : 0;
                if (run > 3) return null;
            }
            edits.Add(new TextEdit(new TextSpan(i, 1), sb.ToString()));
        }
        return edits.Count == invalid.Length ? edits : null;
    }

    internal static string EncodingName(FileEncodingKind kind) => kind switch
    {
        FileEncodingKind.Utf16LE => "UTF-16 LE",
        FileEncodingKind.Utf16BE => "UTF-16 BE",
        FileEncodingKind.Utf32LE => "UTF-32 LE",
        FileEncodingKind.Utf32BE => "UTF-32 BE",
        _ => "UTF-8",
    };

    private static string Hex(byte[] bytes, long offset, int length)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < length; i++)
        {
            if (i > 0) sb.Append(' ');
            sb.Append(bytes[offset + i].ToString("X2", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }
}
