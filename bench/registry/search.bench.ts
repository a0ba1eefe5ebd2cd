// Loads 100,000 generated organizations and times a directory text search and a filtered list
// page against a primary-key lookup in the same run, on PGlite and on PostgreSQL.
// Run: node --import tsx bench/registry/search.bench.ts  (DATABASE_URL or /work/pg-dev.sh's server for PostgreSQL)
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.js';
import type { Actor } from '../../src/lib/actor.js';
import { listOrganizations } from '../../src/modules/organizations/list-organizations.js';
import type { OrganizationListQuery } from '../../src/modules/organizations/schemas.js';

const COUNT = Number(process.env.BENCH_ORGANIZATIONS ?? 100_000);
const BATCH = 1_000;
const words = ['Développement', 'Rural', 'Association', 'Femmes', 'Santé', 'Éducation', 'Eau', 'Solidarité', 'Réseau', 'Initiative', 'Community', 'Water', 'Health', 'Trust', 'Foundation', 'Alliance', 'Sahel', 'Jeunesse', 'Agriculture', 'Paysans', 'Climate', 'Resilience', 'Centre', 'Études', 'Coopérative', 'Union', 'Action', 'Humanitaire', 'Partners', 'Services'];
const places = ['Kaya', 'Ségou', 'Tillabéri', 'Dosso', 'Mopti', 'Nairobi', 'Kisumu', 'Dakar', 'Thiès', 'Bamako', 'Niamey', 'Ouagadougou', 'Gao', 'Zinder', 'Maradi'];
const countries = ['BF', 'ML', 'NE', 'SN', 'KE', 'GB', 'FR', 'TD', 'NG', 'GH'];
const types = ['10', '21', '22', '23', '24', '60', '70', '80', '90'];
const scopes = ['local', 'national', 'regional', 'international'];
const sectorCodes = ['14030', '31120', '15170', '12220', '11220', '43040'];
const queries = ['developpement rural', 'Solidarité', 'femmes kaya', 'resilence', 'sahel water', 'cooperative paysans', 'educ', 'Initiatve Santé', 'union segou', 'climate trust'];

const actor: Actor = { userId: crypto.randomUUID(), organizationId: crypto.randomUUID(), email: 'bench@example.org', name: 'Bench', role: 'member', isInstanceAdmin: false, language: null, via: 'token' };

// A small deterministic generator, so both engines get the same data.
let seed = 42;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

async function load(handle: DatabaseHandle): Promise<string[]> {
  seed = 42;
  const ids: string[] = [];
  for (let start = 0; start < COUNT; start += BATCH) {
    const values: unknown[] = [];
    const rows: string[] = [];
    for (let index = start; index < Math.min(COUNT, start + BATCH); index += 1) {
      const id = crypto.randomUUID();
      ids.push(id);
      const name = `${pick(words)} ${pick(words)} ${pick(['de', 'du', 'for', 'of'])} ${pick(places)} ${index}`;
      const acronym = name.split(' ').map((word) => word[0]).join('').toUpperCase().slice(0, 4);
      const base = values.length;
      values.push(id, name, acronym, pick(types), pick(countries), pick(scopes), `{${pick(sectorCodes)},${pick(sectorCodes)}}`);
      rows.push(`($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}, $${base + 5}, $${base + 6}, $${base + 7}::text[])`);
    }
    await handle.query(`insert into organizations (id, name, acronym, type, country, scope, sectors) values ${rows.join(', ')}`, values);
  }
  await handle.query('analyze organizations');
  return ids;
}

async function time(runs: number, work: (index: number) => Promise<unknown>): Promise<number[]> {
  for (let index = 0; index < Math.min(10, runs); index += 1) await work(index); // warm-up
  const samples: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const started = performance.now();
    await work(index);
    samples.push(performance.now() - started);
  }
  return samples.sort((a, b) => a - b);
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

async function measure(engine: string, handle: DatabaseHandle): Promise<void> {
  const loadStarted = performance.now();
  const ids = await load(handle);
  console.log(`${engine}: loaded ${COUNT.toLocaleString('en')} organizations in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s`);
  const page = (query: Partial<OrganizationListQuery>) => listOrganizations(handle.db, { actor, query: { limit: 25, ...query } as OrganizationListQuery });

  const primaryKey = await time(300, (index) => handle.query('select * from organizations where id = $1', [ids[(index * 7919) % ids.length]]));
  const search = await time(100, (index) => page({ q: queries[index % queries.length] }));
  const filtered = await time(200, (index) => page({ country: countries[index % countries.length], type: types[index % types.length], scope: scopes[index % scopes.length] as OrganizationListQuery['scope'] }));
  const baseline = quantile(primaryKey, 0.5);
  const line = (label: string, samples: number[]) =>
    `  ${label.padEnd(22)} median ${quantile(samples, 0.5).toFixed(2).padStart(8)} ms   p99 ${quantile(samples, 0.99).toFixed(2).padStart(8)} ms   median ${(quantile(samples, 0.5) / baseline).toFixed(1).padStart(6)}x the key lookup`;
  console.log(line('primary-key lookup', primaryKey));
  console.log(line('text search (q)', search));
  console.log(line('filtered list page', filtered));
  const hits = await page({ q: 'developpement rural' });
  console.log(`  sample search "developpement rural": ${hits.items.slice(0, 3).map((row) => row.name).join(' | ')}`);
}

async function postgresUrl(): Promise<string | undefined> {
  // A benchmark, not application code: it may read the environment.
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  try {
    return execFileSync('/work/pg-dev.sh', { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

const lite = await openDatabase({ memory: true });
try {
  await measure('PGlite', lite);
} finally {
  await lite.close();
}

const serverUrl = await postgresUrl();
if (!serverUrl) {
  console.log('PostgreSQL: skipped (no DATABASE_URL and no /work/pg-dev.sh server)');
} else {
  const name = `consortia_bench_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString() });
  try {
    await measure('PostgreSQL', handle);
  } finally {
    await handle.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
