import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { DatabaseHandle } from '../../src/db/client.js';
import { createTestDatabase } from '../../src/db/test-database.js';
import { loadConfig } from '../../src/lib/config.js';
import { buildApp } from '../../src/server/app.js';
import { seedDemo } from '../../src/modules/demo/seed-demo.js';

const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

export type RunningServer = { baseUrl: string; close: () => Promise<void> };

/**
 * The application the journeys drive. With E2E_BASE_URL set, an already running server (which
 * must hold the demo); otherwise a fresh one in this process: the web app built from the current
 * sources, a fresh test database (PGlite, or PostgreSQL when DATABASE_URL is set) with the demo
 * seeded, on a free port.
 */
export async function startServer(): Promise<RunningServer> {
  const external = process.env.E2E_BASE_URL;
  if (external) return { baseUrl: external.replace(/\/$/, ''), close: async () => {} };

  const webDistDir = await buildWebApp();
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    WEB_DIST_DIR: webDistDir,
  });
  let database: DatabaseHandle | undefined;
  try {
    database = await createTestDatabase();
    await seedDemo(database.db);
    const app = await buildApp({ config, database, logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('The server did not report its port');
    const opened = database;
    return {
      baseUrl: `http://127.0.0.1:${address.port}`,
      close: async () => {
        await app.close();
        await opened.close();
      },
    };
  } catch (error) {
    await database?.close();
    throw error;
  }
}

/** Builds the web app into a scratch folder, so the journey tests the sources as they are now. */
export async function buildWebApp(): Promise<string> {
  const outDir = path.join(repositoryRoot, '.test-data', 'e2e-web');
  // The e2e project's global setup builds once per run and says so; journeys then reuse that build.
  if (process.env.E2E_WEB_BUILT === outDir && fs.existsSync(path.join(outDir, 'index.html'))) return outDir;
  fs.mkdirSync(path.dirname(outDir), { recursive: true });
  // The test runner sets NODE_ENV=test, which would make Vite bundle React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: path.join(repositoryRoot, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, sourcemap: false },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  return outDir;
}
