import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConsortiumFixture, call, type ConsortiumFixture } from './test-fixture.js';

let fixture: ConsortiumFixture;
let routes: Array<{ method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; url: string }>;
let taskId: string;

beforeAll(async () => {
  fixture = await buildConsortiumFixture();
  const { app, sessions, programme, organizations } = fixture;
  // Every programme route, read from the OpenAPI document so that a new route cannot be forgotten.
  const document = app.swagger() as { paths: Record<string, Record<string, unknown>> };
  routes = [];
  for (const [path, operations] of Object.entries(document.paths)) {
    if (!path.startsWith('/api/programmes/{id}')) continue;
    for (const method of Object.keys(operations)) {
      if (!['get', 'post', 'patch', 'put', 'delete'].includes(method)) continue;
      const url = path.replace('{id}', programme.id).replace('{childId}', crypto.randomUUID()).replace('{organizationId}', organizations.outsider.id).replace(/\{[A-Za-z]+\}/g, crypto.randomUUID());
      routes.push({ method: method.toUpperCase() as 'GET', url });
    }
  }
  const task = await call(app, sessions.manager, 'POST', `/api/programmes/${programme.id}/tasks`, {
    title: 'Drill boreholes',
    locality: 'Kaya',
    raci: { [organizations.partner.id]: 'AR', [organizations.vendor.id]: 'R', [organizations.lead.id]: 'C' },
  });
  taskId = task.json().id;
  for (const [organizationId, amount] of [
    [organizations.lead.id, 500_000],
    [organizations.partner.id, 300_000],
    [organizations.vendor.id, 50_000],
  ] as const) {
    await call(app, sessions.manager, 'POST', `/api/programmes/${programme.id}/budget-lines`, { organizationId, amount, category: 'Staff' });
  }
});
afterAll(async () => fixture.test.close());

describe('a non-member organization', () => {
  it('gets 404 on every programme route, whatever the method and body', async () => {
    const { app, sessions } = fixture;
    expect(routes.length).toBeGreaterThan(25);
    for (const route of routes) {
      const response = await call(app, sessions.outsider, route.method, route.url, route.method === 'GET' || route.method === 'DELETE' ? undefined : {});
      expect({ route: `${route.method} ${route.url}`, status: response.statusCode }).toEqual({ route: `${route.method} ${route.url}`, status: 404 });
      expect(response.json().error.code).toBe('not_found');
    }
  });

  it('does not see the programme in lists, and cannot export or fetch its bundle', async () => {
    const { app, sessions, programme } = fixture;
    const list = (await call(app, sessions.outsider, 'GET', '/api/programmes')).json();
    expect(list.items.map((item: { id: string }) => item.id)).not.toContain(programme.id);
  });

  it('gets the same 404 for a programme that does not exist', async () => {
    const { app, sessions } = fixture;
    const response = await call(app, sessions.outsider, 'GET', `/api/programmes/${crypto.randomUUID()}`);
    expect(response.statusCode).toBe(404);
  });
});

describe('members', () => {
  it('can read every view of the programme', async () => {
    const { app, sessions, programme } = fixture;
    const views = ['', '/members', '/users', '/plan', '/timeline', '/raci', '/budget', '/agreement', '/agreement.html', '/team', '/bundle'];
    for (const view of views) {
      const url = `/api/programmes/${programme.id}${view}`;
      expect(routes.some((route) => route.url === url)).toBe(true);
      const response = await call(app, sessions.partner, 'GET', url);
      expect({ url, status: response.statusCode }).toEqual({ url, status: 200 });
    }
  });

  it('record their own part but do not change structure', async () => {
    const { app, sessions, programme, organizations } = fixture;
    const wp = await call(app, sessions.partner, 'POST', `/api/programmes/${programme.id}/work-packages`, { title: 'Mine' });
    expect(wp.statusCode).toBe(403);
    const ownLine = await call(app, sessions.partner, 'POST', `/api/programmes/${programme.id}/budget-lines`, { organizationId: organizations.partner.id, amount: 1_000 });
    expect(ownLine.statusCode).toBe(201);
    const othersLine = await call(app, sessions.partner, 'POST', `/api/programmes/${programme.id}/budget-lines`, { organizationId: organizations.lead.id, amount: 1_000 });
    expect(othersLine.statusCode).toBe(403);
    const progress = await call(app, sessions.partner, 'PATCH', `/api/programmes/${programme.id}/tasks/${taskId}`, { version: 1, status: 'in-progress', deliverables: ['Borehole report'] });
    expect(progress.statusCode).toBe(200);
    const restructure = await call(app, sessions.partner, 'PATCH', `/api/programmes/${programme.id}/tasks/${taskId}`, { version: 2, raci: { [organizations.partner.id]: 'A' } });
    expect(restructure.statusCode).toBe(403);
    expect(restructure.json().error.details[0].pointer).toBe('/raci');
    const funderOnTask = await call(app, sessions.funder, 'PATCH', `/api/programmes/${programme.id}/tasks/${taskId}`, { version: 2, status: 'done' });
    expect(funderOnTask.statusCode).toBe(403);
  });
});

