import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { buildLogProgramme, type ErrorBody, type LogFixture } from './test-helpers.js';

type Decision = {
  id: string;
  version: number;
  canEdit: boolean;
  involvement: Array<{ organizationId: string; level: number | null; desired: number | null }>;
  contests: Array<{ id: string; organizationId: string; contestedLevel: number | null; comment: string; withdrawnAt: string | null }>;
};

let t: TestApp;
let f: LogFixture;

beforeAll(async () => {
  t = await createTestApp();
  f = await buildLogProgramme(t);
});
afterAll(async () => t.close());

const decisionBody = () => ({
  date: '2025-03-10',
  title: 'Water committees choose the pump sites',
  scope: 'local',
  locality: 'Kaya',
  topic: 'plan',
  involvement: [
    { organizationId: f.organizations.lead.id, level: 2 },
    { organizationId: f.organizations.partnerA.id, level: 4 },
    { organizationId: f.organizations.partnerB.id, level: 1 },
  ],
});

describe('decisions', () => {
  it('records a decision with each organization\'s involvement', async () => {
    const response = await f.call(f.sessions.alpha, 'POST', '/decisions', decisionBody());
    expect(response.statusCode).toBe(201);
    const decision = response.json() as Decision & { recordedByOrganizationId: string; locality: string };
    expect(decision.recordedByOrganizationId).toBe(f.organizations.partnerA.id);
    expect(decision.locality).toBe('Kaya');
    expect(decision.involvement).toContainEqual({ organizationId: f.organizations.partnerA.id, level: 4, desired: null });
  });

  it('refuses an involvement level outside 0..4, naming the field, and stores nothing', async () => {
    const before = ((await f.call(f.sessions.alpha, 'GET', '/decisions?limit=100')).json() as { items: unknown[] }).items.length;
    const body = decisionBody();
    body.involvement[1]!.level = 5;
    const response = await f.call(f.sessions.alpha, 'POST', '/decisions', body);
    expect(response.statusCode).toBe(400);
    expect((response.json() as ErrorBody).error.details![0]!.pointer).toBe('/involvement/1/level');
    body.involvement[1]!.level = -1;
    expect(((await f.call(f.sessions.alpha, 'POST', '/decisions', body)).json() as ErrorBody).error.details![0]!.pointer).toBe('/involvement/1/level');
    const after = ((await f.call(f.sessions.alpha, 'GET', '/decisions?limit=100')).json() as { items: unknown[] }).items.length;
    expect(after).toBe(before);
  });

  it('refuses a non-member organization in the involvement grid, naming it', async () => {
    const body = decisionBody();
    body.involvement.push({ organizationId: f.organizations.outsider.id, level: 1 });
    const response = await f.call(f.sessions.alpha, 'POST', '/decisions', body);
    expect(response.statusCode).toBe(400);
    const detail = (response.json() as ErrorBody).error.details![0]!;
    expect(detail.pointer).toBe('/involvement/3/organizationId');
    expect(detail.message).toMatch(/not a member/);
  });

  it('refuses a decision dated outside the programme, naming /date', async () => {
    for (const date of ['2024-12-31', '2028-01-01']) {
      const response = await f.call(f.sessions.alpha, 'POST', '/decisions', { ...decisionBody(), date });
      expect(response.statusCode).toBe(400);
      expect((response.json() as ErrorBody).error.details![0]!.pointer).toBe('/date');
    }
  });

  it('needs a locality for a local decision', async () => {
    const { locality: _locality, ...body } = decisionBody();
    const response = await f.call(f.sessions.alpha, 'POST', '/decisions', body);
    expect(response.statusCode).toBe(400);
    expect((response.json() as ErrorBody).error.details![0]!.pointer).toBe('/locality');
  });

  it('lets each organization record the involvement it wanted, and contest its own level; re-recording keeps both', async () => {
    const created = (await f.call(f.sessions.alpha, 'POST', '/decisions', decisionBody())).json() as Decision;
    const desired = await f.call(f.sessions.beta, 'PUT', `/decisions/${created.id}/desired`, { level: 3 });
    expect(desired.statusCode).toBe(200);
    const contested = await f.call(f.sessions.beta, 'POST', `/decisions/${created.id}/contests`, { comment: 'We were only told afterwards, not consulted', claimedLevel: 0 });
    expect(contested.statusCode).toBe(201);

    // Every member sees the contest, the lead included.
    const seen = (await f.call(f.sessions.leadMember, 'GET', `/decisions/${created.id}`)).json() as Decision;
    expect(seen.contests).toHaveLength(1);
    expect(seen.contests[0]).toMatchObject({ organizationId: f.organizations.partnerB.id, contestedLevel: 1, comment: 'We were only told afterwards, not consulted' });
    expect(seen.involvement).toContainEqual({ organizationId: f.organizations.partnerB.id, level: 1, desired: 3 });

    // The recorder re-records the involvement: the contest and the desired level stay.
    const body = decisionBody();
    body.involvement[2]!.level = 2;
    const updated = await f.call(f.sessions.alpha, 'PATCH', `/decisions/${created.id}`, { version: created.version, involvement: body.involvement });
    expect(updated.statusCode).toBe(200);
    const after = updated.json() as Decision;
    expect(after.contests).toHaveLength(1);
    expect(after.involvement).toContainEqual({ organizationId: f.organizations.partnerB.id, level: 2, desired: 3 });

    // A second contest adds to the history; withdrawing one stamps it and keeps it.
    await f.call(f.sessions.beta, 'POST', `/decisions/${created.id}/contests`, { comment: 'Still only consulted' });
    const withdrawn = await f.call(f.sessions.beta, 'POST', `/decisions/${created.id}/contests/${after.contests[0]!.id}/withdraw`);
    expect(withdrawn.statusCode).toBe(200);
    const history = (withdrawn.json() as Decision).contests;
    expect(history).toHaveLength(2);
    expect(history[0]!.withdrawnAt).not.toBeNull();
    expect(history[1]).toMatchObject({ contestedLevel: 2, withdrawnAt: null });
  });

  it('keeps desired levels and contests to their own organization, managers included', async () => {
    const created = (await f.call(f.sessions.alpha, 'POST', '/decisions', decisionBody())).json() as Decision;
    const contest = ((await f.call(f.sessions.beta, 'POST', `/decisions/${created.id}/contests`, { comment: 'Not asked' })).json() as Decision).contests[0]!;
    // Nobody else withdraws Beta's contest, not even a manager; and there is no route that edits a contest's text.
    expect((await f.call(f.sessions.manager, 'POST', `/decisions/${created.id}/contests/${contest.id}/withdraw`)).statusCode).toBe(403);
    expect((await f.call(f.sessions.alpha, 'POST', `/decisions/${created.id}/contests/${contest.id}/withdraw`)).statusCode).toBe(403);
    // Desired levels are set for the actor's own organization only: Alpha's call leaves Beta's alone.
    await f.call(f.sessions.beta, 'PUT', `/decisions/${created.id}/desired`, { level: 4 });
    await f.call(f.sessions.alpha, 'PUT', `/decisions/${created.id}/desired`, { level: 4 });
    const grid = ((await f.call(f.sessions.alpha, 'GET', `/decisions/${created.id}`)).json() as Decision).involvement;
    expect(grid).toContainEqual({ organizationId: f.organizations.partnerB.id, level: 1, desired: 4 });
    // An observer (donor staff) may not enter one.
    expect((await f.call(f.sessions.observer, 'PUT', `/decisions/${created.id}/desired`, { level: 2 })).statusCode).toBe(403);
    expect((await f.call(f.sessions.observer, 'POST', `/decisions/${created.id}/contests`, { comment: 'x' })).statusCode).toBe(403);
  });

  it('lets only the recording organization or a manager edit a decision', async () => {
    const created = (await f.call(f.sessions.alpha, 'POST', '/decisions', decisionBody())).json() as Decision;
    expect((await f.call(f.sessions.beta, 'PATCH', `/decisions/${created.id}`, { version: 1, title: 'Changed by Beta' })).statusCode).toBe(403);
    expect((await f.call(f.sessions.leadMember, 'PATCH', `/decisions/${created.id}`, { version: 1, title: 'Changed by the lead' })).statusCode).toBe(403);
    expect((await f.call(f.sessions.observer, 'PATCH', `/decisions/${created.id}`, { version: 1, title: 'Changed by the donor' })).statusCode).toBe(403);
    const byColleague = await f.call(f.sessions.alphaColleague, 'PATCH', `/decisions/${created.id}`, { version: 1, title: 'Changed by a colleague' });
    expect(byColleague.statusCode).toBe(200);
    const byManager = await f.call(f.sessions.manager, 'PATCH', `/decisions/${created.id}`, { version: 2, title: 'Changed by the manager' });
    expect(byManager.statusCode).toBe(200);
    expect((await f.call(f.sessions.beta, 'GET', `/decisions/${created.id}`)).json()).toMatchObject({ canEdit: false, title: 'Changed by the manager' });
  });

  it('refuses a stale update with 409 version_conflict and overwrites nothing', async () => {
    const created = (await f.call(f.sessions.alpha, 'POST', '/decisions', decisionBody())).json() as Decision;
    expect((await f.call(f.sessions.alpha, 'PATCH', `/decisions/${created.id}`, { version: 1, title: 'First' })).statusCode).toBe(200);
    const stale = await f.call(f.sessions.alphaColleague, 'PATCH', `/decisions/${created.id}`, { version: 1, title: 'Second' });
    expect(stale.statusCode).toBe(409);
    expect((stale.json() as ErrorBody).error.code).toBe('version_conflict');
    expect((await f.call(f.sessions.alpha, 'GET', `/decisions/${created.id}`)).json()).toMatchObject({ title: 'First', version: 2 });
  });
});

