import { asc, eq, inArray, isNull, and } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { organizations, programmeMembers, programmes, users } from '../../db/schema/index.js';
import { can } from '../../lib/policy.js';
import type { LogContext } from './context.js';

/** The organizations and people a working-log form offers, and what the actor may do there. */
export async function logParticipants(db: Database, options: { context: LogContext }) {
  const { context } = options;
  const [programme] = await db.select({ localities: programmes.localities }).from(programmes).where(eq(programmes.id, context.programme.id)).limit(1);
  const members = await db
    .select({ id: organizations.id, name: organizations.name, acronym: organizations.acronym, role: programmeMembers.role, leftOn: programmeMembers.leftOn })
    .from(programmeMembers)
    .innerJoin(organizations, eq(organizations.id, programmeMembers.organizationId))
    .where(eq(programmeMembers.programmeId, context.programme.id))
    .orderBy(asc(organizations.name));
  const people = members.length
    ? await db
        .select({ id: users.id, name: users.name, organizationId: users.organizationId })
        .from(users)
        .where(and(inArray(users.organizationId, members.map((member) => member.id)), isNull(users.disabledAt)))
        .orderBy(asc(users.name))
    : [];
  const today = new Date().toISOString().slice(0, 10);
  const resource = { kind: 'programme' as const, access: context.access };
  return {
    programme: { ...context.programme, localities: programme?.localities ?? [] },
    organizations: members.map((member) => ({ id: member.id, name: member.name, acronym: member.acronym, role: member.role, left: member.leftOn !== null && member.leftOn <= today })),
    users: people,
    me: {
      organizationId: context.actor.organizationId,
      isMember: context.access.consortiumRole !== null,
      canRecord: can(context.actor, 'programme.contribute', resource),
      canManage: context.canManage,
    },
  };
}
