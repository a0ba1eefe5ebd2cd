import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConsortiumFixture, call, type ConsortiumFixture } from './test-fixture.js';

let fixture: ConsortiumFixture;
beforeAll(async () => {
  fixture = await buildConsortiumFixture();
});
afterAll(async () => fixture.test.close());

describe('answers of the programme routes', () => {
  it('describes the plan, timeline, RACI, budget and agreement answers in the OpenAPI document', async () => {
    const document = (await fixture.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const described: Array<[string, string, string]> = [
      ['/api/programmes/{id}/plan', 'get', '200'],
      ['/api/programmes/{id}/timeline', 'get', '200'],
      ['/api/programmes/{id}/raci', 'get', '200'],
      ['/api/programmes/{id}/budget', 'get', '200'],
      ['/api/programmes/{id}/agreement', 'get', '200'],
      ['/api/programmes/{id}/agreement', 'patch', '200'],
      ['/api/programmes/{id}/agreement/sign', 'post', '201'],
      ['/api/programmes/{id}/work-packages', 'post', '201'],
      ['/api/programmes/{id}/work-packages/{childId}', 'patch', '200'],
      ['/api/programmes/{id}/activities', 'post', '201'],
      ['/api/programmes/{id}/tasks', 'post', '201'],
      ['/api/programmes/{id}/tasks/{childId}', 'patch', '200'],
      ['/api/programmes/{id}/milestones', 'post', '201'],
      ['/api/programmes/{id}/budget-lines/{childId}', 'patch', '200'],
      ['/api/programmes/{id}/members/{childId}/users', 'get', '200'],
    ];
    for (const [path, method, status] of described) {
      const content = document.paths[path]?.[method]?.responses?.[status]?.content?.['application/json'];
      expect(content?.schema, `${method.toUpperCase()} ${path} ${status}`).toBeDefined();
    }
  });

  it('answers created and changed plan items in their presented shape, not as rows', async () => {
    const { app, sessions, programme, organizations } = fixture;
    const base = `/api/programmes/${programme.id}`;
    const wp = await call(app, sessions.manager, 'POST', `${base}/work-packages`, { code: 'WP9', title: 'Shapes' });
    expect(wp.statusCode).toBe(201);
    expect(Object.keys(wp.json()).sort()).toEqual(['code', 'description', 'id', 'leadOrganizationId', 'position', 'title', 'version']);
    const changed = await call(app, sessions.manager, 'PATCH', `${base}/work-packages/${wp.json().id}`, { version: 1, title: 'Shapes and forms' });
    expect(changed.json()).toMatchObject({ title: 'Shapes and forms', version: 2 });
    expect(changed.json()).not.toHaveProperty('programmeId');
    const activity = (await call(app, sessions.manager, 'POST', `${base}/activities`, { workPackageId: wp.json().id, title: 'Drawing' })).json();
    expect(activity).not.toHaveProperty('createdAt');
    const task = await call(app, sessions.manager, 'POST', `${base}/tasks`, { activityId: activity.id, title: 'Sketch', raci: { [organizations.partner.id]: 'AR' } });
    expect(task.statusCode).toBe(201);
    expect(task.json()).not.toHaveProperty('programmeId');
    expect(task.json()).not.toHaveProperty('position');
    expect(task.json().raci).toEqual({ [organizations.partner.id]: 'AR' });
    const progress = await call(app, sessions.partner, 'PATCH', `${base}/tasks/${task.json().id}`, { version: 1, status: 'in-progress', deliverables: ['Sketchbook'] });
    expect(progress.statusCode).toBe(200);
    expect(progress.json()).toMatchObject({ status: 'in-progress', deliverables: ['Sketchbook'], version: 2, raci: { [organizations.partner.id]: 'AR' } });
    const milestone = (await call(app, sessions.manager, 'POST', `${base}/milestones`, { title: 'Shown', dueDate: '2026-09-01' })).json();
    expect(Object.keys(milestone).sort()).toEqual(['achievedOn', 'dueDate', 'id', 'title', 'version', 'workPackageId']);
  });
});

describe('budget lines of other organizations', () => {
  it('answers 404 to a member changing or deleting another organization’s line, and lets managers do both', async () => {
    const { app, sessions, programme, organizations } = fixture;
    const base = `/api/programmes/${programme.id}`;
    const leadLine = (await call(app, sessions.manager, 'POST', `${base}/budget-lines`, { organizationId: organizations.lead.id, amount: 5_000, category: 'Travel' })).json();
    const change = await call(app, sessions.partner, 'PATCH', `${base}/budget-lines/${leadLine.id}`, { version: leadLine.version, amount: 1 });
    expect(change.statusCode).toBe(404);
    const remove = await call(app, sessions.partner, 'DELETE', `${base}/budget-lines/${leadLine.id}`);
    expect(remove.statusCode).toBe(404);
    const untouched = (await call(app, sessions.manager, 'GET', `${base}/budget`)).json().lines.find((line: { id: string }) => line.id === leadLine.id);
    expect(untouched).toMatchObject({ amount: 5_000, version: 1 });

    const ownLine = (await call(app, sessions.partner, 'POST', `${base}/budget-lines`, { organizationId: organizations.partner.id, amount: 2_000 })).json();
    const own = await call(app, sessions.partner, 'PATCH', `${base}/budget-lines/${ownLine.id}`, { version: ownLine.version, amount: 2_500 });
    expect(own.json()).toMatchObject({ amount: 2_500, version: 2 });
    const stale = await call(app, sessions.partner, 'PATCH', `${base}/budget-lines/${ownLine.id}`, { version: ownLine.version, amount: 3_000 });
    expect(stale.statusCode).toBe(409);
    const byManager = await call(app, sessions.manager, 'DELETE', `${base}/budget-lines/${ownLine.id}`);
    expect(byManager.statusCode).toBe(204);
  });
});

describe("a member organization's users", () => {
  it('lists them for managers choosing a focal point, and to no one else', async () => {
    const { app, sessions, programme, organizations, users } = fixture;
    const base = `/api/programmes/${programme.id}`;
    const members = (await call(app, sessions.manager, 'GET', `${base}/members`)).json().items as Array<{ id: string; organization: { id: string } }>;
    const partnerMember = members.find((member) => member.organization.id === organizations.partner.id)!;
    const list = await call(app, sessions.manager, 'GET', `${base}/members/${partnerMember.id}/users`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([{ id: users.partner.id, name: users.partner.name, email: users.partner.email }]);
    expect((await call(app, sessions.partner, 'GET', `${base}/members/${partnerMember.id}/users`)).statusCode).toBe(403);
    expect((await call(app, sessions.outsider, 'GET', `${base}/members/${partnerMember.id}/users`)).statusCode).toBe(404);
  });
});
