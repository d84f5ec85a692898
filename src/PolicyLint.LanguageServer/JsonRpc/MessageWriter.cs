using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;

namespace PolicyLint.LanguageServer.JsonRpc;

/// <summary>
/// Writes frames on a thread of its own, so a client that stops reading blocks only this thread, never the server. While
/// the client is not reading, memory stays bounded: diagnostics are kept per document (a newer publication replaces the
/// waiting one) and log messages beyond <see cref="MaxQueuedLogs"/> are dropped. Responses are always kept: there is at
/// most one per request the client sent.
/// </summary>
internal sealed class MessageWriter : IDisposable
{
    public const int MaxQueuedLogs = 200;

    private readonly Stream _output;
    private readonly object _gate = new();
    private readonly Queue<(byte[] Body, bool IsLog)> _queue = new();
    private readonly Dictionary<string, byte[]> _diagnostics = new(StringComparer.Ordinal);
    private readonly List<string> _diagnosticOrder = new();
    private readonly Thread _thread;
    private int _queuedLogs;
    private bool _stopped;
    private bool _writing;

    public MessageWriter(Stream output)
    {
        _output = output;
        _thread = new Thread(Run) { IsBackground = true, Name = "policylint-lsp-writer" };
        _thread.Start();
    }

    /// <summary>Set once a write failed (the client closed its end); later messages are dropped.</summary>
    public bool IsBroken { get; private set; }

    /// <summary>Frames waiting to be written (for tests of a client that does not read).</summary>
    public int Pending { get { lock (_gate) return _queue.Count + _diagnostics.Count; } }

    public void Enqueue(byte[] body, bool isLog = false)
    {
        lock (_gate)
        {
            if (_stopped || IsBroken) return;
            if (isLog)
            {
                if (_queuedLogs >= MaxQueuedLogs) return;
                _queuedLogs++;
            }
            _queue.Enqueue((body, isLog));
            Monitor.Pulse(_gate);
        }
    }

    /// <summary>Queues a publication for <paramref name="uri"/>, replacing one that has not been written yet.</summary>
    public void EnqueueDiagnostics(string uri, byte[] body)
    {
        lock (_gate)
        {
            if (_stopped || IsBroken) return;
            if (!_diagnostics.ContainsKey(uri)) _diagnosticOrder.Add(uri);
            _diagnostics[uri] = body;
            Monitor.Pulse(_gate);
        }
    }

    /// <summary>Waits up to <paramref name="timeout"/> for the queue to drain (used before exit).</summary>
    public void Flush(TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        lock (_gate)
        {
            while ((_queue.Count > 0 || _diagnostics.Count > 0 || _writing) && !IsBroken)
            {
                var left = until - DateTime.UtcNow;
                if (left <= TimeSpan.Zero) return;
                Monitor.Wait(_gate, left);
            }
        }
    }

    private void Run()
    {
        var header = new byte[64];
        while (true)
        {
            byte[] body;
            lock (_gate)
            {
                _writing = false;
                Monitor.PulseAll(_gate);
                while (!_stopped && _queue.Count == 0 && _diagnostics.Count == 0) Monitor.Wait(_gate);
                if (_stopped) return;
                if (_queue.Count > 0)
                {
                    var item = _queue.Dequeue();
                    if (item.IsLog) _queuedLogs--;
                    body = item.Body;
                }
                else
                {
                    string uri = _diagnosticOrder[0];
                    _diagnosticOrder.RemoveAt(0);
                    body = _diagnostics[uri];
                    _diagnostics.Remove(uri);
                }
                _writing = true;
            }
            try
            {
                int n = Encoding.ASCII.GetBytes("Content-Length: " + body.Length + "\r\n\r\n", header);
                _output.Write(header, 0, n);
                _output.Write(body, 0, body.Length);
                _output.Flush();
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException or NotSupportedException)
            {
                lock (_gate)
                {
                    IsBroken = true;
                    _queue.Clear();
                    _diagnostics.Clear();
                    _diagnosticOrder.Clear();
                    _writing = false;
                    Monitor.PulseAll(_gate);
                }
                return;
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _stopped = true;
            Monitor.PulseAll(_gate);
        }
    }
}
