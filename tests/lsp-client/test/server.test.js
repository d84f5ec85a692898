'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { Client, lsp, tree, write, uri, applyEdits, rangeOf, fs, path } = require('./client');

const GUIDE = '# Guide\n\n## Getting Started\n\nText.\n\n## Install Steps\n\nMore.\n';
const INDEX = '# Home\n\nRead the [guide](guide.md#getting-startd).\n';
const HREF = (id) => `https://github.com/policylint/policylint/blob/main/rules/${id}.md`;

function codes(p) { return p.diagnostics.map((d) => d.code).sort(); }

test('initialize announces incremental sync, quick fixes, completion, hover and pull diagnostics; shutdown then exit ends with 0', async () => {
  const root = tree({ 'a.md': '# A\n' });
  const client = await Client.start(root);
  const caps = client.initializeResult.capabilities;
  assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2, save: { includeText: false } });
  assert.deepEqual(caps.codeActionProvider.codeActionKinds, ['quickfix', 'source.fixAll.policylint']);
  assert.deepEqual(caps.completionProvider.triggerCharacters, ['#', '/', '(']);
  assert.equal(caps.hoverProvider, true);
  assert.deepEqual(caps.diagnosticProvider, { identifier: 'policylint', interFileDependencies: true, workspaceDiagnostics: false });
  assert.equal(client.initializeResult.serverInfo.name, 'policylint');
  assert.equal(await client.stop(), 0);
});

test('exit without shutdown ends with 1', async () => {
  const client = await Client.start(tree({}));
  await client.connection.sendNotification(lsp.ExitNotification.type);
  assert.equal(await client.exited, 1);
  client.kill();
});

test('open publishes findings from the editor text, with rule code, help link, severity and the nearly matching heading', async () => {
  const root = tree({ 'docs/guide.md': GUIDE, 'docs/index.md': '# Home\n' });
  const client = await Client.start(root);
  try {
    const index = path.join(root, 'docs/index.md');
    client.open(index, INDEX); // differs from the disk: the editor's text is what counts
    const p = await client.diagnostics(index, (x) => x.diagnostics.length > 0);
    assert.equal(p.version, 1);
    assert.deepEqual(p.diagnostics, [{
      range: rangeOf(INDEX, 'guide.md#getting-startd'),
      severity: 1,
      code: 'PL3002',
      codeDescription: { href: HREF('PL3002') },
      source: 'policylint',
      message: "Anchor '#getting-startd' matches no heading or id in 'docs/guide.md'; did you mean '#getting-started'?",
      relatedInformation: [{
        location: { uri: uri(path.join(root, 'docs/guide.md')), range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } } },
        message: "heading 'Getting Started' (#getting-started)",
      }],
    }]);
  } finally { client.kill(); }
});

test('incremental changes re-lint the new text; close clears the diagnostics', async () => {
  const root = tree({ 'docs/guide.md': GUIDE, 'docs/index.md': INDEX });
  const client = await Client.start(root);
  try {
    const index = path.join(root, 'docs/index.md');
    client.open(index);
    await client.diagnostics(index, (x) => x.version === 1 && x.diagnostics.length === 1);
    // Replace 'startd' with 'started' by a range edit.
    const r = rangeOf(INDEX, 'startd');
    client.change(index, 2, [{ range: r, text: 'started' }]);
    const fixed = await client.diagnostics(index, (x) => x.version === 2);
    assert.deepEqual(fixed.diagnostics, []);
    // A full-text change with two problems.
    client.change(index, 3, [{ text: '# Home\n\n## Home\n\nSee [x](#nowhere).\n' }]);
    const two = await client.diagnostics(index, (x) => x.version === 3);
    assert.deepEqual(two.diagnostics.map((d) => [d.code, d.range.start.line, d.message]), [
      ['PL3002', 4, "Anchor '#nowhere' matches no heading or id in this file"],
    ]);
    client.close(index);
    const closed = await client.diagnostics(index, (x) => x.diagnostics.length === 0 && x.version === undefined, 'cleared diagnostics');
    assert.deepEqual(closed.diagnostics, []);
  } finally { client.kill(); }
});

