import { and, asc, eq, gt, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { organizations, users, type UserRole } from '../../db/schema/index.js';
import type { Actor } from '../../lib/actor.js';
import { AppError, invalidField, notFound } from '../../lib/errors.js';
import { decodeCursor, paginate } from '../../lib/pagination.js';
import { hashPassword, PASSWORD_MIN_LENGTH } from '../../lib/secrets.js';

export type NewUser = {
  email: string;
  password: string;
  name?: string;
  organizationId: string;
  role?: UserRole;
  isInstanceAdmin?: boolean;
  language?: 'en' | 'fr' | null;
};

/** Creates a user; refuses a short password or an e-mail address already taken. */
export async function createUser(db: Database, input: NewUser) {
  assertPassword(input.password);
  const email = normalizeEmail(input.email);
  const existing = await findUserByEmail(db, email);
  if (existing) throw new AppError('conflict', `A user with e-mail ${email} already exists`, { details: [{ pointer: '/email', message: 'is already taken' }] });
  const [user] = await db
    .insert(users)
    .values({
      email,
      name: input.name?.trim() || email.split('@')[0]!,
      passwordHash: await hashPassword(input.password),
      organizationId: input.organizationId,
      role: input.role ?? 'member',
      isInstanceAdmin: input.isInstanceAdmin ?? false,
      language: input.language ?? null,
    })
    .returning();
  return user!;
}

/** Refuses passwords that are too short to be safe. */
export function assertPassword(password: string): void {
  if (password.length < PASSWORD_MIN_LENGTH) {
    throw invalidField('/password', `must be at least ${PASSWORD_MIN_LENGTH} characters`);
  }
}

/** E-mail addresses are compared without case or surrounding spaces. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Finds a user by e-mail address, whatever its case. */
export async function findUserByEmail(db: Database, email: string) {
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${normalizeEmail(email)}`)
    .limit(1);
  return user;
}

/** Finds an organization by exact name (case-insensitive), or creates it. */
export async function findOrCreateOrganization(db: Database, name: string) {
  const trimmed = name.trim();
  if (!trimmed) throw invalidField('/org', 'must not be empty');
  const [existing] = await db
    .select()
    .from(organizations)
    .where(and(sql`lower(${organizations.name}) = ${trimmed.toLowerCase()}`, isNull(organizations.deletedAt)))
    .limit(1);
  if (existing) return { organization: existing, created: false };
  const [created] = await db.insert(organizations).values({ name: trimmed }).returning();
  return { organization: created!, created: true };
}

/** Lists the users the actor administers: their organization's, or everyone's for an instance administrator. */
export async function listUsers(db: Database, options: { actor: Actor; limit: number; cursor?: string }) {
  const after = decodeCursor(options.cursor, 2);
  const conditions: SQL[] = [];
  if (!options.actor.isInstanceAdmin) conditions.push(eq(users.organizationId, options.actor.organizationId));
  if (after) {
    const [email, id] = after as [string, string];
    conditions.push(or(gt(users.email, email), and(eq(users.email, email), gt(users.id, id)))!);
  }
  const rows = await db
    .select({ user: users, organization: { id: organizations.id, name: organizations.name } })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(and(...conditions))
    .orderBy(asc(users.email), asc(users.id))
    .limit(options.limit + 1);
  return paginate(rows, options.limit, (row) => [row.user.email, row.user.id]);
}

/** Loads a user by id, or throws not found. */
export async function getUser(db: Database, userId: string) {
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user) throw notFound('User');
  return user;
}

/** Updates a user's own profile fields. */
export async function updateProfile(db: Database, options: { userId: string; name?: string; language?: 'en' | 'fr' | null }) {
  const changes: Partial<typeof users.$inferInsert> = { updatedAt: new Date() };
  if (options.name !== undefined) changes.name = options.name.trim();
  if (options.language !== undefined) changes.language = options.language;
  const [user] = await db
    .update(users)
    .set({ ...changes, version: sql`${users.version} + 1` })
    .where(eq(users.id, options.userId))
    .returning();
  if (!user) throw notFound('User');
  return user;
}
