import { and, eq, exists, gt, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { iatiActivities, programmeMembers, programmes, programmeUsers } from '../../db/schema/index.js';
import type { Actor } from '../../lib/actor.js';
import { notFound } from '../../lib/errors.js';
import type { ProgrammeAccess } from './policy.js';

/** A membership counts while the organization has not left (left_on empty or in the future). */
export const activeMembership = () => or(isNull(programmeMembers.leftOn), gt(programmeMembers.leftOn, sql`current_date`))!;

/** The WHERE condition selecting the programmes an actor may see: their organization is a member, or they hold a programme role. */
export function visibleProgrammes(actor: Actor): SQL {
  return or(
    exists(
      sql`(select 1 from ${programmeMembers} where ${programmeMembers.programmeId} = ${programmes.id} and ${programmeMembers.organizationId} = ${actor.organizationId} and (${programmeMembers.leftOn} is null or ${programmeMembers.leftOn} > current_date))`,
    ),
    exists(
      sql`(select 1 from ${programmeUsers} where ${programmeUsers.programmeId} = ${programmes.id} and ${programmeUsers.userId} = ${actor.userId})`,
    ),
    // Imported IATI activities are public data: every signed-in user reads them.
    exists(sql`(select 1 from ${iatiActivities} where ${iatiActivities.programmeId} = ${programmes.id})`),
  )!;
}

/** What the actor is to one programme; a programme that does not exist is "not found". */
export async function getProgrammeAccess(db: Database, actor: Actor, programmeId: string): Promise<ProgrammeAccess> {
  const [programme] = await db
    .select({ id: programmes.id, budgetTransparent: programmes.budgetTransparent, imported: sql<boolean>`exists (select 1 from ${iatiActivities} where ${iatiActivities.programmeId} = ${programmes.id})` })
    .from(programmes)
    .where(eq(programmes.id, programmeId))
    .limit(1);
  if (!programme) throw notFound('Programme');
  const [membership] = await db
    .select({ role: programmeMembers.role })
    .from(programmeMembers)
    .where(and(eq(programmeMembers.programmeId, programmeId), eq(programmeMembers.organizationId, actor.organizationId), activeMembership()))
    .limit(1);
  const [userRole] = await db
    .select({ role: programmeUsers.role })
    .from(programmeUsers)
    .where(and(eq(programmeUsers.programmeId, programmeId), eq(programmeUsers.userId, actor.userId)))
    .limit(1);
  return {
    programmeId,
    consortiumRole: membership?.role ?? null,
    userRole: userRole?.role ?? null,
    budgetTransparent: programme.budgetTransparent,
    publicData: programme.imported,
  };
}
