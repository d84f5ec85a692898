'use strict';
// A real LSP client (vscode-languageserver-protocol, the protocol library under VS Code's own client) around the
// 'policylint server' process named by POLICYLINT_SERVER (a native binary, or PolicyLint.Cli.dll run through dotnet).
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const lsp = require('vscode-languageserver-protocol/node');

function serverProcess(extraEnv) {
  const server = process.env.POLICYLINT_SERVER;
  if (!server) throw new Error('POLICYLINT_SERVER is not set (path to the policylint binary or PolicyLint.Cli.dll)');
  const env = { ...process.env, ...extraEnv };
  return server.endsWith('.dll')
    ? spawn('dotnet', [server, 'server'], { stdio: ['pipe', 'pipe', 'pipe'], env })
    : spawn(server, ['server'], { stdio: ['pipe', 'pipe', 'pipe'], env });
}

function uri(p) { return pathToFileURL(p).href; }

/** A folder tree in the temp directory: { 'docs/a.md': 'text' }. */
function tree(files) {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'policylint-lsp-')));
  fs.mkdirSync(path.join(root, '.git')); // a repository root, so links may not leave it
  for (const [name, text] of Object.entries(files)) write(root, name, text);
  return root;
}

function write(root, name, text) {
  const full = path.join(root, name);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, text);
  return full;
}

class Client {
  constructor(root, proc, connection) {
    this.root = root;
    this.proc = proc;
    this.connection = connection;
    this.published = new Map(); // uri -> list of publications, in order
    this.waiters = [];
    this.refreshes = 0;
    this.logs = [];
    this.stderr = '';
    this.exited = new Promise((resolve) => proc.on('exit', (code) => resolve(code)));
  }

  static async start(root, { capabilities = {}, initializationOptions = { debounceMs: 10 } } = {}) {
    const proc = serverProcess();
    const connection = lsp.createProtocolConnection(new lsp.StreamMessageReader(proc.stdout), new lsp.StreamMessageWriter(proc.stdin));
    const client = new Client(root, proc, connection);
    proc.stderr.on('data', (d) => { client.stderr += d; });
    connection.onNotification(lsp.PublishDiagnosticsNotification.type, (p) => {
      if (!client.published.has(p.uri)) client.published.set(p.uri, []);
      client.published.get(p.uri).push(p);
      client.check();
    });
    connection.onNotification(lsp.LogMessageNotification.type, (p) => client.logs.push(p.message));
    connection.onRequest(lsp.RegistrationRequest.type, () => null);
    connection.onRequest(lsp.DiagnosticRefreshRequest.type, () => { client.refreshes++; client.check(); return null; });
    connection.listen();
    client.initializeResult = await connection.sendRequest(lsp.InitializeRequest.type, {
      processId: process.pid,
      rootUri: uri(root),
      workspaceFolders: [{ uri: uri(root), name: 'ws' }],
      capabilities,
      initializationOptions,
    });
    await connection.sendNotification(lsp.InitializedNotification.type, {});
    return client;
  }

  check() {
    this.waiters = this.waiters.filter((w) => {
      const result = w.test();
      if (result === undefined) return true;
      clearTimeout(w.timer);
      w.resolve(result);
      return false;
    });
  }

  /** Resolves with the first value test() returns that is not undefined; re-tested on every message. */
  until(test, what, timeoutMs = 20000) {
    return new Promise((resolve, reject) => {
      const w = { test, resolve };
      w.timer = setTimeout(() => {
        this.waiters = this.waiters.filter((x) => x !== w);
        reject(new Error(`timed out waiting for ${what}; published: ${JSON.stringify([...this.published.entries()].map(([u, l]) => [u, l[l.length - 1]]))}\nstderr: ${this.stderr}`));
      }, timeoutMs);
      this.waiters.push(w);
      this.check();
    });
  }

  latest(u) {
    const list = this.published.get(u);
    return list && list.length ? list[list.length - 1] : undefined;
  }

  /** The latest publication for the file that satisfies pred (e.g. a version, or a code present). */
  diagnostics(file, pred = () => true, what = 'diagnostics') {
    const u = uri(file);
    return this.until(() => {
      const p = this.latest(u);
      return p && pred(p) ? p : undefined;
    }, `${what} for ${file}`);
  }

  open(file, text, version = 1) {
    this.connection.sendNotification(lsp.DidOpenTextDocumentNotification.type, {
      textDocument: { uri: uri(file), languageId: 'markdown', version, text: text ?? fs.readFileSync(file, 'utf8') },
    });
  }

  change(file, version, contentChanges) {
    this.connection.sendNotification(lsp.DidChangeTextDocumentNotification.type, { textDocument: { uri: uri(file), version }, contentChanges });
  }

  close(file) {
    this.connection.sendNotification(lsp.DidCloseTextDocumentNotification.type, { textDocument: { uri: uri(file) } });
  }

  filesChanged(changes) {
    this.connection.sendNotification(lsp.DidChangeWatchedFilesNotification.type, {
      changes: changes.map(([file, type]) => ({ uri: uri(file), type })),
    });
  }

  request(type, params, token) { return this.connection.sendRequest(type, params, token); }

  async stop() {
    await this.connection.sendRequest(lsp.ShutdownRequest.type);
    await this.connection.sendNotification(lsp.ExitNotification.type);
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }

  kill() {
    try { this.connection.dispose(); } catch { /* already gone */ }
    this.proc.kill();
  }
}

/** Applies LSP text edits (one document) to a string. */
function applyEdits(text, edits) {
  const lines = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lines.push(i + 1);
  const offset = (p) => Math.min(lines[p.line] + p.character, text.length);
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  for (const e of sorted) text = text.slice(0, offset(e.range.start)) + e.newText + text.slice(offset(e.range.end));
  return text;
}

/** The range of the first occurrence of needle in text (single line). */
function rangeOf(text, needle, from = 0) {
  const at = text.indexOf(needle, from);
  if (at < 0) throw new Error(`'${needle}' not in text`);
  const before = text.slice(0, at).split('\n');
  const line = before.length - 1;
  const character = before[before.length - 1].length;
  return { start: { line, character }, end: { line, character: character + needle.length } };
}

module.exports = { Client, lsp, tree, write, uri, applyEdits, rangeOf, serverProcess, fs, path };
