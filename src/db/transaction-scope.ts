import { AsyncLocalStorage } from 'node:async_hooks';
import { sql } from 'drizzle-orm';
import type { Database } from './client.js';

// The transaction of the running request, if any. Domain functions receive `app.db`, a delegate
// that uses this transaction when one is open, so no domain function has to change to take part
// in it; their own `db.transaction(...)` calls become savepoints inside it.
const scope = new AsyncLocalStorage<{ tx: Database }>();

/** A Database that runs on the current request's transaction when there is one, else on `db` itself. */
export function scopedDatabase(db: Database): Database {
  return new Proxy(db, {
    get(target, property) {
      const base = scope.getStore()?.tx ?? target;
      const value: unknown = Reflect.get(base, property, base);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(base) : value;
    },
  });
}

/** Thrown inside the transaction to roll it back while keeping the work's result. */
class RollbackWith<T> extends Error {
  constructor(readonly result: T) {
    super('rolled back');
  }
}

/**
 * Runs `work` in one transaction whose first statement names the actor for the audit triggers
 * (`consortia.actor_id`, null = the system). Commits when `work` resolves and `keep(result)` is
 * true; rolls back when it throws (rethrown) or when `keep` says no (result returned).
 */
export async function runAsActor<T>(db: Database, actorUserId: string | null, work: () => Promise<T>, keep: (result: T) => boolean = () => true): Promise<T> {
  try {
    return await db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('consortia.actor_id', ${actorUserId ?? ''}, true)`);
      const result = await scope.run({ tx: tx as unknown as Database }, work);
      if (!keep(result)) throw new RollbackWith(result);
      return result;
    });
  } catch (error) {
    if (error instanceof RollbackWith) return error.result as T;
    throw error;
  }
}
