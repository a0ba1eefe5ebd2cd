import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../test/support/app.js';
import { seedDemo } from './seed-demo.js';
import { DEMO_PASSWORD } from './demo-data.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.database.db);
});
afterAll(async () => t?.close());

describe('demo networks, statements, feedback and strategy', () => {
  it('shows the lead a network, a published statement with two signatories, feedback and three goals', async () => {
    const amina = await login(t.app, 'amina@sahel-relief.example', DEMO_PASSWORD);
    const networks = (await t.app.inject({ method: 'GET', url: '/api/networks', headers: amina.headers() })).json().items;
    expect(networks).toEqual([expect.objectContaining({ members: 5 })]);
    const statements = (await t.app.inject({ method: 'GET', url: '/api/statements', headers: amina.headers() })).json().items;
    const published = statements.find((statement: { status: string }) => statement.status === 'published');
    const detail = (await t.app.inject({ method: 'GET', url: `/api/statements/${published.id}`, headers: amina.headers() })).json();
    expect(detail.signatories).toHaveLength(2);
    expect(detail.invitations.filter((row: { status: string }) => row.status === 'declined')).toHaveLength(1);
    const feedback = (await t.app.inject({ method: 'GET', url: '/api/feedback', headers: amina.headers() })).json();
    expect(feedback.items.length).toBeGreaterThanOrEqual(6);
    const strategy = (await t.app.inject({ method: 'GET', url: '/api/strategy', headers: amina.headers() })).json().strategy;
    expect(strategy.goals).toHaveLength(3);
    expect(strategy.goals.every((goal: { programmes: unknown[] }) => goal.programmes.length === 1)).toBe(true);
    const portfolio = await t.app.inject({ method: 'GET', url: '/api/portfolio', headers: amina.headers() });
    expect(portfolio.statusCode).toBe(200);
    // The demo consortium, and the imported IATI activities the lead takes part in.
    expect(JSON.stringify(portfolio.json().programmes)).toContain('Sahel Resilience Consortium');
    expect(portfolio.json().programmes.length).toBeGreaterThanOrEqual(1);
  });
});
