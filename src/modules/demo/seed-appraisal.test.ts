import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../test/support/app.js';
import { DEMO_PASSWORD } from './demo-data.js';
import { seedDemo } from './seed-demo.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.database.db);
});
afterAll(async () => t?.close());

type Json = Record<string, unknown>;
const get = async (url: string, email: string) => {
  const session = await login(t.app, email, DEMO_PASSWORD);
  const response = await t.app.inject({ method: 'GET', url, headers: session.headers() });
  return response.json() as Json;
};

describe('appraisal demo data', () => {
  it('gives the lead two decided appraisals to compare for the demo programme', async () => {
    const list = (await get('/api/appraisals?scope=mine', 'amina@sahel-relief.example')).items as Array<{ programme: { id: string }; decision: { decision: string }; total: number }>;
    expect(list.map((item) => item.decision.decision).sort()).toEqual(['select', 'select-with-support']);
    const comparison = await get(`/api/appraisals/compare?programmeId=${list[0]!.programme.id}`, 'amina@sahel-relief.example');
    expect((comparison.candidates as Array<{ completeness: number }>).map((candidate) => candidate.completeness)).toEqual([100, 100]);
    const plan = (await get('/api/support-items', 'amina@sahel-relief.example')).items as unknown[];
    expect(plan.length).toBeGreaterThanOrEqual(3);
  });

  it('shows each organization two points per assessed domain on its trend', async () => {
    const tiwindiList = (await get('/api/capacity-assessments?scope=mine', 'issa@tiwindi.example')).items as Array<{ assessedOrganization: { id: string } }>;
    const tiwindiId = tiwindiList[0]!.assessedOrganization.id;
    const trend = (await get(`/api/organizations/${tiwindiId}/capacity-trend`, 'issa@tiwindi.example')).domains as Array<{ points: unknown[] }>;
    expect(trend.every((domain) => domain.points.length === 2)).toBe(true);

    const aboutLead = (await get('/api/capacity-assessments?scope=about-us', 'amina@sahel-relief.example')).items as Array<{ kind: string; organization: { name: string } }>;
    expect(aboutLead).toHaveLength(2);
    expect(aboutLead.every((item) => item.kind === 'external')).toBe(true);
  });
});
