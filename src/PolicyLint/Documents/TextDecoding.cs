using System;
using System.Collections.Generic;
using System.Text;

namespace PolicyLint.Documents;

/// <summary>The encoding a file was read with.</summary>
public enum FileEncodingKind
{
    /// <summary>UTF-8 (possibly with invalid sequences, see <see cref="MarkdownFile.InvalidUtf8"/>).</summary>
    Utf8,
    /// <summary>UTF-16 little endian.</summary>
    Utf16LE,
    /// <summary>UTF-16 big endian.</summary>
    Utf16BE,
    /// <summary>UTF-32 little endian.</summary>
    Utf32LE,
    /// <summary>UTF-32 big endian.</summary>
    Utf32BE,
}

/// <summary>An invalid UTF-8 sequence: where it is in the bytes, and the U+FFFD that stands for it in the text.</summary>
public readonly struct InvalidByteSequence
{
    /// <summary>Creates a record.</summary>
    public InvalidByteSequence(long byteOffset, int byteLength, int charOffset)
    {
        ByteOffset = byteOffset; ByteLength = byteLength; CharOffset = charOffset;
    }
    /// <summary>Offset of the first bad byte in the file.</summary>
    public long ByteOffset { get; }
    /// <summary>Number of bytes replaced by one U+FFFD (the maximal subpart, as the Unicode standard recommends).</summary>
    public int ByteLength { get; }
    /// <summary>Offset of the U+FFFD in the decoded text.</summary>
    public int CharOffset { get; }
}

internal static class TextDecoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    public static (FileEncodingKind Kind, int BomLength) DetectBom(byte[] b)
    {
        int n = b.Length;
        if (n >= 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0) return (FileEncodingKind.Utf32LE, 4);
        if (n >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF) return (FileEncodingKind.Utf32BE, 4);
        if (n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) return (FileEncodingKind.Utf8, 3);
        if (n >= 2 && b[0] == 0xFF && b[1] == 0xFE) return (FileEncodingKind.Utf16LE, 2);
        if (n >= 2 && b[0] == 0xFE && b[1] == 0xFF) return (FileEncodingKind.Utf16BE, 2);
        return (FileEncodingKind.Utf8, 0);
    }

    /// <summary>Guesses BOM-less UTF-16 from the pattern of zero bytes in ASCII-heavy text; returns null when it is not UTF-16.</summary>
    public static FileEncodingKind? GuessBomlessUtf16(byte[] b)
    {
        int n = Math.Min(b.Length, 4096) & ~1;
        if (n < 16) return null; // too little evidence: a tiny file with NUL bytes is treated as binary
        if (b.AsSpan(0, n).IndexOf((byte)0) < 0) return null; // no NUL byte at all: no count below can pass (most files)
        int evenZero = 0, oddZero = 0;
        for (int i = 0; i < n; i += 2)
        {
            if (b[i] == 0) evenZero++;
            if (b[i + 1] == 0) oddZero++;
        }
        int pairs = n / 2;
        if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return FileEncodingKind.Utf16LE;
        if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return FileEncodingKind.Utf16BE;
        return null;
    }

    /// <summary>True when the bytes hold a NUL in their first 8 KB, the usual sign of a binary file.</summary>
    public static bool LooksBinary(byte[] b, int start)
    {
        int end = Math.Min(b.Length, start + 8192);
        return end > start && b.AsSpan(start, end - start).IndexOf((byte)0) >= 0;
    }

    public static Encoding GetEncoding(FileEncodingKind kind) => kind switch
    {
        FileEncodingKind.Utf16LE => new UnicodeEncoding(false, false),
        FileEncodingKind.Utf16BE => new UnicodeEncoding(true, false),
        FileEncodingKind.Utf32LE => new UTF32Encoding(false, false),
        FileEncodingKind.Utf32BE => new UTF32Encoding(true, false),
        _ => new UTF8Encoding(false),
    };

    /// <summary>The UTF-16/32 decoder that throws on an invalid sequence instead of replacing it.</summary>
    public static Encoding GetStrictEncoding(FileEncodingKind kind) => kind switch
    {
        FileEncodingKind.Utf16LE => new UnicodeEncoding(false, false, true),
        FileEncodingKind.Utf16BE => new UnicodeEncoding(true, false, true),
        FileEncodingKind.Utf32LE => new UTF32Encoding(false, false, true),
        FileEncodingKind.Utf32BE => new UTF32Encoding(true, false, true),
        _ => StrictUtf8,
    };

    /// <summary>Decodes UTF-8, replacing each maximal invalid subpart with U+FFFD and recording where it was.</summary>
    public static string DecodeUtf8(byte[] bytes, int start, List<InvalidByteSequence> invalid)
    {
        try
        {
            return StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException)
        {
            // Slow path, only for broken files.
        }
        var sb = new StringBuilder(bytes.Length);
        int i = start, runStart = start;
        while (i < bytes.Length)
        {
            int len = ValidSequenceLength(bytes, i, out int bad);
            if (len > 0) { i += len; continue; }
            if (i > runStart) sb.Append(Encoding.UTF8.GetString(bytes, runStart, i - runStart));
            invalid.Add(new InvalidByteSequence(i, bad, sb.Length));
            sb.Append('\uFFFD');
            i += bad;
            runStart = i;
        }
        if (i > runStart) sb.Append(Encoding.UTF8.GetString(bytes, runStart, i - runStart));
        return sb.ToString();
    }

    /// <summary>Length of the valid UTF-8 sequence at <paramref name="i"/>, or 0 with <paramref name="bad"/> = length of the maximal invalid subpart.</summary>
    private static int ValidSequenceLength(byte[] b, int i, out int bad)
    {
        bad = 1;
        byte b0 = b[i];
        if (b0 < 0x80) return 1;
        int need; int lo = 0x80, hi = 0xBF;
        if (b0 >= 0xC2 && b0 <= 0xDF) need = 1;
        else if (b0 == 0xE0) { need = 2; lo = 0xA0; }
        else if (b0 >= 0xE1 && b0 <= 0xEC) need = 2;
        else if (b0 == 0xED) { need = 2; hi = 0x9F; }
        else if (b0 >= 0xEE && b0 <= 0xEF) need = 2;
        else if (b0 == 0xF0) { need = 3; lo = 0x90; }
        else if (b0 >= 0xF1 && b0 <= 0xF3) need = 3;
        else if (b0 == 0xF4) { need = 3; hi = 0x8F; }
        else return 0;
        for (int k = 1; k <= need; k++)
        {
            if (i + k >= b.Length) { bad = k; return 0; }
            byte c = b[i + k];
            int l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xBF;
            if (c < l || c > h) { bad = k; return 0; }
        }
        return need + 1;
    }
}
