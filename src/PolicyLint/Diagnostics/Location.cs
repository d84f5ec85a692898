using System;

namespace PolicyLint.Diagnostics;

/// <summary>Where a diagnostic is: a file, a character span in its decoded text, and 1-based line/column of both ends.</summary>
public sealed class Location : IEquatable<Location>
{
    /// <summary>Creates a location. Lines and columns are 1-based; the end column is the column of the last character plus one.</summary>
    public Location(string path, TextSpan span, int startLine, int startColumn, int endLine, int endColumn, long? byteOffset = null)
    {
        Path = path ?? throw new ArgumentNullException(nameof(path));
        Span = span;
        StartLine = startLine;
        StartColumn = startColumn;
        EndLine = endLine;
        EndColumn = endColumn;
        ByteOffset = byteOffset;
    }

    /// <summary>A location for the whole file when nothing more precise is known (line 1, column 1).</summary>
    public static Location ForFile(string path) => new(path, default, 1, 1, 1, 1);

    /// <summary>The file path as given to the engine (relative paths stay relative).</summary>
    public string Path { get; }
    /// <summary>Character span in the decoded text (BOM excluded).</summary>
    public TextSpan Span { get; }
    /// <summary>1-based line of the first character.</summary>
    public int StartLine { get; }
    /// <summary>1-based column (UTF-16 units) of the first character.</summary>
    public int StartColumn { get; }
    /// <summary>1-based line of the end.</summary>
    public int EndLine { get; }
    /// <summary>1-based column just after the last character (as SARIF's endColumn).</summary>
    public int EndColumn { get; }
    /// <summary>Offset in the file's raw bytes, for findings about bytes (invalid UTF-8, BOM); null otherwise.</summary>
    public long? ByteOffset { get; }

    /// <summary>Returns this location with another path (used when linting stdin under a display name).</summary>
    public Location WithPath(string path) => new(path, Span, StartLine, StartColumn, EndLine, EndColumn, ByteOffset);

    /// <inheritdoc/>
    public bool Equals(Location? other) => other is not null && Path == other.Path && Span == other.Span
        && StartLine == other.StartLine && StartColumn == other.StartColumn && EndLine == other.EndLine && EndColumn == other.EndColumn
        && ByteOffset == other.ByteOffset;
    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Location);
    /// <inheritdoc/>
    public override int GetHashCode() => (Path.GetHashCode() * 31) ^ Span.GetHashCode();
    /// <inheritdoc/>
    public override string ToString() => $"{Path}({StartLine},{StartColumn})";
}
