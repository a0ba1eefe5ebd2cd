import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { preparedPerDatabase } from '../../db/prepared.js';
import { programmes } from '../../db/schema/index.js';
import type { Actor } from '../../lib/actor.js';
import { notFound } from '../../lib/errors.js';
import { accessColumns, accessOf, activeMembership, actorValues } from './access.js';
import type { ProgrammeAccess } from './policy.js';

// The current lead; the subquery names its tables in full ("id" alone would bind to organizations).
const leadColumn = sql<{ id: string; name: string } | null>`(select json_build_object('id', "organizations"."id", 'name', "organizations"."name")
  from "programme_members" join "organizations" on "organizations"."id" = "programme_members"."organization_id"
  where "programme_members"."programme_id" = "programmes"."id" and "programme_members"."role" = 'lead'
    and ${activeMembership()}
  limit 1)`;

/** Loads a programme with its current lead organization, in one query. */
export async function getProgramme(db: Database, programmeId: string) {
  const [row] = await db.select({ programme: programmes, lead: leadColumn }).from(programmes).where(eq(programmes.id, programmeId)).limit(1);
  if (!row) throw notFound('Programme');
  return { programme: row.programme, lead: row.lead ?? null };
}

// The programme page's read, prepared once per database.
const programmePageQuery = preparedPerDatabase((db) =>
  db
    .select({ programme: programmes, lead: leadColumn, access: accessColumns() })
    .from(programmes)
    .where(eq(programmes.id, sql.placeholder('programmeId')))
    .limit(1)
    .prepare('consortia_programme_page'),
);

/**
 * Loads a programme, its current lead and what the actor is to it, in one query (the programme
 * page's whole read); the caller authorizes with the access before presenting anything.
 */
export async function getProgrammeWithAccess(db: Database, actor: Actor, programmeId: string): Promise<{ programme: typeof programmes.$inferSelect; lead: { id: string; name: string } | null; access: ProgrammeAccess }> {
  const [row] = await programmePageQuery(db).execute({ ...actorValues(actor), programmeId });
  if (!row) throw notFound('Programme');
  return { programme: row.programme, lead: row.lead ?? null, access: accessOf(programmeId, row.access) };
}