describe('a vendor', () => {
  it("sees only its own budget lines, never the others'", async () => {
    const { app, sessions, programme, organizations } = fixture;
    const budget = (await call(app, sessions.vendor, 'GET', `/api/programmes/${programme.id}/budget`)).json();
    expect(budget.scope).toBe('own');
    expect(budget.lines.map((line: { organizationId: string }) => line.organizationId)).toEqual([organizations.vendor.id]);
    expect(budget.totals.total).toBe(50_000);
    expect(budget.totals.organizations.map((row: { organizationId: string }) => row.organizationId)).toEqual([organizations.vendor.id]);

    const bundle = (await call(app, sessions.vendor, 'GET', `/api/programmes/${programme.id}/bundle`)).json();
    expect(bundle.budget).toHaveLength(1);
    const html = (await call(app, sessions.vendor, 'GET', `/api/programmes/${programme.id}/agreement.html?version=draft`)).body;
    expect(html).not.toContain('500,000');
  });

  it('sees the plan, and its tasks', async () => {
    const { app, sessions, programme } = fixture;
    const plan = (await call(app, sessions.vendor, 'GET', `/api/programmes/${programme.id}/plan`)).json();
    expect(plan.unplacedTasks).toHaveLength(1);
  });
});

describe('budget transparency', () => {
  it('when off, members see only their own lines and managers all', async () => {
    const { app, sessions, programme, organizations } = fixture;
    const current = (await call(app, sessions.manager, 'GET', `/api/programmes/${programme.id}`)).json();
    await call(app, sessions.manager, 'PATCH', `/api/programmes/${programme.id}`, { version: current.version, budgetTransparent: false });
    const partner = (await call(app, sessions.partner, 'GET', `/api/programmes/${programme.id}/budget`)).json();
    expect(partner.scope).toBe('own');
    expect(new Set(partner.lines.map((line: { organizationId: string }) => line.organizationId))).toEqual(new Set([organizations.partner.id]));
    const observer = (await call(app, sessions.observer, 'GET', `/api/programmes/${programme.id}/budget`)).json();
    expect(observer.lines).toHaveLength(0);
    const manager = (await call(app, sessions.manager, 'GET', `/api/programmes/${programme.id}/budget`)).json();
    expect(manager.scope).toBe('whole');
    expect(manager.lines.length).toBeGreaterThanOrEqual(4);
    const leadStaff = (await call(app, sessions.leadStaff, 'GET', `/api/programmes/${programme.id}/budget`)).json();
    expect(leadStaff.scope).toBe('own');
    const after = (await call(app, sessions.manager, 'GET', `/api/programmes/${programme.id}`)).json();
    await call(app, sessions.manager, 'PATCH', `/api/programmes/${programme.id}`, { version: after.version, budgetTransparent: true });
  });
});

describe('an observer (donor staff)', () => {
  it('reads the programme and the whole budget when transparent, and changes nothing', async () => {
    const { app, sessions, programme, organizations } = fixture;
    expect((await call(app, sessions.observer, 'GET', `/api/programmes/${programme.id}/plan`)).statusCode).toBe(200);
    expect((await call(app, sessions.observer, 'GET', `/api/programmes/${programme.id}/budget`)).json().scope).toBe('whole');
    const writes = [
      call(app, sessions.observer, 'POST', `/api/programmes/${programme.id}/tasks`, { title: 'x', raci: { [organizations.lead.id]: 'A' } }),
      call(app, sessions.observer, 'POST', `/api/programmes/${programme.id}/budget-lines`, { organizationId: organizations.donor.id, amount: 1 }),
      call(app, sessions.observer, 'POST', `/api/programmes/${programme.id}/team`, { organizationId: organizations.donor.id, name: 'Me', programmeRole: 'Observer' }),
      call(app, sessions.observer, 'PUT', `/api/programmes/${programme.id}/agreement/statements/${organizations.donor.id}`, { contributions: 'x', expectations: 'y' }),
      call(app, sessions.observer, 'PATCH', `/api/programmes/${programme.id}`, { version: 1, title: 'x' }),
      call(app, sessions.observer, 'POST', `/api/programmes/${programme.id}/agreement/sign`),
    ];
    for (const response of await Promise.all(writes)) expect(response.statusCode).toBe(403);
  });
});
