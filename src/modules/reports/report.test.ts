import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, login, type Session, type TestApp } from '../../../test/support/app.js';
import { buildUser, TEST_PASSWORD } from '../../../test/support/factories.js';
import { budgetLines, organizations, programmes } from '../../db/schema/index.js';
import { seedDemo } from '../demo/seed-demo.js';
import { DEMO_PASSWORD, demoProgramme } from '../demo/demo-data.js';
import { pdfRendererAvailable } from '../programmes/agreement-document.js';

describe('programme partnership report', () => {
  let t: TestApp;
  let programmeId: string;
  let manager: Session;
  let partner: Session;
  let outsider: Session;

  const get = (session: Session, url: string) => t.app.inject({ method: 'GET', url, headers: session.headers() });

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t.database.db);
    const [programme] = await t.database.db.select({ id: programmes.id }).from(programmes).where(eq(programmes.ref, demoProgramme.ref));
    programmeId = programme!.id;
    manager = await login(t.app, 'amina@sahel-relief.example', DEMO_PASSWORD);
    partner = await login(t.app, 'issa@tiwindi.example', DEMO_PASSWORD);
    outsider = await login(t.app, (await buildUser(t.database.db)).email, TEST_PASSWORD);
  });
  afterAll(async () => t?.close());

  it('shows the consortium, agreement, plan, budget, profile with its charts and flags, surveys and decisions', async () => {
    const response = await get(manager, `/api/programmes/${programmeId}/report.html?lang=en`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    const html = response.body;
    for (const heading of ['The consortium', 'Partnership agreement', 'Action plan', 'Budget', 'Partnership authenticity profile', 'Survey results', 'Log of decisions']) expect(html).toContain(heading);
    expect(html.match(/<svg /g)?.length).toBeGreaterThanOrEqual(3);
    expect(html).toContain('Verdict');
    expect(html).not.toContain('<script');
  });

  it('speaks French when asked', async () => {
    const response = await get(manager, `/api/programmes/${programmeId}/report.html?lang=fr`);
    expect(response.body).toContain('Rapport de partenariat');
    expect(response.body).toContain('Journal des décisions');
    expect(response.body).toContain('lang="fr"');
  });

  it('shows a partner only its own budget lines when budget transparency is off', async () => {
    await t.database.db.update(programmes).set({ budgetTransparent: false }).where(eq(programmes.id, programmeId));
    try {
      const lines = await t.database.db.select({ organizationId: budgetLines.organizationId, name: organizations.name }).from(budgetLines).innerJoin(organizations, eq(organizations.id, budgetLines.organizationId)).where(eq(budgetLines.programmeId, programmeId));
      const [tiwindi] = await t.database.db.select({ id: organizations.id }).from(organizations).where(eq(organizations.name, lines.find((line) => line.name.includes('Tiwindi'))?.name ?? ''));
      const others = [...new Set(lines.filter((line) => line.organizationId !== tiwindi?.id).map((line) => line.name))];
      const html = (await get(partner, `/api/programmes/${programmeId}/report.html?lang=en`)).body;
      const budgetSection = html.slice(html.indexOf('<h2>Budget</h2>'), html.indexOf('<h2>Partnership authenticity profile</h2>'));
      expect(budgetSection).toContain('only your organization');
      for (const name of others) expect(budgetSection).not.toContain(name);
      const managerHtml = (await get(manager, `/api/programmes/${programmeId}/report.html?lang=en`)).body;
      expect(managerHtml.slice(managerHtml.indexOf('<h2>Budget</h2>'), managerHtml.indexOf('<h2>Partnership authenticity profile</h2>'))).toContain(others[0]!);
    } finally {
      await t.database.db.update(programmes).set({ budgetTransparent: true }).where(eq(programmes.id, programmeId));
    }
  });

  it('does not exist for an organization outside the programme, nor without a session', async () => {
    expect((await get(outsider, `/api/programmes/${programmeId}/report.html`)).statusCode).toBe(404);
    expect((await get(outsider, `/api/programmes/${programmeId}/report.pdf`)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/programmes/${programmeId}/report.html` })).statusCode).toBe(401);
    expect((await get(manager, `/api/programmes/${programmeId}/report.html?lang=de`)).statusCode).toBe(400);
  });

  const pdfTitle = pdfRendererAvailable() ? 'renders the report as a PDF through headless Chromium' : 'renders the report as a PDF — SKIPPED: /usr/bin/chromium is not installed';
  it.skipIf(!pdfRendererAvailable())(pdfTitle, async () => {
    const response = await get(partner, `/api/programmes/${programmeId}/report.pdf?lang=fr`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);
});
