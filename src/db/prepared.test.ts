// A query prepared once per database session (prepared.ts) must run where an unprepared one would:
// on the database outside transactions, and on a transaction's own connection inside one (seeing
// its uncommitted writes), including through the request's scoped database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestDatabase } from './test-database.js';
import type { DatabaseHandle } from './client.js';
import { preparedPerDatabase } from './prepared.js';
import { runNamed } from './raw-query.js';
import { runAsActor, scopedDatabase } from './transaction-scope.js';
import { organizations } from './schema/index.js';

let handle: DatabaseHandle;
let built = 0;
const byName = preparedPerDatabase((db) => {
  built += 1;
  return db.select({ id: organizations.id }).from(organizations).where(eq(organizations.name, sql.placeholder('name'))).prepare('prepared_test_by_name');
});

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => handle?.close());

describe('preparedPerDatabase', () => {
  it('is prepared once for the database, and answers with each call its own values', async () => {
    await handle.db.insert(organizations).values([{ name: 'Prepared Alpha' }, { name: 'Prepared Beta' }]);
    const before = built;
    expect(await byName(handle.db).execute({ name: 'Prepared Alpha' })).toHaveLength(1);
    expect(await byName(handle.db).execute({ name: 'Prepared Beta' })).toHaveLength(1);
    expect(await byName(handle.db).execute({ name: 'Nobody' })).toHaveLength(0);
    expect(built - before).toBe(1);
  });

  it('runs inside a transaction on the transaction, seeing its own uncommitted writes', async () => {
    await handle.db.transaction(async (tx) => {
      await tx.insert(organizations).values({ name: 'Prepared Gamma' });
      expect(await byName(tx).execute({ name: 'Prepared Gamma' })).toHaveLength(1);
      tx.rollback();
    }).catch((error: unknown) => {
      if (!(error instanceof Error) || !/rollback/i.test(error.message)) throw error;
    });
    // Rolled back: the database's own prepared query does not see it, and still works.
    expect(await byName(handle.db).execute({ name: 'Prepared Gamma' })).toHaveLength(0);
  });

  it('follows the request scope: the scoped database resolves to the open transaction at each call', async () => {
    const scoped = scopedDatabase(handle.db);
    const seen = await runAsActor(
      scoped,
      null,
      async () => {
        await scoped.insert(organizations).values({ name: 'Prepared Delta' });
        return (await byName(scoped).execute({ name: 'Prepared Delta' })).length;
      },
      () => false,
    );
    expect(seen).toBe(1);
    expect(await byName(scoped).execute({ name: 'Prepared Delta' })).toHaveLength(0);
    expect(await byName(scoped).execute({ name: 'Prepared Alpha' })).toHaveLength(1);
  });

  it('runs a named constant statement with the values of each call, on the transaction inside one', async () => {
    const text = 'select count(*)::int as n from organizations where name = $1';
    const count = async (db: Parameters<typeof runNamed>[0], name: string) => (await runNamed<{ n: number }>(db, 'prepared_test_count', text, [name]))[0]!.n;
    expect(await count(handle.db, 'Prepared Alpha')).toBe(1);
    expect(await count(handle.db, 'Nobody')).toBe(0);
    await handle.db
      .transaction(async (tx) => {
        await tx.insert(organizations).values({ name: 'Prepared Epsilon' });
        expect(await count(tx, 'Prepared Epsilon')).toBe(1);
        tx.rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof Error) || !/rollback/i.test(error.message)) throw error;
      });
    expect(await count(handle.db, 'Prepared Epsilon')).toBe(0);
  });
});
