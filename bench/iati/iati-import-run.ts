/**
 * One measured end-to-end import of an IATI file into a fresh database (PGlite in a temporary
 * folder, or a new PostgreSQL database), in its own process so that its peak memory is its own.
 * Migrations run before the clock starts. Prints one JSON line. Used by import.bench.ts.
 *
 * Usage: npx tsx bench/iati/iati-import-run.ts FILE pglite|postgres [SERVER_URL] [THREADS] [--without-audit]
 * --without-audit switches off the audit-trail triggers in the throwaway database, to show what they cost.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.js';
import { importIati } from '../../src/modules/iati/import-iati.js';
import { readIatiFile } from '../../src/modules/iati/read-iati-file.js';
import { readIatiFileParallel } from '../../src/modules/iati/read-iati-file-parallel.js';

const [path, engine, serverUrl, threadsText] = process.argv.slice(2);
if (!path || (engine !== 'pglite' && engine !== 'postgres')) throw new Error('usage: iati-import-run.ts FILE pglite|postgres [SERVER_URL] [THREADS]');
const threads = Number(threadsText ?? 1);

let handle: DatabaseHandle;
let cleanup: () => Promise<void>;
if (engine === 'pglite') {
  const dir = mkdtempSync(join(tmpdir(), 'iati-bench-'));
  handle = await openDatabase({ dataDir: dir });
  cleanup = async () => {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  };
} else {
  if (!serverUrl) throw new Error('postgres needs the server URL');
  const name = `iati_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  handle = await openDatabase({ databaseUrl: url.toString() });
  cleanup = async () => {
    await handle.close();
    await admin.query(`drop database ${name}`);
    await admin.end();
  };
}

if (process.argv.includes('--without-audit')) {
  for (const table of ['programmes', 'programme_members', 'organizations']) {
    const [trigger] = await handle.query(`select 1 from pg_trigger where tgname = 'consortia_audit' and tgrelid = $1::regclass`, [table]);
    if (trigger) await handle.query(`alter table ${table} disable trigger consortia_audit`);
  }
}

const bytes = statSync(path).size;
let peakRss = process.memoryUsage.rss();
const started = performance.now();
const cpuStarted = process.cpuUsage();
const items = threads > 1 ? readIatiFileParallel(path, { threads }) : readIatiFile(path);
const { summary } = await importIati(handle.db, {
  source: { items },
  fileName: path,
  sizeBytes: bytes,
  origin: 'cli',
  onProgress: () => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  },
});
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuStarted);
const [counts] = await handle.query<{ activities: number; transactions: number }>(
  'select (select count(*)::int from iati_activities) as activities, (select count(*)::int from iati_transactions) as transactions',
);
await cleanup();
console.log(
  JSON.stringify({
    engine,
    threads,
    audit: !process.argv.includes('--without-audit'),
    bytes,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    activities: summary.activities,
    transactions: summary.transactions,
    storedActivities: Number(counts!.activities),
    storedTransactions: Number(counts!.transactions),
    peakRssMb: Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 1024 / 1024,
  }),
);
