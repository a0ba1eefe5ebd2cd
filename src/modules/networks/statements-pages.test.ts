import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../test/support/app.js';
import { buildOrganization, buildUser, TEST_PASSWORD } from '../../../test/support/factories.js';
import { statements, statementVersions } from '../../db/schema/index.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('statements a page at a time', () => {
  it('pages through every statement the reader may see, most recently changed first, without repeats', async () => {
    const db = t.database.db;
    const drafter = await buildOrganization(db, { name: 'Drafting NGO' });
    const other = await buildOrganization(db, { name: 'Other NGO' });
    const session = await login(t.app, (await buildUser(db, { organizationId: drafter.id })).email, TEST_PASSWORD);
    // 60 drafts written in one statement share one updated_at: only the id tells them apart.
    const own = await db.insert(statements).values(Array.from({ length: 60 }, () => ({ draftingOrganizationId: drafter.id }))).returning({ id: statements.id });
    const hidden = await db.insert(statements).values({ draftingOrganizationId: other.id }).returning({ id: statements.id });
    await db.insert(statementVersions).values([...own, ...hidden].map(({ id }, index) => ({ statementId: id, number: 1, title: `Statement ${index}`, body: 'Text', authorName: 'Someone' })));
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/statements?limit=25${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const response = await t.app.inject({ method: 'GET', url, headers: session.headers() });
      expect(response.statusCode).toBe(200);
      const page = response.json() as { items: Array<{ id: string }>; nextCursor: string | null };
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(60);
    expect(new Set(seen)).toEqual(new Set(own.map((row) => row.id)));
    expect(seen).not.toContain(hidden[0]!.id);
    const refused = await t.app.inject({ method: 'GET', url: '/api/statements?limit=0', headers: session.headers() });
    expect(refused.statusCode).toBe(400);
  });
});
