import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.js';

/** The repository's throwaway-PostgreSQL starter (prints its URL). */
const devPostgresScript = new URL('../../scripts/dev-postgres.sh', import.meta.url).pathname;

/** The PostgreSQL server benchmarks use: DATABASE_URL, else the throwaway server of scripts/dev-postgres.sh, else none. */
export function benchPostgresUrl(): string | undefined {
  // Benchmarks are not application code: they may read the environment.
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  try {
    return execFileSync(devPostgresScript, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs `work` on a fresh, migrated database of its own on the benchmark's PostgreSQL server, and
 * drops it afterwards; says so and does nothing when there is no server.
 */
export async function withScratchPostgres(work: (handle: DatabaseHandle, url: string) => Promise<void>): Promise<void> {
  const serverUrl = benchPostgresUrl();
  if (!serverUrl) {
    console.log('PostgreSQL: skipped (no DATABASE_URL, and scripts/dev-postgres.sh could not start a server)');
    return;
  }
  const name = `consortia_bench_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString() });
  try {
    await work(handle, url.toString());
  } finally {
    await handle.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
