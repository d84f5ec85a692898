using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using PolicyLint.Configuration;
using PolicyLint.Engine;
using PolicyLint.LanguageServer.JsonRpc;
using PolicyLint.LanguageServer.Protocol;

namespace PolicyLint.LanguageServer;

/// <summary>
/// PolicyLint's language server: JSON-RPC 2.0 over a pair of streams (standard input and output for <c>policylint server</c>).
/// Messages are read on one thread and handled in order; lints and requests run on the thread pool and are cancelled when
/// they go stale; output is written on a thread of its own. No message, document or analyzer can stop the loop: a broken
/// message gets an error response, a failing handler an internal-error response, and only <c>exit</c> or the end of the
/// input ends it.
/// </summary>
public sealed class PolicyLintLanguageServer : IDisposable
{
    private const int ParseError = -32700, InvalidRequest = -32600, MethodNotFound = -32601, InternalError = -32603;
    private const int ServerNotInitialized = -32002, RequestCancelled = -32800;

    private readonly MessageReader _reader;
    private readonly MessageWriter _writer;
    private readonly LanguageServerOptions _options;
    private readonly DocumentLinter _linter;
    private readonly WorkspaceIndex _index;
    private readonly object _gate = new();
    private readonly Dictionary<string, OpenDocument> _docs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _requests = new(StringComparer.Ordinal);
    private readonly HashSet<string> _configErrorUris = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _lifetime = new();
    private int _debounce;
    private bool _initialized, _shutdown, _pullDiagnostics, _refreshSupport, _watchRegistration;
    private int _generation;
    private int _nextServerRequest;
    private int _exitCode = -1;
    private Task _indexTask = Task.CompletedTask;
    private long _lastLintMs;
    private int _idleCollectPending, _idleCollections;

    /// <summary>How many idle-time collections the server has made (tests).</summary>
    internal int IdleCollections => Volatile.Read(ref _idleCollections);

    /// <summary>Creates a server reading requests from <paramref name="input"/> and writing to <paramref name="output"/>.</summary>
    public PolicyLintLanguageServer(Stream input, Stream output, LanguageServerOptions? options = null)
    {
        _options = options ?? new LanguageServerOptions();
        _reader = new MessageReader(input, _options.MaxMessageBytes);
        _writer = new MessageWriter(output);
        var engine = new LintEngine(_options.AdditionalAnalyzers);
        _index = new WorkspaceIndex(engine.Rules, _options.CreateIgnoreFilter)
        {
            OpenText = path => FindByPath(path)?.Text,
            OpenUri = path => FindByPath(path)?.Uri,
        };
        _linter = new DocumentLinter(engine, _options.LoadPlugins, _index);
        _debounce = Math.Max(0, _options.DebounceMilliseconds);
    }

