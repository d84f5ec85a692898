using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PolicyLint.Diagnostics;
using PolicyLint.Documents;
using PolicyLint.Engine;

namespace PolicyLint.Cli;

/// <summary>What fixing one file produced (nothing is written until <see cref="Fixer.Write"/>).</summary>
internal sealed class FileFix
{
    public FileFix(FileResult file, byte[] original, string originalText) { File = file; Original = original; OriginalText = originalText; FixedText = originalText; }
    public FileResult File { get; }
    public byte[] Original { get; }
    public string OriginalText { get; }
    public string FixedText { get; set; }
    public byte[]? FixedBytes { get; set; }
    public int Applied { get; set; }
    public int Passes { get; set; }
    public bool Stable { get; set; } = true;
    /// <summary>Why the file was not fixed (changed on disk, unreadable...), or null.</summary>
    public string? Refused { get; set; }
    /// <summary>Diagnostics left after the last pass (in memory).</summary>
    public IReadOnlyList<Diagnostic> Remaining { get; set; } = Array.Empty<Diagnostic>();
    public bool Changed => Refused is null && FixedText != OriginalText;
}

/// <summary>
/// Applies fixes: per file, lint in memory, apply non-overlapping fixes (safe ones, unsafe too when asked), repeat until
/// nothing changes or <see cref="MaxPasses"/> passes; encoding, BOM and line endings are kept. Writing is atomic (temporary
/// file in the same folder, then rename) and refuses a file that changed on disk since it was read.
/// </summary>
internal sealed class Fixer
{
    public const int MaxPasses = 10;
    private readonly LintEngine _engine;
    private readonly Func<LintRequest> _requestTemplate;
    private readonly bool _includeUnsafe;

    /// <param name="requestTemplate">Makes a request with the run's settings (configuration, base directory); paths and documents are replaced.</param>
    public Fixer(LintEngine engine, Func<LintRequest> requestTemplate, bool includeUnsafe)
    {
        _engine = engine; _requestTemplate = requestTemplate; _includeUnsafe = includeUnsafe;
    }

    private bool Applicable(Diagnostic d) => d.Fix is not null && (_includeUnsafe || d.Fix.IsSafe);

    /// <summary>Computes the fixed text of every file of <paramref name="result"/> that has an applicable fix.</summary>
    /// <param name="memory">Bytes of in-memory documents (stdin) by full path; other files are read from disk.</param>
    public async Task<List<FileFix>> ComputeAsync(LintResult result, IReadOnlyDictionary<string, byte[]>? memory, CancellationToken ct)
    {
        var fixes = new List<FileFix>();
        foreach (var f in result.Files)
        {
            if (!f.Linted || !f.Diagnostics.Any(Applicable)) continue;
            byte[] bytes;
            if (memory is not null && memory.TryGetValue(f.FullPath, out var m)) bytes = m;
            else
            {
                try
                {
                    var info = new FileInfo(f.FullPath);
                    if (info.LastWriteTimeUtc != f.LastWriteTimeUtc || info.Length != f.Length)
                    {
                        fixes.Add(new FileFix(f, Array.Empty<byte>(), "") { Refused = "the file changed on disk while it was being linted" });
                        continue;
                    }
                    bytes = File.ReadAllBytes(f.FullPath);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    fixes.Add(new FileFix(f, Array.Empty<byte>(), "") { Refused = ex.Message });
                    continue;
                }
            }
            var original = MarkdownFile.FromBytes(f.Path, bytes);
            var fix = new FileFix(f, bytes, original.Text);
            IReadOnlyList<Diagnostic> diagnostics = f.Diagnostics;
            string text = original.Text;
            for (int pass = 1; ; pass++)
            {
                var applied = FixApplier.Apply(text, diagnostics, _includeUnsafe);
                if (applied.Applied.Count == 0 || applied.Text == text) break;
                text = applied.Text;
                fix.Applied += applied.Applied.Count;
                fix.Passes = pass;
                diagnostics = await LintInMemoryAsync(f.FullPath, original.Encode(text), ct).ConfigureAwait(false);
                if (pass == MaxPasses)
                {
                    fix.Stable = !diagnostics.Any(Applicable);
                    break;
                }
            }
            if (text != original.Text && !original.InvalidUtf8.IsEmpty
                && CountReplacement(text) > CountReplacement(original.Text) - original.InvalidUtf8.Length)
            {
                // Writing would turn the invalid bytes into U+FFFD: data would be lost. Only a fix that repairs them
                // (PL2002's transcoding) may rewrite such a file.
                fixes.Add(new FileFix(f, bytes, original.Text)
                {
                    Refused = "the file holds invalid UTF-8 bytes that rewriting would replace with U+FFFD; repair its encoding first (PL2002)",
                });
                continue;
            }
            fix.FixedText = text;
            fix.FixedBytes = text == original.Text ? bytes : original.Encode(text);
            fix.Remaining = diagnostics;
            fixes.Add(fix);
        }
        return fixes;
    }

    private async Task<IReadOnlyList<Diagnostic>> LintInMemoryAsync(string fullPath, byte[] bytes, CancellationToken ct)
    {
        var request = _requestTemplate();
        request.Paths = Array.Empty<string>();
        request.Documents = [new InMemoryDocument(fullPath, bytes)];
        var r = await _engine.LintAsync(request, null, ct).ConfigureAwait(false);
        return r.Files.FirstOrDefault(x => x.FullPath == fullPath)?.Diagnostics ?? (IReadOnlyList<Diagnostic>)Array.Empty<Diagnostic>();
    }

    private static int CountReplacement(string text)
    {
        int n = 0;
        foreach (char c in text) if (c == '\uFFFD') n++;
        return n;
    }

    /// <summary>
    /// Writes each changed file atomically. Refuses (and says why in <see cref="FileFix.Refused"/>) a file whose time stamp,
    /// length or bytes differ from what was linted. Files without a change are never touched.
    /// </summary>
    public static void Write(IEnumerable<FileFix> fixes)
    {
        foreach (var fix in fixes)
        {
            if (!fix.Changed || fix.FixedBytes is null) continue;
            string path = fix.File.FullPath;
            try
            {
                var info = new FileInfo(path);
                if (!info.Exists || info.LastWriteTimeUtc != fix.File.LastWriteTimeUtc || info.Length != fix.File.Length
                    || !File.ReadAllBytes(path).AsSpan().SequenceEqual(fix.Original))
                {
                    fix.Refused = "the file changed on disk during the run; it was not overwritten";
                    continue;
                }
                WriteAtomically(path, fix.FixedBytes);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                fix.Refused = "could not write the file: " + ex.Message;
            }
        }
    }

    /// <summary>Writes a file that may not exist yet, atomically.</summary>
    internal static void WriteAtomicallyNew(string path, byte[] bytes) => WriteAtomically(path, bytes, keepMode: File.Exists(path));

    /// <summary>Writes a temporary file in the same folder, flushes it to disk, keeps the file mode, then renames it over the target.</summary>
    internal static void WriteAtomically(string path, byte[] bytes, bool keepMode = true)
    {
        string dir = Path.GetDirectoryName(path) ?? ".";
        string temp = Path.Combine(dir, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".policylint.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes, 0, bytes.Length);
                stream.Flush(flushToDisk: true);
            }
            if (keepMode && !OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, File.GetUnixFileMode(path));
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            try { if (File.Exists(temp)) File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw;
        }
    }
}
