import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError } from './data-dir-lock.js';

const folders: string[] = [];
const tempFolder = () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'consortia-lock-'));
  folders.push(folder);
  return folder;
};
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

const writeLock = (folder: string, pid: number) =>
  fs.writeFileSync(path.join(folder, 'consortia.lock'), JSON.stringify({ pid, host: os.hostname(), since: '2026-01-01T00:00:00Z' }));

describe('the data folder lock', () => {
  it('refuses a folder held by a live process, naming it', async () => {
    const folder = tempFolder();
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      writeLock(folder, holder.pid!);
      expect(() => acquireDataDirLock(folder)).toThrow(DataDirLockedError);
      expect(() => acquireDataDirLock(folder)).toThrow(new RegExp(`pid ${holder.pid}`));
      expect(JSON.parse(fs.readFileSync(path.join(folder, 'consortia.lock'), 'utf8')).pid).toBe(holder.pid);
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('takes over a lock left by a process that died', () => {
    const folder = tempFolder();
    const dead = spawnSync(process.execPath, ['-e', 'process.pid']);
    writeLock(folder, dead.pid!);
    const lock = acquireDataDirLock(folder);
    expect(JSON.parse(fs.readFileSync(lock.path, 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(fs.existsSync(lock.path)).toBe(false);
  });

  it('takes over a half-written lock file', () => {
    const folder = tempFolder();
    fs.writeFileSync(path.join(folder, 'consortia.lock'), '{"pid":');
    const lock = acquireDataDirLock(folder);
    lock.release();
  });

  it('refuses opening the same folder twice in one process', () => {
    const folder = tempFolder();
    const lock = acquireDataDirLock(folder);
    try {
      expect(() => acquireDataDirLock(folder)).toThrow(/already open/);
    } finally {
      lock.release();
    }
  });
});
