import type { Page } from 'playwright-core';

export const DEMO_PASSWORD = 'demo-password-2026';

/** Logs in through the log-in page (in English) and waits for the home page. */
export async function logIn(page: Page, baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel(/^Email/).fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(`${baseUrl}/`);
  await page.getByRole('heading', { name: 'Your programmes' }).waitFor();
}
