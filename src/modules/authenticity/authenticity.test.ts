import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, login, type Session, type TestApp } from '../../../test/support/app.js';
import { buildUser, TEST_PASSWORD } from '../../../test/support/factories.js';
import { organizations } from '../../db/schema/index.js';
import { computeAuthenticity } from '../analytics/compute-authenticity.js';
import { validateBundle } from '../bundle/validate-bundle.js';

const scenarios = path.resolve(import.meta.dirname, '../../../test/scenarios');
const readScenario = (name: string) => JSON.parse(fs.readFileSync(path.join(scenarios, `${name}.json`), 'utf8')) as Record<string, unknown> & { organizations: Array<{ ref: string; name: string }> };

let t: TestApp;
let manager: Session;
let programmeId: string;
let partner: Session;
let outsider: Session;
const scenario = readScenario('nominal-subcontracting');

beforeAll(async () => {
  t = await createTestApp();
  const managerUser = await buildUser(t.database.db);
  manager = await login(t.app, managerUser.email, TEST_PASSWORD);
  const imported = await t.app.inject({ method: 'POST', url: '/api/programmes/import', headers: manager.headers(), payload: scenario });
  expect(imported.statusCode, imported.body).toBe(201);
  programmeId = (imported.json() as { id: string }).id;

  const partnerName = scenario.organizations.find((organization) => organization.ref !== 'lead' && !/lead/i.test(organization.ref))!.name;
  const [partnerOrganization] = await t.database.db.select().from(organizations).where(eq(organizations.name, partnerName));
  partner = await login(t.app, (await buildUser(t.database.db, { organizationId: partnerOrganization!.id })).email, TEST_PASSWORD);
  outsider = await login(t.app, (await buildUser(t.database.db)).email, TEST_PASSWORD);
});
afterAll(async () => t?.close());

describe('GET /api/programmes/:id/authenticity', () => {
  it('computes the same profile from the stored programme as from its bundle', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/api/programmes/${programmeId}/authenticity`, headers: manager.headers() });
    expect(response.statusCode).toBe(200);
    const profile = response.json() as ReturnType<typeof computeAuthenticity>;
    const validated = validateBundle(scenario);
    if (!validated.ok) throw new Error('scenario does not validate');
    const expected = computeAuthenticity(validated.bundle);
    expect(profile.verdict).toBe('nominal');
    expect(profile.verdict).toBe(expected.verdict);
    expect(profile.dimensions.map((dimension) => [dimension.key, dimension.score])).toEqual(expected.dimensions.map((dimension) => [dimension.key, dimension.score]));
    expect(profile.flags.map((flag) => flag.key).sort()).toEqual(expected.flags.map((flag) => flag.key).sort());
  });

  it('shows partners the same evidence as the lead, and outsiders nothing (404)', async () => {
    const asManager = await t.app.inject({ method: 'GET', url: `/api/programmes/${programmeId}/authenticity`, headers: manager.headers() });
    const asPartner = await t.app.inject({ method: 'GET', url: `/api/programmes/${programmeId}/authenticity`, headers: partner.headers() });
    expect(asPartner.statusCode).toBe(200);
    expect(asPartner.json()).toEqual(asManager.json());
    for (const suffix of ['', '/trend', '/evidence', '?at=2020-01-01', '?at=not-a-date']) {
      const response = await t.app.inject({ method: 'GET', url: `/api/programmes/${programmeId}/authenticity${suffix}`, headers: outsider.headers() });
      expect(response.statusCode, suffix).toBe(404);
    }
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/programmes/${programmeId}/authenticity` });
    expect(anonymous.statusCode).toBe(401);
  });

  it('gives the state at a date, and refuses a date that is not one', async () => {
    const early = await t.app.inject({ method: 'GET', url: `/api/programmes/${programmeId}/authenticity?at=1990-01-01`, headers: manager.headers() });
    expect(early.statusCode).toBe(200);
    const profile = early.json() as { confidence: number; dimensions: Array<{ key: string; score: number | null }> };
    const now = (await t.app.inject({ method: 'GET', url: `/api/programmes/${programmeId}/authenticity`, headers: manager.headers() })).json() as { confidence: number };
    expect(profile.confidence).toBeLessThan(now.confidence);
    const bad = await t.app.inject({ method: 'GET', url: `/api/programmes/${programmeId}/authenticity?at=yesterday`, headers: manager.headers() });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { error: { details: Array<{ pointer: string }> } }).error.details[0]!.pointer).toBe('/at');
  });

  it('answers a trend per quarter and the evidence behind the charts', async () => {
    const trend = (await t.app.inject({ method: 'GET', url: `/api/programmes/${programmeId}/authenticity/trend`, headers: partner.headers() })).json() as { points: Array<{ quarter: number }> };
    expect(trend.points.length).toBeGreaterThan(0);
    expect(trend.points[0]!.quarter).toBe(1);
    const evidence = (await t.app.inject({ method: 'GET', url: `/api/programmes/${programmeId}/authenticity/evidence`, headers: partner.headers() })).json() as {
      organizations: unknown[];
      interactions: Array<{ count: number }>;
      budget: { shares: Array<{ share: number }> };
    };
    expect(evidence.organizations.length).toBe(scenario.organizations.length);
    expect(evidence.interactions.reduce((sum, edge) => sum + edge.count, 0)).toBe((scenario.interactions as unknown[]).length);
    expect(evidence.budget.shares.reduce((sum, line) => sum + line.share, 0)).toBeCloseTo(1, 3);
  });

  it('compares every programme the user takes part in', async () => {
    const portfolio = (await t.app.inject({ method: 'GET', url: '/api/authenticity/portfolio', headers: manager.headers() })).json() as {
      programmes: Array<{ id: string; verdict: string }>;
      summary: { programmes: number; verdicts: Record<string, number> };
    };
    expect(portfolio.programmes).toEqual([expect.objectContaining({ id: programmeId, verdict: 'nominal' })]);
    expect(portfolio.summary.verdicts.nominal).toBe(1);
    const none = (await t.app.inject({ method: 'GET', url: '/api/authenticity/portfolio', headers: outsider.headers() })).json() as { programmes: unknown[] };
    expect(none.programmes).toEqual([]);
  });
});

