import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, launchBrowser, SKIP_MESSAGE, type BrowserSession } from './support/browser.js';
import { DEMO_PASSWORD } from './support/log-in.js';
import { startServer, type RunningServer } from './support/server.js';

const DEMO_EMAIL = 'amina@sahel-relief.example';
const DEMO_PROGRAMME = 'Sahel Resilience Consortium';
// The demo also holds an imported IATI activity whose title starts the same way; this matches the consortium's own.
const DEMO_PROGRAMME_ONLY = /^Sahel Resilience Consortium(?!:)/;
const screenshotPath = fileURLToPath(new URL('../docs/screenshots/home.png', import.meta.url));

if (!hasChromium) console.warn(SKIP_MESSAGE);

describe.skipIf(!hasChromium)('a programme manager logs in and reads the home page', () => {
  let server: RunningServer;
  let browser: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser({ locale: 'en-GB' });
    page = await browser.context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('sends a visitor without a session to the log-in page', async () => {
    await page.goto(`${server.baseUrl}/`);
    await page.waitForURL('**/login');
    await page.getByRole('heading', { name: 'Log in to Consortia' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });

  it('shows a wrong password next to the form', async () => {
    await page.getByLabel('Email').fill(DEMO_EMAIL);
    await page.getByLabel(/^Password/).fill('not-the-password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('alert').filter({ hasText: 'The email or the password is wrong.' }).waitFor();
  });

  it('logs in and shows the organization and the demo programme', async () => {
    await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(`${server.baseUrl}/`);
    await page.getByRole('heading', { name: 'Your programmes' }).waitFor();
    const main = page.getByRole('main');
    await main.getByRole('rowheader', { name: DEMO_PROGRAMME_ONLY }).waitFor();
    await expect(main.getByText('Sahel Relief International').first().isVisible()).resolves.toBe(true);
    await expect(main.getByRole('cell', { name: 'Lead, Programme manager', exact: true }).isVisible()).resolves.toBe(true);
  });

  it('takes the screenshot of the home page for the documentation', async () => {
    await page.evaluate(() => document.fonts.ready);
    fs.mkdirSync(fileURLToPath(new URL('.', `file://${screenshotPath}`)), { recursive: true });
    await page.screenshot({ path: screenshotPath, fullPage: true });
    expect(fs.statSync(screenshotPath).size).toBeGreaterThan(10_000);
  });

  it('switches to French from the header', async () => {
    await page.getByRole('banner').locator('label').filter({ hasText: 'Français' }).click();
    await page.getByRole('heading', { name: 'Vos programmes' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await page.getByRole('navigation').getByRole('link', { name: 'Accueil' }).waitFor();
  });

  it('keeps French after a reload, as the profile now says', async () => {
    await page.reload();
    await page.getByRole('heading', { name: 'Vos programmes' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
  });

  it('fits a 360 px wide phone, with the navigation behind a menu button', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.getByRole('heading', { name: 'Vos programmes' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByRole('main').getByRole('listitem').filter({ hasText: DEMO_PROGRAMME_ONLY }).first().waitFor();
    await page.getByRole('button', { name: 'Ouvrir ou fermer la navigation' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Paramètres' }).click();
    await page.getByRole('heading', { name: 'Paramètres', level: 1 }).waitFor();
  });

  it('switches back to English, which the profile keeps', async () => {
    await page.getByRole('banner').locator('label').filter({ hasText: 'English' }).click();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });
});
