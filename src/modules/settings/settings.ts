import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { instanceSettings } from '../../db/schema/index.js';

/** Reads one instance setting, or undefined when never set. */
export async function getSetting<T>(db: Database, key: string): Promise<T | undefined> {
  const [row] = await db.select().from(instanceSettings).where(eq(instanceSettings.key, key)).limit(1);
  return row?.value as T | undefined;
}

/** Writes one instance setting (insert or replace). */
export async function putSetting(db: Database, key: string, value: unknown): Promise<void> {
  await db
    .insert(instanceSettings)
    .values({ key, value })
    .onConflictDoUpdate({ target: instanceSettings.key, set: { value, updatedAt: new Date() } });
}

/** Set-up marker: who prepared this database first ("demo" seed or "cli"); the demo is seeded only on a pristine one. */
export const SETUP_SOURCE_KEY = 'setup.source';
