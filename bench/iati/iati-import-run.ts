/**
 * One measured end-to-end import of an IATI file into a fresh database (PGlite in a temporary
 * folder, or a new PostgreSQL database), in its own process so that its peak memory is its own.
 * Migrations run before the clock starts. Prints one JSON line. Used by import.bench.ts.
 * `map` runs the same reader and the import's own mapping (prepareActivity) with no database:
 * the "parsing and mapping" figure.
 *
 * Usage: npx tsx bench/iati/iati-import-run.ts FILE pglite|postgres|map [SERVER_URL] [THREADS]
 * On PostgreSQL the server's CPU time is read from /proc when the server runs on this machine.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.js';
import { importIati } from '../../src/modules/iati/import-iati.js';
import { prepareActivity } from '../../src/modules/iati/prepare-activity.js';
import { readIatiFile } from '../../src/modules/iati/read-iati-file.js';
import { readIatiFileParallel } from '../../src/modules/iati/read-iati-file-parallel.js';
import { createIatiSummaryBuilder } from '../../src/modules/iati/summarize-iati-import.js';

const [path, engine, serverUrl, threadsText] = process.argv.slice(2);
if (!path || (engine !== 'pglite' && engine !== 'postgres' && engine !== 'map')) throw new Error('usage: iati-import-run.ts FILE pglite|postgres|map [SERVER_URL] [THREADS]');
const threads = Number(threadsText ?? 1);
const bytes = statSync(path).size;
const items = () => (threads > 1 ? readIatiFileParallel(path, { threads }) : readIatiFile(path));
const ownCpu = (since: NodeJS.CpuUsage) => {
  const cpu = process.cpuUsage(since);
  return (cpu.user + cpu.system) / 1e6;
};
const peakOf = (sampled: number) => Math.max(sampled, process.resourceUsage().maxRSS * 1024) / 1024 / 1024;

if (engine === 'map') {
  // Parsing and mapping: what the import does before the database is involved.
  let peakRss = process.memoryUsage.rss();
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const summary = createIatiSummaryBuilder({ warningLimit: 100 });
  let prepared = 0;
  for await (const item of items()) {
    summary.add(item);
    if (item.kind !== 'activity') continue;
    prepareActivity(item.activity);
    if (++prepared % 2000 === 0) peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }
  const seconds = (performance.now() - started) / 1000;
  const result = summary.result();
  console.log(JSON.stringify({ engine, threads, bytes, seconds, cpuSeconds: ownCpu(cpuStarted), activities: result.activities, transactions: result.transactions, peakRssMb: peakOf(peakRss) }));
  process.exit(0);
}

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
    await admin.query(`drop database ${name} with (force)`);
    await admin.end();
  };
}

// CPU ticks used so far by each server process serving this database (null when not readable).
async function serverTicks(): Promise<Map<number, number> | null> {
  if (engine !== 'postgres') return null;
  const backends = await handle.query<{ pid: number }>('select pid from pg_stat_activity where datname = current_database()');
  const ticks = new Map<number, number>();
  for (const { pid } of backends) {
    const file = `/proc/${pid}/stat`;
    if (!existsSync(file)) return null;
    const fields = readFileSync(file, 'utf8').split(') ')[1]!.split(' ');
    ticks.set(pid, Number(fields[11]) + Number(fields[12]));
  }
  return ticks;
}

// Server CPU seconds between two readings, per process (a pool connection may come or go between them).
function serverCpuBetween(before: Map<number, number> | null, after: Map<number, number> | null): number | null {
  if (!before || !after) return null;
  let ticks = 0;
  for (const [pid, used] of after) ticks += used - (before.get(pid) ?? 0);
  return ticks / 100;
}

let peakRss = process.memoryUsage.rss();
// Open every pool connection the import may use before reading the server's CPU.
await Promise.all(Array.from({ length: 2 }, () => handle.query('select 1')));
const serverStarted = await serverTicks();
const started = performance.now();
const cpuStarted = process.cpuUsage();
const { summary } = await importIati(handle.db, {
  source: { items: items() },
  fileName: path,
  sizeBytes: bytes,
  origin: 'cli',
  onProgress: () => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  },
});
const seconds = (performance.now() - started) / 1000;
const cpuSeconds = ownCpu(cpuStarted);
const serverEnded = await serverTicks();
const [counts] = await handle.query<{ activities: number; transactions: number }>(
  'select (select count(*)::int from iati_activities) as activities, (select count(*)::int from iati_transactions) as transactions',
);
await cleanup();
console.log(
  JSON.stringify({
    engine,
    threads,
    bytes,
    seconds,
    cpuSeconds,
    serverCpuSeconds: serverCpuBetween(serverStarted, serverEnded),
    activities: summary.activities,
    transactions: summary.transactions,
    storedActivities: Number(counts!.activities),
    storedTransactions: Number(counts!.transactions),
    peakRssMb: peakOf(peakRss),
  }),
);
