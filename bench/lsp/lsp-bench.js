'use strict';
// Language server benchmark: didChange-to-publishDiagnostics latency on a 1,000-line document with the blog corpus as
// the workspace, and resident memory over 10,000 edits of one document, for each server given, interleaved in one run.
//
//   node bench/lsp/lsp-bench.js --workspace ../shared/corpus/hf-blog \
//     --server "policylint=/path/to/policylint server" --server "rumdl=/path/to/rumdl server" [--edits 60] [--memory-edits 10000]
//
// Run through bench/lsp-bench.sh, which builds the native binary and fetches rumdl first. Never part of the test suite.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const repo = path.resolve(__dirname, '..', '..');
// The client library of the real-client test suite (npm ci in tests/lsp-client).
const lsp = require('node:module').createRequire(path.join(repo, 'tests', 'lsp-client', 'package.json'))('vscode-languageserver-protocol/node');

const args = process.argv.slice(2);
const opt = (name, def) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : def; };
const servers = args.flatMap((a, i) => (a === '--server' ? [args[i + 1]] : [])).map((s) => {
  const eq = s.indexOf('=');
  return { name: s.slice(0, eq), argv: s.slice(eq + 1).split(' ').filter(Boolean) };
});
const workspace = path.resolve(opt('--workspace', path.join(repo, '..', 'shared', 'corpus', 'hf-blog')));
const edits = Number(opt('--edits', '60'));
const memoryEdits = Number(opt('--memory-edits', '10000'));
if (servers.length === 0) { console.error('no --server given'); process.exit(2); }

/** 1,000 lines of real posts: the first post whole (front matter included), then the bodies of the next ones. */
function document() {
  const posts = fs.readdirSync(workspace).filter((f) => f.endsWith('.md')).sort();
  const lines = [];
  for (const [i, p] of posts.entries()) {
    let text = fs.readFileSync(path.join(workspace, p), 'utf8').replace(/\r\n/g, '\n');
    if (i > 0 && text.startsWith('---\n')) text = text.slice(text.indexOf('\n---\n', 4) + 5);
    lines.push(...text.split('\n'));
    if (lines.length >= 1000) break;
  }
  return lines.slice(0, 1000).join('\n') + '\n';
}

function rss(pid) {
  try { return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024; } catch { return NaN; }
}

/**
 * Starts a server; one whose initialize or first publication does not come within 60 s is killed and started again (rumdl's
 * server was seen, now and then, never to answer initialize under load), at most three times, and the retry is reported.
 */
async function startWithRetry(server, docUri, text) {
  for (let attempt = 1; ; attempt++) {
    let s;
    const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('no answer to initialize or didOpen in 60 s')), 60000).unref());
    try {
      s = await Promise.race([start(server, docUri, text, (x) => { s = x; }), timeout]);
      return s;
    } catch (e) {
      try { s?.proc.kill('SIGKILL'); } catch { /* gone */ }
      if (attempt >= 3) throw new Error(`${server.name}: ${e.message} (3 attempts)`);
      console.log(`  (${server.name}: ${e.message}; restarted it)`);
    }
  }
}

async function start(server, docUri, text, started = () => {}) {
  const proc = spawn(server.argv[0], server.argv.slice(1), { stdio: ['pipe', 'pipe', 'ignore'], cwd: workspace });
  const connection = lsp.createProtocolConnection(new lsp.StreamMessageReader(proc.stdout), new lsp.StreamMessageWriter(proc.stdin));
  const s = { ...server, proc, connection, version: 1, waiting: null, publications: 0 };
  started(s);
  connection.onNotification(lsp.PublishDiagnosticsNotification.type, (p) => {
    if (p.uri !== docUri) return;
    s.publications++;
    s.last = p;
    if (s.waiting && s.waiting.test(p)) { const w = s.waiting; s.waiting = null; w.resolve(p); }
  });
  connection.onRequest(lsp.RegistrationRequest.type, () => null);
  connection.onRequest('workspace/configuration', (p) => p.items.map(() => null));
  connection.onNotification(lsp.LogMessageNotification.type, () => {});
  connection.listen();
  await connection.sendRequest(lsp.InitializeRequest.type, {
    processId: process.pid, rootUri: pathToFileURL(workspace).href,
    workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'hf-blog' }], capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
  });
  await connection.sendNotification(lsp.InitializedNotification.type, {});
  const first = waitFor(s, () => true, 120000);
  await connection.sendNotification(lsp.DidOpenTextDocumentNotification.type, { textDocument: { uri: docUri, languageId: 'markdown', version: 1, text } });
  await first;
  return s;
}

function waitFor(s, test, timeoutMs = 60000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { s.waiting = null; reject(new Error(`${s.name}: no diagnostics within ${timeoutMs} ms`)); }, timeoutMs);
    s.waiting = { test, resolve: (p) => { clearTimeout(timer); resolve(p); } };
  });
}

