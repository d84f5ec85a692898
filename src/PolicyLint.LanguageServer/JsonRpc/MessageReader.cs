using System;
using System.IO;
using System.Text;

namespace PolicyLint.LanguageServer.JsonRpc;

/// <summary>What one read from the input produced.</summary>
internal enum ReadStatus { Message, Malformed, EndOfStream }

/// <summary>
/// Reads base-protocol frames (<c>Content-Length: N</c>, a blank line, N bytes of JSON) from a stream. A frame it cannot
/// use (no length, a bad length, a header block too long, a body over the limit) is skipped and reported as malformed, so
/// one broken message never stops the stream; only the end of the input does.
/// </summary>
internal sealed class MessageReader
{
    /// <summary>A header block longer than this is garbage, not headers.</summary>
    public const int MaxHeaderBytes = 16 * 1024;

    private readonly Stream _input;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly long _maxContentLength;
    private int _start, _end;

    public MessageReader(Stream input, long maxContentLength)
    {
        _input = input;
        _maxContentLength = maxContentLength;
    }

    /// <summary>Reads the next frame. <paramref name="body"/> is set for <see cref="ReadStatus.Message"/>, <paramref name="error"/> for <see cref="ReadStatus.Malformed"/>.</summary>
    public ReadStatus Read(out byte[]? body, out string? error)
    {
        body = null;
        error = null;
        long contentLength = -1;
        bool badLength = false;
        int headerBytes = 0;
        bool sawHeader = false;
        while (true)
        {
            var line = ReadLine(ref headerBytes, out bool tooLong);
            if (line is null) return sawHeader || headerBytes > 0 ? Malformed("the input ended inside a message header", out error) : ReadStatus.EndOfStream;
            if (tooLong)
            {
                // Not a header: drop what came so far and look for the next frame.
                return Malformed($"a header block longer than {MaxHeaderBytes} bytes", out error);
            }
            if (line.Length == 0)
            {
                if (!sawHeader) continue; // stray blank lines between frames
                break;
            }
            sawHeader = true;
            int colon = line.IndexOf(':');
            if (colon <= 0) continue; // not a header line; the length check below decides
            string name = line.Substring(0, colon).Trim();
            if (string.Equals(name, "Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                if (!long.TryParse(line.Substring(colon + 1).Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out contentLength))
                    badLength = true;
            }
        }
        if (badLength || contentLength < 0) return Malformed("a message without a valid Content-Length header", out error);
        if (contentLength > _maxContentLength)
        {
            if (!Skip(contentLength)) return ReadStatus.EndOfStream;
            return Malformed($"a message of {contentLength} bytes, more than the {_maxContentLength} the server accepts", out error);
        }
        var data = new byte[contentLength];
        int have = 0;
        int buffered = Math.Min(_end - _start, (int)contentLength);
        Buffer.BlockCopy(_buffer, _start, data, 0, buffered);
        _start += buffered;
        have += buffered;
        while (have < data.Length)
        {
            int n = _input.Read(data, have, data.Length - have);
            if (n <= 0) return ReadStatus.EndOfStream;
            have += n;
        }
        body = data;
        return ReadStatus.Message;
    }

    private static ReadStatus Malformed(string message, out string? error)
    {
        error = message;
        return ReadStatus.Malformed;
    }

    private bool Skip(long count)
    {
        int buffered = (int)Math.Min(_end - _start, count);
        _start += buffered;
        count -= buffered;
        while (count > 0)
        {
            int n = _input.Read(_buffer, 0, (int)Math.Min(_buffer.Length, count));
            if (n <= 0) return false;
            count -= n;
        }
        return true;
    }

    /// <summary>One header line without its CR LF (a lone LF ends a line too), or null at the end of the input.</summary>
    private string? ReadLine(ref int headerBytes, out bool tooLong)
    {
        tooLong = false;
        var sb = new StringBuilder();
        while (true)
        {
            if (_start == _end)
            {
                _start = 0;
                _end = _input.Read(_buffer, 0, _buffer.Length);
                if (_end <= 0) { _end = 0; return null; }
            }
            int nl = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            int stop = nl < 0 ? _end : nl;
            headerBytes += stop - _start + (nl < 0 ? 0 : 1);
            if (headerBytes > MaxHeaderBytes)
            {
                tooLong = true;
                _start = nl < 0 ? _end : nl + 1;
                return string.Empty;
            }
            sb.Append(Encoding.ASCII.GetString(_buffer, _start, stop - _start));
            _start = nl < 0 ? _end : nl + 1;
            if (nl >= 0)
            {
                if (sb.Length > 0 && sb[sb.Length - 1] == '\r') sb.Length--;
                return sb.ToString();
            }
        }
    }
}
