import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Session, type TestApp } from '../../../test/support/app.js';
import { buildCapacityAssessment, buildOrganization, buildProgramme, buildUser, TEST_PASSWORD } from '../../../test/support/factories.js';
import { learningExchanges } from '../../db/schema/index.js';
import { summariseByQuarter } from './feedback.js';

let t: TestApp;
let own: Session;
let partner: Session;
let outsider: Session;
let ownOrganizationId: string;
let partnerOrganizationId: string;
let programmeId: string;

beforeAll(async () => {
  t = await createTestApp();
  ownOrganizationId = (await buildOrganization(t.database.db, { name: 'Own Org' })).id;
  partnerOrganizationId = (await buildOrganization(t.database.db, { name: 'Partner Org' })).id;
  const outsiderOrganizationId = (await buildOrganization(t.database.db, { name: 'Outsider Org' })).id;
  own = await login(t.app, (await buildUser(t.database.db, { organizationId: ownOrganizationId })).email, TEST_PASSWORD);
  partner = await login(t.app, (await buildUser(t.database.db, { organizationId: partnerOrganizationId })).email, TEST_PASSWORD);
  outsider = await login(t.app, (await buildUser(t.database.db, { organizationId: outsiderOrganizationId })).email, TEST_PASSWORD);
  programmeId = (await buildProgramme(t.database.db, { title: 'Shared work', members: [{ organizationId: ownOrganizationId, role: 'lead' }, { organizationId: partnerOrganizationId, role: 'partner' }] })).id;
});
afterAll(async () => t?.close());

describe('stakeholder feedback', () => {
  const ids: Record<string, string> = {};

  it('records feedback with a stakeholder and follow-up, and summarises it by quarter', async () => {
    const stakeholder = await t.app.inject({ method: 'POST', url: '/api/stakeholders', headers: own.headers(), payload: { name: 'Women farmers of Kaya', kind: 'beneficiary-group' } });
    expect(stakeholder.statusCode).toBe(201);
    const records = [
      { key: 'private', receivedOn: '2025-01-15', sentiment: -2, shared: false, programmeId: null },
      { key: 'shared', receivedOn: '2025-02-20', sentiment: 1, shared: true, programmeId },
      { key: 'unlinked-shared', receivedOn: '2025-04-02', sentiment: 2, shared: true, programmeId: null },
    ];
    for (const record of records) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/feedback',
        headers: own.headers(),
        payload: { stakeholderId: stakeholder.json().id, source: 'Community meeting', channel: 'meeting', receivedOn: record.receivedOn, topic: 'Water point repairs', sentiment: record.sentiment, shared: record.shared, programmeId: record.programmeId, followUp: 'Explain the repair plan', followUpStatus: 'open' },
      });
      expect(response.statusCode).toBe(201);
      ids[record.key] = response.json().id;
    }
    const list = await t.app.inject({ method: 'GET', url: '/api/feedback', headers: own.headers() });
    expect(list.json().items).toHaveLength(3);
    expect(list.json().summary).toEqual([
      { quarter: '2025-Q1', records: 2, meanSentiment: -0.5, positive: 1, negative: 1, openFollowUps: 2 },
      { quarter: '2025-Q2', records: 1, meanSentiment: 2, positive: 1, negative: 0, openFollowUps: 1 },
    ]);
    const done = await t.app.inject({ method: 'PATCH', url: `/api/feedback/${ids.private}`, headers: own.headers(), payload: { version: 1, followUpStatus: 'done', followUp: 'Met the committee' } });
    expect(done.json()).toMatchObject({ followUpStatus: 'done', version: 2 });
  });

  it('never shows private feedback to another organization; shared programme feedback only to its members', async () => {
    const partnerOwn = await t.app.inject({ method: 'GET', url: '/api/feedback', headers: partner.headers() });
    expect(partnerOwn.json().items).toEqual([]);
    const partnerProgramme = await t.app.inject({ method: 'GET', url: `/api/feedback?programmeId=${programmeId}`, headers: partner.headers() });
    expect(partnerProgramme.json().items.map((item: { id: string }) => item.id)).toEqual([ids.shared]);
    expect(partnerProgramme.json().items[0].mine).toBe(false);
    for (const key of ['private', 'unlinked-shared']) {
      expect((await t.app.inject({ method: 'GET', url: `/api/feedback/${ids[key]}`, headers: partner.headers() })).statusCode, key).toBe(404);
    }
    expect((await t.app.inject({ method: 'PATCH', url: `/api/feedback/${ids.shared}`, headers: partner.headers(), payload: { version: 1, sentiment: -2 } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/feedback/${ids.shared}`, headers: outsider.headers() })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/feedback?programmeId=${programmeId}`, headers: outsider.headers() })).statusCode).toBe(404);
  });

  it('refuses bad input naming the field, and links only to own programmes and stakeholders', async () => {
    const bad = await t.app.inject({ method: 'POST', url: '/api/feedback', headers: outsider.headers(), payload: { source: 'x', channel: 'meeting', receivedOn: '2025-01-01', topic: 'x', sentiment: 3 } });
    expect(bad.json().error.details[0].pointer).toBe('/sentiment');
    const foreign = await t.app.inject({ method: 'POST', url: '/api/feedback', headers: outsider.headers(), payload: { source: 'x', channel: 'meeting', receivedOn: '2025-01-01', topic: 'x', sentiment: 0, programmeId } });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details[0].pointer).toBe('/programmeId');
  });

  it('summarises quarters in date order (pure)', () => {
    expect(summariseByQuarter([{ receivedOn: '2024-12-31', sentiment: 0, followUpStatus: 'none' }, { receivedOn: '2024-10-01', sentiment: -1, followUpStatus: 'in-progress' }])).toEqual([
      { quarter: '2024-Q4', records: 2, meanSentiment: -0.5, positive: 0, negative: 1, openFollowUps: 1 },
    ]);
  });
});