    /// <summary>Runs until <c>exit</c> or the end of the input. Returns the process exit code: 0 after shutdown then exit, else 1.</summary>
    public Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var done = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try { done.TrySetResult(Loop()); }
            catch (Exception ex) { Log(ex.ToString()); done.TrySetResult(1); }
        }, 16 * 1024 * 1024) { IsBackground = true, Name = "policylint-lsp-reader" };
        thread.Start();
        cancellationToken.Register(() => done.TrySetResult(1));
        return done.Task;
    }

    /// <summary>Messages waiting to be written (a client that does not read makes this grow, within bounds).</summary>
    internal int PendingOutput => _writer.Pending;

    private int Loop()
    {
        while (true)
        {
            ReadStatus status;
            byte[]? body;
            string? error;
            try { status = _reader.Read(out body, out error); }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException) { status = ReadStatus.EndOfStream; body = null; error = null; }
            if (status == ReadStatus.EndOfStream) return Stop(_shutdown ? 0 : 1, flush: false);
            if (status == ReadStatus.Malformed)
            {
                LogToClient(2, "policylint: skipped " + error);
                continue;
            }
            try { Dispatch(body!); }
            catch (Exception ex) { LogToClient(1, "policylint: internal error: " + ex); }
            if (_exitCode >= 0) return Stop(_exitCode, flush: true);
        }
    }

    private int Stop(int code, bool flush)
    {
        _lifetime.Cancel();
        lock (_gate) foreach (var d in _docs.Values) d.Pending?.Cancel();
        foreach (var r in _requests.Values) r.Cancel();
        if (flush) _writer.Flush(TimeSpan.FromSeconds(2));
        return code;
    }

    // ------------------------------------------------------------------ dispatch

    private void Dispatch(byte[] body)
    {
        JsonDocument json;
        try { json = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 256 }); }
        catch (JsonException ex)
        {
            SendError(null, ParseError, "Parse error: " + ex.Message);
            return;
        }
        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                SendError(null, InvalidRequest, "Invalid request: a message must be a JSON object");
                return;
            }
            bool hasId = root.TryGetProperty("id", out var idElement) && idElement.ValueKind is JsonValueKind.Number or JsonValueKind.String;
            string? id = hasId ? idElement.GetRawText() : null;
            string? method = root.TryGetProperty("method", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            if (method is null)
            {
                // A response to one of our requests (registerCapability, refresh): nothing to do with it.
                if (hasId && (root.TryGetProperty("result", out _) || root.TryGetProperty("error", out _))) return;
                SendError(id, InvalidRequest, "Invalid request: no method");
                return;
            }
            var parameters = root.TryGetProperty("params", out var pe) ? pe.Clone() : default;
            if (id is not null) HandleRequest(id, method, parameters);
            else HandleNotification(method, parameters);
        }
    }

    private void HandleRequest(string id, string method, JsonElement p)
    {
        if (method == "initialize")
        {
            if (_initialized) { SendError(id, InvalidRequest, "initialize was already called"); return; }
            var result = Initialize(Read(p, LspJsonContext.Default.InitializeParams) ?? new InitializeParams());
            _initialized = true;
            SendResult(id, result, LspJsonContext.Default.InitializeResult);
            return;
        }
        if (!_initialized) { SendError(id, ServerNotInitialized, "The server is not initialized"); return; }
        if (_shutdown) { SendError(id, InvalidRequest, "The server is shutting down"); return; }
        switch (method)
        {
            case "shutdown":
                _shutdown = true;
                lock (_gate) foreach (var d in _docs.Values) d.Pending?.Cancel();
                SendResult<object?>(id, null, null);
                return;
            case "textDocument/codeAction":
                Run(id, ct => Respond(CodeAction(Read(p, LspJsonContext.Default.CodeActionParams), ct), LspJsonContext.Default.ListCodeAction));
                return;
            case "textDocument/completion":
                Run(id, ct => Respond(Completion(Read(p, LspJsonContext.Default.TextDocumentPositionParams)), LspJsonContext.Default.CompletionList));
                return;
            case "textDocument/hover":
                Run(id, ct => Respond(HoverAt(Read(p, LspJsonContext.Default.TextDocumentPositionParams), ct), LspJsonContext.Default.Hover));
                return;
            case "textDocument/diagnostic":
                Run(id, ct => Respond(Pull(Read(p, LspJsonContext.Default.DocumentDiagnosticParams), ct), LspJsonContext.Default.FullDocumentDiagnosticReport));
                return;
            default:
                SendError(id, MethodNotFound, $"Unknown method '{method}'");
                return;
        }
    }

    private void HandleNotification(string method, JsonElement p)
    {
        if (method == "exit")
        {
            _exitCode = _shutdown ? 0 : 1;
            return;
        }
        if (!_initialized) return; // notifications before initialize are dropped, as the protocol says
        switch (method)
        {
            case "initialized": Initialized(); break;
            case "$/cancelRequest":
                if (Read(p, LspJsonContext.Default.CancelParams) is { } cancel && cancel.Id.ValueKind is JsonValueKind.Number or JsonValueKind.String
                    && _requests.TryGetValue(cancel.Id.GetRawText(), out var cts))
                    cts.Cancel();
                break;
            case "textDocument/didOpen": if (Read(p, LspJsonContext.Default.DidOpenTextDocumentParams) is { } open) DidOpen(open); break;
            case "textDocument/didChange": if (Read(p, LspJsonContext.Default.DidChangeTextDocumentParams) is { } change) DidChange(change); break;
            case "textDocument/didClose": if (Read(p, LspJsonContext.Default.TextDocumentParams) is { } close) DidClose(close.TextDocument.Uri); break;
            case "textDocument/didSave": if (Read(p, LspJsonContext.Default.TextDocumentParams) is { } save) DidSave(save.TextDocument.Uri); break;
            case "workspace/didChangeWatchedFiles":
                if (Read(p, LspJsonContext.Default.DidChangeWatchedFilesParams) is { } files) FilesChanged(files.Changes);
                break;
            case "workspace/didChangeConfiguration": _linter.State.Clear(); Invalidate(); RecheckAll(0); break;
        }
    }

    private static T? Read<T>(JsonElement element, JsonTypeInfo<T> info) where T : class
    {
        if (element.ValueKind != JsonValueKind.Object) return null;
        try { return element.Deserialize(info); }
        catch (JsonException) { return null; }
    }

    private delegate void Payload(Utf8JsonWriter writer);

    private static Payload Respond<T>(T? value, JsonTypeInfo<T> info) where T : class => w =>
    {
        if (value is null) w.WriteNullValue();
        else JsonSerializer.Serialize(w, value, info);
    };

    private void Run(string id, Func<CancellationToken, Payload> work)
    {
        var cts = CancellationTokenSource.CreateLinkedTokenSource(_lifetime.Token);
        _requests[id] = cts;
        Task.Run(() =>
        {
            try
            {
                var payload = work(cts.Token);
                if (cts.IsCancellationRequested) SendError(id, RequestCancelled, "Request cancelled");
                else Send(w => { w.WriteString("jsonrpc", "2.0"); w.WritePropertyName("id"); w.WriteRawValue(id); w.WritePropertyName("result"); payload(w); });
            }
            catch (OperationCanceledException) { SendError(id, RequestCancelled, "Request cancelled"); }
            catch (Exception ex)
            {
                LogToClient(1, "policylint: internal error: " + ex);
                SendError(id, InternalError, ex.GetType().Name + ": " + ex.Message);
            }
            finally
            {
                _requests.TryRemove(id, out _);
                cts.Dispose();
            }
        });
    }

    // ------------------------------------------------------------------ lifecycle

    private InitializeResult Initialize(InitializeParams p)
    {
        var roots = new List<string>();
        if (p.WorkspaceFolders is { } folders)
            foreach (var f in folders) if (Uris.ToPath(f.Uri) is { } path) roots.Add(path);
        if (roots.Count == 0 && p.RootUri is { } rootUri && Uris.ToPath(rootUri) is { } r) roots.Add(r);
        if (roots.Count == 0 && !string.IsNullOrEmpty(p.RootPath)) roots.Add(Path.GetFullPath(p.RootPath));
        _index.SetRoots(roots);

        var caps = p.Capabilities;
        _pullDiagnostics = Has(caps, "textDocument", "diagnostic");
        _refreshSupport = Bool(caps, "workspace", "diagnostics", "refreshSupport");
        _watchRegistration = Bool(caps, "workspace", "didChangeWatchedFiles", "dynamicRegistration");
        // A client that reports file changes lets the site model live until one comes; otherwise it is reread every few seconds.
        _linter.State.MaxAge = _watchRegistration ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(5);
        if (p.InitializationOptions.ValueKind == JsonValueKind.Object)
        {
            if (p.InitializationOptions.TryGetProperty("debounceMs", out var ms) && ms.TryGetInt32(out int d) && d >= 0) _debounce = Math.Min(d, 10_000);
            if (p.InitializationOptions.TryGetProperty("diagnosticMode", out var mode) && mode.ValueKind == JsonValueKind.String)
                _pullDiagnostics = mode.GetString() == "pull" || (mode.GetString() != "push" && _pullDiagnostics);
        }
        return new InitializeResult
        {
            Capabilities = new ServerCapabilities
            {
                CodeActionProvider = new CodeActionOptions { CodeActionKinds = [Features.QuickFix, Features.FixAllKind] },
                CompletionProvider = new CompletionOptions { TriggerCharacters = ["#", "/", "("] },
            },
            ServerInfo = new ServerInfo { Name = "policylint", Version = _options.Version },
        };
    }

    private static bool Has(JsonElement e, params string[] path)
    {
        foreach (var name in path)
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out e)) return false;
        }
        return e.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined);
    }

    private static bool Bool(JsonElement e, params string[] path)
    {
        foreach (var name in path)
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out e)) return false;
        }
        return e.ValueKind == JsonValueKind.True;
    }

    private void Initialized()
    {
        if (_watchRegistration)
        {
            var registration = new RegistrationParams
            {
                Registrations =
                [
                    new Registration
                    {
                        Id = "policylint-watch", Method = "workspace/didChangeWatchedFiles",
                        RegisterOptions = new DidChangeWatchedFilesRegistrationOptions
                        {
                            Watchers =
                            [
                                new FileWatcher { GlobPattern = "**/*.{md,markdown}" },
                                new FileWatcher { GlobPattern = "**/.policylint.{yml,yaml}" },
                                new FileWatcher { GlobPattern = "**/.gitignore" },
                                // Generator configuration, redirect maps, layouts and MDX pages: they change the site model.
                                new FileWatcher { GlobPattern = "**/*.{toml,yaml,yml,json,js,ts,mjs,cjs,html,mdx}" },
                                new FileWatcher { GlobPattern = "**/_redirects" },
                                // Images and other link targets: only their coming and going matters.
                                new FileWatcher { GlobPattern = "**/*", Kind = 1 | 4 },
                            ],
                        },
                    },
                ],
            };
            SendRequest("client/registerCapability", registration, LspJsonContext.Default.RegistrationParams);
        }
        StartIndex();
    }

    private void StartIndex()
    {
        var ct = _lifetime.Token;
        lock (_gate)
        {
            _indexTask = _indexTask.ContinueWith(_ =>
            {
                try
                {
                    var sw = System.Diagnostics.Stopwatch.StartNew();
                    _index.Rebuild(warmOutlines: true, ct);
                    LogToClient(4, $"policylint: indexed {_index.FileCount} Markdown files in {sw.ElapsedMilliseconds} ms");
                }
                catch (OperationCanceledException) { }
                catch (Exception ex) { LogToClient(1, "policylint: indexing failed: " + ex.Message); }
                // Exclusions are known now: documents opened before the walk ended are checked again.
                RecheckAll(0);
            }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }
    }

    /// <summary>For tests: waits until the workspace walk that is running (if any) has finished.</summary>
    internal Task IndexReady { get { lock (_gate) return _indexTask; } }

    // ------------------------------------------------------------------ documents

    private OpenDocument? FindByPath(string fullPath)
    {
        lock (_gate)
            foreach (var d in _docs.Values)
                if (string.Equals(d.FullPath, fullPath, StringComparison.Ordinal)) return d;
        return null;
    }

    private OpenDocument? Find(string uri)
    {
        lock (_gate) return _docs.TryGetValue(uri, out var d) ? d : null;
    }

    private void DidOpen(DidOpenTextDocumentParams p)
    {
        var item = p.TextDocument;
        string? path = Uris.ToPath(item.Uri);
        bool isFile = path is not null;
        if (path is null)
        {
            // untitled: and other schemes are linted as a file at the top of the first workspace folder.
            string name = new string(item.Uri.Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
            path = Path.Combine(_index.Roots.FirstOrDefault() ?? Directory.GetCurrentDirectory(), name + ".md");
        }
        bool markdown = string.Equals(item.LanguageId, "markdown", StringComparison.OrdinalIgnoreCase) || EngineBridge.IsMarkdownPath(path)
            || _index.Contains(path);
        var doc = new OpenDocument(item.Uri, path, isFile, item.Text, item.Version, markdown);
        lock (_gate)
        {
            if (_docs.TryGetValue(item.Uri, out var old)) old.Pending?.Cancel();
            _docs[item.Uri] = doc;
        }
        Schedule(doc, 0);
        RecheckDependents(doc, _debounce);
    }

    private void DidChange(DidChangeTextDocumentParams p)
    {
        var doc = Find(p.TextDocument.Uri);
        if (doc is null) return;
        lock (_gate)
        {
            foreach (var change in p.ContentChanges) doc.Apply(change);
            doc.SetVersion(p.TextDocument.Version ?? doc.Version + 1);
        }
        Schedule(doc, _debounce);
        RecheckDependents(doc, Math.Max(_debounce, 100));
    }

    private void DidClose(string uri)
    {
        OpenDocument? doc;
        lock (_gate)
        {
            if (!_docs.Remove(uri, out doc)) return;
            doc.Pending?.Cancel();
        }
        if (!_pullDiagnostics) Publish(uri, null, new List<LspDiagnostic>());
        // Documents that linked to it now see the file on disk.
        RecheckDependents(doc, _debounce);
    }

    private void DidSave(string uri)
    {
        string? path = Uris.ToPath(uri);
        if (path is null) return;
        // Clients that do not watch files still tell us about their own saves.
        FilesChanged([new FileEvent { Uri = uri, Type = 2 }]);
    }

    private void FilesChanged(List<FileEvent> changes)
    {
        bool reload = false, walk = false;
        var changed = new List<string>();
        // Any change on disk may move a page's URL, add a redirect or a target: the site model and listings are read again.
        if (changes.Count > 0) _linter.State.Clear();
        foreach (var c in changes)
        {
            if (Uris.ToPath(c.Uri) is not { } path) continue;
            string name = Path.GetFileName(path);
            if (name is ".policylint.yml" or ".policylint.yaml" or ".gitignore") { reload = true; continue; }
            _index.Invalidate(path);
            changed.Add(path);
            if (c.Type != 2 && EngineBridge.IsMarkdownPath(path)) walk = true;
        }
        if (reload)
        {
            Invalidate();
            StartIndex();
            RecheckAll(0);
            return;
        }
        if (walk) StartIndex();
        if (changed.Count == 0) return;
        Invalidate();
        var targets = new HashSet<OpenDocument>();
        if (_linter.UsesSiteModel)
        {
            // On a generated site a page's front matter or the generator's files decide URLs: every open document is re-checked.
            lock (_gate) targets.UnionWith(_docs.Values);
        }
        else
            foreach (var path in changed)
                foreach (var d in Dependents(path, null)) targets.Add(d);
        foreach (var d in targets) Schedule(d, 0);
        RefreshPulls();
    }

    private void Invalidate() => Interlocked.Increment(ref _generation);

    private void RefreshPulls()
    {
        if (_pullDiagnostics && _refreshSupport) SendRequest<object>("workspace/diagnostic/refresh", null, null);
    }

    private void RecheckAll(int delay)
    {
        List<OpenDocument> all;
        lock (_gate) all = _docs.Values.ToList();
        foreach (var d in all) Schedule(d, delay);
        RefreshPulls();
    }

    private void RecheckDependents(OpenDocument changed, int delay)
    {
        var dependents = Dependents(changed.FullPath, changed);
        if (dependents.Count == 0) return;
        Invalidate();
        foreach (var d in dependents) Schedule(d, delay);
        RefreshPulls();
    }

    /// <summary>
    /// Open documents that may link to <paramref name="fullPath"/>: those whose text names the file (or, for an index file,
    /// its folder), spelled plainly or percent-encoded. A superset of the real dependents, never missing one, and cheap.
    /// </summary>
    private List<OpenDocument> Dependents(string fullPath, OpenDocument? except)
    {
        var names = MentionNames(fullPath);
        var result = new List<OpenDocument>();
        lock (_gate)
            foreach (var d in _docs.Values)
                if (d != except && d.IsMarkdown && names.Any(n => d.Text.Contains(n, StringComparison.OrdinalIgnoreCase))) result.Add(d);
        return result;
    }

    private static List<string> MentionNames(string fullPath)
    {
        string file = Path.GetFileName(fullPath);
        string stem = Path.GetFileNameWithoutExtension(fullPath);
        var names = new List<string> { stem.Length > 0 ? stem : file };
        if (stem.Equals("README", StringComparison.OrdinalIgnoreCase) || stem.Equals("index", StringComparison.OrdinalIgnoreCase) || stem.Length == 0)
        {
            string? dir = Path.GetFileName(Path.GetDirectoryName(fullPath));
            if (!string.IsNullOrEmpty(dir)) names.Add(dir);
            names.Add("](./)");
            names.Add("](../)");
            names.Add("](/)");
        }
        foreach (var n in names.ToArray())
        {
            string escaped = Uri.EscapeDataString(n);
            if (escaped != n) names.Add(escaped);
        }
        return names;
    }

    /// <summary>Other open documents this text names, passed to the lint in memory so their unsaved anchors count.</summary>
    private List<(string Path, string Text)> LinkedOpen(OpenDocument doc, string text)
    {
        var result = new List<(string, string)>();
        lock (_gate)
            foreach (var d in _docs.Values)
                if (d != doc && d.IsFile && d.IsMarkdown && MentionNames(d.FullPath).Any(n => text.Contains(n, StringComparison.OrdinalIgnoreCase)))
                    result.Add((d.FullPath, d.Text));
        return result;
    }

    // ------------------------------------------------------------------ linting

    private void Schedule(OpenDocument doc, int delay)
    {
        if (!doc.IsMarkdown) return;
        CancellationTokenSource cts;
        lock (_gate)
        {
            doc.Pending?.Cancel();
            doc.Pending = cts = CancellationTokenSource.CreateLinkedTokenSource(_lifetime.Token);
        }
        if (_pullDiagnostics) return; // the client asks when it wants them
        Task.Run(async () =>
        {
            try
            {
                if (delay > 0) await Task.Delay(delay, cts.Token).ConfigureAwait(false);
                var outcome = LintCurrent(doc, cts.Token);
                lock (_gate) if (cts.IsCancellationRequested || outcome.Version != doc.Version || !_docs.ContainsKey(doc.Uri)) return;
                Publish(doc.Uri, doc.IsFile ? outcome.Version : null, Shown(doc, outcome));
            }
            catch (OperationCanceledException) { }
            catch (Exception ex) { LogToClient(1, $"policylint: linting {doc.Uri} failed: {ex}"); }
        });
    }

    /// <summary>Lints the document's current text, or returns the outcome already made for this version and generation.</summary>
    private LintOutcome LintCurrent(OpenDocument doc, CancellationToken ct)
    {
        string text;
        int version, generation;
        lock (_gate)
        {
            text = doc.Text;
            version = doc.Version;
            generation = Volatile.Read(ref _generation);
            if (doc.Last is { } last && last.Version == version && last.Generation == generation && ReferenceEquals(last.Text, text)) return last;
        }
        LintOutcome outcome;
        if (_index.IsExcluded(doc.FullPath))
            outcome = new LintOutcome(text, version, generation, new Documents.LineMap(text), new(), null);
        else
            outcome = _linter.Lint(doc, text, version, generation, LinkedOpen(doc, text), ct);
        ct.ThrowIfCancellationRequested();
        lock (_gate) if (doc.Version == version) doc.Last = outcome;
        UpdateConfigErrors();
        ScheduleIdleCollect();
        return outcome;
    }

    /// <summary>
    /// After <see cref="LanguageServerOptions.IdleCollectMilliseconds"/> without a lint: one compacting collection that also
    /// gives freed memory back to the system. A lint allocates its document's tree and findings afresh, and without this the
    /// resident size stays at the peak of the busiest burst of typing. While lints go on without such a pause, a compacting
    /// collection every five quiet periods' worth of time keeps the resident size from growing with the session.
    /// </summary>
    private void ScheduleIdleCollect(bool lintDone = true)
    {
        int quiet = _options.IdleCollectMilliseconds;
        if (lintDone) Volatile.Write(ref _lastLintMs, Environment.TickCount64);
        if (quiet <= 0 || Interlocked.CompareExchange(ref _idleCollectPending, 1, 0) != 0) return;
        Task.Run(async () =>
        {
            long collectedAfter = long.MaxValue;
            long since = Environment.TickCount64;
            try
            {
                while (true)
                {
                    long last = Volatile.Read(ref _lastLintMs);
                    long wait = quiet - (Environment.TickCount64 - last);
                    bool busyTooLong = Environment.TickCount64 - since >= 5L * quiet;
                    if (wait > 0 && !busyTooLong) { await Task.Delay(TimeSpan.FromMilliseconds(wait), _lifetime.Token).ConfigureAwait(false); continue; }
                    collectedAfter = last;
                    GC.Collect(GC.MaxGeneration, wait > 0 ? GCCollectionMode.Forced : GCCollectionMode.Aggressive, blocking: true, compacting: true);
                    Interlocked.Increment(ref _idleCollections);
                    break;
                }
            }
            catch (OperationCanceledException) { return; }
            finally { Volatile.Write(ref _idleCollectPending, 0); }
            // A lint that ended while this collection ran found it pending: its quiet period gets a collection of its own.
            if (Volatile.Read(ref _lastLintMs) > collectedAfter) ScheduleIdleCollect(lintDone: false);
        });
    }

    /// <summary>The diagnostics to show for an outcome: its findings, or a pointer to the broken configuration.</summary>
    private static List<LspDiagnostic> Shown(OpenDocument doc, LintOutcome outcome)
    {
        if (outcome.ConfigError is not { } error) return outcome.LspDiagnostics();
        string where = error.FilePath is null ? "" : Path.GetFileName(error.FilePath) + (error.Line > 0 ? $"({error.Line},{error.Column})" : "") + ": ";
        return
        [
            new LspDiagnostic
            {
                Range = new Protocol.Range(new Position(0, 0), new Position(0, 0)),
                Severity = 2,
                Source = "policylint",
                Message = "PolicyLint did not check this file: the configuration is invalid (" + where + error.Reason + ")",
            },
        ];
    }

    private void UpdateConfigErrors()
    {
        var errors = new Dictionary<string, ConfigurationException>(StringComparer.Ordinal);
        lock (_gate)
        {
            foreach (var d in _docs.Values)
                if (d.Last?.ConfigError is { FilePath: { } path } e && Path.IsPathRooted(path)) errors[Path.GetFullPath(path)] = e;
            if (_index.ConfigError is { FilePath: { } ip } ie && Path.IsPathRooted(ip)) errors[Path.GetFullPath(ip)] = ie;
        }
        var now = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, e) in errors)
        {
            string uri = Uris.FromPath(path);
            now.Add(uri);
            var pos = new Position(Math.Max(0, e.Line - 1), Math.Max(0, e.Column - 1));
            Publish(uri, null,
            [
                new LspDiagnostic
                {
                    Range = new Protocol.Range(pos, new Position(pos.Line, pos.Character + 1)),
                    Severity = 1,
                    Source = "policylint",
                    Message = e.Reason,
                },
            ]);
        }
        lock (_gate)
        {
            foreach (var uri in _configErrorUris)
                if (!now.Contains(uri)) Publish(uri, null, new List<LspDiagnostic>());
            _configErrorUris.Clear();
            _configErrorUris.UnionWith(now);
        }
    }

    private void Publish(string uri, int? version, List<LspDiagnostic> diagnostics)
    {
        var p = new PublishDiagnosticsParams { Uri = uri, Version = version, Diagnostics = diagnostics };
        var body = Serialize(w =>
        {
            w.WriteString("jsonrpc", "2.0");
            w.WriteString("method", "textDocument/publishDiagnostics");
            w.WritePropertyName("params");
            JsonSerializer.Serialize(w, p, LspJsonContext.Default.PublishDiagnosticsParams);
        });
        _writer.EnqueueDiagnostics(uri, body);
    }

    // ------------------------------------------------------------------ requests

    private FullDocumentDiagnosticReport? Pull(DocumentDiagnosticParams? p, CancellationToken ct)
    {
        if (p is null) throw new ArgumentException("textDocument/diagnostic needs a textDocument");
        var doc = Find(p.TextDocument.Uri);
        if (doc is null || !doc.IsMarkdown) return new FullDocumentDiagnosticReport();
        var outcome = LintCurrent(doc, ct);
        return new FullDocumentDiagnosticReport { ResultId = outcome.Version + ":" + outcome.Generation, Items = Shown(doc, outcome) };
    }

    private List<CodeAction>? CodeAction(CodeActionParams? p, CancellationToken ct)
    {
        if (p is null) throw new ArgumentException("textDocument/codeAction needs parameters");
        var doc = Find(p.TextDocument.Uri);
        if (doc is null || !doc.IsMarkdown) return new List<CodeAction>();
        return Features.CodeActions(doc, LintCurrent(doc, ct), p);
    }

    private CompletionList? Completion(TextDocumentPositionParams? p)
    {
        if (p is null) throw new ArgumentException("textDocument/completion needs a position");
        var doc = Find(p.TextDocument.Uri);
        if (doc is null) return new CompletionList();
        return Features.Completion(doc, p.Position, _index);
    }

    private Hover? HoverAt(TextDocumentPositionParams? p, CancellationToken ct)
    {
        if (p is null) throw new ArgumentException("textDocument/hover needs a position");
        var doc = Find(p.TextDocument.Uri);
        if (doc is null || !doc.IsMarkdown) return null;
        return Features.Hover(LintCurrent(doc, ct), p.Position, _linter.Engine.Rules);
    }

    // ------------------------------------------------------------------ output

    private static byte[] Serialize(Payload write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            write(w);
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private void Send(Payload write, bool isLog = false) => _writer.Enqueue(Serialize(write), isLog);

    private void SendResult<T>(string id, T? value, JsonTypeInfo<T>? info) => Send(w =>
    {
        w.WriteString("jsonrpc", "2.0");
        w.WritePropertyName("id");
        w.WriteRawValue(id);
        w.WritePropertyName("result");
        if (value is null || info is null) w.WriteNullValue();
        else JsonSerializer.Serialize(w, value, info);
    });

    private void SendError(string? id, int code, string message) => Send(w =>
    {
        w.WriteString("jsonrpc", "2.0");
        w.WritePropertyName("id");
        if (id is null) w.WriteNullValue(); else w.WriteRawValue(id);
        w.WritePropertyName("error");
        JsonSerializer.Serialize(w, new ResponseError { Code = code, Message = message }, LspJsonContext.Default.ResponseError);
    });

    private void SendRequest<T>(string method, T? value, JsonTypeInfo<T>? info) => Send(w =>
    {
        w.WriteString("jsonrpc", "2.0");
        w.WriteString("id", "policylint-" + Interlocked.Increment(ref _nextServerRequest).ToString(System.Globalization.CultureInfo.InvariantCulture));
        w.WriteString("method", method);
        if (value is not null && info is not null)
        {
            w.WritePropertyName("params");
            JsonSerializer.Serialize(w, value, info);
        }
    });

    private void LogToClient(int type, string message)
    {
        // Standard error gets errors and warnings only: some clients (Neovim) log everything there as an error.
        if (type <= 2) Log(message);
        Send(w =>
        {
            w.WriteString("jsonrpc", "2.0");
            w.WriteString("method", "window/logMessage");
            w.WritePropertyName("params");
            JsonSerializer.Serialize(w, new LogMessageParams { Type = type, Message = message }, LspJsonContext.Default.LogMessageParams);
        }, isLog: true);
    }

    private void Log(string message)
    {
        var log = _options.Log;
        if (log is null) return;
        lock (log) log.WriteLine(message);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _lifetime.Cancel();
        _writer.Dispose();
        _lifetime.Dispose();
    }
}
