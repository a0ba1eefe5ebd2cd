import { and, asc, eq, gt, inArray, or } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { organizations, programmeMembers, programmes, programmeUsers } from '../../db/schema/index.js';
import type { Actor } from '../../lib/actor.js';
import { decodeCursor, paginate } from '../../lib/pagination.js';
import { activeMembership, visibleProgrammes } from './access.js';

/** Lists the programmes the actor can see, by title, with the lead and the actor's own role. */
export async function listProgrammes(db: Database, options: { actor: Actor; limit: number; cursor?: string }) {
  const after = decodeCursor(options.cursor, 2);
  const conditions = [visibleProgrammes(options.actor)];
  if (after) {
    const [title, id] = after as [string, string];
    conditions.push(or(gt(programmes.title, title), and(eq(programmes.title, title), gt(programmes.id, id)))!);
  }
  const rows = await db
    .select()
    .from(programmes)
    .where(and(...conditions))
    .orderBy(asc(programmes.title), asc(programmes.id))
    .limit(options.limit + 1);
  const page = paginate(rows, options.limit, (row) => [row.title, row.id]);
  const ids = page.items.map((row) => row.id);
  if (ids.length === 0) return { items: [], nextCursor: page.nextCursor };

  const members = await db
    .select({ programmeId: programmeMembers.programmeId, organizationId: programmeMembers.organizationId, role: programmeMembers.role, name: organizations.name })
    .from(programmeMembers)
    .innerJoin(organizations, eq(organizations.id, programmeMembers.organizationId))
    .where(and(inArray(programmeMembers.programmeId, ids), activeMembership()));
  const userRoles = await db
    .select({ programmeId: programmeUsers.programmeId, role: programmeUsers.role })
    .from(programmeUsers)
    .where(and(inArray(programmeUsers.programmeId, ids), eq(programmeUsers.userId, options.actor.userId)));

  const items = page.items.map((programme) => {
    const lead = members.find((member) => member.programmeId === programme.id && member.role === 'lead');
    const mine = members.find((member) => member.programmeId === programme.id && member.organizationId === options.actor.organizationId);
    const userRole = userRoles.find((role) => role.programmeId === programme.id)?.role;
    return {
      programme,
      lead: lead ? { id: lead.organizationId, name: lead.name } : null,
      myRole: userRole === 'manager' ? ('manager' as const) : (mine?.role ?? userRole ?? ('observer' as const)),
      organizationRole: mine?.role ?? null,
    };
  });
  return { items, nextCursor: page.nextCursor };
}
