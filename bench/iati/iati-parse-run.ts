/**
 * One measured run of the IATI reader over a file, in its own process so that its peak memory
 * is its own. Prints one JSON line. Used by iati-parse.bench.ts.
 *
 * Usage: npx tsx bench/iati/iati-parse-run.ts FILE [THREADS]   (THREADS > 1: worker threads)
 */
import { statSync } from 'node:fs';
import { readIatiFileParallel } from '../../src/modules/iati/read-iati-file-parallel.js';
import { readIatiFile } from '../../src/modules/iati/read-iati-file.js';
import { createIatiSummaryBuilder } from '../../src/modules/iati/summarize-iati-import.js';

const path = process.argv[2];
if (!path) throw new Error('usage: iati-parse-run.ts FILE [THREADS]');
const threads = Number(process.argv[3] ?? 1);
const started = performance.now();
const cpuStarted = process.cpuUsage();
const summary = createIatiSummaryBuilder({ warningLimit: 100 });
let peakRss = process.memoryUsage.rss();
let activities = 0;
const items = threads > 1 ? readIatiFileParallel(path, { threads }) : readIatiFile(path);
for await (const item of items) {
  summary.add(item);
  // Sampled, because rss() is a system call; maxRSS below catches what sampling misses.
  if (item.kind === 'activity' && ++activities % 2000 === 0) peakRss = Math.max(peakRss, process.memoryUsage.rss());
}
const seconds = (performance.now() - started) / 1000;
// CPU time of this process (all its threads): steadier than wall time on a shared machine.
const cpu = process.cpuUsage(cpuStarted);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const result = summary.result();
console.log(
  JSON.stringify({
    threads,
    bytes: statSync(path).size,
    seconds,
    cpuSeconds,
    activities: result.activities,
    participations: result.participations,
    transactions: result.transactions,
    budgets: result.budgets,
    warnings: result.warnings.length,
    peakRssMb: Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 1024 / 1024,
  }),
);
