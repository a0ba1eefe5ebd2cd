import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's chromium; the journeys never download a browser of their own. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

export const hasChromium = fs.existsSync(CHROMIUM_PATH);

export const SKIP_MESSAGE = `Browser journeys skipped: ${CHROMIUM_PATH} is not installed (apt-get install chromium to run them).`;

export type BrowserSession = { context: BrowserContext; close: () => Promise<void> };

/** Starts chromium headless with a fresh profile that is deleted afterwards. */
export async function launchBrowser(options: { locale?: string } = {}): Promise<BrowserSession> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'consortia-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    locale: options.locale ?? 'en-GB',
    viewport: { width: 1280, height: 800 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
