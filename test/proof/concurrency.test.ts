import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { programmeUsers } from '../../src/db/schema/index.js';
import { DEMO_PASSWORD } from '../../src/modules/demo/demo-data.js';
import { seedDemo } from '../../src/modules/demo/seed-demo.js';
import { createTestApp, login, type Session, type TestApp } from '../support/app.js';
import { buildUser, TEST_PASSWORD } from '../support/factories.js';
import { rows } from './support/rows.js';

/**
 * Optimistic concurrency under real parallel requests: two people (or ten requests) send a change
 * based on the same version at the same moment; exactly one wins, every other one gets 409
 * version_conflict, and the stored record holds the winner's change with its version bumped once.
 */

let t: TestApp;
let amina: Session;
let colleague: Session;

/** A record kind with its update route, the field each test writes, and where it is stored. */
type Target = { what: string; url: () => Promise<string>; field: string; table: string; column: string; id: () => Promise<string> };
let programmeId: string;
let leadOrganizationId: string;

const first = async (query: ReturnType<typeof sql>) => (await rows<{ id: string }>(t.database.db, query))[0]!.id;

const targets: Target[] = [
  { what: 'programme', table: 'programmes', column: 'title', field: 'title', id: async () => programmeId, url: async () => `/api/programmes/${programmeId}` },
  { what: 'organization', table: 'organizations', column: 'name', field: 'name', id: async () => leadOrganizationId, url: async () => `/api/organizations/${leadOrganizationId}` },
  {
    what: 'task',
    table: 'plan_tasks',
    column: 'title',
    field: 'title',
    id: () => first(sql`select id from plan_tasks where programme_id = ${programmeId} order by ref limit 1`),
    url: async () => `/api/programmes/${programmeId}/tasks/${await first(sql`select id from plan_tasks where programme_id = ${programmeId} order by ref limit 1`)}`,
  },
  {
    what: 'budget line',
    table: 'budget_lines',
    column: 'description',
    field: 'description',
    id: () => first(sql`select id from budget_lines where programme_id = ${programmeId} order by id limit 1`),
    url: async () => `/api/programmes/${programmeId}/budget-lines/${await first(sql`select id from budget_lines where programme_id = ${programmeId} order by id limit 1`)}`,
  },
  {
    what: 'decision',
    table: 'decisions',
    column: 'title',
    field: 'title',
    id: () => first(sql`select id from decisions where programme_id = ${programmeId} order by id limit 1`),
    url: async () => `/api/programmes/${programmeId}/decisions/${await first(sql`select id from decisions where programme_id = ${programmeId} order by id limit 1`)}`,
  },
];

/** The stored value and version of a target's record, read straight from the database. */
async function stored(target: Target): Promise<{ value: string; version: number }> {
  const id = await target.id();
  const [row] = await rows<{ value: string; version: number }>(t.database.db, sql`select ${sql.identifier(target.column)} as value, version from ${sql.identifier(target.table)} where id = ${id}`);
  return { value: row!.value, version: Number(row!.version) };
}

function errorCode(response: LightMyRequestResponse): string | undefined {
  return (response.json() as { error?: { code?: string } }).error?.code;
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  await seedDemo(db);
  programmeId = await first(sql`select id from programmes where ref = 'SRC-2025' or title like 'Sahel Resilience%' limit 1`);
  const [aminaRow] = await rows<{ id: string; organization_id: string }>(db, sql`select id, organization_id from users where email = 'amina@sahel-relief.example'`);
  leadOrganizationId = aminaRow!.organization_id;
  // A second manager of the demo programme, an administrator of the same lead organization.
  const second = await buildUser(db, { organizationId: leadOrganizationId, role: 'org-admin' });
  await db.insert(programmeUsers).values({ programmeId, userId: second.id, role: 'manager' });
  amina = await login(t.app, 'amina@sahel-relief.example', DEMO_PASSWORD);
  colleague = await login(t.app, second.email, TEST_PASSWORD);
  for (const target of targets) await target.id(); // every kind exists in the demo
});
afterAll(async () => t?.close());

describe('two users updating the same record at once', () => {
  for (const target of targets) {
    it(`${target.what}: one 200, one 409 version_conflict, the winner's change stored with version + 1`, async () => {
      const before = await stored(target);
      const url = await target.url();
      const values = [`Change by Amina ${Date.now()}`, `Change by a colleague ${Date.now()}`];
      const responses = await Promise.all(
        [amina, colleague].map((session, index) =>
          t.app.inject({ method: 'PATCH', url, headers: session.headers(), payload: { version: before.version, [target.field]: values[index] } }),
        ),
      );
      const statuses = responses.map((response) => response.statusCode).sort();
      expect(statuses, responses.map((response) => response.body.slice(0, 300)).join('\n')).toEqual([200, 409]);
      const loser = responses.find((response) => response.statusCode === 409)!;
      expect(errorCode(loser)).toBe('version_conflict');
      const winner = responses.findIndex((response) => response.statusCode === 200);
      const after = await stored(target);
      expect(after).toEqual({ value: values[winner], version: before.version + 1 });
    });
  }
});

describe('ten parallel updates from the same stale version', () => {
  for (const target of targets) {
    it(`${target.what}: exactly one wins, nine get version_conflict, nothing else is overwritten`, async () => {
      const before = await stored(target);
      const url = await target.url();
      const values = Array.from({ length: 10 }, (_, index) => `Parallel change ${index} ${Date.now()}`);
      const responses = await Promise.all(
        values.map((value, index) =>
          t.app.inject({ method: 'PATCH', url, headers: (index % 2 === 0 ? amina : colleague).headers(), payload: { version: before.version, [target.field]: value } }),
        ),
      );
      const winners = responses.flatMap((response, index) => (response.statusCode === 200 ? [index] : []));
      expect(winners, responses.map((response) => `${response.statusCode} ${response.body.slice(0, 200)}`).join('\n')).toHaveLength(1);
      for (const response of responses) if (response.statusCode !== 200) expect([response.statusCode, errorCode(response)]).toEqual([409, 'version_conflict']);
      expect(await stored(target)).toEqual({ value: values[winners[0]!], version: before.version + 1 });
    });
  }
});

describe('two people accepting the same invitation at once', () => {
  it('creates one account: one 201, the other refused (410 used, or 409 once the winner\'s account exists)', async () => {
    const email = `race-${Date.now()}@example.org`;
    const invite = await t.app.inject({ method: 'POST', url: '/api/invitations', headers: amina.headers(), payload: { email } });
    expect(invite.statusCode, invite.body).toBe(201);
    const token = (invite.json() as { link: string }).link.split('/invite/')[1]!;
    const responses = await Promise.all(
      ['first-long-password-1', 'second-long-password-2'].map((password, index) =>
        t.app.inject({ method: 'POST', url: `/api/invitations/${token}/accept`, payload: { name: `Person ${index}`, password } }),
      ),
    );
    // Which refusal the loser gets depends on where it catches up with the winner's transaction
    // (the claim of the link, or the unique e-mail); either way exactly one account is made.
    const statuses = responses.map((response) => response.statusCode).sort();
    expect(statuses[0], responses.map((response) => response.body).join('\n')).toBe(201);
    expect([409, 410]).toContain(statuses[1]);
    expect(['conflict', 'expired']).toContain(errorCode(responses.find((response) => response.statusCode !== 201)!));
    const accounts = await rows<{ name: string }>(t.database.db, sql`select name from users where lower(email) = ${email}`);
    const winner = responses.findIndex((response) => response.statusCode === 201);
    expect(accounts).toEqual([{ name: `Person ${winner}` }]);
  });
});
