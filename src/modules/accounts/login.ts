import { and, eq, gt, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { loginAttempts } from '../../db/schema/index.js';
import type { Config } from '../../lib/config.js';
import { AppError } from '../../lib/errors.js';
import { getDecoyHash, verifyPassword } from '../../lib/secrets.js';
import { findUserByEmail, normalizeEmail } from './users.js';

/**
 * Checks credentials, throttled per account and per address. The answer for an unknown e-mail
 * is the same, and takes as long, as for a wrong password, so accounts cannot be enumerated.
 */
export async function verifyLogin(
  db: Database,
  options: { email: string; password: string; address: string; limits: Config['login'] },
) {
  const email = normalizeEmail(options.email);
  const since = new Date(Date.now() - options.limits.windowMs);
  const [byEmail, byAddress] = await Promise.all([
    countFailures(db, eq(loginAttempts.email, email), since),
    countFailures(db, eq(loginAttempts.address, options.address), since),
  ]);
  if (byEmail >= options.limits.maxFailuresPerAccount || byAddress >= options.limits.maxFailuresPerAddress) {
    const retryAfter = Math.ceil(options.limits.windowMs / 1000);
    throw new AppError('rate_limited', 'Too many failed log-in attempts; wait and try again', {
      headers: { 'retry-after': String(retryAfter) },
    });
  }
  const user = await findUserByEmail(db, email);
  const passwordMatches = await verifyPassword(user?.passwordHash ?? (await getDecoyHash()), options.password);
  const succeeded = Boolean(user && passwordMatches && !user.disabledAt);
  await db.insert(loginAttempts).values({ email, address: options.address, succeeded });
  if (!succeeded || !user) throw new AppError('invalid_credentials', 'E-mail or password is wrong');
  // A success forgives earlier failures of this account.
  await db.delete(loginAttempts).where(and(eq(loginAttempts.email, email), eq(loginAttempts.succeeded, false)));
  return user;
}

async function countFailures(db: Database, who: ReturnType<typeof eq>, since: Date): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(loginAttempts)
    .where(and(who, eq(loginAttempts.succeeded, false), gt(loginAttempts.createdAt, since)));
  return Number(row?.count ?? 0);
}
