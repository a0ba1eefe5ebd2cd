import { and, asc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { networkMemberships, networks, organizations, relationships, type MembershipRole, type NetworkKind } from '../../db/schema/index.js';
import type { Actor } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/errors.js';
import { authorize } from '../../lib/policy.js';
import { getVisibleProfile, loadProfile, requireLiveOrganization } from '../organizations/get-organization.js';
import type { NetworkResource } from './policy.js';

export type NetworkRow = typeof networks.$inferSelect;
export type MembershipRow = typeof networkMemberships.$inferSelect;

/** A membership counts while it has not ended (left_on empty or in the future). */
export const currentMembership = () => or(isNull(networkMemberships.leftOn), gt(networkMemberships.leftOn, sql`current_date`))!;

/** The organizations holding a network's secretariat today. */
export async function secretariatOf(db: Database, networkId: string | null): Promise<string[]> {
  if (!networkId) return [];
  const rows = await db
    .select({ organizationId: networkMemberships.organizationId })
    .from(networkMemberships)
    .where(and(eq(networkMemberships.networkId, networkId), eq(networkMemberships.role, 'secretariat'), currentMembership()));
  return rows.map((row) => row.organizationId);
}

/** Loads a network and what the rules need to know about it. */
export async function loadNetwork(db: Database, networkId: string): Promise<{ network: NetworkRow; resource: NetworkResource }> {
  const [network] = await db.select().from(networks).where(eq(networks.id, networkId)).limit(1);
  if (!network) throw notFound('Network');
  const profile = await loadProfile(db, network.organizationId);
  if (!profile || profile.row.deletedAt) throw notFound('Network');
  return { network, resource: { kind: 'network', profile: profile.resource, secretariatOrganizationIds: await secretariatOf(db, network.id) } };
}

/** Marks an organization of the registry as a network or association (its own users, or its creator while it has none). */
export async function markNetwork(db: Database, options: { actor: Actor; organizationId: string; kind: NetworkKind; description?: string | null | undefined }): Promise<string> {
  const profile = await getVisibleProfile(db, options.actor, options.organizationId);
  authorize(options.actor, 'network.mark', profile.resource);
  const [inserted] = await db
    .insert(networks)
    .values({ organizationId: options.organizationId, kind: options.kind, description: options.description ?? null })
    .onConflictDoNothing()
    .returning({ id: networks.id });
  if (!inserted) throw new AppError('conflict', 'This organization is already a network or association');
  return inserted.id;
}

/** Every network and association, with its current number of members. */
export async function listNetworks(db: Database) {
  return db
    .select({
      network: networks,
      name: organizations.name,
      acronym: organizations.acronym,
      country: organizations.country,
      members: sql<number>`(select count(*)::int from ${networkMemberships} where ${networkMemberships.networkId} = ${networks.id} and ${currentMembership()})`,
    })
    .from(networks)
    .innerJoin(organizations, eq(organizations.id, networks.organizationId))
    .where(isNull(organizations.deletedAt))
    .orderBy(asc(organizations.name));
}

/** A network's members, past and present, with their names. */
export async function listMembers(db: Database, networkId: string) {
  return db
    .select({ membership: networkMemberships, name: organizations.name, acronym: organizations.acronym, country: organizations.country })
    .from(networkMemberships)
    .innerJoin(organizations, eq(organizations.id, networkMemberships.organizationId))
    .where(eq(networkMemberships.networkId, networkId))
    .orderBy(asc(organizations.name));
}

/**
 * Adds a member organization with its role and dates, and records the tie in the registry
 * ("is a member of") so that the organization's relationships show it too.
 */
export async function addMember(
  db: Database,
  options: { actor: Actor; networkId: string; organizationId: string; role: MembershipRole; joinedOn?: string | null | undefined; leftOn?: string | null | undefined },
): Promise<MembershipRow> {
  const { network, resource } = await loadNetwork(db, options.networkId);
  authorize(options.actor, 'network.manage', resource);
  await requireLiveOrganization(db, options.organizationId, '/organizationId');
  if (options.organizationId === network.organizationId) throw new AppError('validation_failed', 'A network cannot be its own member', { details: [{ pointer: '/organizationId', message: 'is the network itself' }] });
  checkDates(options.joinedOn, options.leftOn);
  return db.transaction(async (tx) => {
    const [membership] = await tx
      .insert(networkMemberships)
      .values({ networkId: network.id, organizationId: options.organizationId, role: options.role, joinedOn: options.joinedOn ?? null, leftOn: options.leftOn ?? null })
      .onConflictDoNothing()
      .returning();
    if (!membership) throw new AppError('conflict', 'This organization is already listed as a member; change its membership instead');
    await tx
      .insert(relationships)
      .values({ sourceOrganizationId: options.organizationId, targetOrganizationId: network.organizationId, type: 'member-of', startedOn: options.joinedOn ?? null, createdBy: options.actor.userId })
      .onConflictDoNothing();
    return membership;
  });
}

/** Changes a membership's role or dates (ending it keeps it in the history). */
export async function updateMember(
  db: Database,
  options: { actor: Actor; networkId: string; membershipId: string; version: number; role?: MembershipRole | undefined; joinedOn?: string | null | undefined; leftOn?: string | null | undefined },
): Promise<MembershipRow> {
  const { resource } = await loadNetwork(db, options.networkId);
  authorize(options.actor, 'network.manage', resource);
  const [existing] = await db
    .select()
    .from(networkMemberships)
    .where(and(eq(networkMemberships.id, options.membershipId), eq(networkMemberships.networkId, options.networkId)))
    .limit(1);
  if (!existing) throw notFound('Membership');
  const joinedOn = options.joinedOn === undefined ? existing.joinedOn : options.joinedOn;
  const leftOn = options.leftOn === undefined ? existing.leftOn : options.leftOn;
  checkDates(joinedOn, leftOn);
  const [updated] = await db
    .update(networkMemberships)
    .set({ role: options.role ?? existing.role, joinedOn, leftOn, updatedAt: new Date(), version: existing.version + 1 })
    .where(and(eq(networkMemberships.id, existing.id), eq(networkMemberships.version, options.version)))
    .returning();
  if (!updated) throw new AppError('version_conflict', 'The membership was changed by someone else; reload it and try again');
  return updated;
}

/** The networks and associations an organization belongs to, past and present. */
export async function listMembershipsOf(db: Database, organizationId: string) {
  return db
    .select({ membership: networkMemberships, network: networks, name: organizations.name, acronym: organizations.acronym })
    .from(networkMemberships)
    .innerJoin(networks, eq(networks.id, networkMemberships.networkId))
    .innerJoin(organizations, eq(organizations.id, networks.organizationId))
    .where(eq(networkMemberships.organizationId, organizationId))
    .orderBy(asc(organizations.name));
}

function checkDates(joinedOn: string | null | undefined, leftOn: string | null | undefined): void {
  if (joinedOn && leftOn && leftOn < joinedOn) throw new AppError('validation_failed', 'A membership cannot end before it starts', { details: [{ pointer: '/leftOn', message: 'is before joinedOn', value: leftOn }] });
}
