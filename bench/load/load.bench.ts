// Load benchmark: autocannon against the real server on loopback, with a realistic dataset
// (dataset.ts: 100,000 organizations, 200 programmes), on PGlite and on PostgreSQL.
// Run: npx tsx bench/load/load.bench.ts [--engine pglite|postgres|both] [--duration 10] [--connections 50] [--soak 600]
// PostgreSQL: DATABASE_URL, or scripts/dev-postgres.sh's server; a fresh database is created and dropped.
//
// The server runs in a child process (this file with --serve), so that autocannon and the server do
// not share one event loop; the server's RSS is read from /proc. Endpoints are measured one after
// the other, GET /api/health first: it is the ceiling the others are compared with.
//
// Measured once (--duration 5 --soak 30, 50 connections), on a shared 2-core machine with a load
// average of ~16 (other test suites, type checks and a browser journey ran at the same time): the
// absolute figures are far below what a quiet machine gives; read the ratios and the failures.
//   engine   endpoint                              req/s  of ceiling  p50 ms  p99 ms  errors
//   pglite   GET /api/health (ceiling)                70     100 %       196    4154       0
//   pglite   GET /api/organizations?q=                 0       0 %         -       -       0   (no answer within 5 s)
//   pglite   GET /api/programmes/:id                   0       0 %         -       -       0   (no answer within 5 s)
//   pglite   GET /api/programmes/:id/authenticity      0       0 %         -       -       0   (no answer within 5 s)
//   postgres GET /api/health (ceiling)               126     100 %       361    1785       0
//   postgres GET /api/organizations?q=                13      10 %      1859    5123       0
//   postgres GET /api/programmes/:id                  26      21 %      1471    3151       0
//   postgres GET /api/programmes/:id/authenticity      0       0 %         -       -       0   (no answer within 5 s)
//   soak 30 s: pglite 0 answers, 300 timeouts, RSS 1172 -> 1200 MB; postgres 807 answers, 0 errors,
//   p99 5224 ms, RSS 222 -> 283 MB (samples 290, 375, 283: no steady growth over so short a soak).
// Targets on PostgreSQL (no errors, p99 < 100 ms at 50 connections, flat memory) are NOT met in this
// run: the authenticity endpoint in particular does not answer within 5 s under 50 concurrent
// requests, and PGlite (one query at a time) queues everything behind the slow requests.
// Loading the dataset took 76 s on PostgreSQL and 204 s on PGlite.
import { fork, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.js';
import { loadConfig } from '../../src/lib/config.js';
import { DEMO_PASSWORD } from '../../src/modules/demo/demo-data.js';
import { buildApp } from '../../src/server/app.js';
import { loadDataset, searchQueries, type Dataset } from './dataset.js';
import { benchPostgresUrl } from '../support/postgres.js';

type Engine = 'pglite' | 'postgres';
type Ready = Dataset & { port: number };
type Measured = { engine: Engine; endpoint: string; requests: number; p50: number; p99: number; errors: number; non2xx: number };


function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1]! : fallback;
}

// ---------------------------------------------------------------------------------------------
// The server side: load the dataset, listen on loopback, report the port, stop when told.

