import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, TEST_PASSWORD } from '../../../test/support/factories.js';
import { login, sessionFrom } from '../../../test/support/app.js';
import { buildConsortiumFixture, call, type ConsortiumFixture } from './test-fixture.js';

let fixture: ConsortiumFixture;
beforeAll(async () => {
  fixture = await buildConsortiumFixture();
});
afterAll(async () => fixture.test.close());

describe('creating and reading a programme', () => {
  it('makes the creator its manager and their organization its lead', async () => {
    const { app, sessions, organizations } = fixture;
    const response = await call(app, sessions.partner, 'POST', '/api/programmes', {
      ref: 'NEW-1',
      title: 'Water committees',
      startDate: '2026-01-01',
      endDate: '2027-06-30',
      countries: ['BF'],
      localities: ['Kaya'],
      sectors: ['14030'],
      donors: ['Example Fund'],
      logframe: { overallObjective: 'Safe water', specificObjectives: [{ text: 'Committees run water points', results: [{ text: 'Committees trained', indicators: [{ text: 'Number of committees', target: '40' }], activities: ['Training'] }] }] },
    });
    expect(response.statusCode).toBe(201);
    const programme = response.json();
    expect(programme).toMatchObject({ ref: 'NEW-1', status: 'identification', budgetTransparent: true, localities: ['Kaya'], lead: { id: organizations.partner.id }, version: 1 });
    expect(programme.me).toMatchObject({ userRole: 'manager', consortiumRole: 'lead', canManage: true });
    expect(programme.logframe.specificObjectives[0].results[0].indicators[0].target).toBe('40');

    const members = (await call(app, sessions.partner, 'GET', `/api/programmes/${programme.id}/members`)).json();
    expect(members.items).toHaveLength(1);
    expect(members.items[0]).toMatchObject({ role: 'lead', iatiRole: 2, organization: { id: organizations.partner.id } });
  });

  it('lets the creator name another lead, or none', async () => {
    const { app, sessions, organizations } = fixture;
    const response = await call(app, sessions.manager, 'POST', '/api/programmes', { ref: 'NEW-2', title: 'Led by the partner', leadOrganizationId: organizations.partner.id });
    expect(response.statusCode).toBe(201);
    expect(response.json().lead.id).toBe(organizations.partner.id);
    const none = await call(app, sessions.manager, 'POST', '/api/programmes', { ref: 'NEW-3', title: 'No lead yet', leadOrganizationId: null });
    expect(none.json().lead).toBeNull();
    expect(none.json().me.userRole).toBe('manager');
  });

  it('refuses a used reference, bad dates and unknown fields', async () => {
    const { app, sessions, programme } = fixture;
    const used = await call(app, sessions.manager, 'POST', '/api/programmes', { ref: programme.ref, title: 'Again' });
    expect(used.statusCode).toBe(409);
    const dates = await call(app, sessions.manager, 'POST', '/api/programmes', { ref: 'D-1', title: 'Backwards', startDate: '2026-01-01', endDate: '2025-01-01' });
    expect(dates.statusCode).toBe(400);
    expect(dates.json().error.details[0].pointer).toBe('/endDate');
    const unknown = await call(app, sessions.manager, 'POST', '/api/programmes', { ref: 'D-2', title: 'x', colour: 'blue' });
    expect(unknown.statusCode).toBe(400);
  });
});