test('a linked file that changes on disk re-checks the open documents that link to it', async () => {
  const root = tree({ 'docs/guide.md': '# Guide\n', 'docs/index.md': INDEX, 'docs/other.md': '# Other\n\nNo links.\n' });
  const client = await Client.start(root);
  try {
    const index = path.join(root, 'docs/index.md');
    const other = path.join(root, 'docs/other.md');
    client.open(index);
    client.open(other);
    const before = await client.diagnostics(index, (x) => x.diagnostics.length === 1);
    assert.equal(before.diagnostics[0].message, "Anchor '#getting-startd' matches no heading or id in 'docs/guide.md'");
    await client.diagnostics(other, () => true);
    const otherCount = client.published.get(uri(other)).length;
    // The heading appears on disk (the guide is not open): the watcher event triggers a re-check with the new outline.
    write(root, 'docs/guide.md', '# Guide\n\n## Getting Startd\n');
    client.filesChanged([[path.join(root, 'docs/guide.md'), 2]]);
    const after = await client.diagnostics(index, (x) => x.diagnostics.length === 0, 'the finding to go');
    assert.equal(after.version, 1);
    // other.md does not name guide.md: it is not re-checked.
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(client.published.get(uri(other)).length, otherCount);
    // A deleted target: the link itself is now broken.
    fs.rmSync(path.join(root, 'docs/guide.md'));
    client.filesChanged([[path.join(root, 'docs/guide.md'), 3]]);
    const gone = await client.diagnostics(index, (x) => x.diagnostics.length === 1 && x.diagnostics[0].code === 'PL3001');
    assert.equal(gone.diagnostics[0].message, "Link target 'guide.md' does not exist");
  } finally { client.kill(); }
});

test('the site model is kept between edits and read again when the client reports a change on disk', async () => {
  const root = tree({
    'hugo.toml': 'baseURL = "https://example.org/"\n',
    'content/_index.md': '---\ntitle: Home\n---\n',
    'content/docs/page.md': '---\ntitle: Page\n---\n\nSee [the old page](/old/path/).\n',
    'content/docs/target.md': '---\ntitle: Target\n---\n\nText.\n',
  });
  const client = await Client.start(root);
  try {
    const page = path.join(root, 'content/docs/page.md');
    client.open(page);
    const before = await client.diagnostics(page, (x) => x.diagnostics.some((d) => d.code === 'PL3001'));
    assert.deepEqual(before.diagnostics.filter((d) => d.code === 'PL3001').map((d) => d.message),
      ["Link target '/old/path/' does not exist on the hugo site (no page, page resource or static file answers '/old/path/')"]);
    // The alias appears on disk: until the client says so the server keeps the model it built (edits do not reread the site).
    write(root, 'content/docs/target.md', '---\ntitle: Target\naliases: [/old/path/]\n---\n\nText.\n');
    client.change(page, 2, [{ text: '---\ntitle: Page\n---\n\nSee [the old page](/old/path/) again.\n' }]);
    const edited = await client.diagnostics(page, (x) => x.version === 2);
    assert.equal(edited.diagnostics.filter((d) => d.code === 'PL3001').length, 1);
    client.filesChanged([[path.join(root, 'content/docs/target.md'), 2]]);
    const after = await client.diagnostics(page, (x) => !x.diagnostics.some((d) => d.code === 'PL3001'), 'the alias to count');
    assert.equal(after.version, 2);
  } finally { client.kill(); }
});

test('an unsaved edit of another open document counts for the links to it', async () => {
  const root = tree({ 'docs/guide.md': '# Guide\n', 'docs/index.md': INDEX });
  const client = await Client.start(root);
  try {
    const index = path.join(root, 'docs/index.md');
    const guide = path.join(root, 'docs/guide.md');
    client.open(index);
    await client.diagnostics(index, (x) => x.diagnostics.length === 1);
    client.open(guide);
    client.change(guide, 2, [{ text: '# Guide\n\n## Getting Startd\n' }]);
    await client.diagnostics(index, (x) => x.diagnostics.length === 0, 'the dependent to be re-checked');
  } finally { client.kill(); }
});