/** Types one character at the end of line 500 (or takes it away again): a real edit every time. */
function edit(s, docUri, text) {
  s.version++;
  const line = text.split('\n')[499];
  const grow = s.version % 2 === 0;
  const change = grow
    ? { range: { start: { line: 499, character: line.length }, end: { line: 499, character: line.length } }, text: 'x' }
    : { range: { start: { line: 499, character: line.length }, end: { line: 499, character: line.length + 1 } }, text: '' };
  s.connection.sendNotification(lsp.DidChangeTextDocumentNotification.type, { textDocument: { uri: docUri, version: s.version }, contentChanges: [change] });
}

const median = (xs) => { const a = [...xs].sort((x, y) => x - y); return a[Math.floor(a.length / 2)]; };
const pct = (xs, q) => { const a = [...xs].sort((x, y) => x - y); return a[Math.min(a.length - 1, Math.floor(a.length * q))]; };

async function main() {
  const text = document();
  const docUri = pathToFileURL(path.join(workspace, 'lsp-bench-document.md')).href;
  console.log(`workspace ${workspace} (${fs.readdirSync(workspace).filter((f) => f.endsWith('.md')).length} posts); document ${text.split('\n').length - 1} lines, ${text.length} chars`);
  console.log(`load average at start: ${fs.readFileSync('/proc/loadavg', 'utf8').trim()}`);
  const started = [];
  for (const server of servers) started.push(await startWithRetry(server, docUri, text));
  // Latency: the servers take turns, one edit each, so load changes hit them alike.
  const times = new Map(started.map((s) => [s.name, []]));
  for (let i = 0; i < edits; i++) {
    for (const s of started) {
      const publication = waitFor(s, () => true);
      const t0 = process.hrtime.bigint();
      edit(s, docUri, text);
      await publication;
      times.get(s.name).push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }
  console.log(`\ndidChange -> publishDiagnostics, ${edits} edits each (ms):`);
  const base = median(times.get(started[0].name));
  for (const s of started) {
    const t = times.get(s.name);
    console.log(`  ${s.name.padEnd(14)} median ${median(t).toFixed(1).padStart(7)}  p90 ${pct(t, 0.9).toFixed(1).padStart(7)}  min ${Math.min(...t).toFixed(1).padStart(7)}  ratio ${(median(t) / base).toFixed(2)}`);
  }

  // Memory: bursts of 200 edits (most lints cancelled, as when typing), settling 150 ms after each burst; resident set sampled.
  console.log(`\nresident memory over ${memoryEdits} edits of the document (MB):`);
  for (const s of started) {
    const samples = [];
    const settled = [];
    for (let done = 0; done < memoryEdits; done += 200) {
      for (let k = 0; k < 200; k++) edit(s, docUri, text);
      const target = s.version;
      await waitFor(s, (p) => p.version === undefined || p.version === null || p.version >= target, 120000).catch(() => {});
      await new Promise((r) => setTimeout(r, 150));
      samples.push(rss(s.proc.pid));
      // At 1,000 edits and at the end, also after a pause in typing (2 s), when an idle server has given memory back.
      if (done + 200 === 1000 || done + 200 >= memoryEdits) {
        await new Promise((r) => setTimeout(r, 2000));
        settled.push(rss(s.proc.pid));
      }
    }
    const warm = samples[Math.min(4, samples.length - 1)];
    const end = samples[samples.length - 1];
    const [sWarm, sEnd] = [settled[0], settled[settled.length - 1]];
    console.log(`  ${s.name.padEnd(14)} typing: after 1000 edits ${warm.toFixed(1).padStart(7)}  after ${memoryEdits} ${end.toFixed(1).padStart(7)}  peak ${Math.max(...samples).toFixed(1).padStart(7)}  growth ${(end / warm).toFixed(2)}x  publications ${s.publications}`);
    console.log(`  ${''.padEnd(14)} paused 2 s: after 1000 edits ${sWarm.toFixed(1).padStart(7)}  after ${memoryEdits} ${sEnd.toFixed(1).padStart(7)}  growth ${(sEnd / sWarm).toFixed(2)}x`);
  }
  console.log(`load average at end: ${fs.readFileSync('/proc/loadavg', 'utf8').trim()}`);
  for (const s of started) {
    try { await s.connection.sendRequest(lsp.ShutdownRequest.type); await s.connection.sendNotification(lsp.ExitNotification.type); } catch { /* gone */ }
    setTimeout(() => s.proc.kill(), 2000).unref();
  }
}

main().then(() => setTimeout(() => process.exit(0), 2500), (e) => { console.error(e); process.exit(1); });