describe('updating with optimistic concurrency', () => {
  it('applies an update on the current version and refuses a stale one with 409, overwriting nothing', async () => {
    const { app, sessions, programme } = fixture;
    const current = (await call(app, sessions.manager, 'GET', `/api/programmes/${programme.id}`)).json();
    const first = await call(app, sessions.manager, 'PATCH', `/api/programmes/${programme.id}`, { version: current.version, summary: 'First summary' });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(current.version + 1);
    const stale = await call(app, sessions.manager, 'PATCH', `/api/programmes/${programme.id}`, { version: current.version, summary: 'Stale summary' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    const after = (await call(app, sessions.manager, 'GET', `/api/programmes/${programme.id}`)).json();
    expect(after.summary).toBe('First summary');
  });

  it('turns budget transparency off and on', async () => {
    const { app, sessions, programme } = fixture;
    const current = (await call(app, sessions.manager, 'GET', `/api/programmes/${programme.id}`)).json();
    const off = await call(app, sessions.manager, 'PATCH', `/api/programmes/${programme.id}`, { version: current.version, budgetTransparent: false });
    expect(off.json().budgetTransparent).toBe(false);
    const on = await call(app, sessions.manager, 'PATCH', `/api/programmes/${programme.id}`, { version: off.json().version, budgetTransparent: true });
    expect(on.json().budgetTransparent).toBe(true);
  });

  it('refuses changes from a partner (only managers change structure)', async () => {
    const { app, sessions, programme } = fixture;
    const response = await call(app, sessions.partner, 'PATCH', `/api/programmes/${programme.id}`, { version: 1, title: 'Taken over' });
    expect(response.statusCode).toBe(403);
  });
});

describe('lifecycle through the API', () => {
  it('moves forward, back, and refuses a jump naming /status', async () => {
    const { app, sessions } = fixture;
    const created = (await call(app, sessions.manager, 'POST', '/api/programmes', { ref: 'LIFE-1', title: 'Lifecycle' })).json();
    const forward = await call(app, sessions.manager, 'POST', `/api/programmes/${created.id}/status`, { version: created.version, status: 'formulation' });
    expect(forward.statusCode).toBe(200);
    expect(forward.json()).toMatchObject({ status: 'formulation', allowedTransitions: ['contracting', 'identification'] });
    const jump = await call(app, sessions.manager, 'POST', `/api/programmes/${created.id}/status`, { version: forward.json().version, status: 'closed' });
    expect(jump.statusCode).toBe(400);
    expect(jump.json().error.details[0].pointer).toBe('/status');
    const back = await call(app, sessions.manager, 'POST', `/api/programmes/${created.id}/status`, { version: forward.json().version, status: 'identification' });
    expect(back.json().status).toBe('identification');
    const stale = await call(app, sessions.manager, 'POST', `/api/programmes/${created.id}/status`, { version: forward.json().version, status: 'formulation' });
    expect(stale.statusCode).toBe(409);
  });
});

describe('consortium', () => {
  it('gives a new member organization access, and ends it when it leaves', async () => {
    const { app, sessions, db, programme } = fixture;
    const newcomer = await buildUser(db);
    const session = await login(app, newcomer.email, TEST_PASSWORD);
    expect((await call(app, session, 'GET', `/api/programmes/${programme.id}`)).statusCode).toBe(404);

    const added = await call(app, sessions.manager, 'POST', `/api/programmes/${programme.id}/members`, { organizationId: newcomer.organizationId, role: 'associate', focalPointUserId: newcomer.id });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ role: 'associate', iatiRole: 4, active: true, focalPoint: { id: newcomer.id } });
    expect((await call(app, session, 'GET', `/api/programmes/${programme.id}`)).json().me.consortiumRole).toBe('associate');

    const twice = await call(app, sessions.manager, 'POST', `/api/programmes/${programme.id}/members`, { organizationId: newcomer.organizationId, role: 'partner' });
    expect(twice.statusCode).toBe(409);

    const today = new Date().toISOString().slice(0, 10);
    const left = await call(app, sessions.manager, 'PATCH', `/api/programmes/${programme.id}/members/${added.json().id}`, { version: added.json().version, leftOn: today, joinedOn: '2020-01-01' });
    expect(left.statusCode).toBe(200);
    expect(left.json().active).toBe(false);
    expect((await call(app, session, 'GET', `/api/programmes/${programme.id}`)).statusCode).toBe(404);
  });

  it('maps a changed role to its IATI role and refuses a focal point from another organization', async () => {
    const { app, sessions, programme, users } = fixture;
    const members = (await call(app, sessions.manager, 'GET', `/api/programmes/${programme.id}/members`)).json().items as Array<{ id: string; role: string; version: number; organization: { name: string } }>;
    const funder = members.find((member) => member.role === 'funder')!;
    expect(members.find((member) => member.role === 'funder')).toMatchObject({ organization: { name: 'Funder Foundation' } });
    const wrong = await call(app, sessions.manager, 'PATCH', `/api/programmes/${programme.id}/members/${funder.id}`, { version: funder.version, focalPointUserId: users.partner.id });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0].pointer).toBe('/focalPointUserId');
  });

  it("invites a partner's colleague and donor staff by one-time links; the observer gets read-only access", async () => {
    const { app, sessions, programme, organizations } = fixture;
    const colleague = await call(app, sessions.manager, 'POST', `/api/programmes/${programme.id}/invitations`, { email: 'new.colleague@partner.example', organizationId: organizations.partner.id, programmeRole: 'member' });
    expect(colleague.statusCode).toBe(201);
    expect(colleague.json().link).toMatch(/\/invite\//);

    const outsiderMember = await call(app, sessions.manager, 'POST', `/api/programmes/${programme.id}/invitations`, { email: 'x@outsider.example', organizationId: organizations.outsider.id, programmeRole: 'member' });
    expect(outsiderMember.statusCode).toBe(400);

    const donorStaff = await call(app, sessions.manager, 'POST', `/api/programmes/${programme.id}/invitations`, { email: 'officer@donor.example', organizationId: organizations.donor.id, programmeRole: 'observer' });
    expect(donorStaff.statusCode).toBe(201);
    const token = donorStaff.json().link.split('/invite/')[1];
    const accepted = await app.inject({ method: 'POST', url: `/api/invitations/${token}/accept`, payload: { name: 'Donor Officer', password: TEST_PASSWORD } });
    expect(accepted.statusCode).toBe(201);
    const observer = sessionFrom(accepted);
    const seen = await call(app, observer, 'GET', `/api/programmes/${programme.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().me).toMatchObject({ userRole: 'observer', canContribute: false, canManage: false });

    const byPartner = await call(app, sessions.partner, 'POST', `/api/programmes/${programme.id}/invitations`, { email: 'y@partner.example', organizationId: organizations.partner.id, programmeRole: 'member' });
    expect(byPartner.statusCode).toBe(403);
  });
});
