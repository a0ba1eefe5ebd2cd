import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Session, type TestApp } from '../../../test/support/app.js';
import { buildAppraisal, buildCapacityAssessment, buildOrganization, buildProgramme, buildUser, TEST_PASSWORD } from '../../../test/support/factories.js';

/**
 * Appraisals and capacity assessments are private to the organization that made them: every user
 * of it sees them, nobody else does (404), unless the maker shares them with the organization they
 * are about, which may then read but not change them. Instance administrators get no special sight.
 */
let t: TestApp;
const sessions: Record<'owner' | 'ownerColleague' | 'appraised' | 'third' | 'instanceAdmin', Session> = {} as never;
let owner: { id: string };
let appraised: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  owner = await buildOrganization(db, { name: 'Appraising NGO' });
  appraised = await buildOrganization(db, { name: 'Appraised NGO' });
  const third = await buildOrganization(db, { name: 'Third NGO' });
  const users = {
    owner: await buildUser(db, { organizationId: owner.id }),
    ownerColleague: await buildUser(db, { organizationId: owner.id, role: 'org-admin' }),
    appraised: await buildUser(db, { organizationId: appraised.id, role: 'org-admin' }),
    third: await buildUser(db, { organizationId: third.id, role: 'org-admin' }),
    instanceAdmin: await buildUser(db, { isInstanceAdmin: true, role: 'org-admin' }),
  };
  for (const [key, user] of Object.entries(users)) sessions[key as keyof typeof sessions] = await login(t.app, user.email, TEST_PASSWORD);
});
afterAll(async () => t?.close());

const inject = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, as: Session | null, payload?: object) =>
  t.app.inject({ method, url, ...(as ? { headers: as.headers() } : {}), ...(payload ? { payload } : {}) });
const statusOf = async (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, as: Session | null, payload?: object) => (await inject(method, url, as, payload)).statusCode;
const listIds = async (url: string, as: Session) => ((await inject('GET', url, as)).json() as { items: Array<{ id: string }> }).items.map((item) => item.id);