describe('thresholds set by an administrator', () => {
  it('lets only instance administrators change them, refuses invalid ones naming the field, and applies them', async () => {
    const change = { verdict: { nominalBelow: 5 }, subcontracting: { budgetShare: 0.99 } };
    const refused = await t.app.inject({ method: 'PUT', url: '/api/settings/authenticity-thresholds', headers: manager.headers(), payload: change });
    expect(refused.statusCode).toBe(403);

    const root = await login(t.app, (await buildUser(t.database.db, { isInstanceAdmin: true, role: 'org-admin' })).email, TEST_PASSWORD);
    const invalid = await t.app.inject({ method: 'PUT', url: '/api/settings/authenticity-thresholds', headers: root.headers(), payload: { resources: { leadShareFair: 7 } } });
    expect(invalid.statusCode).toBe(400);
    expect((invalid.json() as { error: { details: Array<{ pointer: string }> } }).error.details[0]!.pointer).toBe('/resources/leadShareFair');
    const unknown = await t.app.inject({ method: 'PUT', url: '/api/settings/authenticity-thresholds', headers: root.headers(), payload: { colour: {} } });
    expect(unknown.statusCode).toBe(400);

    const before = (await t.app.inject({ method: 'GET', url: `/api/programmes/${programmeId}/authenticity`, headers: manager.headers() })).json() as { flags: Array<{ key: string }> };
    const saved = await t.app.inject({ method: 'PUT', url: '/api/settings/authenticity-thresholds', headers: root.headers(), payload: change });
    expect(saved.statusCode).toBe(200);
    expect((saved.json() as { effective: { verdict: { nominalBelow: number } } }).effective.verdict.nominalBelow).toBe(5);
    const after = (await t.app.inject({ method: 'GET', url: `/api/programmes/${programmeId}/authenticity`, headers: manager.headers() })).json() as { flags: Array<{ key: string }> };
    expect(before.flags.map((flag) => flag.key)).toContain('subcontracting-pattern');
    expect(after.flags.map((flag) => flag.key)).not.toContain('subcontracting-pattern');
    await t.app.inject({ method: 'PUT', url: '/api/settings/authenticity-thresholds', headers: root.headers(), payload: {} });
  });
});

describe('the demo consortium', () => {
  it('has a profile fed by every kind of record, survey aggregates included', async () => {
    const { seedDemo } = await import('../demo/seed-demo.js');
    const demo = await createTestApp();
    try {
      await seedDemo(demo.database.db);
      const amina = await login(demo.app, 'amina@sahel-relief.example', 'demo-password-2026');
      const issa = await login(demo.app, 'issa@tiwindi.example', 'demo-password-2026');
      const list = (await demo.app.inject({ method: 'GET', url: '/api/programmes', headers: amina.headers() })).json() as { items: Array<{ id: string; title: string }> };
      const programme = list.items.find((item) => item.title === 'Sahel Resilience Consortium')!;
      const response = await demo.app.inject({ method: 'GET', url: `/api/programmes/${programme.id}/authenticity`, headers: issa.headers() });
      expect(response.statusCode).toBe(200);
      const profile = response.json() as { confidence: number; dimensions: Array<{ key: string; score: number | null; metrics: Array<{ key: string; value: unknown }> }> };
      for (const dimension of profile.dimensions) expect(dimension.score, dimension.key).not.toBeNull();
      const perception = profile.dimensions.find((dimension) => dimension.key === 'perception')!;
      const surveyGroups = perception.metrics.find((metric) => metric.key === 'survey-groups')!.value as number;
      expect(surveyGroups).toBeGreaterThan(0);
      expect(JSON.stringify(profile)).not.toMatch(/token|@/);
    } finally {
      await demo.close();
    }
  });
});
