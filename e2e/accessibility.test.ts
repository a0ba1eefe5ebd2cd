import fs from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, launchBrowser, SKIP_MESSAGE, type BrowserSession } from './support/browser.js';
import { DEMO_PASSWORD, logIn } from './support/log-in.js';
import { startServer, type RunningServer } from './support/server.js';

const MANAGER = 'amina@sahel-relief.example';
const DEMO_PROGRAMME_ONLY = /^Sahel Resilience Consortium(?!:)/;
const OPEN_ROUND = 'Communication pulse, this quarter';
const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

if (!hasChromium) console.warn(SKIP_MESSAGE);

type AxeViolation = { id: string; impact: string | null; help: string; helpUrl: string; nodes: Array<{ target: unknown[]; html: string; failureSummary?: string }> };
type ApiSession = { headers: Record<string, string> };

/** Signs the manager in through the API, for the ids the pages need and a fresh survey link. */
async function apiSession(baseUrl: string): Promise<ApiSession> {
  const login = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: MANAGER, password: DEMO_PASSWORD }) });
  expect(login.status).toBe(200);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return { headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' } };
}

async function getJson<T>(baseUrl: string, session: ApiSession, path: string): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, { headers: session.headers });
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

/** The open demo round sent to one more person of a partner: the personal link the survey page answers. */
async function freshSurveyLink(baseUrl: string, session: ApiSession): Promise<string> {
  const rounds = await getJson<{ items: Array<{ id: string; title: string; programmeId: string }> }>(baseUrl, session, '/api/survey-rounds');
  const round = rounds.items.find((item) => item.title === OPEN_ROUND)!;
  expect(round, OPEN_ROUND).toBeDefined();
  const members = await getJson<{ items: Array<{ organization: { id: string; name: string } }> }>(baseUrl, session, `/api/programmes/${round.programmeId}/members`);
  const partner = members.items.find((member) => member.organization.name.startsWith('Tiwindi'))!;
  const response = await fetch(`${baseUrl}/api/survey-rounds/${round.id}/recipients`, {
    method: 'POST',
    headers: session.headers,
    body: JSON.stringify({ recipients: [{ email: 'accessibility.check@tiwindi.example', name: 'Accessibility check', organizationId: partner.organization.id, language: 'en' }] }),
  });
  expect(response.status).toBe(201);
  const { links } = (await response.json()) as { links: Array<{ url: string }> };
  return links[0]!.url;
}

/** Runs axe on the page as it stands and lists the serious and critical violations, readably. */
async function seriousViolations(page: Page): Promise<string[]> {
  // The app's Content-Security-Policy (script-src 'self') refuses an inline <script> (addScriptTag);
  // evaluating the source through the DevTools protocol is not subject to it and leaves the policy as served.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document)).violations;
  });
  return violations
    .filter((violation) => violation.impact !== null && BLOCKING_IMPACTS.has(violation.impact))
    .map((violation) => {
      const targets = violation.nodes.map((node) => `    ${node.target.map(String).join(' ')}\n      ${node.html.slice(0, 160)}${node.failureSummary ? `\n      ${node.failureSummary.replace(/\n/g, '\n      ')}` : ''}`);
      return `[${violation.impact}] ${violation.id}: ${violation.help} (${violation.helpUrl})\n${targets.join('\n')}`;
    });
}

async function expectAccessible(page: Page, name: string): Promise<void> {
  // Charts and late queries settle before the check, so axe sees the page a person reads.
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready);
  const found = await seriousViolations(page);
  if (found.length > 0) console.error(`Accessibility violations on ${name}:\n${found.join('\n')}`);
  expect(found, `serious or critical violations on ${name}`).toEqual([]);
}

describe.skipIf(!hasChromium)('the main pages have no serious or critical accessibility violation (axe-core)', () => {
  let server: RunningServer;
  let browser: BrowserSession;
  let page: Page;
  let programmeId: string;
  let leadId: string;
  let surveyLink: string;

  beforeAll(async () => {
    server = await startServer();
    const session = await apiSession(server.baseUrl);
    const programmes = await getJson<{ items: Array<{ id: string; title: string; lead: { id: string } | null }> }>(server.baseUrl, session, '/api/programmes');
    const programme = programmes.items.find((item) => DEMO_PROGRAMME_ONLY.test(item.title))!;
    expect(programme?.lead, 'the demo programme and its lead').toBeTruthy();
    programmeId = programme.id;
    leadId = programme.lead!.id;
    surveyLink = await freshSurveyLink(server.baseUrl, session);
    browser = await launchBrowser({ locale: 'en-GB' });
    page = await browser.context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('log-in page', async () => {
    await page.goto(`${server.baseUrl}/login`);
    await page.getByRole('heading', { name: 'Log in to Consortia' }).waitFor();
    await expectAccessible(page, 'the log-in page');
  });

  it('home page', async () => {
    await logIn(page, server.baseUrl, MANAGER);
    await page.getByRole('main').getByRole('rowheader', { name: DEMO_PROGRAMME_ONLY }).waitFor();
    await expectAccessible(page, 'the home page');
  });

  it('organization profile of the programme lead', async () => {
    await page.goto(`${server.baseUrl}/organizations/${leadId}`);
    await page.getByRole('heading', { level: 1, name: 'Sahel Relief International' }).waitFor();
    await expectAccessible(page, 'the organization profile');
  });

  it('programme overview', async () => {
    await page.goto(`${server.baseUrl}/programmes/${programmeId}`);
    await page.getByRole('heading', { level: 1, name: DEMO_PROGRAMME_ONLY }).waitFor();
    await expectAccessible(page, 'the programme overview');
  });

  it('action plan', async () => {
    await page.goto(`${server.baseUrl}/programmes/${programmeId}/plan`);
    await page.getByRole('heading', { level: 1, name: DEMO_PROGRAMME_ONLY }).waitFor();
    await page.getByRole('main').getByRole('heading', { level: 2 }).first().waitFor();
    await expectAccessible(page, 'the action plan');
  });

  it('authenticity dashboard', async () => {
    await page.goto(`${server.baseUrl}/programmes/${programmeId}/authenticity`);
    await page.getByRole('heading', { level: 1, name: DEMO_PROGRAMME_ONLY }).waitFor();
    await page.getByRole('main').getByRole('heading', { level: 2 }).first().waitFor();
    await expectAccessible(page, 'the authenticity dashboard');
  });

  it('survey answering through a personal link', async () => {
    const visitor = await browser.context.browser()?.newContext();
    // The persistent context has no separate browser; a fresh page after logging out keeps the link anonymous.
    const answering = visitor ? await visitor.newPage() : page;
    if (!visitor) await browser.context.clearCookies();
    await answering.goto(surveyLink);
    await answering.getByRole('heading', { name: 'Communication climate pulse', level: 1 }).waitFor();
    await answering.getByText('Part 1 of 5').waitFor();
    await expectAccessible(answering, 'the survey answering page');
    await visitor?.close();
  });
});