describe('development over time', () => {
  it('shows what the organization learned and shared, from whom, and its capacity trend', async () => {
    await t.database.db.insert(learningExchanges).values([
      { programmeId, date: '2025-03-01', fromOrganizationId: partnerOrganizationId, toOrganizationId: ownOrganizationId, topic: 'Community mobilisation' },
      { programmeId, date: '2025-04-01', fromOrganizationId: ownOrganizationId, toOrganizationId: partnerOrganizationId, topic: 'Financial reporting' },
    ]);
    await buildCapacityAssessment(t.database.db, { organizationId: ownOrganizationId, assessedOrganizationId: ownOrganizationId, assessedOn: '2025-01-10', ratings: { finance: { 'finance-1': 2 } } });
    const response = await t.app.inject({ method: 'GET', url: '/api/development', headers: own.headers() });
    expect(response.statusCode).toBe(200);
    expect(response.json().learning.map((row: { direction: string; counterpart: { name: string } }) => [row.direction, row.counterpart.name])).toEqual([
      ['shared', 'Partner Org'],
      ['learned', 'Partner Org'],
    ]);
    const outsiderView = await t.app.inject({ method: 'GET', url: '/api/development', headers: outsider.headers() });
    expect(outsiderView.json().learning).toEqual([]);
  });
});

