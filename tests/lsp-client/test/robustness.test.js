'use strict';
// Raw frames where the client library would refuse to send them: malformed messages, a client that does not read.
const test = require('node:test');
const assert = require('node:assert/strict');
const { Client, lsp, tree, uri, serverProcess, path } = require('./client');

function frame(obj) {
  const body = Buffer.from(typeof obj === 'string' ? obj : JSON.stringify(obj), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
}

/** Collects framed messages from the server's output. */
function reader(stream) {
  let buf = Buffer.alloc(0);
  const messages = [];
  const waiters = [];
  stream.on('data', (d) => {
    buf = Buffer.concat([buf, d]);
    for (;;) {
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) break;
      const m = /Content-Length: (\d+)/i.exec(buf.slice(0, end).toString('ascii'));
      const len = Number(m[1]);
      if (buf.length < end + 4 + len) break;
      messages.push(JSON.parse(buf.slice(end + 4, end + 4 + len).toString('utf8')));
      buf = buf.slice(end + 4 + len);
    }
    for (const w of waiters.splice(0)) w();
  });
  return {
    messages,
    async until(pred, what, timeoutMs = 30000) {
      const start = Date.now();
      for (;;) {
        const found = messages.find(pred);
        if (found) return found;
        if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}; got ${JSON.stringify(messages).slice(0, 2000)}`);
        await new Promise((r) => { waiters.push(r); setTimeout(r, 200); });
      }
    },
  };
}

async function rawServer(root) {
  const proc = serverProcess();
  const out = reader(proc.stdout);
  const send = (m) => proc.stdin.write(frame(m));
  send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { rootUri: uri(root), capabilities: {}, initializationOptions: { debounceMs: 0 } } });
  await out.until((m) => m.id === 1, 'initialize');
  send({ jsonrpc: '2.0', method: 'initialized', params: {} });
  return { proc, out, send };
}

test('malformed messages and unknown methods get errors, and the server goes on', async () => {
  const root = tree({ 'a.md': '# A\n' });
  const { proc, out, send } = await rawServer(root);
  try {
    proc.stdin.write(frame('{"jsonrpc":"2.0","id":2,"method":'));                     // broken JSON
    proc.stdin.write(Buffer.from('Content-Type: nothing\r\n\r\n'));                     // a frame without a length
    proc.stdin.write(frame('[1,2,3]'));                                                 // not an object
    send({ jsonrpc: '2.0', id: 3, method: 'policylint/unknown', params: {} });          // unknown request
    send({ jsonrpc: '2.0', method: 'policylint/unknownNotification', params: {} });     // unknown notification: ignored
    send({ jsonrpc: '2.0', id: 4, method: 'textDocument/hover', params: { textDocument: 5 } }); // wrong parameter types
    send({ jsonrpc: '2.0', id: 5, method: 'textDocument/completion', params: { textDocument: { uri: uri(path.join(root, 'a.md')) }, position: { line: 0, character: 0 } } });
    const parse = await out.until((m) => m.error && m.error.code === -32700, 'parse error');
    assert.equal(parse.id, null);
    const invalid = await out.until((m) => m.error && m.error.code === -32600, 'invalid request');
    assert.equal(invalid.error.message, 'Invalid request: a message must be a JSON object');
    const unknown = await out.until((m) => m.id === 3, 'unknown method');
    assert.deepEqual(unknown.error, { code: -32601, message: "Unknown method 'policylint/unknown'" });
    const badParams = await out.until((m) => m.id === 4, 'bad params');
    assert.equal(badParams.error.code, -32603);
    const ok = await out.until((m) => m.id === 5, 'a normal answer after all that');
    assert.deepEqual(ok.result, { isIncomplete: false, items: [] });
    await out.until((m) => m.method === 'window/logMessage' && /without a valid Content-Length/.test(m.params.message), 'the skipped frame logged');
  } finally { proc.kill(); }
});

test('a 50 MB document and a pathologically nested one become findings, not a crash', async () => {
  const root = tree({});
  const { proc, out, send } = await rawServer(root);
  try {
    const big = path.join(root, 'big.md');
    const nested = path.join(root, 'nested.md');
    send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: uri(big), languageId: 'markdown', version: 1, text: '# Big\n\n' + 'x'.repeat(50 * 1024 * 1024) + '\n' } } });
    send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: uri(nested), languageId: 'markdown', version: 1, text: '> '.repeat(100000) + 'deep\n' + '['.repeat(50000) + 'x' + ']'.repeat(50000) + '\n' } } });
    const b = await out.until((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri(big), 'big diagnostics', 120000);
    assert.deepEqual(b.params.diagnostics.map((d) => d.code), ['PL0007']);
    const n = await out.until((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri(nested), 'nested diagnostics', 120000);
    assert.deepEqual(n.params.diagnostics.map((d) => d.code), ['PL0001']);
    send({ jsonrpc: '2.0', id: 9, method: 'shutdown' });
    await out.until((m) => m.id === 9, 'shutdown after the big ones', 60000);
  } finally { proc.kill(); }
});

test('a client that does not read its output: the server keeps reading, and the waiting output stays bounded', async () => {
  const root = tree({});
  const proc = serverProcess();
  const doc = path.join(root, 'a.md');
  const send = (m) => proc.stdin.write(frame(m));
  send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { rootUri: uri(root), capabilities: {}, initializationOptions: { debounceMs: 0 } } });
  send({ jsonrpc: '2.0', method: 'initialized', params: {} });
  send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: uri(doc), languageId: 'markdown', version: 1, text: '# A\n' } } });
  // Thousands of edits, each with a few hundred findings, while nobody reads stdout (the pipe fills after 64 KB).
  const body = '# A\n\n' + '[x](#nowhere) '.repeat(300) + '\n';
  for (let v = 2; v <= 3000; v++) {
    send({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri: uri(doc), version: v }, contentChanges: [{ text: body + v }] } });
    if (v % 500 === 0) await new Promise((r) => setTimeout(r, 50));
  }
  send({ jsonrpc: '2.0', id: 2, method: 'shutdown' });
  await new Promise((r) => setTimeout(r, 2000));
  // Now read: the shutdown answer arrives, and far fewer publications than edits were kept for us.
  const out = reader(proc.stdout);
  try {
    await out.until((m) => m.id === 2, 'the shutdown answer', 120000);
    const publications = out.messages.filter((m) => m.method === 'textDocument/publishDiagnostics').length;
    assert.ok(publications < 100, `${publications} publications for 3000 edits`);
  } finally { proc.kill(); }
});
