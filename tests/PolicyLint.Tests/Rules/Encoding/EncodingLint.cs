using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using PolicyLint.Diagnostics;
using PolicyLint.Documents;
using PolicyLint.Engine;
using PolicyLint.Rules.Encoding;
using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Tests.Rules.Encoding;

/// <summary>Lints raw bytes with the encoding analyzers only, applies fixes the way --fix writes files, renders results.</summary>
internal static class EncodingLint
{
    private static readonly LintEngine Engine = new(EncodingAnalyzers.Create(), includeBuiltIns: false);

    public static ImmutableArray<Diagnostic> Lint(byte[] bytes, string path = "document.md", string? config = null) =>
        LintMany([(path, bytes)], config);

    public static ImmutableArray<Diagnostic> LintMany(IEnumerable<(string Path, byte[] Bytes)> docs, string? config = null)
    {
        var request = new LintRequest
        {
            Paths = Array.Empty<string>(),
            Documents = docs.Select(d => new InMemoryDocument(d.Path, d.Bytes)).ToArray(),
            ConfigText = config ?? "",
            DiscoverConfiguration = false,
            LoadPlugins = false,
            BaseDirectory = LintVerifier.NeutralDirectory,
        };
        return Engine.LintAsync(request).GetAwaiter().GetResult().Diagnostics
            .Where(d => d.Id.StartsWith("PL2", StringComparison.Ordinal)).ToImmutableArray();
    }

    /// <summary>One pass of fixes, encoded as the writer does (same encoding, same BOM).</summary>
    public static byte[] FixOnce(byte[] bytes, bool includeUnsafe, string? config = null)
    {
        var file = MarkdownFile.FromBytes("document.md", bytes);
        var result = FixApplier.Apply(file.Text, Lint(bytes, config: config), includeUnsafe);
        return result.Applied.Count == 0 ? bytes : file.Encode(result.Text);
    }

    /// <summary>Fixes until nothing changes (at most 10 passes, like --fix).</summary>
    public static byte[] Fix(byte[] bytes, bool includeUnsafe, string? config = null)
    {
        for (int pass = 0; pass < 10; pass++)
        {
            var next = FixOnce(bytes, includeUnsafe, config);
            if (next.SequenceEqual(bytes)) return bytes;
            bytes = next;
        }
        throw new InvalidOperationException("Fixes did not converge in 10 passes");
    }

    public static string Format(Diagnostic d) =>
        $"{d.Location.StartLine}:{d.Location.StartColumn}-{d.Location.EndLine}:{d.Location.EndColumn} {d.Id} {d.Severity.ToDisplayString()}: {Escape(d.Message)}"
        + (d.Fix is null ? "" : $" [fix{(d.Fix.IsSafe ? "" : ", unsafe")}: {Escape(d.Fix.Title)}]");

    /// <summary>Renders bytes so that every invisible detail shows: encoding facts, then the text with escapes.</summary>
    public static string RenderBytes(byte[] bytes)
    {
        var file = MarkdownFile.FromBytes("document.md", bytes);
        int crlf = 0, lf = 0, cr = 0;
        string t = file.Text;
        for (int i = 0; i < t.Length; i++)
        {
            if (t[i] == '\r') { if (i + 1 < t.Length && t[i + 1] == '\n') { crlf++; i++; } else cr++; }
            else if (t[i] == '\n') lf++;
        }
        var sb = new StringBuilder();
        sb.Append($"{bytes.Length} bytes, {file.Encoding}, BOM: {(file.HasBom ? "yes" : "no")}, invalid UTF-8 sequences: {file.InvalidUtf8.Length}, line endings: {crlf} CRLF, {lf} LF, {cr} CR\n");
        sb.Append(Escape(t).Replace("\\n", "\\n\n"));
        return sb.ToString();
    }

    public static string Escape(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c == '\r') sb.Append("\\r");
            else if (c == '\n') sb.Append("\\n");
            else if (c == '\t') sb.Append("\\t");
            else if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                int cp = char.ConvertToUtf32(c, s[++i]);
                var cat = CharUnicodeInfo.GetUnicodeCategory(char.ConvertFromUtf32(cp), 0);
                if (cat == UnicodeCategory.Format) sb.Append("\\u{").Append(cp.ToString("X", CultureInfo.InvariantCulture)).Append('}');
                else sb.Append(c).Append(s[i]);
            }
            else
            {
                var cat = char.GetUnicodeCategory(c);
                if (cat is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate || c == '\uFFFD'
                    || (c >= '\uFE00' && c <= '\uFE0F') || c == '\u3164' || c == '\uFFA0' || c == '\u115F' || c == '\u1160')
                    sb.Append("\\u{").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)).Append('}');
                else sb.Append(c);
            }
        }
        return sb.ToString();
    }
}
