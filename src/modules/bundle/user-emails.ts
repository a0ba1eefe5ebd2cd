import { inArray } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { users } from '../../db/schema/index.js';

/*
 * People travel in a bundle by e-mail (user ids mean nothing on another instance). On import an
 * e-mail is linked to the user who has it on this instance, and left out when nobody has it.
 */

const CHUNK = 5_000;

/** User ids by (lower-case) e-mail, for the e-mails given that belong to a user of this instance. */
export async function userIdsByEmail(db: Database, emails: Iterable<string | undefined | null>): Promise<Map<string, string>> {
  const wanted = [...new Set([...emails].filter((value): value is string => Boolean(value)).map((value) => value.trim().toLowerCase()))];
  const found = new Map<string, string>();
  for (let start = 0; start < wanted.length; start += CHUNK) {
    const rows = await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, wanted.slice(start, start + CHUNK)));
    for (const row of rows) found.set(row.email.toLowerCase(), row.id);
  }
  return found;
}

/** E-mails by user id, for the ids given. */
export async function emailsByUserId(db: Database, ids: Iterable<string | undefined | null>): Promise<Map<string, string>> {
  const wanted = [...new Set([...ids].filter((value): value is string => Boolean(value)))];
  const found = new Map<string, string>();
  for (let start = 0; start < wanted.length; start += CHUNK) {
    const rows = await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.id, wanted.slice(start, start + CHUNK)));
    for (const row of rows) found.set(row.id, row.email);
  }
  return found;
}

/** Looks an e-mail up in a map made by userIdsByEmail. */
export const userIdFor = (map: ReadonlyMap<string, string>, email: string | undefined | null): string | null => (email ? (map.get(email.trim().toLowerCase()) ?? null) : null);
