import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConsortiumFixture, call, type ConsortiumFixture } from './test-fixture.js';

let fixture: ConsortiumFixture;
beforeAll(async () => {
  fixture = await buildConsortiumFixture();
});
afterAll(async () => fixture.test.close());

describe('action plan', () => {
  it('builds work packages → activities → tasks with RACI, a timeline and a matrix', async () => {
    const { app, sessions, programme, organizations } = fixture;
    const base = `/api/programmes/${programme.id}`;
    const wp = (await call(app, sessions.manager, 'POST', `${base}/work-packages`, { code: 'WP1', title: 'Water', leadOrganizationId: organizations.partner.id })).json();
    const activity = (await call(app, sessions.manager, 'POST', `${base}/activities`, { workPackageId: wp.id, code: '1.1', title: 'Boreholes' })).json();
    const first = await call(app, sessions.manager, 'POST', `${base}/tasks`, {
      activityId: activity.id,
      title: 'Survey sites',
      locality: 'Kaya',
      startDate: '2026-02-01',
      endDate: '2026-03-15',
      deliverables: ['Site report'],
      raci: { [organizations.partner.id]: 'AR', [organizations.lead.id]: 'C', [organizations.funder.id]: 'I' },
    });
    expect(first.statusCode).toBe(201);
    expect(first.json().ref).toBe('T-1');
    await call(app, sessions.manager, 'POST', `${base}/tasks`, {
      activityId: activity.id,
      title: 'Drill',
      startDate: '2026-04-01',
      endDate: '2026-06-30',
      raci: { [organizations.lead.id]: 'A', [organizations.vendor.id]: 'R' },
    });
    await call(app, sessions.manager, 'POST', `${base}/milestones`, { workPackageId: wp.id, title: 'Water points working', dueDate: '2026-07-01' });

    const tree = (await call(app, sessions.partner, 'GET', `${base}/plan`)).json();
    expect(tree.workPackages[0].activities[0].tasks.map((task: { title: string }) => task.title)).toEqual(['Survey sites', 'Drill']);
    expect(tree.workPackages[0].activities[0].tasks[0].raci[organizations.partner.id]).toBe('AR');
    expect(tree.milestones).toHaveLength(1);

    const timeline = (await call(app, sessions.partner, 'GET', `${base}/timeline`)).json();
    const wpRow = timeline.rows.find((row: { kind: string }) => row.kind === 'work-package');
    expect(wpRow).toMatchObject({ start: '2026-02-01', end: '2026-06-30' });
    expect(timeline.rows.map((row: { kind: string }) => row.kind)).toEqual(['work-package', 'activity', 'task', 'task', 'milestone']);

    const matrix = (await call(app, sessions.partner, 'GET', `${base}/raci`)).json();
    const partner = matrix.organizations.find((row: { id: string }) => row.id === organizations.partner.id);
    expect(partner.counts).toEqual({ R: 1, A: 1, C: 0, I: 0 });
    const lead = matrix.organizations.find((row: { id: string }) => row.id === organizations.lead.id);
    expect(lead.counts).toEqual({ R: 0, A: 1, C: 1, I: 0 });
    expect(matrix.tasks).toHaveLength(2);
  });

  it('refuses a task without exactly one Accountable, naming the field', async () => {
    const { app, sessions, programme, organizations } = fixture;
    const none = await call(app, sessions.manager, 'POST', `/api/programmes/${programme.id}/tasks`, { title: 'Orphan', raci: { [organizations.partner.id]: 'R' } });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.details[0].pointer).toBe('/raci');
    const two = await call(app, sessions.manager, 'POST', `/api/programmes/${programme.id}/tasks`, { title: 'Two bosses', raci: { [organizations.partner.id]: 'A', [organizations.lead.id]: 'AR' } });
    expect(two.statusCode).toBe(400);
    expect(two.json().error.details[0].pointer).toMatch(/^\/raci\//);
    const outsider = await call(app, sessions.manager, 'POST', `/api/programmes/${programme.id}/tasks`, { title: 'Outsider', raci: { [organizations.outsider.id]: 'A' } });
    expect(outsider.statusCode).toBe(400);
    expect(outsider.json().error.details[0].pointer).toBe(`/raci/${organizations.outsider.id}`);
    const bad = await call(app, sessions.manager, 'POST', `/api/programmes/${programme.id}/tasks`, { title: 'Bad letter', raci: { [organizations.partner.id]: 'X' } });
    expect(bad.statusCode).toBe(400);
  });

  it('lets a member add a task it is Accountable for, and not one it only follows', async () => {
    const { app, sessions, programme, organizations } = fixture;
    const own = await call(app, sessions.partner, 'POST', `/api/programmes/${programme.id}/tasks`, { title: 'Our training', locality: 'Kaya', raci: { [organizations.partner.id]: 'A' } });
    expect(own.statusCode).toBe(201);
    const other = await call(app, sessions.partner, 'POST', `/api/programmes/${programme.id}/tasks`, { title: 'Their task', raci: { [organizations.lead.id]: 'A', [organizations.partner.id]: 'I' } });
    expect(other.statusCode).toBe(403);
  });

  it('refuses a stale task update with 409', async () => {
    const { app, sessions, programme, organizations } = fixture;
    const task = (await call(app, sessions.manager, 'POST', `/api/programmes/${programme.id}/tasks`, { title: 'Versioned', raci: { [organizations.lead.id]: 'A' } })).json();
    const first = await call(app, sessions.manager, 'PATCH', `/api/programmes/${programme.id}/tasks/${task.id}`, { version: task.version, title: 'Renamed' });
    expect(first.statusCode).toBe(200);
    const stale = await call(app, sessions.manager, 'PATCH', `/api/programmes/${programme.id}/tasks/${task.id}`, { version: task.version, title: 'Lost' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
  });
});

describe('budget', () => {
  it('totals lines per organization with shares and planned shares', async () => {
    const { app, sessions, programme, organizations } = fixture;
    const base = `/api/programmes/${programme.id}`;
    const members = (await call(app, sessions.manager, 'GET', `${base}/members`)).json().items as Array<{ id: string; version: number; organization: { id: string } }>;
    const leadMember = members.find((member) => member.organization.id === organizations.lead.id)!;
    await call(app, sessions.manager, 'PATCH', `${base}/members/${leadMember.id}`, { version: leadMember.version, plannedShare: 50 });
    await call(app, sessions.manager, 'POST', `${base}/budget-lines`, { organizationId: organizations.lead.id, amount: 600_000, indirectCosts: 42_000, category: 'Staff' });
    await call(app, sessions.partner, 'POST', `${base}/budget-lines`, { organizationId: organizations.partner.id, amount: 300_000, ownContribution: 30_000, category: 'Works' });
    await call(app, sessions.vendor, 'POST', `${base}/budget-lines`, { organizationId: organizations.vendor.id, amount: 100_000, category: 'Drilling' });
    const budget = (await call(app, sessions.partner, 'GET', `${base}/budget`)).json();
    expect(budget.scope).toBe('whole');
    expect(budget.totals).toMatchObject({ total: 1_000_000, indirectCosts: 42_000, ownContribution: 30_000 });
    const lead = budget.totals.organizations.find((row: { organizationId: string }) => row.organizationId === organizations.lead.id);
    expect(lead).toMatchObject({ amount: 600_000, share: 60, plannedShare: 50, shareGap: 10, name: 'Lead NGO' });

    const tooMuch = await call(app, sessions.manager, 'POST', `${base}/budget-lines`, { organizationId: organizations.lead.id, amount: 100, indirectCosts: 200 });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().error.details[0].pointer).toBe('/indirectCosts');
    const negative = await call(app, sessions.manager, 'POST', `${base}/budget-lines`, { organizationId: organizations.lead.id, amount: -5 });
    expect(negative.statusCode).toBe(400);
  });
});

describe('team', () => {
  it('lists people of every member organization with their role and employer', async () => {
    const { app, sessions, programme, organizations, users } = fixture;
    const base = `/api/programmes/${programme.id}`;
    const byUser = await call(app, sessions.partner, 'POST', `${base}/team`, { organizationId: organizations.partner.id, userId: users.partner.id, programmeRole: 'Field coordinator' });
    expect(byUser.statusCode).toBe(201);
    expect(byUser.json()).toMatchObject({ programmeRole: 'Field coordinator', employer: { name: 'Partner Association' } });
    const other = await call(app, sessions.partner, 'POST', `${base}/team`, { organizationId: organizations.lead.id, name: 'Someone', programmeRole: 'x' });
    expect(other.statusCode).toBe(403);
    await call(app, sessions.manager, 'POST', `${base}/team`, { organizationId: organizations.lead.id, name: 'Programme Manager', programmeRole: 'Programme manager' });
    const team = (await call(app, sessions.vendor, 'GET', `${base}/team`)).json();
    expect(team.items.map((row: { name: string }) => row.name).sort()).toEqual([users.partner.name, 'Programme Manager'].sort());
  });
});
