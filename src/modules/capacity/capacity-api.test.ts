import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Session, type TestApp } from '../../../test/support/app.js';
import { buildOrganization, buildProgramme, buildUser, TEST_PASSWORD } from '../../../test/support/factories.js';

let t: TestApp;
let lead: { id: string };
let partner: { id: string };
let leadSession: Session;
let partnerSession: Session;
let programmeId: string;

type Json = Record<string, unknown> & { error?: { code: string; details?: Array<{ pointer: string }> } };

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  lead = await buildOrganization(db, { name: 'Lead' });
  partner = await buildOrganization(db, { name: 'Partner' });
  programmeId = (await buildProgramme(db, { members: [{ organizationId: lead.id, role: 'lead' }, { organizationId: partner.id, role: 'partner' }] })).id;
  leadSession = await login(t.app, (await buildUser(db, { organizationId: lead.id })).email, TEST_PASSWORD);
  partnerSession = await login(t.app, (await buildUser(db, { organizationId: partner.id })).email, TEST_PASSWORD);
});
afterAll(async () => t?.close());

const call = async (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, as: Session, payload?: object) => {
  const response = await t.app.inject({ method, url, headers: as.headers(), ...(payload ? { payload } : {}) });
  return { status: response.statusCode, body: (response.body ? response.json() : {}) as Json };
};

