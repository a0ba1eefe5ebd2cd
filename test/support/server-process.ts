// Runs the real server as a child process (`node bin/consortia.js serve`), for the command-line
// tests and the fault proofs: start, stop or SIGKILL, restart, and commands on the same database.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/consortia.js');

export type ServerProcess = { child: ChildProcessWithoutNullStreams; url: string; output: () => string };

/** The environment of a server or command on the given database (DATABASE_URL only when given). */
export function environmentFor(target: { dataDir: string; databaseUrl?: string }, extra: Record<string, string> = {}): Record<string, string> {
  const environment: Record<string, string> = {
    ...(process.env as Record<string, string>),
    DATA_DIR: target.dataDir,
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'false',
    WEB_DIST_DIR: '/nonexistent',
    ...extra,
  };
  delete environment.DATABASE_URL;
  if (target.databaseUrl) environment.DATABASE_URL = target.databaseUrl;
  return environment;
}

/** Runs a CLI command to completion; throws with its output when it fails. */
export function runCli(target: { dataDir: string; databaseUrl?: string }, args: string[]): string {
  const result = spawnSync(process.execPath, [bin, ...args], { env: environmentFor(target), encoding: 'utf8', timeout: 180_000 });
  if (result.status !== 0) throw new Error(`consortia ${args[0]} exited with ${result.status}:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** Starts `consortia serve` on a free port and waits for its "running at" line. */
export async function startServerProcess(
  target: { dataDir: string; databaseUrl?: string },
  started: ChildProcessWithoutNullStreams[],
  extra: Record<string, string> = {},
): Promise<ServerProcess> {
  const child = spawn(process.execPath, [bin, 'serve'], { env: environmentFor(target, { PORT: '0', HOST: '127.0.0.1', ...extra }) });
  started.push(child);
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 180_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at http:\/\/localhost:(\d+)/.exec(output);
      if (match && /API documentation/.test(output)) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stderr.on('data', onData);
    child.stdout.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code ?? signal}:\n${output}`));
    });
  });
  return { child, url: `http://127.0.0.1:${port}`, output: () => output };
}

/** Sends a signal and waits until the process has gone. */
export async function killServer(server: ServerProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    server.child.once('exit', () => resolve());
    server.child.kill(signal);
  });
}

/** A temporary folder removed by `removeFolders`. */
export function tempFolder(folders: string[], prefix = 'consortia-faults-'): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  folders.push(folder);
  return folder;
}

/** Polls `check` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, timeoutMs: number, check: () => Promise<T | undefined>, intervalMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`timed out waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
}
