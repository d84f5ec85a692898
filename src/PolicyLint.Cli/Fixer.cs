using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PolicyLint.IO;
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
    /// <summary>Fixes not applied because they would change the document's structure or create findings.</summary>
    public int HeldBack { get; set; }
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
        var targets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in result.Files)
        {
            if (!f.Linted || !f.Diagnostics.Any(Applicable)) continue;
            // A file reached through two names (a symbolic link beside its target) is fixed once.
            if (memory is null || !memory.ContainsKey(f.FullPath))
            {
                string target;
                try { target = FileIdentity.ResolveFinalTarget(f.FullPath); }
                catch (IOException) { target = f.FullPath; }
                if (!targets.Add(target)) continue;
            }
            byte[] bytes;
            if (memory is not null && memory.TryGetValue(f.FullPath, out var m)) bytes = m;
            else
            {
                try
                {
                    var info = Stat(f.FullPath);
                    if (info.LastWriteTimeUtc != f.LastWriteTimeUtc || info.Length != f.Length)
                    {
                        fixes.Add(new FileFix(f, Array.Empty<byte>(), "") { Refused = "the file changed on disk while it was being linted" });
                        continue;
                    }
                    bytes = SafeFile.ReadAllBytes(f.FullPath, Math.Max(f.Length, 0) + 1);
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
            var current = original;
            var heldBack = new HashSet<string>(StringComparer.Ordinal);
            for (int pass = 1; ; pass++)
            {
                FixResult applied;
                IReadOnlyList<Diagnostic> after;
                MarkdownFile next;
                while (true)
                {
                    // Apply, then check: the structure must stay (for safe fixes) and no finding may appear; a fix that
                    // fails is held back and the rest applied again. Each retry holds back at least one more fix.
                    var candidates = diagnostics.Where(d => Applicable(d) && !heldBack.Contains(Key(text, d))).ToList();
                    applied = FixApplier.Apply(text, candidates, _includeUnsafe);
                    if (applied.Applied.Count == 0 || applied.Text == text) { after = diagnostics; next = current; break; }
                    next = MarkdownFile.FromBytes(f.Path, original.Encode(applied.Text));
                    if (HoldBackStructureChanges(current, next, applied.Applied, heldBack)) continue;
                    after = await LintInMemoryAsync(f.FullPath, next.Bytes, ct).ConfigureAwait(false);
                    if (await HoldBackNewFindingsAsync(f.FullPath, original, text, diagnostics, after, applied.Applied, heldBack, ct).ConfigureAwait(false)) continue;
                    break;
                }
                if (applied.Applied.Count == 0 || applied.Text == text) break;
                text = applied.Text;
                current = next;
                fix.Applied += applied.Applied.Count;
                fix.Passes = pass;
                diagnostics = after;
                if (pass == MaxPasses)
                {
                    fix.Stable = !diagnostics.Any(d => Applicable(d) && !heldBack.Contains(Key(text, d)));
                    break;
                }
            }
            fix.HeldBack = heldBack.Count;
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
            if (text != original.Text && original.HasInvalidUtf16Or32)
            {
                fixes.Add(new FileFix(f, bytes, original.Text)
                {
                    Refused = $"the file holds invalid {EncodingName(original.Encoding)} sequences that rewriting would replace with U+FFFD; repair its encoding first",
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

    /// <summary>
    /// A fix that is called safe but changes the document's shape (block kinds, HTML, and, for fixes of other than link
    /// rules, link targets) is treated as unsafe: held back unless unsafe fixes were asked for. True when one was held back.
    /// </summary>
    private bool HoldBackStructureChanges(MarkdownFile before, MarkdownFile after, IReadOnlyList<Diagnostic> applied, HashSet<string> heldBack)
    {
        if (_includeUnsafe) return false;   // unsafe fixes may change meaning; the user asked for them
        string shape = DocumentStructure.Shape(before), links = DocumentStructure.Links(before);
        if (DocumentStructure.Shape(after) == shape && DocumentStructure.Links(after) == links) return false;
        bool any = false;
        foreach (var d in applied)
        {
            var alone = MarkdownFile.FromText(before.Path, d.Fix!.ApplyTo(before.Text));
            bool changed = DocumentStructure.Shape(alone) != shape
                || (!d.Id.StartsWith("PL3", StringComparison.Ordinal) && DocumentStructure.Links(alone) != links);
            if (changed && heldBack.Add(Key(before.Text, d))) any = true;
        }
        // Only together (no fix alone explains it): hold them all back. A change of link targets alone is what link rules'
        // fixes are for; when no other fix changes a target on its own, it is theirs.
        if (!any && DocumentStructure.Shape(after) != shape) foreach (var d in applied) any |= heldBack.Add(Key(before.Text, d));
        return any;
    }

    /// <summary>
    /// Fixes must not create findings: when a rule reports more after the fixes than before and one of its new findings has
    /// no fix to follow, the fixes that cause it are held back (each tried alone; all of them if none does it alone).
    /// </summary>
    private async Task<bool> HoldBackNewFindingsAsync(string fullPath, MarkdownFile original, string text, IReadOnlyList<Diagnostic> before,
        IReadOnlyList<Diagnostic> after, IReadOnlyList<Diagnostic> applied, HashSet<string> heldBack, CancellationToken ct)
    {
        var created = Created(before, after);
        if (created.Count == 0) return false;
        bool any = false;
        foreach (var d in applied)
        {
            var alone = await LintInMemoryAsync(fullPath, original.Encode(d.Fix!.ApplyTo(text)), ct).ConfigureAwait(false);
            if (Created(before, alone).Overlaps(created) && heldBack.Add(Key(text, d))) any = true;
        }
        if (!any) foreach (var d in applied) any |= heldBack.Add(Key(text, d));
        return any;
    }

    /// <summary>Rules that report more findings in <paramref name="after"/> than in <paramref name="before"/>, one of them without an applicable fix.</summary>
    private HashSet<string> Created(IReadOnlyList<Diagnostic> before, IReadOnlyList<Diagnostic> after)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var d in before) counts[d.Id] = counts.TryGetValue(d.Id, out int n) ? n + 1 : 1;
        var grown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var g in after.GroupBy(d => d.Id))
            if (g.Count() > (counts.TryGetValue(g.Key, out int n) ? n : 0) && g.Any(d => !Applicable(d))) grown.Add(g.Key);
        return grown;
    }

    /// <summary>Names a fix independently of where earlier edits moved it: rule, title, the edits and a little text before them.</summary>
    private static string Key(string text, Diagnostic d)
    {
        var sb = new System.Text.StringBuilder(d.Id).Append('\u0001').Append(d.Fix!.Title);
        int start = d.Fix.Bounds.Start;
        if (start <= text.Length) sb.Append('\u0001').Append(text, Math.Max(0, start - 24), Math.Min(start, 24));
        foreach (var e in d.Fix.Edits)
        {
            sb.Append('\u0001').Append(e.NewText).Append('\u0001');
            if (e.Span.End <= text.Length) sb.Append(text, e.Span.Start, e.Span.Length);
        }
        return sb.ToString();
    }

    private async Task<IReadOnlyList<Diagnostic>> LintInMemoryAsync(string fullPath, byte[] bytes, CancellationToken ct)
    {
        var request = _requestTemplate();
        request.Paths = Array.Empty<string>();
        request.Documents = [new InMemoryDocument(fullPath, bytes)];
        var r = await _engine.LintAsync(request, null, ct).ConfigureAwait(false);
        return r.Files.FirstOrDefault(x => x.FullPath == fullPath)?.Diagnostics ?? (IReadOnlyList<Diagnostic>)Array.Empty<Diagnostic>();
    }

    /// <summary>The file a path names, through symbolic links: its size and time stamp, as the engine recorded them.</summary>
    private static FileInfo Stat(string path)
    {
        var info = new FileInfo(path);
        return info.LinkTarget is null ? info : new FileInfo(FileIdentity.ResolveFinalTarget(path));
    }

    private static string EncodingName(FileEncodingKind kind) => kind is FileEncodingKind.Utf32LE or FileEncodingKind.Utf32BE ? "UTF-32" : "UTF-16";

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
                var info = Stat(path);
                if (!info.Exists || info.LastWriteTimeUtc != fix.File.LastWriteTimeUtc || info.Length != fix.File.Length
                    || !SafeFile.ReadAllBytes(path, fix.Original.Length).AsSpan().SequenceEqual(fix.Original))
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
    internal static void WriteAtomicallyNew(string path, byte[] bytes)
    {
        if (File.Exists(path)) WriteAtomically(path, bytes);
        else WriteThroughTemp(Path.GetFullPath(path), bytes, null, keepMode: false);
    }

    /// <summary>The temporary file being written, deleted by the signal handler when the run is stopped meanwhile.</summary>
    internal static volatile string? CurrentTemp;

    /// <summary>The one temporary name used for a file: a run killed mid-write leaves at most this one, and the next write of the file replaces it.</summary>
    internal static string TempPath(string target) =>
        Path.Combine(Path.GetDirectoryName(target) ?? ".", "." + Path.GetFileName(target) + ".policylint.tmp");

    /// <summary>
    /// Replaces the content of an existing file, keeping what makes it the same file. A symbolic link is written through to
    /// its final target (the link stays a link); a file with other hard links, or whose owner the run cannot give back to a
    /// new file, is rewritten in place (links and owner kept, at the cost of atomicity); otherwise a temporary file in the
    /// same folder is flushed to disk, given the mode, owner and group of the original, and renamed over it. A read-only
    /// file is refused (<see cref="IOException"/>), even when the run could override its mode (root).
    /// </summary>
    internal static void WriteAtomically(string path, byte[] bytes)
    {
        string target = FileIdentity.ResolveFinalTarget(path);
        if (IsReadOnly(target)) throw new IOException("the file is read-only; it was not overwritten (make it writable to fix it)");
        var identity = FileIdentity.Get(target);
        if (identity is { LinkCount: > 1 }) { WriteInPlace(target, bytes); return; }
        WriteThroughTemp(target, bytes, identity, keepMode: true);
    }

    private static bool IsReadOnly(string path)
    {
        if (OperatingSystem.IsWindows()) return (File.GetAttributes(path) & FileAttributes.ReadOnly) != 0;
        const UnixFileMode anyWrite = UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;
        return (File.GetUnixFileMode(path) & anyWrite) == 0;
    }

    private static void WriteInPlace(string target, byte[] bytes)
    {
        using var stream = new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.None);
        stream.Write(bytes, 0, bytes.Length);
        stream.SetLength(bytes.Length);
        stream.Flush(flushToDisk: true);
    }

    private static void WriteThroughTemp(string target, byte[] bytes, FileIdentity? identity, bool keepMode)
    {
        string temp = TempPath(target);
        try
        {
            // A leftover (a killed run) or anything planted under that name is removed, never written through.
            File.Delete(temp);
            CurrentTemp = temp;
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes, 0, bytes.Length);
                stream.Flush(flushToDisk: true);
            }
            if (keepMode && !OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, File.GetUnixFileMode(target));
            if (identity is { } id && FileIdentity.Get(temp) is { } mine && (mine.UserId != id.UserId || mine.GroupId != id.GroupId)
                && !id.ApplyOwnerTo(temp))
            {
                // The new file would change hands (the run may not give it back): keep the original file and its owner.
                File.Delete(temp);
                WriteInPlace(target, bytes);
                return;
            }
            File.Move(temp, target, overwrite: true);
        }
        catch
        {
            try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw;
        }
        finally
        {
            CurrentTemp = null;
        }
    }
}
