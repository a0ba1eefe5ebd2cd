import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { preparedPerDatabase } from '../../db/prepared.js';
import { sessions, users } from '../../db/schema/index.js';
import type { Actor } from '../../lib/actor.js';
import { generateToken, hashToken } from '../../lib/secrets.js';

export const SESSION_COOKIE = 'consortia_session';

/** Opens a session for a user; the raw token goes into the cookie and is never stored. */
export async function createSession(db: Database, options: { userId: string; ttlMs: number }) {
  const token = generateToken();
  const csrfToken = generateToken();
  const expiresAt = new Date(Date.now() + options.ttlMs);
  const [row] = await db
    .insert(sessions)
    .values({ tokenHash: hashToken(token), userId: options.userId, csrfToken, expiresAt })
    .returning({ id: sessions.id });
  // Expired sessions are cleaned up opportunistically so the table does not grow forever.
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
  return { id: row!.id, token, csrfToken, expiresAt };
}

// The session lookup runs on every authenticated request: prepared once per database (its SQL is
// built once, and on PostgreSQL it is a named statement each connection parses and plans once:
// a look-up by a unique token, whose plan does not depend on the values).
const sessionLookup = preparedPerDatabase((db) =>
  db
    .select({ session: { id: sessions.id, csrfToken: sessions.csrfToken, lastSeenAt: sessions.lastSeenAt }, user: actorColumns })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, sql.placeholder('tokenHash')), gt(sessions.expiresAt, sql.placeholder('now'))))
    .limit(1)
    .prepare('consortia_session_lookup'),
);

/** Resolves a session cookie to an actor, sliding its expiry; undefined when unknown, expired or the user is disabled. */
export async function resolveSession(
  db: Database,
  options: { token: string; ttlMs: number },
): Promise<{ actor: Actor; csrfToken: string } | undefined> {
  const now = new Date();
  // One round trip on every request: the session and only the user columns an actor needs.
  const [row] = await sessionLookup(db).execute({ tokenHash: hashToken(options.token), now });
  if (!row || row.user.disabledAt) return undefined;
  // Extend an active session, at most once a minute to keep reads cheap.
  if (now.getTime() - row.session.lastSeenAt.getTime() > SESSION_TOUCH_MS) {
    await db
      .update(sessions)
      .set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + options.ttlMs) })
      .where(eq(sessions.id, row.session.id));
  }
  return { actor: toActor(row.user, 'session', row.session.id), csrfToken: row.session.csrfToken };
}

/** Ends one session (log-out). */
export async function deleteSession(db: Database, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Ends every session of a user (after a password reset). */
export async function deleteUserSessions(db: Database, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/** How often a session's sliding expiry (and a token's last use) is written, at most. */
export const SESSION_TOUCH_MS = 60_000;

/** The user columns the request actor is built from (and whether the account is disabled). */
export const actorColumns = {
  id: users.id,
  organizationId: users.organizationId,
  email: users.email,
  name: users.name,
  role: users.role,
  isInstanceAdmin: users.isInstanceAdmin,
  language: users.language,
  disabledAt: users.disabledAt,
};

/** Builds the request actor from a user row. */
export function toActor(user: Pick<typeof users.$inferSelect, 'id' | 'organizationId' | 'email' | 'name' | 'role' | 'isInstanceAdmin' | 'language'>, via: Actor['via'], sessionId?: string): Actor {
  return {
    userId: user.id,
    organizationId: user.organizationId,
    email: user.email,
    name: user.name,
    role: user.role,
    isInstanceAdmin: user.isInstanceAdmin,
    language: user.language ?? null,
    via,
    ...(sessionId ? { sessionId } : {}),
  };
}

/** Number of live sessions of a user (used by tests and the admin view). */
export async function countSessions(db: Database, userId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, new Date())));
  return Number(row?.count ?? 0);
}
