using System;
using System.IO;
using System.Text;
using System.Text.Json;

namespace PolicyLint.Output;

/// <summary>
/// A JSON writer whose output goes to a <see cref="TextWriter"/> in chunks of about 64 KB, so that a report of any number of
/// findings never stands whole in memory (as bytes or as a string).
/// </summary>
internal sealed class JsonChunks : IDisposable
{
    private const int DrainAt = 64 * 1024;
    private readonly MemoryStream _buffer = new();
    private readonly TextWriter _output;
    private readonly Decoder _decoder = new UTF8Encoding(false).GetDecoder();
    private char[] _chars = new char[DrainAt + 1024];

    public JsonChunks(TextWriter output)
    {
        _output = output ?? throw new ArgumentNullException(nameof(output));
        Writer = OutputSupport.CreateWriter(_buffer);
    }

    public Utf8JsonWriter Writer { get; }

    /// <summary>Passes what is written so far on when it has grown past the chunk size (call between values).</summary>
    public void MaybeDrain()
    {
        if (Writer.BytesPending + _buffer.Length >= DrainAt) Drain();
    }

    /// <summary>Passes on everything written, then the report's closing newline.</summary>
    public void Finish()
    {
        Drain();
        _output.Write('\n');
    }

    private void Drain()
    {
        Writer.Flush();
        int n = (int)_buffer.Length;
        if (n == 0) return;
        int need = _decoder.GetCharCount(_buffer.GetBuffer(), 0, n, flush: false);
        if (need > _chars.Length) _chars = new char[need];
        int count = _decoder.GetChars(_buffer.GetBuffer(), 0, n, _chars, 0, flush: false);
        _output.Write(_chars, 0, count);
        _buffer.SetLength(0);
    }

    public void Dispose() => Writer.Dispose();
}

/// <summary>
/// Passes text through to another writer but says UTF-8 as its encoding, so an XML declaration written to it names UTF-8
/// (the report is written as UTF-8 wherever it goes).
/// </summary>
internal sealed class Utf8DeclaredWriter : TextWriter
{
    private readonly TextWriter _inner;

    public Utf8DeclaredWriter(TextWriter inner) : base(System.Globalization.CultureInfo.InvariantCulture) { _inner = inner; }

    public override Encoding Encoding { get; } = new UTF8Encoding(false);
    public override void Write(char value) => _inner.Write(value);
    public override void Write(char[] buffer, int index, int count) => _inner.Write(buffer, index, count);
    public override void Write(string? value) => _inner.Write(value);
    public override void Flush() => _inner.Flush();
}
