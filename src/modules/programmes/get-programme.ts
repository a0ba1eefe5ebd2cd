import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { programmes } from '../../db/schema/index.js';
import { notFound } from '../../lib/errors.js';

/** Loads a programme with its current lead organization, in one query. */
export async function getProgramme(db: Database, programmeId: string) {
  // The lead as in activeMembership(); the subquery names its tables in full ("id" alone would bind to organizations).
  const [row] = await db
    .select({
      programme: programmes,
      lead: sql<{ id: string; name: string } | null>`(select json_build_object('id', "organizations"."id", 'name', "organizations"."name")
        from "programme_members" join "organizations" on "organizations"."id" = "programme_members"."organization_id"
        where "programme_members"."programme_id" = "programmes"."id" and "programme_members"."role" = 'lead'
          and ("programme_members"."left_on" is null or "programme_members"."left_on" > current_date)
        limit 1)`,
    })
    .from(programmes)
    .where(eq(programmes.id, programmeId))
    .limit(1);
  if (!row) throw notFound('Programme');
  return { programme: row.programme, lead: row.lead ?? null };
}
