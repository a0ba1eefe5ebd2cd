import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, launchBrowser, SKIP_MESSAGE, type BrowserSession } from './support/browser.js';
import { DEMO_PASSWORD } from './support/log-in.js';
import { startServer, type RunningServer } from './support/server.js';

const MANAGER = 'amina@sahel-relief.example';
const OPEN_ROUND = 'Communication pulse, this quarter';

if (!hasChromium) console.warn(SKIP_MESSAGE);

/** The programme manager sends the open demo round to one more person, through the API, and gets the personal link. */
async function personalLink(baseUrl: string): Promise<string> {
  const login = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: MANAGER, password: DEMO_PASSWORD }) });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
  const rounds = (await (await fetch(`${baseUrl}/api/survey-rounds`, { headers })).json()) as { items: Array<{ id: string; title: string; programmeId: string }> };
  const round = rounds.items.find((item) => item.title === OPEN_ROUND)!;
  const members = (await (await fetch(`${baseUrl}/api/programmes/${round.programmeId}/members`, { headers })).json()) as { items: Array<{ organization: { id: string; name: string } }> };
  const partner = members.items.find((member) => member.organization.name.startsWith('Tiwindi'))!;
  const response = await fetch(`${baseUrl}/api/survey-rounds/${round.id}/recipients`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ recipients: [{ email: 'field.officer@tiwindi.example', name: 'Field officer', organizationId: partner.organization.id, language: 'en' }] }),
  });
  const { links } = (await response.json()) as { links: Array<{ url: string }> };
  return links[0]!.url;
}

async function answerVisibleQuestions(page: Page, label: string) {
  const options = page.getByRole('radio', { name: label, exact: true });
  const count = await options.count();
  expect(count).toBeGreaterThan(0);
  for (let index = 0; index < count; index += 1) await options.nth(index).check();
}

describe.skipIf(!hasChromium)('a partner’s staff member answers a survey on a phone through a personal link', () => {
  let server: RunningServer;
  let browser: BrowserSession;
  let page: Page;
  let link: string;

  beforeAll(async () => {
    server = await startServer();
    link = await personalLink(server.baseUrl);
    browser = await launchBrowser({ locale: 'en-GB' });
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 375, height: 667 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens the survey without an account, in the person’s language, fitting the phone', async () => {
    expect(link).toContain('/s/');
    await page.goto(link);
    await page.getByRole('heading', { name: 'Communication climate pulse', level: 1 }).waitFor();
    await page.getByText('Part 1 of 5').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('asks for every question of a part before moving on', async () => {
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('alert').filter({ hasText: 'Please answer every question in this part.' }).waitFor();
  });

  it('saves progress and finds it again after the page is reloaded', async () => {
    await answerVisibleQuestions(page, 'Often');
    await page.getByRole('button', { name: 'Save and continue later' }).click();
    await page.getByRole('status').filter({ hasText: 'Progress saved' }).waitFor();
    await page.reload();
    await page.getByText('Part 1 of 5').waitFor();
    const checked = await page.getByRole('radio', { name: 'Often', exact: true }).evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).checked));
    expect(checked.length).toBeGreaterThan(0);
    expect(checked.every(Boolean)).toBe(true);
  });

  it('goes through one group of questions at a time and sends the answers', async () => {
    for (let part = 1; part <= 4; part += 1) {
      await page.getByText(`Part ${part} of 5`).waitFor();
      await answerVisibleQuestions(page, part % 2 ? 'Often' : 'Sometimes');
      await page.getByRole('button', { name: 'Next' }).click();
    }
    await page.getByText('Part 5 of 5').waitFor();
    await page.getByRole('textbox').fill('Shorter calls, more often, would help.');
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await page.getByRole('status').filter({ hasText: 'Thank you. Your answers have been received.' }).waitFor();
  });

  it('refuses the same link a second time, with a clear message', async () => {
    await page.goto(link);
    await page.getByRole('alert').filter({ hasText: 'This link has already been used' }).waitFor();
  });
});