test('code actions: each fix as a quick fix (safe ones preferred), fix all of the rule, and suppress with a reason', async () => {
  const text = '# Home\n\nSee [steps](guide.md#Install-Steps) and [start](guide.md#Getting-Started).\n\nRead the [guide](guide.md#getting-startd).\n';
  const root = tree({ 'docs/guide.md': GUIDE, 'docs/index.md': text });
  const client = await Client.start(root);
  try {
    const index = path.join(root, 'docs/index.md');
    client.open(index);
    const p = await client.diagnostics(index, (x) => x.diagnostics.length === 3);
    const first = p.diagnostics.find((d) => d.message.includes('#Install-Steps'));
    const actions = await client.request(lsp.CodeActionRequest.type, {
      textDocument: { uri: uri(index) }, range: first.range, context: { diagnostics: [first] },
    });
    assert.deepEqual(actions.map((a) => [a.title, a.kind, a.isPreferred]), [
      ["Use '#install-steps' (PL3002)", 'quickfix', true],
      ['Fix all PL3002 findings in this file (2, safe fixes)', 'quickfix', undefined],
      ['Suppress PL3002 on this line (policylint-disable-next-line, with a reason to fill in)', 'quickfix', undefined],
    ]);
    const [one, all, suppress] = actions;
    assert.equal(applyEdits(text, one.edit.changes[uri(index)]), text.replace('#Install-Steps', '#install-steps'));
    assert.equal(applyEdits(text, all.edit.changes[uri(index)]),
      text.replace('#Install-Steps', '#install-steps').replace('#Getting-Started', '#getting-started'));
    const suppressed = applyEdits(text, suppress.edit.changes[uri(index)]);
    assert.equal(suppressed, text.replace('\nSee [steps]', '\n<!-- policylint-disable-next-line PL3002 -- reason -->\nSee [steps]'));

    // The edits really fix: apply 'fix all' and the suppression to the editor, and only the unfixable finding is left.
    client.change(index, 2, [{ text: applyEdits(text, all.edit.changes[uri(index)]) }]);
    const afterFix = await client.diagnostics(index, (x) => x.version === 2);
    assert.deepEqual(afterFix.diagnostics.map((d) => d.message), [
      "Anchor '#getting-startd' matches no heading or id in 'docs/guide.md'; did you mean '#getting-started'?",
    ]);
    // The remaining finding has no fix: the suppression is its only action; on a paragraph's first line it goes on a line above.
    const left = afterFix.diagnostics[0];
    const leftActions = await client.request(lsp.CodeActionRequest.type, {
      textDocument: { uri: uri(index) }, range: left.range, context: { diagnostics: [left] },
    });
    assert.deepEqual(leftActions.map((a) => a.title), ['Suppress PL3002 on this line (policylint-disable-next-line, with a reason to fill in)']);
    const current = applyEdits(text, all.edit.changes[uri(index)]);
    client.change(index, 3, [{ text: applyEdits(current, leftActions[0].edit.changes[uri(index)]) }]);
    const clean = await client.diagnostics(index, (x) => x.version === 3);
    assert.deepEqual(clean.diagnostics, []);

    // source.fixAll applies every safe fix of the file.
    client.change(index, 4, [{ text }]);
    await client.diagnostics(index, (x) => x.version === 4);
    const fixAll = await client.request(lsp.CodeActionRequest.type, {
      textDocument: { uri: uri(index) }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.deepEqual(fixAll.map((a) => [a.title, a.kind]), [['Fix all safe PolicyLint findings in this file', 'source.fixAll.policylint']]);
  } finally { client.kill(); }
});

test('a suppression inside a paragraph goes at the end of the line before, so the paragraph stays one', async () => {
  const text = '# Home\n\nFirst line of the paragraph\nand [start](#nowhere) on the second.\n';
  const root = tree({ 'a.md': text });
  const client = await Client.start(root);
  try {
    const a = path.join(root, 'a.md');
    client.open(a);
    const p = await client.diagnostics(a, (x) => x.diagnostics.length === 1);
    const actions = await client.request(lsp.CodeActionRequest.type, {
      textDocument: { uri: uri(a) }, range: p.diagnostics[0].range, context: { diagnostics: p.diagnostics },
    });
    const edited = applyEdits(text, actions[0].edit.changes[uri(a)]);
    assert.equal(edited, '# Home\n\nFirst line of the paragraph <!-- policylint-disable-next-line PL3002 -- reason -->\nand [start](#nowhere) on the second.\n');
    client.change(a, 2, [{ text: edited }]);
    assert.deepEqual((await client.diagnostics(a, (x) => x.version === 2)).diagnostics, []);
  } finally { client.kill(); }
});

test('completion: anchors after # (this file and a linked one) and relative paths in a link destination', async () => {
  const root = tree({ 'docs/guide.md': GUIDE, 'docs/index.md': '# Home\n', 'docs/img/logo.png': 'png', 'docs/sub/deep.md': '# Deep\n' });
  const client = await Client.start(root);
  try {
    const index = path.join(root, 'docs/index.md');
    const text = '# Home\n\n## Local Part\n\n[a](guide.md#in\n[b](#\n[c](\n[d](sub/\n';
    client.open(index, text);
    const at = (line, character) => ({ textDocument: { uri: uri(index) }, position: { line, character } });
    const other = await client.request(lsp.CompletionRequest.type, at(4, 15));
    assert.deepEqual(other.items.map((i) => [i.label, i.detail, i.textEdit.newText, i.textEdit.range.start.character]), [
      ['install-steps', '## Install Steps', 'install-steps', 13],
    ]);
    const local = await client.request(lsp.CompletionRequest.type, at(5, 5));
    assert.deepEqual(local.items.map((i) => i.label), ['home', 'local-part']);
    const paths = await client.request(lsp.CompletionRequest.type, at(6, 4));
    assert.deepEqual(paths.items.map((i) => [i.label, i.kind]).sort(), [['guide.md', 17], ['img/', 19], ['sub/', 19]]);
    const sub = await client.request(lsp.CompletionRequest.type, at(7, 8));
    assert.deepEqual(sub.items.map((i) => i.label), ['deep.md']);
    const none = await client.request(lsp.CompletionRequest.type, at(0, 3));
    assert.deepEqual(none.items, []);
  } finally { client.kill(); }
});

test('hover on a finding shows the rule page summary and link', async () => {
  const root = tree({ 'a.md': '# A\n\n[x](#nowhere)\n' });
  const client = await Client.start(root);
  try {
    const a = path.join(root, 'a.md');
    client.open(a);
    await client.diagnostics(a, (x) => x.diagnostics.length === 1);
    const hover = await client.request(lsp.HoverRequest.type, { textDocument: { uri: uri(a) }, position: { line: 2, character: 5 } });
    assert.equal(hover.contents.kind, 'markdown');
    assert.match(hover.contents.value, /^\*\*PL3002\*\* anchor-missing: Links to an anchor must match a heading or id of the target document\n\n\S/);
    assert.ok(hover.contents.value.endsWith(`[Rule page](${HREF('PL3002')})`));
    assert.deepEqual(hover.range, { start: { line: 2, character: 4 }, end: { line: 2, character: 12 } });
    const nothing = await client.request(lsp.HoverRequest.type, { textDocument: { uri: uri(a) }, position: { line: 0, character: 1 } });
    assert.equal(nothing, null);
  } finally { client.kill(); }
});

test('.policylint.yml changes reload the configuration; a broken one is a diagnostic on the config file', async () => {
  const root = tree({ 'docs/guide.md': GUIDE, 'docs/index.md': INDEX });
  const client = await Client.start(root);
  try {
    const index = path.join(root, 'docs/index.md');
    const config = path.join(root, '.policylint.yml');
    client.open(index);
    await client.diagnostics(index, (x) => x.diagnostics.length === 1);
    write(root, '.policylint.yml', 'rules:\n  PL3002: off\n');
    client.filesChanged([[config, 1]]);
    await client.diagnostics(index, (x) => x.diagnostics.length === 0, 'PL3002 turned off');
    write(root, '.policylint.yml', 'rules:\n  PL9999: error\n');
    client.filesChanged([[config, 2]]);
    const broken = await client.diagnostics(config, (x) => x.diagnostics.length === 1, 'the config error');
    assert.equal(broken.diagnostics[0].severity, 1);
    assert.equal(broken.diagnostics[0].range.start.line, 1);
    assert.match(broken.diagnostics[0].message, /PL9999/);
    const doc = await client.diagnostics(index, (x) => x.diagnostics.length === 1 && /configuration is invalid/.test(x.diagnostics[0].message));
    assert.equal(doc.diagnostics[0].severity, 2);
    // Repaired: the config error goes and the findings come back.
    write(root, '.policylint.yml', 'rules:\n  PL3002: warning\n');
    client.filesChanged([[config, 2]]);
    const back = await client.diagnostics(index, (x) => x.diagnostics.length === 1 && x.diagnostics[0].code === 'PL3002');
    assert.equal(back.diagnostics[0].severity, 2);
    await client.diagnostics(config, (x) => x.diagnostics.length === 0, 'the config error to clear');
  } finally { client.kill(); }
});

test('files the configuration excludes get no diagnostics', async () => {
  const root = tree({ '.policylint.yml': 'exclude:\n  - "vendor/**"\n', 'vendor/x.md': '# X\n\n[x](#nowhere)\n', 'a.md': '# A\n\n[x](#nowhere)\n' });
  const client = await Client.start(root);
  try {
    const x = path.join(root, 'vendor/x.md');
    const a = path.join(root, 'a.md');
    client.open(a);
    await client.diagnostics(a, (p) => p.diagnostics.length === 1);
    client.open(x);
    // After the workspace walk every open document is checked again: the excluded one stays empty.
    await client.until(() => client.logs.find((l) => l.startsWith('policylint: indexed')), 'the index');
    await client.diagnostics(x, (p) => p.diagnostics.length === 0);
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(client.latest(uri(x)).diagnostics, []);
  } finally { client.kill(); }
});

test('stale lints are cancelled: after a burst of edits only the last version is published', async () => {
  const root = tree({ 'a.md': '# A\n' });
  const client = await Client.start(root, { initializationOptions: { debounceMs: 50 } });
  try {
    const a = path.join(root, 'a.md');
    client.open(a);
    await client.diagnostics(a, (p) => p.version === 1);
    for (let v = 2; v <= 40; v++) client.change(a, v, [{ text: `# A\n\n[x](#missing-${v})\n` }]);
    const last = await client.diagnostics(a, (p) => p.version === 40);
    assert.deepEqual(last.diagnostics.map((d) => d.message), ["Anchor '#missing-40' matches no heading or id in this file"]);
    const versions = client.published.get(uri(a)).map((p) => p.version);
    assert.ok(versions.filter((v) => v > 1 && v < 40).length <= 3, `intermediate versions published: ${versions}`);
  } finally { client.kill(); }
});

test('pull diagnostics: a client that asks gets them by request, and a cancelled request is answered as cancelled', async () => {
  const root = tree({ 'docs/guide.md': GUIDE, 'docs/index.md': INDEX });
  const client = await Client.start(root, { capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } } } });
  try {
    const index = path.join(root, 'docs/index.md');
    client.open(index);
    const report = await client.request(lsp.DocumentDiagnosticRequest.type, { textDocument: { uri: uri(index) } });
    assert.equal(report.kind, 'full');
    assert.deepEqual(report.items.map((d) => [d.code, d.message]), [
      ['PL3002', "Anchor '#getting-startd' matches no heading or id in 'docs/guide.md'; did you mean '#getting-started'?"],
    ]);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(client.published.get(uri(index)), undefined, 'no push to a pull client');

    // A document big enough that its lint takes a while; the request is cancelled right away.
    const big = path.join(root, 'big.md');
    const line = 'Some text with a [link](#nowhere) and **bold** words and `code` in it.\n';
    client.open(big, '# Big\n\n' + line.repeat(60000));
    const source = new lsp.CancellationTokenSource();
    const pending = client.request(lsp.DocumentDiagnosticRequest.type, { textDocument: { uri: uri(big) } }, source.token);
    setTimeout(() => source.cancel(), 20);
    await assert.rejects(pending, (e) => e.code === lsp.LSPErrorCodes.RequestCancelled || e.code === -32800);
    // The server goes on answering.
    const again = await client.request(lsp.DocumentDiagnosticRequest.type, { textDocument: { uri: uri(index) } });
    assert.equal(again.items.length, 1);
  } finally { client.kill(); }
});
