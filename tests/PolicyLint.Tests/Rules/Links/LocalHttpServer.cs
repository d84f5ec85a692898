using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace PolicyLint.Tests.Rules.Links;

/// <summary>A tiny HTTP/1.1 server on 127.0.0.1 (random port) for link-check tests; the handler maps (method, path, hit count) to a raw response, or null to never answer.</summary>
internal sealed class LocalHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<string, string, int, string?> _handler;
    private readonly CancellationTokenSource _cts = new();
    public ConcurrentDictionary<string, int> Hits { get; } = new();
    public ConcurrentQueue<string> Log { get; } = new();

    public LocalHttpServer(Func<string, string, int, string?> handler)
    {
        _handler = handler;
        _listener.Start();
        _ = Task.Run(AcceptLoop);
    }

    public string Url(string path) => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}{path}";

    public static string Response(int status, string reason, string headers = "") =>
        $"HTTP/1.1 {status} {reason}\r\nContent-Length: 0\r\nConnection: close\r\n{headers}\r\n";

    private async Task AcceptLoop()
    {
        while (!_cts.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_cts.Token); } catch { return; }
            _ = Task.Run(() => Serve(client));
        }
    }

    private async Task Serve(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var reader = new StreamReader(stream, System.Text.Encoding.ASCII);
                string? requestLine = await reader.ReadLineAsync(_cts.Token);
                if (requestLine is null) return;
                while (!string.IsNullOrEmpty(await reader.ReadLineAsync(_cts.Token))) { }
                var parts = requestLine.Split(' ');
                string method = parts[0], path = parts[1];
                int n = Hits.AddOrUpdate(method + " " + path, 1, (_, v) => v + 1);
                Log.Enqueue(method + " " + path);
                string? response = _handler(method, path, n);
                if (response is null) { await Task.Delay(Timeout.Infinite, _cts.Token); return; }
                var bytes = System.Text.Encoding.ASCII.GetBytes(response);
                await stream.WriteAsync(bytes, _cts.Token);
            }
            catch (Exception) { }
        }
    }

    public void Dispose()
    {
        _cts.Cancel();
        _listener.Stop();
    }
}
