import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { worklogRoutes } from './routes.js';
import { buildLogProgramme, type LogFixture } from './test-helpers.js';

let t: TestApp;
let f: LogFixture;
let routes: Array<{ method: string; url: string }>;
const ids: Record<string, string> = {};

/** Every route the working-log plugin declares, read from the plugin itself so that a new one cannot be forgotten here. */
async function declaredRoutes() {
  const probe = Fastify();
  probe.setValidatorCompiler(validatorCompiler);
  probe.setSerializerCompiler(serializerCompiler);
  const found: Array<{ method: string; url: string }> = [];
  probe.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') found.push({ method, url: route.url });
  });
  await probe.register(worklogRoutes);
  await probe.ready();
  await probe.close();
  return found;
}

beforeAll(async () => {
  t = await createTestApp();
  f = await buildLogProgramme(t);
  routes = await declaredRoutes();
  const { lead, partnerA, partnerB } = f.organizations;
  const meeting = (await f.call(f.sessions.alpha, 'POST', '/meetings', {
    date: '2025-02-01',
    kind: 'coordination',
    chairOrganizationId: partnerA.id,
    actions: [{ description: 'Report', ownerOrganizationId: partnerA.id }],
  })).json() as { id: string; actions: Array<{ id: string }> };
  ids.meeting = meeting.id;
  ids.action = meeting.actions[0]!.id;
  const decision = (await f.call(f.sessions.alpha, 'POST', '/decisions', {
    date: '2025-02-01',
    title: 'Budget revision',
    scope: 'programme',
    topic: 'budget',
    involvement: [{ organizationId: lead.id, level: 4 }, { organizationId: partnerA.id, level: 1 }],
  })).json() as { id: string };
  ids.decision = decision.id;
  const contested = (await f.call(f.sessions.alpha, 'POST', `/decisions/${decision.id}/contests`, { comment: 'Only informed' })).json() as { contests: Array<{ id: string }> };
  ids.contest = contested.contests[0]!.id;
  ids.interaction = ((await f.call(f.sessions.alpha, 'POST', '/interactions', { date: '2025-02-02', fromOrganizationId: partnerA.id, toOrganizationId: partnerB.id })).json() as { id: string }).id;
  ids.learning = ((await f.call(f.sessions.alpha, 'POST', '/learning', { date: '2025-02-02', fromOrganizationId: partnerA.id, toOrganizationId: lead.id, topic: 'Mapping', kind: 'exchange' })).json() as { id: string }).id;
  ids.rating = ((await f.call(f.sessions.alpha, 'POST', '/ratings', { rateeOrganizationId: lead.id, trust: 3, value: 3 })).json() as { id: string }).id;
});
afterAll(async () => t.close());

/** The concrete URL of a declared route, pointing at records that exist. */
function urlOf(route: { url: string }): string {
  const kind = /\/api\/programmes\/:id\/(\w+)/.exec(route.url)?.[1] ?? '';
  const recordKind: Record<string, string> = { meetings: 'meeting', decisions: 'decision', interactions: 'interaction', learning: 'learning', ratings: 'rating' };
  return route.url
    .replace(':id', f.programme.id)
    .replace(':recordId', ids[recordKind[kind] ?? ''] ?? 'missing')
    .replace(':actionId', ids.action!)
    .replace(':contestId', ids.contest!)
    .replace(':orgId', f.organizations.partnerA.id);
}

function payloadOf(route: { method: string; url: string }) {
  if (route.url.endsWith('/import')) return { headers: { 'content-type': 'text/csv' }, payload: 'date,from,to\n' };
  if (route.method === 'GET' || route.method === 'DELETE') return {};
  return { payload: {} };
}

describe('access to the working log', () => {
  it('declares the routes this test walks through', () => {
    expect(routes.length).toBeGreaterThanOrEqual(30);
  });

  it('answers 404 on every route to a user whose organization is not a member', async () => {
    for (const route of routes) {
      const extra = payloadOf(route);
      const response = await t.app.inject({
        method: route.method as 'GET',
        url: urlOf(route),
        headers: f.sessions.outsider.headers('headers' in extra ? extra.headers : {}),
        ...('payload' in extra ? { payload: extra.payload } : {}),
      });
      expect({ route: `${route.method} ${route.url}`, status: response.statusCode }).toEqual({ route: `${route.method} ${route.url}`, status: 404 });
    }
  });

  it('lets an observer read every list and record, and change nothing', async () => {
    for (const route of routes) {
      const extra = payloadOf(route);
      const response = await t.app.inject({
        method: route.method as 'GET',
        url: urlOf(route),
        headers: f.sessions.observer.headers('headers' in extra ? extra.headers : {}),
        ...('payload' in extra ? { payload: extra.payload } : {}),
      });
      const expected = route.method === 'GET' ? 200 : [400, 403];
      const label = `${route.method} ${route.url}`;
      if (Array.isArray(expected)) {
        // A body the schema refuses may answer 400 before authorization; nothing is ever stored.
        expect({ label, ok: expected.includes(response.statusCode) }).toEqual({ label, ok: true });
      } else {
        expect({ label, status: response.statusCode }).toEqual({ label, status: expected });
      }
    }
    const still = (await f.call(f.sessions.alpha, 'GET', `/decisions/${ids.decision}`)).json() as { contests: Array<{ withdrawnAt: string | null }> };
    expect(still.contests[0]!.withdrawnAt).toBeNull();
  });

  it('lets a partner that did not record a record change nothing of it', async () => {
    for (const [path, body] of [
      [`/meetings/${ids.meeting}`, { version: 1, title: 'x' }],
      [`/interactions/${ids.interaction}`, { version: 1, subject: 'x' }],
      [`/learning/${ids.learning}`, { version: 1, topic: 'x' }],
      [`/ratings/${ids.rating}`, { version: 1, trust: 1 }],
    ] as const) {
      expect((await f.call(f.sessions.beta, 'PATCH', path, body)).statusCode).toBe(403);
      expect((await f.call(f.sessions.beta, 'DELETE', path)).statusCode).toBe(403);
    }
  });
});
