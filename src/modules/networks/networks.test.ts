import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, login, type Session, type TestApp } from '../../../test/support/app.js';
import { buildOrganization, buildUser, TEST_PASSWORD } from '../../../test/support/factories.js';
import { relationships } from '../../db/schema/index.js';

let t: TestApp;
const sessions: Record<string, Session> = {};
const orgs: Record<string, string> = {};
let networkId: string;

async function as(key: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) {
  return t.app.inject({ method, url, headers: sessions[key]!.headers(), ...(payload === undefined ? {} : { payload: payload as object }) });
}

beforeAll(async () => {
  t = await createTestApp();
  for (const key of ['network', 'drafter', 'signer', 'decliner', 'competitor', 'outsider']) {
    orgs[key] = (await buildOrganization(t.database.db, { name: `${key} organization` })).id;
    const user = await buildUser(t.database.db, { organizationId: orgs[key], role: 'org-admin' });
    sessions[key] = await login(t.app, user.email, TEST_PASSWORD);
  }
});
afterAll(async () => t?.close());

describe('networks and memberships', () => {
  it("lets the network's own users mark it and add members, competitors included, with roles and dates", async () => {
    const marked = await as('network', 'POST', '/api/networks', { organizationId: orgs.network, kind: 'association', description: 'Water NGOs of the region' });
    expect(marked.statusCode).toBe(201);
    networkId = marked.json().id;
    for (const [key, role] of [['drafter', 'secretariat'], ['signer', 'founding-member'], ['competitor', 'member']] as const) {
      const added = await as('network', 'POST', `/api/networks/${networkId}/members`, { organizationId: orgs[key], role, joinedOn: '2024-03-01' });
      expect(added.statusCode).toBe(201);
    }
    const detail = await as('outsider', 'GET', `/api/networks/${networkId}`);
    expect(detail.json()).toMatchObject({ kind: 'association', members: 3, canManage: false });
    const memberships = await as('outsider', 'GET', `/api/organizations/${orgs.competitor}/memberships`);
    expect(memberships.json().items).toEqual([expect.objectContaining({ role: 'member', joinedOn: '2024-03-01', current: true, network: expect.objectContaining({ id: networkId }) })]);
    const [tie] = await t.database.db
      .select()
      .from(relationships)
      .where(and(eq(relationships.sourceOrganizationId, orgs.competitor!), eq(relationships.targetOrganizationId, orgs.network!), eq(relationships.type, 'member-of')));
    expect(tie).toBeDefined();
  });

  it('lets the secretariat manage members, refuses everyone else, and refuses bad dates naming the field', async () => {
    const byOutsider = await as('outsider', 'POST', `/api/networks/${networkId}/members`, { organizationId: orgs.outsider });
    expect(byOutsider.statusCode).toBe(403);
    const markOther = await as('outsider', 'POST', '/api/networks', { organizationId: orgs.signer, kind: 'network' });
    expect(markOther.statusCode).toBe(403);
    const bySecretariat = await as('drafter', 'POST', `/api/networks/${networkId}/members`, { organizationId: orgs.decliner, role: 'observer', joinedOn: '2024-05-01', leftOn: '2024-01-01' });
    expect(bySecretariat.statusCode).toBe(400);
    expect(bySecretariat.json().error.details[0].pointer).toBe('/leftOn');
    const ok = await as('drafter', 'POST', `/api/networks/${networkId}/members`, { organizationId: orgs.decliner, role: 'observer' });
    expect(ok.statusCode).toBe(201);
    const ended = await as('drafter', 'PATCH', `/api/networks/${networkId}/members/${ok.json().id}`, { version: 1, leftOn: '2020-01-01' });
    expect(ended.json()).toMatchObject({ current: false, leftOn: '2020-01-01' });
  });
});

