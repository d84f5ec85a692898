using System;
using System.Collections.Immutable;
using System.IO;
using System.IO.Pipes;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PolicyLint.Analysis;
using PolicyLint.Diagnostics;

namespace PolicyLint.LanguageServer.Tests;

/// <summary>The server in this process, with analyzers a test supplies: a crashing analyzer must not stop it.</summary>
public sealed class InProcessTests
{
    [MarkdownAnalyzer]
    private sealed class CrashingAnalyzer : MarkdownAnalyzer
    {
        public static readonly RuleDescriptor Rule = RuleDescriptor.Create("TST9001", "crash", "Crashes", "Crashed", RuleCategory.Custom, Severity.Warning);
        public override ImmutableArray<RuleDescriptor> SupportedRules => [Rule];
        public override void Initialize(AnalysisContext context)
        {
            context.RegisterDocumentAction(c =>
            {
                if (c.File.Text.Contains("boom", StringComparison.Ordinal)) throw new InvalidOperationException("boom in the analyzer");
            });
            context.RegisterWorkspaceStartAction(ws => ws.RegisterWorkspaceEndAction(end =>
            {
                if (Volatile.Read(ref WorkspaceEndCrashes) > 0) throw new NullReferenceException("boom at workspace end");
            }));
        }
        public static int WorkspaceEndCrashes;
    }

    private sealed class Session : IAsyncDisposable
    {
        private readonly AnonymousPipeServerStream _toServer = new(PipeDirection.Out);
        private readonly AnonymousPipeServerStream _fromServer = new(PipeDirection.In);
        private readonly Stream _serverIn, _serverOut;
        private readonly PolicyLintLanguageServer _server;
        public Task<int> Run { get; }

        public PolicyLintLanguageServer Server => _server;

        public Session(string root, int idleCollectMilliseconds = 0)
        {
            _serverIn = new AnonymousPipeClientStream(PipeDirection.In, _toServer.ClientSafePipeHandle);
            _serverOut = new AnonymousPipeClientStream(PipeDirection.Out, _fromServer.ClientSafePipeHandle);
            _server = new PolicyLintLanguageServer(_serverIn, _serverOut,
                new LanguageServerOptions
                {
                    AdditionalAnalyzers = [new CrashingAnalyzer()], LoadPlugins = false, DebounceMilliseconds = 0,
                    IdleCollectMilliseconds = idleCollectMilliseconds,
                });
            Run = _server.RunAsync();
            Send($$$$$"""{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"rootUri":"{{{{{new Uri(root).AbsoluteUri}}}}}","capabilities":{}}}""");
        }

        public void Send(string json)
        {
            var body = Encoding.UTF8.GetBytes(json);
            var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
            _toServer.Write(header);
            _toServer.Write(body);
            _toServer.Flush();
        }

        public JsonElement Receive(Func<JsonElement, bool> match)
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (DateTime.UtcNow < deadline)
            {
                var header = new StringBuilder();
                while (!header.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
                {
                    int b = _fromServer.ReadByte();
                    if (b < 0) throw new EndOfStreamException();
                    header.Append((char)b);
                }
                int length = int.Parse(header.ToString().Split(':')[1].Trim());
                var body = new byte[length];
                int read = 0;
                while (read < length) read += _fromServer.Read(body, read, length - read);
                var element = JsonDocument.Parse(body).RootElement.Clone();
                if (match(element)) return element;
            }
            throw new TimeoutException();
        }

        public async ValueTask DisposeAsync()
        {
            Send("""{"jsonrpc":"2.0","id":99,"method":"shutdown"}""");
            Receive(e => e.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number && id.GetInt32() == 99);
            Send("""{"jsonrpc":"2.0","method":"exit"}""");
            Assert.Equal(0, await Run.WaitAsync(TimeSpan.FromSeconds(30)));
            _server.Dispose();
            _toServer.Dispose();
            _fromServer.Dispose();
        }
    }

    private static bool IsPublish(JsonElement e, string uri) =>
        e.TryGetProperty("method", out var m) && m.GetString() == "textDocument/publishDiagnostics" && e.GetProperty("params").GetProperty("uri").GetString() == uri;