describe('capacity assessments', () => {
  it('serves the domains from content: seven, each with indicators and a 1-4 scale', async () => {
    const { body } = await call('GET', '/api/capacity-assessments/framework', leadSession);
    expect((body.domains as Array<{ key: string }>).map((domain) => domain.key)).toEqual([
      'governance', 'management', 'finance', 'programme-quality', 'monitoring-learning', 'gender-inclusion', 'partnering',
    ]);
    expect((body.scale as { values: number[] }).values).toEqual([1, 2, 3, 4]);
  });

  it('records a self-assessment, scoring each domain as the mean of its rated indicators', async () => {
    const { status, body } = await call('POST', '/api/capacity-assessments', partnerSession, {
      assessedOrganizationId: partner.id,
      assessedOn: '2025-02-01',
      programmeId,
      domains: [
        { key: 'finance', ratings: [{ indicatorKey: 'fin-accounting', rating: 2 }, { indicatorKey: 'fin-controls', rating: 3 }], evidence: 'Audit 2024' },
        { key: 'governance', ratings: [{ indicatorKey: 'gov-legal-status', rating: 4 }] },
      ],
    });
    expect(status).toBe(201);
    expect(body).toMatchObject({ kind: 'self', assessedOn: '2025-02-01', overall: 3.3, domainScores: { finance: 2.5, governance: 4, management: null }, canEdit: true, version: 1 });
    const finance = (body.domains as Array<{ key: string; ratedIndicators: number; evidence: string }>).find((domain) => domain.key === 'finance');
    expect(finance).toMatchObject({ ratedIndicators: 2, evidence: 'Audit 2024' });
  });

  it('lets a partner assess the lead, and refuses unknown domains, indicators and ratings off the scale by field', async () => {
    const ok = await call('POST', '/api/capacity-assessments', partnerSession, { assessedOrganizationId: lead.id, assessedOn: '2025-02-01', domains: [{ key: 'partnering', ratings: [{ indicatorKey: 'pa-shared-power', rating: 2 }] }] });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ kind: 'external', organization: { id: partner.id }, assessedOrganization: { id: lead.id }, domainScores: { partnering: 2 } });
    const badDomain = await call('POST', '/api/capacity-assessments', partnerSession, { assessedOrganizationId: lead.id, assessedOn: '2025-02-01', domains: [{ key: 'charisma', ratings: [] }] });
    expect(badDomain.status).toBe(400);
    expect(badDomain.body.error!.details![0]!.pointer).toBe('/domains/0/key');
    const badIndicator = await call('POST', '/api/capacity-assessments', partnerSession, { assessedOrganizationId: lead.id, assessedOn: '2025-02-01', domains: [{ key: 'finance', ratings: [{ indicatorKey: 'gov-legal-status', rating: 2 }] }] });
    expect(badIndicator.body.error!.details![0]!.pointer).toBe('/domains/0/ratings/0/indicatorKey');
    const badRating = await call('POST', '/api/capacity-assessments', partnerSession, { assessedOrganizationId: lead.id, assessedOn: '2025-02-01', domains: [{ key: 'finance', ratings: [{ indicatorKey: 'fin-accounting', rating: 0 }] }] });
    expect(badRating.body.error!.details![0]!.pointer).toBe('/domains/0/ratings/0/rating');
    const badDate = await call('POST', '/api/capacity-assessments', partnerSession, { assessedOrganizationId: lead.id, assessedOn: '2025-13-01' });
    expect(badDate.body.error!.details![0]!.pointer).toBe('/assessedOn');
  });

  it('answers 409 to an update made on a stale version', async () => {
    const created = await call('POST', '/api/capacity-assessments', leadSession, { assessedOrganizationId: lead.id, assessedOn: '2025-01-01' });
    const url = `/api/capacity-assessments/${created.body.id}`;
    expect((await call('PATCH', url, leadSession, { version: 1, notes: 'First' })).status).toBe(200);
    const stale = await call('PATCH', url, leadSession, { version: 1, notes: 'Second' });
    expect(stale.status).toBe(409);
    expect(stale.body.error!.code).toBe('version_conflict');
  });

  it('shows each domain over time, self-assessments and assessments by others marked', async () => {
    const subject = await buildOrganization(t.database.db);
    const subjectSession = await login(t.app, (await buildUser(t.database.db, { organizationId: subject.id })).email, TEST_PASSWORD);
    for (const [date, rating] of [['2025-06-01', 3], ['2024-06-01', 1]] as const) {
      await call('POST', '/api/capacity-assessments', subjectSession, { assessedOrganizationId: subject.id, assessedOn: date, domains: [{ key: 'management', ratings: [{ indicatorKey: 'mgt-planning', rating }] }] });
    }
    const { status, body } = await call('GET', `/api/organizations/${subject.id}/capacity-trend`, subjectSession);
    expect(status).toBe(200);
    const management = (body.domains as Array<{ key: string; points: Array<{ assessedOn: string; score: number; kind: string }> }>).find((domain) => domain.key === 'management')!;
    expect(management.points.map((point) => [point.assessedOn, point.score, point.kind])).toEqual([['2024-06-01', 1, 'self'], ['2025-06-01', 3, 'self']]);
    expect((await call('GET', '/api/organizations/00000000-0000-4000-8000-000000000000/capacity-trend', subjectSession)).status).toBe(404);
  });

  it('keeps a support plan with owners, due dates and status, and refuses an item without an owner', async () => {
    const created = await call('POST', '/api/capacity-assessments', leadSession, { assessedOrganizationId: partner.id, assessedOn: '2025-03-01' });
    const url = `/api/capacity-assessments/${created.body.id}/support-items`;
    const noOwner = await call('POST', url, leadSession, { description: 'Coaching' });
    expect(noOwner.status).toBe(400);
    expect(noOwner.body.error!.details![0]!.pointer).toBe('/ownerPerson');
    const item = await call('POST', url, leadSession, { description: 'Finance coaching', domainKey: 'finance', ownerOrganizationId: lead.id, ownerPerson: 'Thomas Keller', dueOn: '2025-09-30' });
    expect(item.status).toBe(201);
    expect(item.body).toMatchObject({ ownerOrganization: { id: lead.id, name: 'Lead' }, ownerPerson: 'Thomas Keller', dueOn: '2025-09-30', status: 'planned', subject: { id: partner.id } });
    const done = await call('PATCH', `/api/support-items/${item.body.id}`, leadSession, { version: 1, status: 'done' });
    expect(done.body).toMatchObject({ status: 'done', version: 2 });
    expect((await call('PATCH', `/api/support-items/${item.body.id}`, leadSession, { version: 1, status: 'cancelled' })).status).toBe(409);
    const view = await call('GET', `/api/capacity-assessments/${created.body.id}`, leadSession);
    expect(view.body.supportItems).toEqual([expect.objectContaining({ id: item.body.id, status: 'done' })]);
  });
});
