// Records 100,000 interactions and 5,000 decisions for a 60-organization programme (multi-row
// INSERTs), then times loading the working-log timeline page through the API (app.inject), first
// page, a page deep in the log, and one organization's filtered page, against a primary-key
// lookup in the same run, on PGlite and on PostgreSQL.
// Run: node --import tsx bench/worklog/timeline.bench.ts  (DATABASE_URL or scripts/dev-postgres.sh's server for PostgreSQL)
import crypto from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.js';
import { loadConfig } from '../../src/lib/config.js';
import { createUser } from '../../src/modules/accounts/users.js';
import { buildApp } from '../../src/server/app.js';
import { withScratchPostgres } from '../support/postgres.js';



const ORGANIZATIONS = 60;
const INTERACTIONS = Number(process.env.BENCH_INTERACTIONS ?? 100_000);
const DECISIONS = Number(process.env.BENCH_DECISIONS ?? 5_000);
const BATCH = 1_000;
const PASSWORD = 'bench-password-123';
const CHANNELS = ['meeting', 'call', 'email', 'message', 'visit'];

let seed = 7;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
const below = (n: number) => Math.floor(random() * n);
const dateAt = (offset: number) => new Date(Date.UTC(2025, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);

/** Multi-row parameterised INSERT of many rows, BATCH rows per statement. */
async function insertMany(handle: DatabaseHandle, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    const values: unknown[] = [];
    const tuples = batch.map((row) => `(${row.map((value) => `$${values.push(value)}`).join(', ')})`);
    await handle.query(`insert into ${table} (${columns.join(', ')}) values ${tuples.join(', ')}`, values);
  }
}

