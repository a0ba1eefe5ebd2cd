import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { passwordResets, users } from '../../db/schema/index.js';
import { AppError, notFound } from '../../lib/errors.js';
import { generateToken, hashPassword, hashToken } from '../../lib/secrets.js';
import { deleteUserSessions } from './sessions.js';
import { assertPassword } from './users.js';

/** Issues a one-time password-reset link for a user; the raw token is returned once. */
export async function createPasswordReset(db: Database, options: { userId: string; createdBy: string; ttlMs: number }) {
  const token = generateToken();
  const [reset] = await db
    .insert(passwordResets)
    .values({ userId: options.userId, createdBy: options.createdBy, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + options.ttlMs) })
    .returning();
  return { reset: reset!, token };
}

/** Checks a reset link without using it (for the reset page). */
export async function findOpenPasswordReset(db: Database, token: string) {
  const [reset] = await db.select().from(passwordResets).where(eq(passwordResets.tokenHash, hashToken(token))).limit(1);
  if (!reset) throw notFound('Reset link');
  if (reset.usedAt) throw new AppError('expired', 'This reset link has already been used');
  if (reset.expiresAt.getTime() <= Date.now()) throw new AppError('expired', 'This reset link has expired');
  return reset;
}

/** Sets a new password through a reset link, uses the link up and ends the user's sessions. */
export async function completePasswordReset(db: Database, options: { token: string; password: string }): Promise<void> {
  assertPassword(options.password);
  const passwordHash = await hashPassword(options.password);
  await db.transaction(async (tx) => {
    const reset = await findOpenPasswordReset(tx, options.token);
    const claimed = await tx
      .update(passwordResets)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResets.id, reset.id), isNull(passwordResets.usedAt)))
      .returning({ id: passwordResets.id });
    if (claimed.length === 0) throw new AppError('expired', 'This reset link has already been used');
    await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, reset.userId));
    await deleteUserSessions(tx, reset.userId);
  });
}
