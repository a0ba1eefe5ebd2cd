import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type DataDirLock = { path: string; release: () => void };

/** The embedded database lives in one process: a second process is refused, not allowed to corrupt it. */
export class DataDirLockedError extends Error {}

const LOCK_FILE = 'consortia.lock';

/**
 * Takes the data folder's lock file. A lock left by a process that no longer runs (on this host)
 * is taken over; a live one is refused with a message naming the process.
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const lockPath = path.join(dataDir, LOCK_FILE);
  const content = JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date().toISOString() });
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      fs.writeFileSync(lockPath, content, { flag: 'wx' });
      return { path: lockPath, release: () => releaseLock(lockPath) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readHolder(lockPath);
    if (holder && holder.pid !== process.pid && holder.host === os.hostname() && isAlive(holder.pid)) {
      throw new DataDirLockedError(
        `The data folder ${dataDir} is in use by another Consortia process (pid ${holder.pid}, since ${holder.since}). ` +
          'Stop that process first, or point DATA_DIR at another folder.',
      );
    }
    if (holder && holder.host !== os.hostname()) {
      throw new DataDirLockedError(
        `The data folder ${dataDir} is locked by a process on host ${holder.host} (pid ${holder.pid}). ` +
          `If that process is gone, delete ${lockPath}.`,
      );
    }
    if (holder?.pid === process.pid) {
      throw new DataDirLockedError(`The data folder ${dataDir} is already open in this process.`);
    }
    // The holder is gone (crashed or killed): take the lock over.
    fs.rmSync(lockPath, { force: true });
  }
  throw new DataDirLockedError(`Could not take the lock on ${dataDir}; another process is starting on it.`);
}

type Holder = { pid: number; host: string; since: string };

function readHolder(lockPath: string): Holder | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as Partial<Holder>;
    if (typeof parsed.pid === 'number' && typeof parsed.host === 'string') {
      return { pid: parsed.pid, host: parsed.host, since: String(parsed.since ?? 'unknown') };
    }
  } catch {
    // An unreadable or half-written lock counts as stale.
  }
  return undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function releaseLock(lockPath: string): void {
  const holder = readHolder(lockPath);
  if (holder?.pid === process.pid) fs.rmSync(lockPath, { force: true });
}
