import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createTestDatabase } from '../../src/db/test-database.js';
import type { DatabaseHandle } from '../../src/db/client.js';
import { loadConfig, type Config } from '../../src/lib/config.js';
import { buildApp } from '../../src/server/app.js';

export type TestApp = { app: FastifyInstance; database: DatabaseHandle; config: Config; close: () => Promise<void> };

/** Builds the real app on a fresh migrated database; call close() in afterAll. */
export async function createTestApp(environment: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', WEB_DIST_DIR: '/nonexistent', ...environment });
  const app = await buildApp({ config, database, logger: false });
  await app.ready();
  return {
    app,
    database,
    config,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** A signed-in browser-like client: the session cookie and the CSRF header on every request. */
export type Session = {
  cookie: string;
  csrfToken: string;
  headers: (extra?: Record<string, string>) => Record<string, string>;
};

/** Signs in through the API, as the web app does. */
export async function login(app: FastifyInstance, email: string, password: string): Promise<Session> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`login failed for ${email}: ${response.statusCode} ${response.body}`);
  return sessionFrom(response);
}

/** Reads the session cookie and CSRF token out of a log-in or invitation-accept response. */
export function sessionFrom(response: LightMyRequestResponse): Session {
  const cookie = response.cookies.find((candidate) => candidate.name === 'consortia_session');
  if (!cookie) throw new Error('no session cookie in response');
  const csrfToken = (response.json() as { csrfToken: string }).csrfToken;
  const cookieHeader = `consortia_session=${cookie.value}`;
  return {
    cookie: cookieHeader,
    csrfToken,
    headers: (extra = {}) => ({ cookie: cookieHeader, 'x-csrf-token': csrfToken, ...extra }),
  };
}
