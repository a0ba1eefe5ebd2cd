import { and, eq, exists, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { organizations, users } from '../../db/schema/index.js';
import type { Actor } from '../../lib/actor.js';
import { invalidField, notFound } from '../../lib/errors.js';
import { canEditProfile, type ProfileResource } from './policy.js';

export type OrganizationRow = typeof organizations.$inferSelect;

/** The profile resource the access rules need: who created it, whether it has users of its own. */
export async function loadProfile(db: Database, organizationId: string): Promise<{ row: OrganizationRow; resource: ProfileResource } | undefined> {
  const [found] = await db
    .select({
      row: organizations,
      hasOwnUsers: exists(db.select({ one: sql`1` }).from(users).where(eq(users.organizationId, organizations.id))),
    })
    .from(organizations)
    .where(eq(organizations.id, organizationId))
    .limit(1);
  if (!found) return undefined;
  return {
    row: found.row,
    resource: {
      kind: 'organization-profile',
      organizationId: found.row.id,
      createdByOrganizationId: found.row.createdByOrganizationId,
      hasOwnUsers: Boolean(found.hasOwnUsers),
    },
  };
}

/**
 * Finds a profile the actor may see: any live organization, and a deleted one only for those
 * who could restore it (to everyone else it does not exist).
 */
export async function getVisibleProfile(db: Database, actor: Actor, organizationId: string) {
  const profile = await loadProfile(db, organizationId);
  if (!profile) throw notFound('Organization');
  if (profile.row.deletedAt && !canEditProfile(actor, profile.resource)) throw notFound('Organization');
  return profile;
}

/** A live organization, for references (employer, relationship side); deleted ones are refused as not found. */
export async function requireLiveOrganization(db: Database, organizationId: string, pointer: string) {
  const [row] = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(and(eq(organizations.id, organizationId), sql`${organizations.deletedAt} is null`))
    .limit(1);
  if (!row) throw invalidField(pointer, 'is not an organization of this instance', organizationId);
  return row;
}
