/**
 * IATI import benchmark: end-to-end throughput (MB/s) of importing a generated file into PGlite
 * and into PostgreSQL, beside parsing alone with the same reader, measured in the same run, with
 * the ratio (target: the PostgreSQL import at least half the speed of parsing alone) and the peak
 * memory of each run (each in its own process).
 *
 * Usage: npx tsx bench/iati/import.bench.ts [--size 200] [--postgres URL] [--threads 1] [--without-audit]
 * --without-audit adds a PostgreSQL run with the audit-trail triggers off, to show their cost.
 * Without --postgres, the throwaway server of scripts/dev-postgres.sh is used when it answers.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatedFilePath, generateIatiFile } from './generate-iati.js';
import { benchPostgresUrl } from '../support/postgres.js';



type Run = { seconds: number; cpuSeconds: number; peakRssMb: number; activities: number; transactions: number; storedActivities?: number; storedTransactions?: number };

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const argument = (name: string): string | undefined => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
};
const sizeMb = Number(argument('--size') ?? 200);
const threads = argument('--threads') ?? '1';

function postgresUrl(): string | null {
  return argument('--postgres') ?? benchPostgresUrl() ?? null;
}

function runJson(args: string[]): Run {
  const output = execFileSync(process.execPath, ['--import', 'tsx', ...args], { cwd: root, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(output.trim().split('\n').pop() ?? '{}') as Run;
}

const file = generatedFilePath(sizeMb);
if (!existsSync(file)) {
  console.error(`generating ${file} ...`);
  await generateIatiFile(file, sizeMb * 1024 * 1024);
}
const bytes = statSync(file).size;
const mb = bytes / 1024 / 1024;
const server = postgresUrl();

const parse = runJson([resolve(here, 'iati-parse-run.ts'), file, threads]);
const pglite = runJson([resolve(here, 'iati-import-run.ts'), file, 'pglite', '', threads]);
const postgres = server ? runJson([resolve(here, 'iati-import-run.ts'), file, 'postgres', server, threads]) : null;
const withoutAudit = server && process.argv.includes('--without-audit') ? runJson([resolve(here, 'iati-import-run.ts'), file, 'postgres', server, threads, '--without-audit']) : null;

const line = (name: string, run: Run) =>
  `${name.padEnd(22)} ${(mb / run.seconds).toFixed(1).padStart(7)} MB/s  ${(mb / run.cpuSeconds).toFixed(1).padStart(7)} MB/s of own CPU  ${run.seconds.toFixed(1).padStart(6)} s  peak ${run.peakRssMb.toFixed(0)} MB`;
console.log(`IATI import, ${mb.toFixed(0)} MB generated file, ${parse.activities} activities, ${parse.transactions} transactions, reader threads: ${threads}`);
console.log(line('parse only', parse));
console.log(line('import into PGlite', pglite));
if (postgres) console.log(line('import into PostgreSQL', postgres));
else console.log('import into PostgreSQL  skipped (no server: pass --postgres URL)');
if (withoutAudit) console.log(line('PostgreSQL, no audit', withoutAudit));
for (const [name, run] of [['PGlite', pglite], ['PostgreSQL', postgres]] as const) {
  if (!run) continue;
  if (run.storedActivities !== parse.activities || run.storedTransactions !== parse.transactions) {
    console.log(`${name}: stored ${run.storedActivities} activities / ${run.storedTransactions} transactions, expected ${parse.activities} / ${parse.transactions}`);
    process.exitCode = 1;
  }
}
const ratio = (run: Run) => parse.seconds / run.seconds;
console.log(`ratio import/parse: PGlite ${ratio(pglite).toFixed(2)}${postgres ? `, PostgreSQL ${ratio(postgres).toFixed(2)} (target >= 0.50: ${ratio(postgres) >= 0.5 ? 'met' : 'not met'})` : ''}${withoutAudit ? `, PostgreSQL without audit triggers ${ratio(withoutAudit).toFixed(2)}` : ''}`);
console.log(`load average while measuring: ${(await import('node:os')).loadavg().map((value) => value.toFixed(1)).join(' ')} (shared machine: wall times vary; own-CPU rates are steadier)`);
