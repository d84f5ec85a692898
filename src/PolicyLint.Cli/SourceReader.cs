using System;
using System.Collections.Generic;
using System.IO;
using PolicyLint.IO;
using PolicyLint.Documents;
using PolicyLint.Engine;

namespace PolicyLint.Cli;

/// <summary>Reads a file's decoded text for excerpts and fix positions (stdin documents come from memory).</summary>
internal sealed class SourceReader
{
    private readonly string _baseDirectory;
    private readonly Dictionary<string, string> _memory = new(StringComparer.Ordinal);

    /// <summary>Excerpts come from files the run has linted, which are below maxFileSize; this only bounds a file that grew meanwhile.</summary>
    private const long ExcerptLimit = 256L * 1024 * 1024;

    public SourceReader(string baseDirectory) { _baseDirectory = baseDirectory; }

    public void AddMemory(string displayPath, string text) => _memory[displayPath] = text;

    public string? Read(string displayPath)
    {
        if (_memory.TryGetValue(displayPath, out var t)) return t;
        string full = Path.GetFullPath(Path.Combine(_baseDirectory, displayPath));
        if (!RunRecords.FileExists(full)) return null;
        try { return Decode(SafeFile.ReadAllBytes(full, ExcerptLimit)); }
        catch (IOException) { return null; }   // not a regular file, or too large: no excerpt
        catch (UnauthorizedAccessException) { return null; }
    }

    public static string Decode(byte[] bytes)
    {
        return MarkdownFile.DecodeText(bytes);
    }
}