async function load(handle: DatabaseHandle) {
  seed = 7;
  const organizationIds = Array.from({ length: ORGANIZATIONS }, () => crypto.randomUUID());
  await insertMany(handle, 'organizations', ['id', 'name', 'country', 'scope', 'type'], organizationIds.map((id, index) => [id, `Bench organization ${index}`, 'NE', index % 3 ? 'local' : 'international', '22']));
  const programmeId = crypto.randomUUID();
  await handle.query(`insert into programmes (id, ref, title, start_date, end_date) values ($1, $2, 'Timeline benchmark', '2025-01-01', '2027-12-31')`, [programmeId, `BENCH-${programmeId.slice(0, 8)}`]);
  await insertMany(handle, 'programme_members', ['programme_id', 'organization_id', 'role', 'iati_role'], organizationIds.map((id, index) => [programmeId, id, index === 0 ? 'lead' : 'partner', index === 0 ? 2 : 4]));

  const interactionIds: string[] = [];
  const interactionRows: unknown[][] = [];
  for (let index = 0; index < INTERACTIONS; index += 1) {
    const from = below(ORGANIZATIONS);
    const to = (from + 1 + below(ORGANIZATIONS - 1)) % ORGANIZATIONS;
    const id = crypto.randomUUID();
    interactionIds.push(id);
    interactionRows.push([id, programmeId, dateAt(below(1_095)), organizationIds[from], organizationIds[to], organizationIds[from], CHANNELS[below(5)], `Subject ${index}`, organizationIds[from]]);
  }
  await insertMany(handle, 'interactions', ['id', 'programme_id', 'date', 'from_organization_id', 'to_organization_id', 'initiated_by_organization_id', 'channel', 'subject', 'recorded_by_organization_id'], interactionRows);

  const decisionRows: unknown[][] = [];
  const involvementRows: unknown[][] = [];
  for (let index = 0; index < DECISIONS; index += 1) {
    const id = crypto.randomUUID();
    decisionRows.push([id, programmeId, dateAt(below(1_095)), `Decision ${index}`, 'programme', 'plan', organizationIds[0]]);
    const involved = new Set([0, below(ORGANIZATIONS), below(ORGANIZATIONS), below(ORGANIZATIONS)]);
    for (const organization of involved) involvementRows.push([id, organizationIds[organization], below(5)]);
  }
  await insertMany(handle, 'decisions', ['id', 'programme_id', 'date', 'title', 'scope', 'topic', 'recorded_by_organization_id'], decisionRows);
  await insertMany(handle, 'decision_involvements', ['decision_id', 'organization_id', 'level'], involvementRows);
  await handle.query('analyze');
  return { programmeId, organizationIds, interactionIds };
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
  const data = await load(handle);
  console.log(`${engine}: recorded ${INTERACTIONS.toLocaleString('en')} interactions and ${DECISIONS.toLocaleString('en')} decisions for ${ORGANIZATIONS} organizations in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s`);

  const user = await createUser(handle.db, { email: `bench-${crypto.randomUUID()}@example.org`, password: PASSWORD, organizationId: data.organizationIds[3]!, role: 'member', isInstanceAdmin: false });
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', WEB_DIST_DIR: '/nonexistent' });
  const app = await buildApp({ config, database: handle, logger: false });
  await app.ready();
  try {
    const signIn = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: PASSWORD } });
    const cookie = signIn.cookies.find((candidate) => candidate.name === 'consortia_session')!;
    const headers = { cookie: `consortia_session=${cookie.value}` };
    const base = `/api/programmes/${data.programmeId}/log/timeline`;
    const get = async (url: string) => {
      const response = await app.inject({ method: 'GET', url, headers });
      if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
      return response.json() as { items: unknown[]; nextCursor: string | null };
    };
    // A cursor ten pages into the log, to show keyset pages cost the same wherever they are.
    let deepCursor: string | null = null;
    for (let page = 0; page < 10; page += 1) deepCursor = (await get(`${base}?limit=50${deepCursor ? `&cursor=${deepCursor}` : ''}`)).nextCursor;

    const primaryKey = await time(300, (index) => handle.query('select * from interactions where id = $1', [data.interactionIds[(index * 7_919) % data.interactionIds.length]]));
    const firstPage = await time(100, () => get(`${base}?limit=50`));
    const deepPage = await time(100, () => get(`${base}?limit=50&cursor=${deepCursor}`));
    const organizationPage = await time(100, (index) => get(`${base}?limit=50&organizationId=${data.organizationIds[index % ORGANIZATIONS]}`));
    const quarter = await time(100, () => get(`${base}?limit=50&types=decision,interaction&from=2026-01-01&to=2026-03-31`));
    const baseline = quantile(primaryKey, 0.5);
    const line = (label: string, samples: number[]) =>
      `  ${label.padEnd(36)} median ${quantile(samples, 0.5).toFixed(2).padStart(8)} ms   p99 ${quantile(samples, 0.99).toFixed(2).padStart(8)} ms   median ${(quantile(samples, 0.5) / baseline).toFixed(1).padStart(6)}x the key lookup`;
    console.log(line('primary-key lookup (SQL)', primaryKey));
    console.log(line('timeline first page (API, 50)', firstPage));
    console.log(line('timeline 11th page (API, cursor)', deepPage));
    console.log(line('timeline one organization (API)', organizationPage));
    console.log(line('timeline a quarter, 2 types (API)', quarter));

    const plan = await handle.query<Record<string, string>>(
      `explain select id from interactions where programme_id = $1 and (date, id) < ('2026-06-01'::date, 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid) order by date desc, id desc limit 51`,
      [data.programmeId],
    );
    const text = plan.map((row) => Object.values(row)[0]).join(' | ');
    console.log(`  interactions branch plan: ${/Index/.test(text) ? 'index scan' : 'NO INDEX'} (${text.slice(0, 140)}...)`);
  } finally {
    await app.close();
  }
}

const lite = await openDatabase({ memory: true });
try {
  await measure('PGlite', lite);
} finally {
  await lite.close();
}

await withScratchPostgres((handle) => measure('PostgreSQL', handle));
