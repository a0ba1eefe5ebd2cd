import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/client.js';
import { organizations, programmeMembers, users, type ConsortiumRole } from '../../db/schema/index.js';
import { AppError, invalidField, notFound } from '../../lib/errors.js';
import { defaultIatiRole } from './iati-roles.js';
import { updateVersioned } from './versioned-update.js';
import { activeMembership } from './access.js';

const focalPoints = alias(users, 'focal_points');

/** Lists a programme's consortium, current and past members, lead first. */
export async function listMembers(db: Database, programmeId: string) {
  return db
    .select({
      member: programmeMembers,
      organization: { id: organizations.id, name: organizations.name, acronym: organizations.acronym, country: organizations.country, identifier: organizations.identifier },
      focalPoint: { id: focalPoints.id, name: focalPoints.name, email: focalPoints.email },
      active: sql<boolean>`${activeMembership()}`,
    })
    .from(programmeMembers)
    .innerJoin(organizations, eq(organizations.id, programmeMembers.organizationId))
    .leftJoin(focalPoints, eq(focalPoints.id, programmeMembers.focalPointUserId))
    .where(eq(programmeMembers.programmeId, programmeId))
    .orderBy(sql`case ${programmeMembers.role} when 'lead' then 0 else 1 end`, asc(organizations.name));
}

export type MemberRow = Awaited<ReturnType<typeof listMembers>>[number];

async function assertFocalPointWorksFor(db: Database, userId: string | null | undefined, organizationId: string): Promise<void> {
  if (!userId) return;
  const [user] = await db.select({ organizationId: users.organizationId }).from(users).where(eq(users.id, userId)).limit(1);
  if (!user || user.organizationId !== organizationId) throw invalidField('/focalPointUserId', 'must be a user of the member organization', userId);
}

/** Adds an organization to the consortium; its users see the programme from then on. */
export async function addMember(
  db: Database,
  options: { programmeId: string; organizationId: string; role: ConsortiumRole; iatiRole?: number; joinedOn?: string | null; focalPointUserId?: string | null; plannedShare?: number | null },
) {
  return db.transaction(async (tx) => {
    const [organization] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, options.organizationId)).limit(1);
    if (!organization) throw invalidField('/organizationId', 'no such organization', options.organizationId);
    const [existing] = await tx
      .select({ id: programmeMembers.id })
      .from(programmeMembers)
      .where(and(eq(programmeMembers.programmeId, options.programmeId), eq(programmeMembers.organizationId, options.organizationId)))
      .limit(1);
    if (existing) {
      throw new AppError('conflict', 'This organization is already in the consortium (set its left date to end, clear it to rejoin)', {
        details: [{ pointer: '/organizationId', message: 'already a member', value: options.organizationId }],
      });
    }
    await assertFocalPointWorksFor(tx, options.focalPointUserId, options.organizationId);
    const [member] = await tx
      .insert(programmeMembers)
      .values({
        programmeId: options.programmeId,
        organizationId: options.organizationId,
        role: options.role,
        iatiRole: options.iatiRole ?? defaultIatiRole[options.role],
        joinedOn: options.joinedOn ?? sql`current_date`,
        focalPointUserId: options.focalPointUserId ?? null,
        plannedShare: options.plannedShare === undefined || options.plannedShare === null ? null : String(options.plannedShare),
      })
      .returning();
    return member!;
  });
}

/** Changes a membership (role, dates, focal point, planned share); a left date ends its users' access. */
export async function updateMember(
  db: Database,
  options: {
    programmeId: string;
    memberId: string;
    input: { version: number; role?: ConsortiumRole; iatiRole?: number; joinedOn?: string | null; leftOn?: string | null; focalPointUserId?: string | null; plannedShare?: number | null };
  },
) {
  const { version, plannedShare, ...rest } = options.input;
  return db.transaction(async (tx) => {
    const [member] = await tx
      .select()
      .from(programmeMembers)
      .where(and(eq(programmeMembers.id, options.memberId), eq(programmeMembers.programmeId, options.programmeId)))
      .limit(1);
    if (!member) throw notFound('Member');
    await assertFocalPointWorksFor(tx, rest.focalPointUserId, member.organizationId);
    const joinedOn = rest.joinedOn === undefined ? member.joinedOn : rest.joinedOn;
    const leftOn = rest.leftOn === undefined ? member.leftOn : rest.leftOn;
    if (joinedOn && leftOn && leftOn < joinedOn) throw invalidField('/leftOn', 'is before the date joined', leftOn);
    const values: Record<string, unknown> = { ...rest };
    // A new role without an explicit IATI role takes that role's default mapping.
    if (rest.role !== undefined && rest.iatiRole === undefined) values.iatiRole = defaultIatiRole[rest.role];
    if (plannedShare !== undefined) values.plannedShare = plannedShare === null ? null : String(plannedShare);
    return updateVersioned(tx, { table: programmeMembers, id: member.id, version, values, what: 'Member' });
  });
}

/** The active membership of an organization in a programme, or undefined. */
export async function findActiveMember(db: Database, programmeId: string, organizationId: string) {
  const [member] = await db
    .select()
    .from(programmeMembers)
    .where(
      and(
        eq(programmeMembers.programmeId, programmeId),
        eq(programmeMembers.organizationId, organizationId),
        activeMembership(),
      ),
    )
    .limit(1);
  return member;
}

/** Throws a validation error naming the field unless the organization is an active member. */
export async function assertActiveMember(db: Database, programmeId: string, organizationId: string, pointer: string): Promise<void> {
  if (!(await findActiveMember(db, programmeId, organizationId))) throw invalidField(pointer, 'is not a member of this programme', organizationId);
}

/** The enabled users of a member organization, to choose its focal point from; 404 when the membership is not in this programme. */
export async function listMemberUsers(db: Database, programmeId: string, memberId: string) {
  const [member] = await db
    .select({ organizationId: programmeMembers.organizationId })
    .from(programmeMembers)
    .where(and(eq(programmeMembers.id, memberId), eq(programmeMembers.programmeId, programmeId)))
    .limit(1);
  if (!member) throw notFound('Member');
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.organizationId, member.organizationId), isNull(users.disabledAt)))
    .orderBy(asc(users.name));
}
