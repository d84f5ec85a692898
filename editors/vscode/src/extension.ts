// Starts 'policylint server' for Markdown files and hands its findings, quick fixes, completion and hover to VS Code.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel | undefined;

/** The first of the names that is an executable file on PATH. */
function onPath(names: string[]): string | undefined {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter((d) => d.length > 0);
  const exts = process.platform === 'win32' ? ['.exe', '.cmd', ''] : [''];
  for (const name of names)
    for (const dir of dirs)
      for (const ext of exts) {
        const candidate = path.join(dir, name + ext);
        try {
          if (fs.statSync(candidate).isFile()) return candidate;
        } catch {
          // not here
        }
      }
  return undefined;
}

/** What to run: the configured path, else the installed tool (global tool on PATH, or a local tool through dotnet). */
export function serverCommand(configured: string): { command: string; args: string[] } {
  const p = configured.trim();
  if (p.length > 0) return p.toLowerCase().endsWith('.dll') ? { command: 'dotnet', args: [p, 'server'] } : { command: p, args: ['server'] };
  const installed = onPath(['policylint', 'dotnet-policylint']);
  return installed ? { command: installed, args: ['server'] } : { command: 'dotnet', args: ['policylint', 'server'] };
}

async function start(): Promise<void> {
  const config = vscode.workspace.getConfiguration('policylint');
  if (!config.get<boolean>('enable', true)) return;
  const run = serverCommand(config.get<string>('path', ''));
  output ??= vscode.window.createOutputChannel('PolicyLint', { log: true });
  output.info(`Starting ${run.command} ${run.args.join(' ')}`);
  const serverOptions: ServerOptions = { run, debug: run };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    outputChannel: output,
  };
  client = new LanguageClient('policylint', 'PolicyLint', serverOptions, clientOptions);
  try {
    await client.start();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    void vscode.window.showErrorMessage(
      `PolicyLint: could not start '${run.command}' (${message}). Install the tool (dotnet tool install -g PolicyLint.Tool) or set 'policylint.path'.`);
    client = undefined;
  }
}

async function stop(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.stop();
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.commands.registerCommand('policylint.restart', async () => { await stop(); await start(); }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration('policylint.enable') || e.affectsConfiguration('policylint.path')) {
        await stop();
        await start();
      }
    }),
  );
  await start();
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
