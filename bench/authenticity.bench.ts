// Benchmark of the authenticity profile: `npx tsx bench/authenticity.bench.ts`.
// A generated programme with 60 organizations, 20,000 tasks, 200,000 interactions, 5,000
// decisions and 20,000 ratings; prints the median time of the whole profile and, in the same run,
// the network measures against Python networkx on the same interaction graph.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { computeAuthenticity } from '../src/modules/analytics/compute-authenticity.js';
import { buildTieGraph, measureNetwork } from '../src/modules/analytics/network.js';
import { validateBundle } from '../src/modules/bundle/validate-bundle.js';

const ORGANIZATIONS = 60;
const TASKS = 20_000;
const INTERACTIONS = 200_000;
const DECISIONS = 5_000;
const RATINGS = 20_000;
const RUNS = 21;

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same programme. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generateBundle(): unknown {
  const next = random(42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const orgs = Array.from({ length: ORGANIZATIONS }, (_, index) => `org-${index}`);
  const localities = Array.from({ length: 40 }, (_, index) => `Locality ${index}`);
  const day = (): string => new Date(Date.UTC(2024, 0, 1 + Math.floor(next() * 900))).toISOString().slice(0, 10);
  const otherThan = (org: string): string => {
    let other = pick(orgs);
    while (other === org) other = pick(orgs);
    return other;
  };
  // Interactions lean towards the lead, as in real programmes, so the graph is not uniform.
  const anyone = (): string => (next() < 0.3 ? 'org-0' : pick(orgs));
  // Partners mostly talk to the lead and to a handful of neighbours, so the graph is far from complete.
  const neighbour = (org: string): string => {
    if (org === 'org-0') return otherThan(org);
    if (next() < 0.4) return 'org-0';
    const index = Number(org.slice(4));
    return `org-${1 + ((index + Math.floor(next() * 8)) % (ORGANIZATIONS - 1))}`;
  };
  return {
    format: 'consortia.programme-bundle/1',
    programme: { ref: 'BENCH', title: 'Benchmark programme', start: '2024-01-01', end: '2026-12-31', currency: 'EUR', countries: ['SN', 'ML'] },
    organizations: orgs.map((ref, index) => ({
      ref,
      name: `Organization ${index}`,
      type: index % 3 === 0 ? '21' : index % 3 === 1 ? '22' : '24',
      country: index % 2 === 0 ? 'SN' : 'FR',
    })),
    members: orgs.map((org, index) => ({ org, role: index === 0 ? 'lead' : index % 10 === 9 ? 'associate' : 'partner' })),
    tasks: Array.from({ length: TASKS }, (_, index) => {
      const accountable = pick(orgs);
      return { ref: `t-${index}`, title: `Task ${index}`, locality: pick(localities), raci: { [accountable]: 'A', [otherThan(accountable)]: 'R' } };
    }),
    budget: Array.from({ length: 600 }, () => {
      const amount = 5_000 + Math.round(next() * 100_000);
      return { org: pick(orgs), amount, indirectCosts: Math.round(amount * 0.07) };
    }),
    meetings: Array.from({ length: 120 }, () => ({ date: day(), chair: pick(orgs), attendees: orgs.filter(() => next() < 0.5) })),
    decisions: Array.from({ length: DECISIONS }, (_, index) => ({
      date: day(),
      title: `Decision ${index}`,
      scope: index % 2 === 0 ? 'local' : 'programme',
      ...(index % 2 === 0 ? { locality: pick(localities) } : {}),
      involvement: Object.fromEntries(orgs.filter(() => next() < 0.4).map((org) => [org, Math.floor(next() * 5)])),
      desired: Object.fromEntries(orgs.filter(() => next() < 0.1).map((org) => [org, Math.floor(next() * 5)])),
    })),
    interactions: Array.from({ length: INTERACTIONS }, () => {
      const from = anyone();
      return { date: day(), from, to: neighbour(from), channel: 'email' };
    }),
    learning: Array.from({ length: 2_000 }, () => {
      const from = anyone();
      return { date: day(), from, to: otherThan(from), topic: 'topic' };
    }),
    ratings: Array.from({ length: RATINGS }, () => {
      const rater = pick(orgs);
      return { date: day(), rater, ratee: otherThan(rater), trust: 1 + Math.floor(next() * 4), value: 1 + Math.floor(next() * 4) };
    }),
    agreement: { isPartnership: true, sharedObjectives: true, expectationsBothWays: true, transparency: true, mutualLearning: true },
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function timeMedian(runs: number, work: () => void): number {
  work(); // warm-up: let the JIT compile before measuring
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return median(times);
}

const validation = validateBundle(generateBundle());
if (!validation.ok) throw new Error(`generated bundle does not fit: ${JSON.stringify(validation.errors.slice(0, 3))}`);
const bundle = validation.bundle;
const validateMs = timeMedian(3, () => validateBundle(generateBundle()));

const profileMs = timeMedian(RUNS, () => computeAuthenticity(bundle));
const profile = computeAuthenticity(bundle);
const actors = bundle.members.map((member) => member.org);
let network = measureNetwork(buildTieGraph(actors, bundle.interactions), actors);
const networkMs = timeMedian(RUNS, () => {
  network = measureNetwork(buildTieGraph(actors, bundle.interactions), actors);
});

console.log(`Programme: ${ORGANIZATIONS} organizations, ${TASKS} tasks, ${INTERACTIONS} interactions, ${DECISIONS} decisions, ${RATINGS} ratings`);
console.log(`Whole profile (median of ${RUNS}): ${profileMs.toFixed(1)} ms  [target < 200 ms: ${profileMs < 200 ? 'met' : 'MISSED'}]  verdict ${profile.verdict}`);
console.log(`Network part, graphology (median of ${RUNS}): ${networkMs.toFixed(2)} ms  density ${network.density.toFixed(4)}, reciprocity ${network.reciprocity?.toFixed(4)}, centralization ${network.centralization?.toFixed(4)}`);
console.log(`(Validating and generating the bundle, for reference: ${validateMs.toFixed(0)} ms)`);

const hasNetworkx = spawnSync('python3', ['-c', 'import networkx'], { encoding: 'utf8' }).status === 0;
if (!hasNetworkx) {
  console.log('Python networkx is not installed (Debian: python3-networkx): comparison skipped.');
} else {
  const folder = mkdtempSync(join(tmpdir(), 'consortia-bench-'));
  try {
    const edges = join(folder, 'edges.tsv');
    writeFileSync(edges, bundle.interactions.map((record) => `${record.from}\t${record.to}`).join('\n') + '\n');
    const script = fileURLToPath(new URL('./authenticity-networkx.py', import.meta.url));
    const python = spawnSync('python3', [script, edges, String(RUNS)], { encoding: 'utf8' });
    if (python.status !== 0) throw new Error(`networkx baseline failed: ${python.stderr}`);
    const baseline = JSON.parse(python.stdout) as { networkx: string; medianMs: number; density: number; reciprocity: number; centralization: number };
    const ratio = baseline.medianMs / networkMs;
    console.log(`Network part, networkx ${baseline.networkx} (median of ${RUNS}): ${baseline.medianMs.toFixed(2)} ms  density ${baseline.density.toFixed(4)}, reciprocity ${baseline.reciprocity.toFixed(4)}, centralization ${baseline.centralization.toFixed(4)}`);
    console.log(`Ratio networkx / graphology: ${ratio.toFixed(1)}x  [target >= 5x: ${ratio >= 5 ? 'met' : 'MISSED'}]`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
