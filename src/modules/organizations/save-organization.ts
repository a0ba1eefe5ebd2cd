import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { organizations } from '../../db/schema/index.js';
import type { Actor } from '../../lib/actor.js';
import { AppError, invalidField } from '../../lib/errors.js';
import { checkIdentifier } from './identifiers.js';
import type { CreateOrganizationInput, UpdateOrganizationInput } from './schemas.js';

export type Warning = { pointer: string; message: string };

/** Warnings that do not stop a save: an identifier prefix org-id.guide does not know. */
export function identifierWarnings(identifier: string | null | undefined, pointer = '/identifier'): Warning[] {
  if (!identifier) return [];
  const check = checkIdentifier(identifier);
  return check.ok && check.warning ? [{ pointer, message: check.warning }] : [];
}

/** Refuses an identifier another live organization already has (the form shows duplicates first). */
async function assertIdentifierFree(db: Database, identifier: string | null | undefined, exceptId?: string): Promise<void> {
  if (!identifier) return;
  const [taken] = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(and(sql`upper(${organizations.identifier}) = upper(${identifier})`, isNull(organizations.deletedAt), exceptId ? sql`${organizations.id} <> ${exceptId}` : undefined))
    .limit(1);
  if (taken) throw invalidField('/identifier', `is already the identifier of ${taken.name} (${taken.id})`, identifier);
}

/** Creates an organization profile; the actor's organization is recorded as its creator. */
export async function createOrganization(db: Database, options: { actor: Actor | null; input: CreateOrganizationInput }) {
  const { input } = options;
  await assertIdentifierFree(db, input.identifier);
  const [row] = await db
    .insert(organizations)
    .values({ ...input, createdByOrganizationId: options.actor?.organizationId ?? null })
    .returning();
  return { organization: row!, warnings: identifierWarnings(row!.identifier) };
}

/**
 * Updates a profile if nobody changed it since the version the client read; a stale version
 * answers version_conflict and changes nothing.
 */
export async function updateOrganization(db: Database, options: { organizationId: string; input: UpdateOrganizationInput }) {
  const { version, ...changes } = options.input;
  if ('identifier' in changes) await assertIdentifierFree(db, changes.identifier, options.organizationId);
  const [row] = await db
    .update(organizations)
    .set({ ...changes, updatedAt: new Date(), version: sql`${organizations.version} + 1` })
    .where(and(eq(organizations.id, options.organizationId), eq(organizations.version, version), isNull(organizations.deletedAt)))
    .returning();
  if (!row) throw await staleOrGone(db, options.organizationId, version);
  return { organization: row, warnings: 'identifier' in changes ? identifierWarnings(row.identifier) : [] };
}

/** Why a versioned write matched nothing: another edit came first, or the organization is deleted. */
async function staleOrGone(db: Database, organizationId: string, version: number): Promise<AppError> {
  const [current] = await db.select({ version: organizations.version, deletedAt: organizations.deletedAt }).from(organizations).where(eq(organizations.id, organizationId));
  if (current?.deletedAt) return new AppError('conflict', 'The organization is deleted; restore it first');
  return new AppError('version_conflict', `Someone changed this organization since you opened it (you had version ${version}, it is now ${current?.version ?? '?'}); reload and apply your changes again`);
}

/** Soft-deletes an organization (restorable); one with users of its own cannot be deleted. */
export async function deleteOrganization(db: Database, options: { organizationId: string; version: number; hasOwnUsers: boolean }) {
  if (options.hasOwnUsers) throw new AppError('conflict', 'This organization has users on this instance; it cannot be deleted');
  const [row] = await db
    .update(organizations)
    .set({ deletedAt: new Date(), updatedAt: new Date(), version: sql`${organizations.version} + 1` })
    .where(and(eq(organizations.id, options.organizationId), eq(organizations.version, options.version), isNull(organizations.deletedAt)))
    .returning();
  if (!row) throw await staleOrGone(db, options.organizationId, options.version);
  return row;
}

/** Restores a soft-deleted organization, unless it was merged or its identifier is now taken. */
export async function restoreOrganization(db: Database, options: { organizationId: string; version: number }) {
  const [current] = await db.select().from(organizations).where(eq(organizations.id, options.organizationId));
  if (!current?.deletedAt) throw new AppError('conflict', 'The organization is not deleted');
  if (current.mergedIntoId) throw new AppError('conflict', 'The organization was merged into another one; it cannot be restored');
  if (current.version !== options.version) throw new AppError('version_conflict', `Someone changed this organization since you opened it (you had version ${options.version}, it is now ${current.version}); reload it`);
  await assertIdentifierFree(db, current.identifier, current.id);
  const [row] = await db
    .update(organizations)
    .set({ deletedAt: null, updatedAt: new Date(), version: sql`${organizations.version} + 1` })
    .where(and(eq(organizations.id, options.organizationId), eq(organizations.version, options.version)))
    .returning();
  if (!row) throw new AppError('version_conflict', 'Someone changed this organization since you opened it; reload it');
  return row;
}