describe('stakeholder editing', () => {
  it('changes one of its own stakeholders with the version it read, and refuses a stale version', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/stakeholders', headers: own.headers(), payload: { name: 'Radio Kaya', kind: 'media' } });
    expect(created.json()).toMatchObject({ name: 'Radio Kaya', version: 1 });
    const id = created.json().id as string;
    const changed = await t.app.inject({ method: 'PATCH', url: `/api/stakeholders/${id}`, headers: own.headers(), payload: { version: 1, name: 'Radio Kaya FM', kind: 'media', notes: 'Weekly programme', linkedOrganizationId: partnerOrganizationId } });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toEqual({ id, name: 'Radio Kaya FM', kind: 'media', notes: 'Weekly programme', linkedOrganizationId: partnerOrganizationId, version: 2 });
    const stale = await t.app.inject({ method: 'PATCH', url: `/api/stakeholders/${id}`, headers: own.headers(), payload: { version: 1, name: 'Lost change' } });
    expect(stale.statusCode).toBe(409);
    const cleared = await t.app.inject({ method: 'PATCH', url: `/api/stakeholders/${id}`, headers: own.headers(), payload: { version: 2, notes: null, linkedOrganizationId: null } });
    expect(cleared.json()).toMatchObject({ name: 'Radio Kaya FM', notes: null, linkedOrganizationId: null, version: 3 });
    const list = await t.app.inject({ method: 'GET', url: '/api/stakeholders', headers: own.headers() });
    expect(list.json().items.find((item: { id: string }) => item.id === id)).toMatchObject({ name: 'Radio Kaya FM', version: 3 });
  });

  it("answers 404 for another organization's stakeholder and changes nothing", async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/stakeholders', headers: own.headers(), payload: { name: 'Kept private', kind: 'donor' } });
    const id = created.json().id as string;
    for (const session of [partner, outsider]) {
      const response = await t.app.inject({ method: 'PATCH', url: `/api/stakeholders/${id}`, headers: session.headers(), payload: { version: 1, name: 'Taken over' } });
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toContain('Kept private');
    }
    const list = await t.app.inject({ method: 'GET', url: '/api/stakeholders', headers: own.headers() });
    expect(list.json().items.find((item: { id: string }) => item.id === id)).toMatchObject({ name: 'Kept private', version: 1 });
  });

  it('refuses bad input by field: unknown fields, an empty name, an organization not in the registry', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/stakeholders', headers: own.headers(), payload: { name: 'Checked', kind: 'authority' } });
    const id = created.json().id as string;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ version: 1, colour: 'red' }, ''],
      [{ version: 1, name: '  ' }, '/name'],
      [{ version: 1, linkedOrganizationId: '00000000-0000-4000-8000-000000000000' }, '/linkedOrganizationId'],
      [{ name: 'No version' }, '/version'],
    ];
    for (const [payload, pointer] of cases) {
      const response = await t.app.inject({ method: 'PATCH', url: `/api/stakeholders/${id}`, headers: own.headers(), payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      if (pointer) expect(response.json().error.details.map((detail: { pointer: string }) => detail.pointer)).toContain(pointer);
    }
    const unknownOnCreate = await t.app.inject({ method: 'POST', url: '/api/stakeholders', headers: own.headers(), payload: { name: 'Linked', kind: 'authority', linkedOrganizationId: '00000000-0000-4000-8000-000000000000' } });
    expect(unknownOnCreate.statusCode).toBe(400);
    const list = await t.app.inject({ method: 'GET', url: '/api/stakeholders', headers: own.headers() });
    expect(list.json().items.find((item: { id: string }) => item.id === id)).toMatchObject({ name: 'Checked', version: 1 });
  });
});

describe('feedback a page at a time', () => {
  it('pages through every record newest first, with the summary of all of them on each page', async () => {
    const db = t.database.db;
    const organizationId = (await buildOrganization(db, { name: 'Busy Org' })).id;
    const session = await login(t.app, (await buildUser(db, { organizationId })).email, TEST_PASSWORD);
    const { feedbackRecords } = await import('../../db/schema/index.js');
    // 130 records over three quarters, several on the same day (the cursor must break ties by id).
    const rows = Array.from({ length: 130 }, (_, index) => ({
      organizationId,
      source: `Source ${index}`,
      channel: 'meeting' as const,
      receivedOn: `2025-0${1 + (index % 9)}-${String(1 + (index % 3)).padStart(2, '0')}`,
      topic: `Topic ${index}`,
      sentiment: (index % 5) - 2,
      followUpStatus: index % 4 === 0 ? ('open' as const) : ('none' as const),
    }));
    await db.insert(feedbackRecords).values(rows);
    const seen: Array<{ id: string; receivedOn: string }> = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `limit=40${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const response = await t.app.inject({ method: 'GET', url: `/api/feedback?${query}`, headers: session.headers() });
      expect(response.statusCode).toBe(200);
      const page = response.json() as { items: Array<{ id: string; receivedOn: string }>; nextCursor: string | null; summary: unknown };
      expect(page.summary).toEqual(summariseByQuarter(rows));
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(4);
    expect(new Set(seen.map((item) => item.id)).size).toBe(130);
    const dates = seen.map((item) => item.receivedOn);
    expect(dates).toEqual([...dates].sort().reverse());
    const refused = await t.app.inject({ method: 'GET', url: '/api/feedback?cursor=not-a-cursor', headers: session.headers() });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0].pointer).toBe('/cursor');
  });
});