describe('privacy of appraisals', () => {
  it('lets every user of the appraising organization read and change it', async () => {
    const appraisal = await buildAppraisal(t.database.db, { organizationId: owner.id, candidateOrganizationId: appraised.id });
    expect(await statusOf('GET', `/api/appraisals/${appraisal.id}`, sessions.owner)).toBe(200);
    expect(await statusOf('GET', `/api/appraisals/${appraisal.id}`, sessions.ownerColleague)).toBe(200);
    expect(await statusOf('PATCH', `/api/appraisals/${appraisal.id}`, sessions.ownerColleague, { version: 1, strengths: 'Known locally' })).toBe(200);
    expect(await listIds('/api/appraisals', sessions.owner)).toContain(appraisal.id);
  });

  it('hides an unshared appraisal from the appraised organization, a third organization and instance administrators (404)', async () => {
    const appraisal = await buildAppraisal(t.database.db, { organizationId: owner.id, candidateOrganizationId: appraised.id });
    for (const who of ['appraised', 'third', 'instanceAdmin'] as const) {
      expect(await statusOf('GET', `/api/appraisals/${appraisal.id}`, sessions[who]), who).toBe(404);
      expect(await statusOf('PATCH', `/api/appraisals/${appraisal.id}`, sessions[who], { version: 1, risks: 'x' }), who).toBe(404);
      expect(await statusOf('POST', `/api/appraisals/${appraisal.id}/decision`, sessions[who], { version: 1, decision: 'select', reason: 'x' }), who).toBe(404);
      expect(await statusOf('DELETE', `/api/appraisals/${appraisal.id}`, sessions[who]), who).toBe(404);
      expect(await statusOf('GET', `/api/appraisals/${appraisal.id}/support-items`, sessions[who]), who).toBe(404);
      expect(await listIds('/api/appraisals', sessions[who]), who).not.toContain(appraisal.id);
    }
  });

  it('lets the appraised organization read a shared appraisal, but not change, decide, delete or add to it', async () => {
    const appraisal = await buildAppraisal(t.database.db, { organizationId: owner.id, candidateOrganizationId: appraised.id });
    expect(await statusOf('GET', `/api/appraisals/${appraisal.id}`, sessions.appraised)).toBe(404);
    const shared = await inject('PATCH', `/api/appraisals/${appraisal.id}`, sessions.owner, { version: 1, shared: true });
    expect(shared.json()).toMatchObject({ shared: true });

    const view = await inject('GET', `/api/appraisals/${appraisal.id}`, sessions.appraised);
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({ canEdit: false, shared: true });
    expect(await listIds('/api/appraisals?scope=about-us', sessions.appraised)).toContain(appraisal.id);
    expect(await statusOf('PATCH', `/api/appraisals/${appraisal.id}`, sessions.appraised, { version: 2, risks: 'rewritten' })).toBe(403);
    expect(await statusOf('POST', `/api/appraisals/${appraisal.id}/decision`, sessions.appraised, { version: 2, decision: 'select', reason: 'x' })).toBe(403);
    expect(await statusOf('DELETE', `/api/appraisals/${appraisal.id}`, sessions.appraised)).toBe(403);
    expect(await statusOf('POST', `/api/appraisals/${appraisal.id}/support-items`, sessions.appraised, { description: 'x', ownerPerson: 'Me' })).toBe(403);
    const upload = await t.app.inject({ method: 'POST', url: `/api/appraisals/${appraisal.id}/files?name=a.txt`, headers: sessions.appraised.headers({ 'content-type': 'text/plain' }), payload: 'hello' });
    expect(upload.statusCode).toBe(403);

    // Sharing with the appraised organization reveals nothing to anyone else.
    expect(await statusOf('GET', `/api/appraisals/${appraisal.id}`, sessions.third)).toBe(404);
    expect(await statusOf('GET', `/api/appraisals/${appraisal.id}`, sessions.instanceAdmin)).toBe(404);

    // Withdrawing the sharing hides it again.
    await inject('PATCH', `/api/appraisals/${appraisal.id}`, sessions.owner, { version: 2, shared: false });
    expect(await statusOf('GET', `/api/appraisals/${appraisal.id}`, sessions.appraised)).toBe(404);
  });

  it('guards evidence files like the appraisal they belong to', async () => {
    const appraisal = await buildAppraisal(t.database.db, { organizationId: owner.id, candidateOrganizationId: appraised.id });
    const upload = await t.app.inject({ method: 'POST', url: `/api/appraisals/${appraisal.id}/files?name=notes.txt`, headers: sessions.owner.headers({ 'content-type': 'text/plain' }), payload: 'Visit notes' });
    expect(upload.statusCode).toBe(201);
    const fileUrl = `/api/appraisals/${appraisal.id}/files/${(upload.json() as { id: string }).id}`;
    expect(await statusOf('GET', fileUrl, sessions.ownerColleague)).toBe(200);
    for (const who of ['appraised', 'third', 'instanceAdmin'] as const) expect(await statusOf('GET', fileUrl, sessions[who]), who).toBe(404);
    expect(await statusOf('GET', fileUrl, null)).toBe(401);
    await inject('PATCH', `/api/appraisals/${appraisal.id}`, sessions.owner, { version: 1, shared: true });
    expect(await statusOf('GET', fileUrl, sessions.appraised)).toBe(200);
    expect(await statusOf('DELETE', fileUrl, sessions.appraised)).toBe(403);
    expect(await statusOf('GET', fileUrl, sessions.third)).toBe(404);
  });

  it('keeps the comparison to the appraising organization\'s own appraisals', async () => {
    const db = t.database.db;
    const programme = await buildProgramme(db, { members: [{ organizationId: owner.id, role: 'lead' }, { organizationId: appraised.id, role: 'partner' }] });
    await buildAppraisal(db, { organizationId: owner.id, candidateOrganizationId: appraised.id, programmeId: programme.id, shared: true });
    const asAppraised = await inject('GET', `/api/appraisals/compare?programmeId=${programme.id}`, sessions.appraised);
    expect(asAppraised.statusCode).toBe(200);
    expect((asAppraised.json() as { candidates: unknown[] }).candidates).toEqual([]);
    expect(((await inject('GET', `/api/appraisals/compare?programmeId=${programme.id}`, sessions.owner)).json() as { candidates: unknown[] }).candidates).toHaveLength(1);
  });

  it('answers 401 to anonymous requests on every appraisal and capacity route', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, { tags?: string[] }>> };
    const checked: string[] = [];
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        if (!operation.tags?.some((tag) => tag === 'appraisal' || tag === 'capacity')) continue;
        const url = path.replace('{id}', appraised.id).replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
        const response = await t.app.inject({ method: method.toUpperCase() as 'GET', url, ...(method === 'get' || method === 'delete' ? {} : { payload: {} }) });
        expect(response.statusCode, `${method} ${path}`).toBe(401);
        checked.push(`${method} ${path}`);
      }
    }
    expect(checked.length).toBeGreaterThan(25);
  });

  it('answers 401 to anonymous requests', async () => {
    const appraisal = await buildAppraisal(t.database.db, { organizationId: owner.id, candidateOrganizationId: appraised.id, shared: true });
    expect(await statusOf('GET', `/api/appraisals/${appraisal.id}`, null)).toBe(401);
    expect(await statusOf('GET', '/api/appraisals', null)).toBe(401);
    expect(await statusOf('GET', '/api/appraisal-templates', null)).toBe(401);
    expect(await statusOf('GET', `/api/capacity-assessments`, null)).toBe(401);
    expect(await statusOf('GET', `/api/organizations/${appraised.id}/capacity-trend`, null)).toBe(401);
  });
});

