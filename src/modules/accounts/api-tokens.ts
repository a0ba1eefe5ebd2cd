import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { apiTokens, users } from '../../db/schema/index.js';
import type { Actor } from '../../lib/actor.js';
import { notFound } from '../../lib/errors.js';
import { generateToken, hashToken } from '../../lib/secrets.js';
import { actorColumns, SESSION_TOUCH_MS, toActor } from './sessions.js';

const TOKEN_PREFIX = 'cst_';

/** Creates a personal API token; the raw token is returned once and only its hash is kept. */
export async function createApiToken(db: Database, options: { userId: string; name: string }) {
  const token = generateToken(TOKEN_PREFIX);
  const [row] = await db
    .insert(apiTokens)
    .values({ userId: options.userId, name: options.name, tokenHash: hashToken(token) })
    .returning();
  return { ...row!, token };
}

/** Lists a user's tokens that are not revoked, newest first. */
export async function listApiTokens(db: Database, userId: string) {
  return db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt));
}

/** Revokes one of the user's own tokens; another user's token is "not found". */
export async function revokeApiToken(db: Database, options: { userId: string; tokenId: string }): Promise<void> {
  const revoked = await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, options.tokenId), eq(apiTokens.userId, options.userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  if (revoked.length === 0) throw notFound('Token');
}

/** Resolves a bearer token to an actor; undefined when unknown, revoked or the user is disabled. */
export async function resolveApiToken(db: Database, token: string): Promise<Actor | undefined> {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined;
  const [row] = await db
    .select({ token: { id: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt }, user: actorColumns })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt)))
    .limit(1);
  if (!row || row.user.disabledAt) return undefined;
  // The last use is shown to the owner to the minute: a script's every request need not write it.
  const now = new Date();
  if (!row.token.lastUsedAt || now.getTime() - row.token.lastUsedAt.getTime() > SESSION_TOUCH_MS) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.token.id));
  }
  return toActor(row.user, 'token');
}
