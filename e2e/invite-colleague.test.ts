import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, launchBrowser, SKIP_MESSAGE, type BrowserSession } from './support/browser.js';
import { logIn } from './support/log-in.js';
import { startServer, type RunningServer } from './support/server.js';

const ADMIN_EMAIL = 'amina@sahel-relief.example';
// Unique per run, so the journey can also run again against a long-lived server (E2E_BASE_URL).
const NEW_COLLEAGUE = `fatou.sarr.${Date.now().toString(36)}@sahel-relief.example`;
const NEW_PASSWORD = 'a-long-new-password';

if (!hasChromium) console.warn(SKIP_MESSAGE);

describe.skipIf(!hasChromium)('an organization administrator invites a colleague, who joins and makes an API token', () => {
  let server: RunningServer;
  let browser: BrowserSession;
  let page: Page;
  let invitationLink = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser({ locale: 'en-GB' });
    page = await browser.context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('invites a colleague and shows the one-time link to copy', async () => {
    await logIn(page, server.baseUrl, ADMIN_EMAIL);
    await page.getByRole('navigation').getByRole('link', { name: 'Users' }).click();
    await page.getByRole('heading', { name: 'Invite a colleague' }).waitFor();
    await page.getByRole('textbox', { name: /^Email/ }).fill(NEW_COLLEAGUE);
    await page.getByRole('button', { name: 'Create the invitation' }).click();
    const link = page.getByLabel('Invitation link');
    await link.waitFor();
    invitationLink = await link.inputValue();
    expect(invitationLink).toMatch(/\/invite\/[\w-]+$/);
    await page.getByRole('button', { name: 'Copy' }).waitFor();
  });

  it('logs out from the user menu', async () => {
    await page.getByRole('button', { name: /^Account menu/ }).click();
    await page.getByRole('menuitem', { name: 'Log out' }).click();
    await page.waitForURL('**/login');
  });

  it('shows who invites whom, and refuses a short password next to the field', async () => {
    await page.goto(`${server.baseUrl}${new URL(invitationLink).pathname}`);
    await page.getByRole('heading', { name: 'Join Sahel Relief International' }).waitFor();
    expect(await page.getByLabel('Email').inputValue()).toBe(NEW_COLLEAGUE);
    await page.getByLabel(/^Your name/).fill('Fatou Sarr');
    await page.getByLabel(/^New password/).fill('short');
    await page.getByLabel(/^Repeat the password/).fill('short');
    await page.getByRole('button', { name: 'Create my account' }).click();
    await page.getByText('The password must have at least 10 characters.').waitFor();
  });

  it('accepts the invitation and lands logged in on the home page', async () => {
    await page.getByLabel(/^New password/).fill(NEW_PASSWORD);
    await page.getByLabel(/^Repeat the password/).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Create my account' }).click();
    await page.waitForURL(`${server.baseUrl}/`);
    await page.getByRole('heading', { name: 'Welcome, Fatou Sarr' }).waitFor();
    await page.getByRole('main').getByText('Sahel Resilience Consortium').first().waitFor();
  });

  it('does not accept the same link twice', async () => {
    await page.goto(invitationLink.replace(/^https?:\/\/[^/]+/, server.baseUrl));
    await page.getByText('This invitation has expired or has already been used.', { exact: false }).waitFor();
  });

  it('creates a personal API token, shown once, and revokes it after confirming', async () => {
    await page.goto(`${server.baseUrl}/settings`);
    await page.getByLabel(/^Token name/).fill('monthly export');
    await page.getByRole('button', { name: 'Create a token' }).click();
    await page.getByText('Copy this token now. It will not be shown again.').waitFor();
    const token = await page.getByLabel('Token', { exact: true }).inputValue();
    expect(token.length).toBeGreaterThan(20);

    const answer = await fetch(`${server.baseUrl}/api/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(answer.status).toBe(200);

    await page.getByRole('button', { name: 'Revoke the token monthly export' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke this token?' });
    await dialog.getByRole('button', { name: 'Revoke the token' }).click();
    await page.getByText('You have no API tokens.').waitFor();

    const afterRevoking = await fetch(`${server.baseUrl}/api/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(afterRevoking.status).toBe(401);
  });
});
