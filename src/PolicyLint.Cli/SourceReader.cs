using System;
using System.Collections.Generic;
using System.IO;
using PolicyLint.Documents;

namespace PolicyLint.Cli;

/// <summary>Reads a file's decoded text for excerpts and fix positions (stdin documents come from memory).</summary>
internal sealed class SourceReader
{
    private readonly string _baseDirectory;
    private readonly Dictionary<string, string> _memory = new(StringComparer.Ordinal);

    public SourceReader(string baseDirectory) { _baseDirectory = baseDirectory; }

    public void AddMemory(string displayPath, string text) => _memory[displayPath] = text;

    public string? Read(string displayPath)
    {
        if (_memory.TryGetValue(displayPath, out var t)) return t;
        string full = Path.GetFullPath(Path.Combine(_baseDirectory, displayPath));
        if (!File.Exists(full)) return null;
        return Decode(File.ReadAllBytes(full));
    }

    public static string Decode(byte[] bytes)
    {
        return MarkdownFile.DecodeText(bytes);
    }
}