describe('privacy of capacity assessments', () => {
  it('follows the same rules: maker\'s users read and edit, the assessed organization reads once shared, others see nothing', async () => {
    const assessment = await buildCapacityAssessment(t.database.db, { organizationId: owner.id, assessedOrganizationId: appraised.id, assessedOn: '2025-03-01', ratings: { governance: { 'gov-legal-status': 3 } } });
    const url = `/api/capacity-assessments/${assessment.id}`;
    expect(await statusOf('GET', url, sessions.ownerColleague)).toBe(200);
    for (const who of ['appraised', 'third', 'instanceAdmin'] as const) {
      expect(await statusOf('GET', url, sessions[who]), who).toBe(404);
      expect(await statusOf('PATCH', url, sessions[who], { version: 1, notes: 'x' }), who).toBe(404);
      expect(await listIds('/api/capacity-assessments', sessions[who]), who).not.toContain(assessment.id);
    }
    expect(await statusOf('GET', url, null)).toBe(401);

    await inject('PATCH', url, sessions.owner, { version: 1, shared: true });
    expect(await statusOf('GET', url, sessions.appraised)).toBe(200);
    expect(await statusOf('PATCH', url, sessions.appraised, { version: 2, notes: 'x' })).toBe(403);
    expect(await statusOf('DELETE', url, sessions.appraised)).toBe(403);
    expect(await statusOf('GET', url, sessions.third)).toBe(404);
    expect(await statusOf('GET', url, sessions.instanceAdmin)).toBe(404);
  });

  it('builds the trend only from assessments the viewer may read', async () => {
    const db = t.database.db;
    const subject = await buildOrganization(db, { name: 'Trend subject' });
    const subjectUser = await buildUser(db, { organizationId: subject.id });
    const subjectSession = await login(t.app, subjectUser.email, TEST_PASSWORD);
    await buildCapacityAssessment(db, { organizationId: subject.id, assessedOrganizationId: subject.id, assessedOn: '2024-01-10', ratings: { finance: { 'fin-accounting': 2 } } });
    await buildCapacityAssessment(db, { organizationId: owner.id, assessedOrganizationId: subject.id, assessedOn: '2024-06-10', ratings: { finance: { 'fin-accounting': 1 } } });
    await buildCapacityAssessment(db, { organizationId: owner.id, assessedOrganizationId: subject.id, assessedOn: '2025-06-10', ratings: { finance: { 'fin-accounting': 3 } }, shared: true });

    const financeOf = async (as: Session) => {
      const body = (await inject('GET', `/api/organizations/${subject.id}/capacity-trend`, as)).json() as { domains: Array<{ key: string; points: Array<{ assessedOn: string; score: number; kind: string }> }> };
      return body.domains.find((domain) => domain.key === 'finance')!.points.map((point) => [point.assessedOn, point.score, point.kind]);
    };
    expect(await financeOf(subjectSession)).toEqual([['2024-01-10', 2, 'self'], ['2025-06-10', 3, 'external']]);
    expect(await financeOf(sessions.owner)).toEqual([['2024-06-10', 1, 'external'], ['2025-06-10', 3, 'external']]);
    expect(await financeOf(sessions.third)).toEqual([]);
    expect(await financeOf(sessions.instanceAdmin)).toEqual([]);
  });

  it('guards support-plan items like their assessment', async () => {
    const assessment = await buildCapacityAssessment(t.database.db, { organizationId: owner.id, assessedOrganizationId: appraised.id, assessedOn: '2025-05-01' });
    const created = await inject('POST', `/api/capacity-assessments/${assessment.id}/support-items`, sessions.owner, { description: 'Set up an accounting package', ownerOrganizationId: appraised.id, dueOn: '2025-12-31' });
    expect(created.statusCode).toBe(201);
    const itemUrl = `/api/support-items/${(created.json() as { id: string }).id}`;
    expect(await listIds('/api/support-items', sessions.ownerColleague)).toContain((created.json() as { id: string }).id);
    for (const who of ['appraised', 'third', 'instanceAdmin'] as const) {
      expect(await listIds('/api/support-items', sessions[who]), who).not.toContain((created.json() as { id: string }).id);
      expect(await statusOf('PATCH', itemUrl, sessions[who], { version: 1, status: 'done' }), who).toBe(404);
    }
    await inject('PATCH', `/api/capacity-assessments/${assessment.id}`, sessions.owner, { version: 1, shared: true });
    expect(await listIds('/api/support-items', sessions.appraised)).toContain((created.json() as { id: string }).id);
    expect(await statusOf('PATCH', itemUrl, sessions.appraised, { version: 1, status: 'done' })).toBe(403);
    expect(await statusOf('PATCH', itemUrl, sessions.owner, { version: 1, status: 'in-progress' })).toBe(200);
  });
});