describe('joint statements', () => {
  let statementId: string;

  it('keeps a draft from organizations outside it', async () => {
    const created = await as('drafter', 'POST', '/api/statements', {
      networkId,
      title: 'Water is not a bargaining chip',
      body: 'We, the undersigned, call on all parties to protect water points.',
      invite: [orgs.signer, orgs.decliner, orgs.competitor],
    });
    expect(created.statusCode).toBe(201);
    statementId = created.json().id;
    expect(created.json().invitations).toHaveLength(4);
    expect((await as('outsider', 'GET', `/api/statements/${statementId}`)).statusCode).toBe(404);
    expect((await as('outsider', 'GET', '/api/statements')).json().items).toEqual([]);
    expect((await as('outsider', 'POST', `/api/statements/${statementId}/response`, { answer: 'signed', version: 1 })).statusCode).toBe(404);
  });

  it('refuses to publish without a sign-off, and only the drafter or secretariat publishes', async () => {
    const early = await as('drafter', 'POST', `/api/statements/${statementId}/publish`, { version: 1 });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('at least one sign-off');
    const declined = await as('decliner', 'POST', `/api/statements/${statementId}/response`, { answer: 'declined', version: 1, comment: 'Not our mandate' });
    expect(declined.statusCode).toBe(200);
    expect((await as('drafter', 'POST', `/api/statements/${statementId}/publish`, { version: 1 })).statusCode).toBe(409);
    await as('signer', 'POST', `/api/statements/${statementId}/response`, { answer: 'signed', version: 1 });
    expect((await as('signer', 'POST', `/api/statements/${statementId}/publish`, { version: 1 })).statusCode).toBe(403);
  });

  it('lets each organization answer only for itself, through its own users', async () => {
    const colleague = await buildUser(t.database.db, { organizationId: orgs.competitor });
    const competitorColleague = await login(t.app, colleague.email, TEST_PASSWORD);
    const signed = await t.app.inject({ method: 'POST', url: `/api/statements/${statementId}/response`, headers: competitorColleague.headers(), payload: { answer: 'signed', version: 1 } });
    expect(signed.statusCode).toBe(200);
    const invitations = signed.json().invitations as Array<{ organizationId: string; status: string }>;
    expect(invitations.find((row) => row.organizationId === orgs.competitor)!.status).toBe('signed');
    expect(invitations.find((row) => row.organizationId === orgs.signer)!.status).toBe('signed');
    expect(invitations.find((row) => row.organizationId === orgs.drafter)!.status).toBe('invited');
  });

  it('asks for sign-offs again when the text changes; declines stay', async () => {
    const before = await as('signer', 'GET', `/api/statements/${statementId}`);
    const revised = await as('signer', 'POST', `/api/statements/${statementId}/versions`, { version: before.json().version, title: 'Water is not a bargaining chip', body: 'We, the undersigned, call on all parties to protect and repair water points.' });
    expect(revised.statusCode).toBe(200);
    expect(revised.json()).toMatchObject({ textVersion: 2, signatories: [] });
    const statuses = Object.fromEntries((revised.json().invitations as Array<{ organizationId: string; status: string }>).map((row) => [row.organizationId, row.status]));
    expect(statuses[orgs.signer!]).toBe('invited');
    expect(statuses[orgs.decliner!]).toBe('declined');
    const stale = await as('signer', 'POST', `/api/statements/${statementId}/response`, { answer: 'signed', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect((await as('decliner', 'POST', `/api/statements/${statementId}/versions`, { version: revised.json().version, title: 'x', body: 'y' })).statusCode).toBe(403);
  });

  it('publishes the text with the organizations that signed it, never one that declined', async () => {
    await as('signer', 'POST', `/api/statements/${statementId}/response`, { answer: 'signed', version: 2 });
    await as('competitor', 'POST', `/api/statements/${statementId}/response`, { answer: 'signed', version: 2 });
    const current = await as('drafter', 'GET', `/api/statements/${statementId}`);
    const published = await as('drafter', 'POST', `/api/statements/${statementId}/publish`, { version: current.json().version });
    expect(published.statusCode).toBe(200);
    expect(published.json().status).toBe('published');
    expect(published.json().publishedAt).not.toBeNull();
    const outside = await as('outsider', 'GET', `/api/statements/${statementId}`);
    expect(outside.statusCode).toBe(200);
    expect(outside.json().invitations).toBeNull();
    expect(outside.json().body).toContain('repair water points');
    expect((outside.json().signatories as Array<{ organizationId: string }>).map((row) => row.organizationId).sort()).toEqual([orgs.competitor, orgs.signer].sort());
    expect(JSON.stringify(outside.json())).not.toContain(orgs.decliner);
    const list = await as('outsider', 'GET', '/api/statements');
    expect(list.json().items[0]).toMatchObject({ status: 'published', signed: 2, declined: 0, invited: 0 });
    const versions = await as('outsider', 'GET', `/api/statements/${statementId}/versions`);
    expect(versions.json().items.map((row: { number: number }) => row.number)).toEqual([2]);
    expect((await as('decliner', 'POST', `/api/statements/${statementId}/response`, { answer: 'signed', version: 2 })).statusCode).toBe(403);
  });
});
