import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, ne } from 'drizzle-orm';
import { createTestApp, login, type Session, type TestApp } from '../../../test/support/app.js';
import { buildInteraction, buildUser, TEST_PASSWORD } from '../../../test/support/factories.js';
import { budgetLines, decisionInvolvements, decisions, organizations, programmeMembers, programmes, surveyAnswers, surveyRounds } from '../../db/schema/index.js';
import { seedDemo } from '../demo/seed-demo.js';
import { demoProgramme } from '../demo/demo-data.js';
import { getProgrammeAuthenticity, getProgrammeAuthenticityJson } from './programme-authenticity.js';
import { ProfileCache } from './profile-cache.js';
import { profileSchema } from './schemas.js';

// The cached profile must always be what a computation from scratch gives: these tests change
// each kind of record the profile depends on and compare the endpoint's answer, right after the
// change, with an uncached computation.

let t: TestApp;
let programmeId: string;
let leadId: string;
let partnerIds: string[];
let manager: Session;
let partner: Session;
let outsider: Session;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.database.db);
  const [programme] = await t.database.db.select({ id: programmes.id }).from(programmes).where(eq(programmes.ref, demoProgramme.ref));
  programmeId = programme!.id;
  const members = await t.database.db.select().from(programmeMembers).where(eq(programmeMembers.programmeId, programmeId));
  leadId = members.find((member) => member.role === 'lead')!.organizationId;
  partnerIds = members.filter((member) => member.role === 'partner').map((member) => member.organizationId);
  manager = await login(t.app, 'amina@sahel-relief.example', 'demo-password-2026');
  partner = await login(t.app, (await buildUser(t.database.db, { organizationId: partnerIds[0]! })).email, TEST_PASSWORD);
  outsider = await login(t.app, (await buildUser(t.database.db)).email, TEST_PASSWORD);
});
afterAll(async () => t?.close());

const url = (at?: string) => `/api/programmes/${programmeId}/authenticity${at ? `?at=${at}` : ''}`;

async function served(session: Session, at?: string): Promise<unknown> {
  const response = await t.app.inject({ method: 'GET', url: url(at), headers: session.headers() });
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  return response.json();
}

/** The profile computed from scratch, as the API would present it. */
async function fresh(at?: string): Promise<unknown> {
  const profile = await getProgrammeAuthenticity(t.database.db, { programmeId, minGroupSize: t.config.surveys.minGroupSize, ...(at ? { at } : {}) });
  return JSON.parse(JSON.stringify(profileSchema.parse(profile)));
}

/** Serves the profile twice (the second from the cache), applies the change, and checks the very next answer. */
async function expectChangeSeen(change: () => Promise<void>, at?: string): Promise<void> {
  await served(manager, at);
  const before = await served(manager, at);
  await change();
  const after = await served(manager, at);
  expect(after).toEqual(await fresh(at));
  expect(after).not.toEqual(before);
}

