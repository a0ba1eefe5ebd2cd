import { hasChromium } from './browser.js';
import { buildWebApp } from './server.js';

/** Builds the web app once for all journeys (each would otherwise build it for itself). */
export default async function setup(): Promise<void> {
  if (!hasChromium || process.env.E2E_BASE_URL) return;
  const outDir = await buildWebApp();
  process.env.E2E_WEB_BUILT = outDir;
}
