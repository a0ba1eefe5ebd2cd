// The directory search runs as a named prepared statement (search-page.ts). On PostgreSQL, a named
// statement may switch to a generic plan after five runs, which for the search is hundreds of times
// slower (it cannot know how selective the query's words are): the pool's connections forbid it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Session, type TestApp } from '../../../test/support/app.js';
import { buildOrganization, buildUser, TEST_PASSWORD } from '../../../test/support/factories.js';

let t: TestApp;
let session: Session;

beforeAll(async () => {
  t = await createTestApp();
  await buildOrganization(t.database.db, { name: 'Réseau des Femmes de Kaya', acronym: 'RFK' });
  await buildOrganization(t.database.db, { name: 'Kaya Water Trust', acronym: null });
  session = await login(t.app, (await buildUser(t.database.db)).email, TEST_PASSWORD);
});
afterAll(async () => t?.close());

describe('directory search statement', () => {
  it('gives the same answer however many times it runs (past the point where a plan could be cached)', async () => {
    for (let run = 0; run < 12; run++) {
      const response = await t.app.inject({ method: 'GET', url: '/api/organizations?q=kaya', headers: session.headers() });
      expect(response.statusCode).toBe(200);
      expect((response.json() as { items: Array<{ name: string }> }).items.map((item) => item.name)).toEqual(['Kaya Water Trust', 'Réseau des Femmes de Kaya']);
    }
  });

  it.runIf(Boolean(process.env.DATABASE_URL))('is always planned with its own values on PostgreSQL', async () => {
    const [row] = await t.database.query<{ mode: string }>(`select current_setting('plan_cache_mode') as mode`);
    expect(row!.mode).toBe('force_custom_plan');
  });
});