    [Fact]
    public async Task AnAnalyzerThatThrowsBecomesAFindingAndTheServerGoesOn()
    {
        string root = Directory.CreateTempSubdirectory("policylint-lsp-").FullName;
        try
        {
            string uri = new Uri(Path.Combine(root, "a.md")).AbsoluteUri;
            await using var s = new Session(root);
            s.Receive(e => e.TryGetProperty("id", out _));
            s.Send("""{"jsonrpc":"2.0","method":"initialized","params":{}}""");
            s.Send($$$$$"""{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"{{{{{uri}}}}}","languageId":"markdown","version":1,"text":"# A\n\nboom\n"}}}""");
            var crashed = s.Receive(e => IsPublish(e, uri)).GetProperty("params").GetProperty("diagnostics");
            Assert.Equal(1, crashed.GetArrayLength());
            Assert.Equal("PL0005", crashed[0].GetProperty("code").GetString());
            Assert.Contains("InvalidOperationException", crashed[0].GetProperty("message").GetString());

            // A crash in the cross-file phase too; then a clean edit is linted as usual.
            Interlocked.Exchange(ref CrashingAnalyzer.WorkspaceEndCrashes, 1);
            s.Send($$$$$"""{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"{{{{{uri}}}}}","version":2},"contentChanges":[{"text":"# A\n\n[x](#nowhere)\n"}]}}""");
            var end = s.Receive(e => IsPublish(e, uri) && e.GetProperty("params").GetProperty("version").GetInt32() == 2).GetProperty("params").GetProperty("diagnostics");
            Assert.Equal(["PL0005", "PL3002"], [end[0].GetProperty("code").GetString(), end[1].GetProperty("code").GetString()]);
            Assert.Contains("workspace-end", end[0].GetProperty("message").GetString());
            Interlocked.Exchange(ref CrashingAnalyzer.WorkspaceEndCrashes, 0);
            s.Send($$$$$"""{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"{{{{{uri}}}}}","version":3},"contentChanges":[{"text":"# A\n"}]}}""");
            var clean = s.Receive(e => IsPublish(e, uri) && e.GetProperty("params").GetProperty("version").GetInt32() == 3).GetProperty("params").GetProperty("diagnostics");
            Assert.Equal(0, clean.GetArrayLength());
        }
        finally { Directory.Delete(root, true); }
    }

    [Fact]
    public async Task MemoryIsCompactedOnceAfterEachQuietPeriod()
    {
        string root = Directory.CreateTempSubdirectory("policylint-lsp-").FullName;
        try
        {
            string uri = new Uri(Path.Combine(root, "a.md")).AbsoluteUri;
            await using var s = new Session(root, idleCollectMilliseconds: 50);
            s.Receive(e => e.TryGetProperty("id", out _));
            s.Send("""{"jsonrpc":"2.0","method":"initialized","params":{}}""");
            Assert.Equal(0, s.Server.IdleCollections);
            s.Send($$$$$"""{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"{{{{{uri}}}}}","languageId":"markdown","version":1,"text":"# A\n"}}}""");
            s.Receive(e => IsPublish(e, uri));
            await Until(() => s.Server.IdleCollections >= 1);
            // No lint since: no second collection.
            await Task.Delay(400, TestContext.Current.CancellationToken);
            Assert.Equal(1, s.Server.IdleCollections);
            s.Send($$$$$"""{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"{{{{{uri}}}}}","version":2},"contentChanges":[{"text":"# B\n"}]}}""");
            s.Receive(e => IsPublish(e, uri) && e.GetProperty("params").GetProperty("version").GetInt32() == 2);
            await Until(() => s.Server.IdleCollections >= 2);
            await Task.Delay(400, TestContext.Current.CancellationToken);
            Assert.Equal(2, s.Server.IdleCollections);
        }
        finally { Directory.Delete(root, true); }
    }

    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("condition not met in 60 s");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task RequestsBeforeInitializeAndAfterShutdownAreRefused()
    {
        var toServer = new AnonymousPipeServerStream(PipeDirection.Out);
        var fromServer = new AnonymousPipeServerStream(PipeDirection.In);
        using var server = new PolicyLintLanguageServer(new AnonymousPipeClientStream(PipeDirection.In, toServer.ClientSafePipeHandle),
            new AnonymousPipeClientStream(PipeDirection.Out, fromServer.ClientSafePipeHandle), new LanguageServerOptions { LoadPlugins = false });
        var run = server.RunAsync(TestContext.Current.CancellationToken);
        void Send(string json)
        {
            var body = Encoding.UTF8.GetBytes(json);
            toServer.Write(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"));
            toServer.Write(body);
        }
        string Next()
        {
            var header = new StringBuilder();
            while (!header.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal)) header.Append((char)fromServer.ReadByte());
            var body = new byte[int.Parse(header.ToString().Split(':')[1].Trim())];
            int read = 0;
            while (read < body.Length) read += fromServer.Read(body, read, body.Length - read);
            return Encoding.UTF8.GetString(body);
        }
        Send("""{"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{}}""");
        Assert.Equal("""{"jsonrpc":"2.0","id":1,"error":{"code":-32002,"message":"The server is not initialized"}}""", Next());
        Send("""{"jsonrpc":"2.0","id":"two","method":"initialize","params":{"capabilities":{}}}""");
        Assert.StartsWith("""{"jsonrpc":"2.0","id":"two","result":{"capabilities":""", Next());
        Send("""{"jsonrpc":"2.0","id":3,"method":"shutdown"}""");
        Assert.Equal("""{"jsonrpc":"2.0","id":3,"result":null}""", Next());
        Send("""{"jsonrpc":"2.0","id":4,"method":"textDocument/hover","params":{}}""");
        Assert.Equal("""{"jsonrpc":"2.0","id":4,"error":{"code":-32600,"message":"The server is shutting down"}}""", Next());
        toServer.Dispose(); // end of input after shutdown: exit code 0
        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
    }
}
