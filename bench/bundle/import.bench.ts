// Imports a generated programme bundle with 60 organizations, 20,000 tasks (with RACI) and 5,000
// budget lines through importBundle (validation, then multi-row INSERTs in one transaction), and
// reports the time per 1,000 records on PGlite and on PostgreSQL. Baseline, measured in the same
// run on the same database: inserting 1,000 tasks one ORM insert per row.
// Run: node --import tsx bench/bundle/import.bench.ts  (DATABASE_URL, or scripts/dev-postgres.sh's server, for PostgreSQL)
import crypto from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.js';
import { planTasks } from '../../src/db/schema/index.js';
import { BUNDLE_FORMAT } from '../../src/modules/bundle/schema.js';
import { importBundle } from '../../src/modules/bundle/import-bundle.js';
import { validateBundle } from '../../src/modules/bundle/validate-bundle.js';
import { withScratchPostgres } from '../support/postgres.js';



const ORGANIZATIONS = 60;
const TASKS = Number(process.env.BENCH_TASKS ?? 20_000);
const LINES = Number(process.env.BENCH_LINES ?? 5_000);
const BASELINE_ROWS = 1_000;
const ROLES = ['partner', 'affiliated-entity', 'associate', 'vendor', 'funder'] as const;
const LOCALITIES = ['Kaya', 'Tillabéri', 'Ségou', 'Mopti', 'Dori', 'Zinder'];

let seed = 11;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
const below = (n: number) => Math.floor(random() * n);

/** A deterministic bundle of the requested size. */
function generateBundle(ref: string) {
  seed = 11;
  const organizations = Array.from({ length: ORGANIZATIONS }, (_, index) => ({
    ref: `org-${index}`,
    name: `Bundle bench organization ${index}`,
    ...(index % 4 === 0 ? { identifier: `XM-BENCH-${ref}-${index}` } : {}),
    type: index === 0 ? '21' : '22',
    country: 'NE',
    scope: index === 0 ? ('international' as const) : ('local' as const),
  }));
  const members = organizations.map((organization, index) => ({ org: organization.ref, role: index === 0 ? ('lead' as const) : ROLES[index % ROLES.length]! }));
  const tasks = Array.from({ length: TASKS }, (_, index) => {
    const accountable = below(ORGANIZATIONS);
    const raci: Record<string, 'R' | 'A' | 'C' | 'I'> = { [`org-${accountable}`]: 'A' };
    for (const letter of ['R', 'C', 'I'] as const) {
      const other = below(ORGANIZATIONS);
      if (other !== accountable) raci[`org-${other}`] = letter;
    }
    return { ref: `T${index + 1}`, title: `Task ${index + 1}`, locality: LOCALITIES[below(LOCALITIES.length)]!, raci };
  });
  const budget = Array.from({ length: LINES }, (_, index) => {
    const amount = 1_000 + below(100_000);
    return { org: `org-${below(ORGANIZATIONS)}`, amount, category: ['Staff', 'Works', 'Travel', 'Equipment'][index % 4]!, indirectCosts: Math.floor(amount * 0.07), ...(index % 10 === 0 ? { ownContribution: true } : {}) };
  });
  return {
    format: BUNDLE_FORMAT,
    programme: { ref, title: 'Bundle import benchmark', start: '2025-01-01', end: '2027-12-31', currency: 'EUR', countries: ['NE', 'BF', 'ML'] },
    organizations,
    members,
    tasks,
    budget,
    agreement: { isPartnership: true, sharedObjectives: true, expectationsBothWays: true, transparency: true, mutualLearning: false },
  };
}

function recordsOf(bundle: ReturnType<typeof generateBundle>): number {
  const assignments = bundle.tasks.reduce((sum, task) => sum + Object.keys(task.raci).length, 0);
  return bundle.organizations.length + bundle.members.length + bundle.tasks.length + assignments + bundle.budget.length;
}

async function measure(label: string, handle: DatabaseHandle) {
  const ref = `BENCH-${crypto.randomBytes(3).toString('hex')}`;
  const bundle = generateBundle(ref);
  const records = recordsOf(bundle);
  // The JSON text is what a client sends: parse it as the server would.
  const text = JSON.stringify(bundle);

  const validateStart = performance.now();
  const validation = validateBundle(JSON.parse(text));
  const validateMs = performance.now() - validateStart;
  if (!validation.ok) throw new Error(`generated bundle refused: ${JSON.stringify(validation.errors.slice(0, 3))}`);

  const importStart = performance.now();
  const result = await importBundle(handle.db, { input: JSON.parse(text), importedBy: null });
  const importMs = performance.now() - importStart;

  // Baseline: the ORM's insert builder, one statement per row, for 1,000 tasks of the same programme.
  const baselineStart = performance.now();
  for (let index = 0; index < BASELINE_ROWS; index += 1) {
    await handle.db.insert(planTasks).values({ programmeId: result.programmeId, ref: `B${index}`, title: `Baseline ${index}`, locality: 'Kaya', position: index });
  }
  const baselineMs = performance.now() - baselineStart;

  const perThousand = (importMs / records) * 1_000;
  const baselinePerThousand = (baselineMs / BASELINE_ROWS) * 1_000;
  console.log(
    [
      `${label}: ${records.toLocaleString('en')} records (${ORGANIZATIONS} organizations, ${TASKS.toLocaleString('en')} tasks with their RACI, ${LINES.toLocaleString('en')} budget lines), ${(text.length / 1e6).toFixed(1)} MB of JSON`,
      `  validation           ${validateMs.toFixed(0).padStart(7)} ms`,
      `  import (all)         ${importMs.toFixed(0).padStart(7)} ms   ${perThousand.toFixed(1)} ms per 1,000 records`,
      `  baseline (ORM, 1 row per INSERT) ${baselinePerThousand.toFixed(1)} ms per 1,000 rows   → import is ${(baselinePerThousand / perThousand).toFixed(1)}× faster per record`,
    ].join('\n'),
  );
}

const lite = await openDatabase({ memory: true });
try {
  await measure('PGlite (in memory)', lite);
} finally {
  await lite.close();
}

await withScratchPostgres((handle) => measure('PostgreSQL', handle));
