import { eq, exists, gt, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { preparedPerDatabase } from '../../db/prepared.js';
import { iatiActivities, programmeMembers, programmes, programmeUsers, type ConsortiumRole, type ProgrammeUserRole } from '../../db/schema/index.js';
import type { Actor } from '../../lib/actor.js';
import { notFound } from '../../lib/errors.js';
import type { ProgrammeAccess } from './policy.js';

/** A membership counts while the organization has not left (left_on empty or in the future). */
export const activeMembership = () => or(isNull(programmeMembers.leftOn), gt(programmeMembers.leftOn, sql`current_date`))!;

/** The WHERE condition selecting the programmes an actor may see: their organization is a member, or they hold a programme role. */
export function visibleProgrammes(actor: Actor): SQL {
  return or(
    exists(
      sql`(select 1 from ${programmeMembers} where ${programmeMembers.programmeId} = ${programmes.id} and ${programmeMembers.organizationId} = ${actor.organizationId} and ${activeMembership()})`,
    ),
    exists(
      sql`(select 1 from ${programmeUsers} where ${programmeUsers.programmeId} = ${programmes.id} and ${programmeUsers.userId} = ${actor.userId})`,
    ),
    // Imported IATI activities are public data: every signed-in user reads them.
    exists(sql`(select 1 from ${iatiActivities} where ${iatiActivities.programmeId} = ${programmes.id})`),
  )!;
}

/**
 * The columns of a query over `programmes` that say what the actor is to each programme, for
 * queries prepared once: the actor comes in as placeholders, executed with actorValues(actor). They
 * name their tables in full (an unqualified "id" inside a subquery would bind to the inner table).
 */
export function accessColumns() {
  return {
    budgetTransparent: programmes.budgetTransparent,
    imported: sql<boolean>`exists (select 1 from "iati_activities" where "iati_activities"."programme_id" = "programmes"."id")`,
    consortiumRole: sql<ConsortiumRole | null>`(select "programme_members"."role" from "programme_members" where "programme_members"."programme_id" = "programmes"."id" and "programme_members"."organization_id" = ${sql.placeholder('actorOrganizationId')} and ${activeMembership()} limit 1)`,
    userRole: sql<ProgrammeUserRole | null>`(select "programme_users"."role" from "programme_users" where "programme_users"."programme_id" = "programmes"."id" and "programme_users"."user_id" = ${sql.placeholder('actorUserId')} limit 1)`,
  };
}

/** The placeholder values of accessColumns for one actor. */
export const actorValues = (actor: Actor) => ({ actorOrganizationId: actor.organizationId, actorUserId: actor.userId });

/** The access of a row selected with accessColumns. */
export function accessOf(programmeId: string, row: { budgetTransparent: boolean; imported: boolean; consortiumRole: ConsortiumRole | null; userRole: ProgrammeUserRole | null }): ProgrammeAccess {
  return { programmeId, consortiumRole: row.consortiumRole ?? null, userRole: row.userRole ?? null, budgetTransparent: row.budgetTransparent, publicData: row.imported };
}

// Every programme route asks it first: prepared once per database.
const accessQuery = preparedPerDatabase((db) =>
  db.select(accessColumns()).from(programmes).where(eq(programmes.id, sql.placeholder('programmeId'))).limit(1).prepare('consortia_programme_access'),
);

/** What the actor is to one programme, in one query; a programme that does not exist is "not found". */
export async function getProgrammeAccess(db: Database, actor: Actor, programmeId: string): Promise<ProgrammeAccess> {
  const [programme] = await accessQuery(db).execute({ ...actorValues(actor), programmeId });
  if (!programme) throw notFound('Programme');
  return accessOf(programmeId, programme);
}