async function serve(engine: Engine): Promise<void> {
  const log = (line: string) => console.log(`[${engine} server] ${line}`);
  let handle: DatabaseHandle;
  let dropDatabase = async () => {};
  if (engine === 'pglite') {
    handle = await openDatabase({ memory: true });
  } else {
    const serverUrl = benchPostgresUrl();
    if (!serverUrl) throw new Error('No PostgreSQL: set DATABASE_URL, or let scripts/dev-postgres.sh start one');
    const name = `consortia_load_${crypto.randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    handle = await openDatabase({ databaseUrl: url.toString() });
    dropDatabase = async () => {
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    };
  }
  const dataset = await loadDataset(handle, log);
  const config = loadConfig({ NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', SEED_DEMO: 'false', DATA_DIR: '/nonexistent', WEB_DIST_DIR: '/nonexistent' });
  const app = await buildApp({ config, database: handle, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('The server did not report its port');
  process.on('message', async (message) => {
    if (message !== 'stop') return;
    await app.close();
    await handle.close();
    await dropDatabase();
    process.exit(0);
  });
  process.send!({ ...dataset, port: address.port } satisfies Ready);
}

// ---------------------------------------------------------------------------------------------
// The client side.

function startServer(engine: Engine): Promise<{ child: ChildProcess; ready: Ready }> {
  const child = fork(fileURLToPath(import.meta.url), ['--serve', engine], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('message', (ready) => resolve({ child, ready: ready as Ready }));
    child.once('exit', (code) => reject(new Error(`The ${engine} server exited with ${code} before it was ready`)));
  });
}

async function stopServer(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.send('stop');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

async function signIn(baseUrl: string, email: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) });
  if (response.status !== 200) throw new Error(`Log-in answered ${response.status}`);
  return (response.headers.get('set-cookie') ?? '').split(';')[0]!;
}

/** `anonymous`: sent without the session cookie (the ceiling does no session lookup). */
type Endpoint = { name: string; paths: string[]; anonymous?: boolean };

function endpoints(ready: Ready): Endpoint[] {
  // The rich demo programme first, then the generated ones in turn.
  const programmes = [ready.richProgrammeId, ...ready.programmeIds.filter((id) => id !== ready.richProgrammeId)];
  return [
    { name: 'GET /api/health (ceiling)', paths: ['/api/health'], anonymous: true },
    // The cost every authenticated request pays (session and user lookup), and nothing else.
    { name: 'GET /api/auth/csrf (signed in)', paths: ['/api/auth/csrf'] },
    { name: 'GET /api/programmes/:id', paths: programmes.map((id) => `/api/programmes/${id}`) },
    { name: 'GET /api/programmes/:id/authenticity', paths: programmes.map((id) => `/api/programmes/${id}/authenticity`) },
    // Last: its slow queries would still occupy the database while the next endpoint is measured.
    { name: 'GET /api/organizations?q=', paths: searchQueries.map((q) => `/api/organizations?q=${encodeURIComponent(q)}`) },
  ];
}

function run(baseUrl: string, cookie: string, paths: string[], seconds: number, connections: number): Promise<autocannon.Result> {
  let next = 0;
  return autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    headers: cookie ? { cookie } : {},
    // Each request takes the next path, so searches and programmes rotate.
    requests: [{ setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }) }],
  });
}

/**
 * Requests every path once, ten at a time, before the warm-up: the authenticity profile is
 * computed on a programme's first request and then served from the cache until the programme
 * changes, so this first pass is the cold cost, and the measured run is the steady state.
 */
async function firstPass(baseUrl: string, cookie: string, endpoint: Endpoint): Promise<string> {
  const started = performance.now();
  const queue = [...endpoint.paths];
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
        const response = await fetch(`${baseUrl}${path}`, { headers: cookie ? { cookie } : {} });
        await response.arrayBuffer();
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return `first pass over ${endpoint.paths.length} paths in ${seconds.toFixed(1)} s`;
}

/** Checks every path once before the measurement, so a wrong id or a 4xx does not pass as speed. */
async function checkPaths(baseUrl: string, cookie: string, endpoint: Endpoint): Promise<void> {
  for (const path of endpoint.paths.slice(0, 3)) {
    const response = await fetch(`${baseUrl}${path}`, { headers: cookie ? { cookie } : {} });
    if (response.status !== 200) throw new Error(`${endpoint.name}: ${path} answered ${response.status}: ${await response.text()}`);
    await response.arrayBuffer();
  }
}

async function measureEngine(engine: Engine, seconds: number, connections: number, soakSeconds: number): Promise<Measured[]> {
  console.log(`${engine}: loading the dataset and starting the server...`);
  const { child, ready } = await startServer(engine);
  const baseUrl = `http://127.0.0.1:${ready.port}`;
  const results: Measured[] = [];
  try {
    const cookie = await signIn(baseUrl, ready.managerEmail);
    for (const endpoint of endpoints(ready)) {
      const sent = endpoint.anonymous ? '' : cookie;
      await checkPaths(baseUrl, sent, endpoint);
      const cold = endpoint.paths.length > 1 ? await firstPass(baseUrl, sent, endpoint) : '';
      await run(baseUrl, sent, endpoint.paths, Math.min(2, seconds), connections); // warm-up
      const result = await run(baseUrl, sent, endpoint.paths, seconds, connections);
      results.push({ engine, endpoint: endpoint.name, requests: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts, non2xx: result.non2xx });
      console.log(`  ${endpoint.name}: ${result.requests.average.toFixed(0)} req/s, p99 ${result.latency.p99} ms${cold ? ` (${cold})` : ''}`);
    }
    if (soakSeconds > 0) {
      const startRss = rssMb(child.pid!);
      const soakPaths = endpoints(ready).slice(2).flatMap((endpoint) => endpoint.paths.slice(0, 20));
      console.log(`  soak: ${soakSeconds} s over the three endpoints, server RSS at start ${startRss.toFixed(0)} MB`);
      const samples: string[] = [];
      const sampler = setInterval(() => samples.push(rssMb(child.pid!).toFixed(0)), Math.max(10_000, (soakSeconds * 1000) / 10));
      const result = await run(baseUrl, cookie, soakPaths, soakSeconds, connections);
      clearInterval(sampler);
      const endRss = rssMb(child.pid!);
      console.log(`  soak: ${result.requests.total} requests, ${result.errors + result.timeouts} errors, ${result.non2xx} non-2xx, p99 ${result.latency.p99} ms`);
      console.log(`  soak: server RSS ${startRss.toFixed(0)} MB at start, ${endRss.toFixed(0)} MB at end (${(endRss - startRss >= 0 ? '+' : '') + (endRss - startRss).toFixed(0)} MB); samples ${samples.join(', ')} MB`);
    }
  } finally {
    await stopServer(child);
  }
  return results;
}

function printTable(results: Measured[]): void {
  const header = ['engine', 'endpoint', 'req/s', 'of ceiling', 'p50 ms', 'p99 ms', 'errors', 'non-2xx'];
  const rows = results.map((row) => {
    const ceiling = results.find((other) => other.engine === row.engine && other.endpoint.includes('health'))?.requests ?? row.requests;
    return [row.engine, row.endpoint, row.requests.toFixed(0), `${((row.requests / ceiling) * 100).toFixed(1)} %`, String(row.p50), String(row.p99), String(row.errors), String(row.non2xx)];
  });
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  console.log(['', line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n'));
}

async function main(): Promise<void> {
  if (process.argv.includes('--serve')) return serve(option('serve', 'pglite') as Engine);
  const engineOption = option('engine', 'both');
  const engines: Engine[] = engineOption === 'both' ? ['pglite', 'postgres'] : [engineOption as Engine];
  if (!engines.every((engine) => engine === 'pglite' || engine === 'postgres')) throw new Error('--engine is pglite, postgres or both');
  const seconds = Number(option('duration', '10'));
  const connections = Number(option('connections', '50'));
  const soakSeconds = Number(option('soak', '0'));
  console.log(`Load benchmark: ${connections} connections, ${seconds} s per endpoint${soakSeconds ? `, soak ${soakSeconds} s` : ''}; Node ${process.version}`);
  const results: Measured[] = [];
  for (const engine of engines) results.push(...(await measureEngine(engine, seconds, connections, soakSeconds)));
  printTable(results);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
