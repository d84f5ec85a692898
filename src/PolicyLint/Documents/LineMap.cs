using System;
using System.Buffers;

namespace PolicyLint.Documents;

/// <summary>Maps character offsets to 1-based lines and columns. Line breaks are LF, CRLF and lone CR, as in CommonMark.</summary>
public sealed class LineMap
{
    private readonly int[] _starts;
    private readonly int _length;

    /// <summary>Builds the map for <paramref name="text"/> in one pass.</summary>
    public LineMap(string text)
    {
        // The line starts are gathered in a pooled buffer and copied once at their exact count: a growing list allocated
        // about three times the final array (every doubling, then the copy).
        var pool = ArrayPool<int>.Shared;
        int[] buffer = pool.Rent(Math.Max(16, text.Length / 32));
        int count = 0;
        buffer[count++] = 0;
        int crlf = 0, lf = 0, cr = 0;
        var span = text.AsSpan();
        for (int i = 0; i < text.Length; i++)
        {
            int k = span.Slice(i).IndexOfAny('\r', '\n'); // vectorised scan to the next line break
            if (k < 0) break;
            i += k;
            if (text[i] == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n') { i++; crlf++; }
                else cr++;
            }
            else lf++;
            if (count == buffer.Length)
            {
                int[] bigger = pool.Rent(buffer.Length * 2);
                Array.Copy(buffer, bigger, count);
                pool.Return(buffer);
                buffer = bigger;
            }
            buffer[count++] = i + 1;
        }
        _starts = new int[count];
        Array.Copy(buffer, _starts, count);
        pool.Return(buffer);
        _length = text.Length;
        CrLfCount = crlf;
        LfCount = lf;
        LoneCrCount = cr;
    }

    /// <summary>Number of CR LF line breaks.</summary>
    internal int CrLfCount { get; }
    /// <summary>Number of LF line breaks not preceded by CR.</summary>
    internal int LfCount { get; }
    /// <summary>Number of CR line breaks not followed by LF.</summary>
    internal int LoneCrCount { get; }

    /// <summary>Number of lines (a final line break starts an empty last line).</summary>
    public int LineCount => _starts.Length;

    /// <summary>0-based line index of <paramref name="offset"/>.</summary>
    public int GetLineIndex(int offset)
    {
        if (offset <= 0) return 0;
        if (offset > _length) offset = _length;
        int i = Array.BinarySearch(_starts, offset);
        return i >= 0 ? i : ~i - 1;
    }

    /// <summary>1-based (line, column) of <paramref name="offset"/>; columns count UTF-16 units.</summary>
    public (int Line, int Column) GetPosition(int offset)
    {
        int line = GetLineIndex(offset);
        return (line + 1, Math.Min(offset, _length) - _starts[line] + 1);
    }

    /// <summary>Offset of the first character of the 0-based <paramref name="lineIndex"/>.</summary>
    public int GetLineStart(int lineIndex) => _starts[Math.Max(0, Math.Min(lineIndex, _starts.Length - 1))];

    /// <summary>Offset just past the content of the 0-based line (before its line break).</summary>
    public int GetLineEnd(int lineIndex, string text)
    {
        int end = lineIndex + 1 < _starts.Length ? _starts[lineIndex + 1] : _length;
        while (end > _starts[lineIndex] && (text[end - 1] == '\n' || text[end - 1] == '\r')) end--;
        return end;
    }

    /// <summary>Offset of the 1-based line and column.</summary>
    public int GetOffset(int line, int column) => GetLineStart(line - 1) + column - 1;
}