describe('the cached authenticity profile', () => {
  it('is the computed profile, the same for every member', async () => {
    const first = await served(manager);
    expect(await served(manager)).toEqual(first);
    expect(await served(partner)).toEqual(first);
    expect(first).toEqual(await fresh());
  });

  it('changes right after a new decision', async () => {
    await expectChangeSeen(async () => {
      const [decision] = await t.database.db
        .insert(decisions)
        .values({ programmeId, date: '2025-09-01', title: 'The lead alone reallocates the budget', scope: 'programme', topic: 'budget', recordedByOrganizationId: leadId })
        .returning();
      await t.database.db.insert(decisionInvolvements).values([
        { decisionId: decision!.id, organizationId: leadId, level: 4 },
        ...partnerIds.map((organizationId) => ({ decisionId: decision!.id, organizationId, level: 0 })),
      ]);
    });
  });

  it('changes right after a new interaction, also for a date asked for', async () => {
    await expectChangeSeen(async () => {
      for (const [from, to] of [[partnerIds[0]!, partnerIds[1]!], [partnerIds[1]!, partnerIds[2]!], [partnerIds[2]!, partnerIds[0]!]] as Array<[string, string]>) {
        await buildInteraction(t.database.db, { programmeId, fromOrganizationId: from, toOrganizationId: to, date: '2025-03-01', channel: 'visit' });
      }
    }, '2025-12-31');
  });

  it('changes right after a new budget line, and after one is changed', async () => {
    let lineId = '';
    await expectChangeSeen(async () => {
      const [line] = await t.database.db.insert(budgetLines).values({ programmeId, organizationId: leadId, category: 'Staff', amount: '900000' }).returning();
      lineId = line!.id;
    });
    await expectChangeSeen(async () => {
      await t.database.db.update(budgetLines).set({ amount: '10' }).where(eq(budgetLines.id, lineId));
    });
  });

  it('changes right after an involved organization changes (local or international)', async () => {
    const [before] = await t.database.db.select().from(organizations).where(eq(organizations.id, partnerIds[1]!));
    await expectChangeSeen(async () => {
      await t.database.db.update(organizations).set({ country: 'GB', scope: 'international' }).where(eq(organizations.id, partnerIds[1]!));
    });
    await t.database.db.update(organizations).set({ country: before!.country, scope: before!.scope }).where(eq(organizations.id, partnerIds[1]!));
    expect(await served(manager)).toEqual(await fresh());
  });

  it('changes right after survey answers that count (a late answer to a closed round)', async () => {
    const [round] = await t.database.db
      .select()
      .from(surveyRounds)
      .where(and(eq(surveyRounds.programmeId, programmeId), eq(surveyRounds.title, 'Trust and value between members, first year')));
    await expectChangeSeen(async () => {
      const items = round!.definition.items;
      const lowest = (key: string) => Math.min(...round!.definition.scales[items.find((item) => item.key === key)!.scale]!.values);
      await t.database.db.insert(surveyAnswers).values(
        partnerIds.flatMap((respondent) =>
          Array.from({ length: 3 }, () => ({ roundId: round!.id, respondentOrganizationId: respondent, targetOrganizationId: leadId, values: Object.fromEntries(items.map((item) => [item.key, lowest(item.key)])) })),
        ),
      );
    });
  });

  it('changes when a survey round closes, by its date or by hand', async () => {
    const [source] = await t.database.db
      .select()
      .from(surveyRounds)
      .where(and(eq(surveyRounds.programmeId, programmeId), eq(surveyRounds.title, 'Trust and value between members, first year')));
    const closesAt = new Date(Date.now() + 1_500);
    const [round] = await t.database.db
      .insert(surveyRounds)
      .values({ instrumentId: source!.instrumentId, definition: source!.definition, programmeId, organizationId: leadId, title: 'Trust and value, second year', opensAt: new Date(Date.now() - 86_400_000), closesAt, minGroupSize: 3 })
      .returning();
    const items = source!.definition.items;
    await t.database.db.insert(surveyAnswers).values(
      partnerIds.flatMap((respondent) =>
        Array.from({ length: 3 }, () => ({ roundId: round!.id, respondentOrganizationId: respondent, targetOrganizationId: leadId, values: Object.fromEntries(items.map((item) => [item.key, 1])) })),
      ),
    );
    // Open: its answers do not count yet, and the cached profile says so.
    const whileOpen = await served(manager);
    expect(await served(manager)).toEqual(whileOpen);
    expect(whileOpen).toEqual(await fresh());
    // Nothing is written when the closing time passes: the entry holds only until then.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, closesAt.getTime() - Date.now()) + 50));
    const closed = await served(manager);
    expect(closed).toEqual(await fresh());
    expect(closed).not.toEqual(whileOpen);

    await t.database.db.update(surveyRounds).set({ closesAt: new Date(Date.now() + 86_400_000) }).where(eq(surveyRounds.id, round!.id));
    const reopened = await served(manager);
    expect(reopened).toEqual(await fresh());
    await expectChangeSeen(async () => {
      await t.database.db.update(surveyRounds).set({ closedAt: new Date() }).where(eq(surveyRounds.id, round!.id));
    });
  });

  it('still checks access on every request: outsiders 404, anonymous 401, a member that left 404', async () => {
    await served(manager);
    expect((await t.app.inject({ method: 'GET', url: url(), headers: outsider.headers() })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: url() })).statusCode).toBe(401);
    await served(partner);
    await t.database.db.update(programmeMembers).set({ leftOn: '2020-01-01' }).where(and(eq(programmeMembers.programmeId, programmeId), eq(programmeMembers.organizationId, partnerIds[0]!)));
    try {
      expect((await t.app.inject({ method: 'GET', url: url(), headers: partner.headers() })).statusCode).toBe(404);
      // The member's leaving changes the profile too.
      expect(await served(manager)).toEqual(await fresh());
    } finally {
      await t.database.db.update(programmeMembers).set({ leftOn: null }).where(and(eq(programmeMembers.programmeId, programmeId), eq(programmeMembers.organizationId, partnerIds[0]!)));
    }
    expect(await served(partner)).toEqual(await fresh());
  });
});

