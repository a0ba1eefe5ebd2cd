/**
 * IATI import benchmark, everything the issue asks for in one run, per file size: the reader
 * alone (parse only), the reader with the import's mapping (parse + map, no database), Python
 * lxml iterparse extracting the same participations and transactions (Debian's python3-lxml),
 * and the end-to-end import into PGlite and into PostgreSQL; throughput in MB/s, the ratio to
 * parse-only and to lxml, own CPU, PostgreSQL's server CPU, and the peak memory of each run
 * (each in its own process). Targets: parse + map at least as fast as lxml; the import into
 * PostgreSQL at least half as fast as parsing alone; peak memory flat from 50 MB to 200 MB.
 *
 * Usage: npx tsx bench/iati/import.bench.ts [--sizes 50,200] [--postgres URL] [--threads 1] [--no-pglite]
 * (--size N is --sizes N.) Without --postgres, the throwaway server of scripts/dev-postgres.sh is
 * used when it answers. The machine is shared: compare the ratios, measured in the same run.
 *
 * Last measured 2026-11-27, 04:49 UTC, shared 2-core machine under a load average of 13-16 (so
 * the 200 MB run was not made; wall times are pessimistic and noisy, the CPU columns steadier):
 *     size  run                         MB/s  x parse  x lxml x parse, CPU  wall s own CPU s server CPU s  peak RSS
 *    25 MB  parse only                  50.1     1.00    2.61         1.00     0.5       0.5                  93 MB
 *    25 MB  python lxml iterparse       19.2     0.38    1.00         0.71     1.3       0.7                  24 MB
 *    25 MB  parse + map (no database)   23.0     0.46    1.20         0.65     1.1       0.7                 176 MB
 *    25 MB  import into PGlite           1.9     0.04    0.10         0.08    13.7       6.1                 841 MB
 *    25 MB  import into PostgreSQL       3.5     0.07    0.18         0.23     7.2       1.9          2.2    313 MB
 *    50 MB  parse only                  35.5     1.00    2.02         1.00     1.4       0.8                  97 MB
 *    50 MB  python lxml iterparse       17.6     0.50    1.00         0.56     2.9       1.5                  24 MB
 *    50 MB  parse + map (no database)   17.7     0.50    1.01         0.63     2.8       1.3                 178 MB
 *    50 MB  import into PGlite           2.4     0.07    0.14         0.08    20.7      10.4                 920 MB
 *    50 MB  import into PostgreSQL       3.2     0.09    0.18         0.19    15.6       3.3          4.3    335 MB
 * Against the import before the per-import audit row (same file, same hour): PostgreSQL server
 * CPU 6.4 s -> 4.3 s, wall 22.3 s -> 14.8 s. The target (import >= 0.5 x parse) is NOT met: the
 * reader now parses at ~60 MB per CPU-second, while one PostgreSQL backend stores these rows at
 * ~12 MB per CPU-second, ~40% of it in foreign-key checks (one per reference per row; without
 * them ~2.1 s instead of ~3.8 s) and the rest in heap, index and WAL work for ~165,000 rows.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatedFilePath, generateIatiFile } from './generate-iati.js';
import { benchPostgresUrl } from '../support/postgres.js';

type Run = {
  seconds: number;
  cpuSeconds: number;
  serverCpuSeconds?: number | null;
  peakRssMb: number;
  activities: number;
  transactions: number;
  storedActivities?: number;
  storedTransactions?: number;
};

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const argument = (name: string): string | undefined => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
};
const sizes = (argument('--sizes') ?? argument('--size') ?? '50,200').split(',').map(Number);
const threads = argument('--threads') ?? '1';
const withPglite = !process.argv.includes('--no-pglite');
const server = argument('--postgres') ?? benchPostgresUrl() ?? null;

function runJson(command: string, args: string[]): Run {
  const output = execFileSync(command, args, { cwd: root, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(output.trim().split('\n').pop() ?? '{}') as Run;
}
const node = (script: string, args: string[]): Run => runJson(process.execPath, ['--import', 'tsx', resolve(here, script), ...args]);
const load = () => loadavg().map((value) => value.toFixed(1)).join(' ');

const print = (line: string) => console.log(line);
print(`IATI import benchmark, reader threads: ${threads}; load average at start: ${load()}`);
// "x parse, CPU": parse-only CPU seconds over the busier of the run's two processes (its own, or
// the PostgreSQL server's): the ratio an idle two-core machine would show, steadier than wall time
// when other work shares the machine.
print(`${'size'.padStart(6)}  ${'run'.padEnd(25)} ${'MB/s'.padStart(6)} ${'x parse'.padStart(8)} ${'x lxml'.padStart(7)} ${'x parse, CPU'.padStart(12)} ${'wall s'.padStart(7)} ${'own CPU s'.padStart(9)} ${'server CPU s'.padStart(12)} ${'peak RSS'.padStart(9)}`);
for (const sizeMb of sizes) {
  const file = generatedFilePath(sizeMb);
  if (!existsSync(file)) {
    console.error(`generating ${file} ...`);
    await generateIatiFile(file, sizeMb * 1024 * 1024);
  }
  const mb = statSync(file).size / 1024 / 1024;
  // Parse-only runs just before and just after the imports: the ratio takes the faster, so that
  // the load of a shared machine does not flatter the import.
  const runs: Array<[string, Run | null]> = [];
  const parseBefore = node('iati-parse-run.ts', [file, threads]);
  const lxml = runJson(python, [resolve(here, 'lxml_extract.py'), file]);
  const mapped = node('iati-import-run.ts', [file, 'map', '', threads]);
  const pglite = withPglite ? node('iati-import-run.ts', [file, 'pglite', '', threads]) : null;
  const postgres = server ? node('iati-import-run.ts', [file, 'postgres', server, threads]) : null;
  const parseAfter = node('iati-parse-run.ts', [file, threads]);
  const parse = parseBefore.seconds <= parseAfter.seconds ? parseBefore : parseAfter;
  runs.push(['parse only', parse], ['python lxml iterparse', lxml], ['parse + map (no database)', mapped], ['import into PGlite', pglite], ['import into PostgreSQL', postgres]);
  for (const [name, run] of runs) {
    if (!run) {
      print(`${String(sizeMb).padStart(4)} MB  ${name.padEnd(25)} skipped${name.includes('PostgreSQL') ? ' (no server: pass --postgres URL)' : ''}`);
      continue;
    }
    const rate = mb / run.seconds;
    const serverCpu = run.serverCpuSeconds ?? null;
    const server = serverCpu === null ? '' : serverCpu.toFixed(1);
    const cpuRatio = parse.cpuSeconds / Math.max(run.cpuSeconds, serverCpu ?? 0);
    print(
      `${String(sizeMb).padStart(4)} MB  ${name.padEnd(25)} ${rate.toFixed(1).padStart(6)} ${(parse.seconds / run.seconds).toFixed(2).padStart(8)} ${(lxml.seconds / run.seconds).toFixed(2).padStart(7)} ${cpuRatio.toFixed(2).padStart(12)} ` +
        `${run.seconds.toFixed(1).padStart(7)} ${run.cpuSeconds.toFixed(1).padStart(9)} ${server.padStart(12)} ${`${run.peakRssMb.toFixed(0)} MB`.padStart(9)}`,
    );
  }
  for (const [name, run] of [['PGlite', pglite], ['PostgreSQL', postgres]] as const) {
    if (run && (run.storedActivities !== parse.activities || run.storedTransactions !== parse.transactions)) {
      print(`        ${name}: stored ${run.storedActivities} activities / ${run.storedTransactions} transactions, expected ${parse.activities} / ${parse.transactions}`);
      process.exitCode = 1;
    }
  }
  const verdicts = [
    `parse + map ${mapped.seconds <= lxml.seconds ? '>=' : '<'} lxml`,
    postgres ? `PostgreSQL import/parse ${(parse.seconds / postgres.seconds).toFixed(2)} (target 0.50: ${parse.seconds / postgres.seconds >= 0.5 ? 'met' : 'not met'}; by CPU ${(parse.cpuSeconds / Math.max(postgres.cpuSeconds, postgres.serverCpuSeconds ?? 0)).toFixed(2)})` : null,
    pglite ? `PGlite import/parse ${(parse.seconds / pglite.seconds).toFixed(2)}` : null,
  ].filter(Boolean);
  print(`        ${parse.activities} activities, ${parse.transactions} transactions; ${verdicts.join('; ')}; load average now: ${load()}`);
}