describe('meetings', () => {
  it('records a meeting with chair, attendees, people, minutes and follow-up actions', async () => {
    const response = await f.call(f.sessions.beta, 'POST', '/meetings', {
      date: '2025-02-01',
      kind: 'steering-committee',
      title: 'First steering committee',
      chairOrganizationId: f.organizations.partnerB.id,
      attendeeOrganizationIds: [f.organizations.lead.id, f.organizations.partnerA.id],
      participantUserIds: [f.users.betaUser.id, f.users.alphaUser.id],
      agenda: '1. Work plan\n2. Budget',
      minutes: '## Decisions\n<script>alert(1)</script>',
      actions: [{ description: 'Share the pump survey', ownerOrganizationId: f.organizations.partnerA.id, ownerUserId: f.users.alphaUser.id, dueDate: '2025-03-01' }],
    });
    expect(response.statusCode).toBe(201);
    const meeting = response.json() as { id: string; attendeeOrganizationIds: string[]; actions: Array<{ id: string; status: string; version: number }> };
    expect(meeting.attendeeOrganizationIds.sort()).toEqual([f.organizations.lead.id, f.organizations.partnerA.id, f.organizations.partnerB.id].sort());
    expect(meeting.actions[0]!.status).toBe('open');

    // A decision taken in the meeting is linked both ways.
    const decision = await f.call(f.sessions.beta, 'POST', '/decisions', { ...decisionBody(), meetingId: meeting.id });
    expect(decision.statusCode).toBe(201);
    const detail = (await f.call(f.sessions.alpha, 'GET', `/meetings/${meeting.id}`)).json() as { decisions: Array<{ id: string }>; canEdit: boolean };
    expect(detail.decisions.map((row) => row.id)).toContain((decision.json() as Decision).id);
    expect(detail.canEdit).toBe(false);

    // The owning organization updates its action's status, though it did not record the meeting.
    const action = meeting.actions[0]!;
    const done = await f.call(f.sessions.alpha, 'PATCH', `/meetings/${meeting.id}/actions/${action.id}`, { version: action.version, status: 'done' });
    expect(done.statusCode).toBe(200);
    expect((done.json() as { actions: Array<{ status: string }> }).actions[0]!.status).toBe('done');
  });

  it('refuses a chair, attendee, person or action owner outside the consortium, naming each field', async () => {
    const response = await f.call(f.sessions.beta, 'POST', '/meetings', {
      date: '2025-02-01',
      kind: 'coordination',
      chairOrganizationId: f.organizations.outsider.id,
      attendeeOrganizationIds: [f.organizations.lead.id, f.organizations.outsider.id],
      participantUserIds: [f.users.outsider.id],
      actions: [{ description: 'x', ownerOrganizationId: f.organizations.partnerA.id, ownerUserId: f.users.betaUser.id }],
    });
    expect(response.statusCode).toBe(400);
    const pointers = (response.json() as ErrorBody).error.details!.map((detail) => detail.pointer);
    expect(pointers).toEqual(['/chairOrganizationId', '/attendeeOrganizationIds/1', '/participantUserIds/0', '/actions/0/ownerUserId']);
  });

  it('refuses an unknown meeting kind', async () => {
    const response = await f.call(f.sessions.beta, 'POST', '/meetings', { date: '2025-02-01', kind: 'party', chairOrganizationId: f.organizations.partnerB.id });
    expect(response.statusCode).toBe(400);
    expect((response.json() as ErrorBody).error.details![0]!.pointer).toBe('/kind');
  });
});