describe('ProfileCache', () => {
  const minGroupSize = 3;

  it('computes once, serves from memory until a change, and keeps at most its limit', async () => {
    const cache = new ProfileCache({ maxEntries: 2, maxBytes: 1_000_000 });
    const get = (id: string) => getProgrammeAuthenticityJson(t.database.db, cache, { programmeId: id, minGroupSize });
    await get(programmeId);
    await get(programmeId);
    expect(cache.stats).toEqual({ hits: 1, misses: 1 });
    await buildInteraction(t.database.db, { programmeId, fromOrganizationId: partnerIds[0]!, toOrganizationId: leadId });
    await get(programmeId);
    expect(cache.stats).toEqual({ hits: 1, misses: 2 });

    const others = await t.database.db.select({ id: programmes.id }).from(programmes).where(ne(programmes.id, programmeId)).limit(2);
    for (const other of others) await get(other.id);
    expect(cache.size).toBeLessThanOrEqual(2);
    await get(programmeId); // the least recently used, evicted
    expect(cache.stats.misses).toBe(2 + others.length + (others.length === 2 ? 1 : 0));
  });

  it('drops every profile after a bulk IATI import (one trail row for all it changed)', async () => {
    const cache = new ProfileCache();
    const get = () => getProgrammeAuthenticityJson(t.database.db, cache, { programmeId, minGroupSize });
    await get();
    await get();
    expect(cache.stats).toEqual({ hits: 1, misses: 1 });
    // The row the import writes (modules/iati/audit-iati-import.ts): no programme, no per-record rows.
    await t.database.query(
      `insert into audit_log (transaction_id, table_name, record_id, action, new_values) values (txid_current(), 'iati_imports', gen_random_uuid()::text, 'insert', '{}'::jsonb)`,
    );
    await get();
    expect(cache.stats).toEqual({ hits: 1, misses: 2 });
  });

  it('shares one computation between requests that arrive together', async () => {
    const cache = new ProfileCache();
    const answers = await Promise.all(Array.from({ length: 5 }, () => getProgrammeAuthenticityJson(t.database.db, cache, { programmeId, minGroupSize })));
    expect(new Set(answers).size).toBe(1);
    expect(cache.size).toBe(1);
  });

  it.runIf(Boolean(process.env.DATABASE_URL))('sees a change whose transaction commits after a later one (PostgreSQL, concurrent writers)', async () => {
    // Audit ids are taken in insert order but become visible in commit order: a transaction that
    // took a lower id and commits last must still invalidate a profile computed in between.
    const cache = new ProfileCache();
    const get = () => getProgrammeAuthenticityJson(t.database.db, cache, { programmeId, minGroupSize });
    await get();
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let inserted = () => {};
    const insertedSignal = new Promise<void>((resolve) => (inserted = resolve));
    const slow = t.database.db.transaction(async (tx) => {
      for (const [from, to] of [[partnerIds[0]!, partnerIds[2]!], [partnerIds[2]!, partnerIds[1]!]] as Array<[string, string]>) {
        await buildInteraction(tx as unknown as typeof t.database.db, { programmeId, fromOrganizationId: from, toOrganizationId: to, date: '2025-04-01', channel: 'meeting' });
      }
      inserted();
      await gate;
    });
    await insertedSignal;
    await t.database.db.insert(decisions).values({ programmeId, date: '2025-09-02', title: 'Committed first', scope: 'programme', topic: 'plan', recordedByOrganizationId: leadId });
    const between = await get();
    expect(JSON.parse(between)).toEqual(await fresh());
    release();
    await slow;
    const after = await get();
    expect(JSON.parse(after)).toEqual(await fresh());
    expect(after).not.toEqual(between);
  });
});
