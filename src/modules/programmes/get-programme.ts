import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { organizations, programmeMembers, programmes } from '../../db/schema/index.js';
import { notFound } from '../../lib/errors.js';
import { activeMembership } from './access.js';

/** Loads a programme with its current lead organization. */
export async function getProgramme(db: Database, programmeId: string) {
  const [programme] = await db.select().from(programmes).where(eq(programmes.id, programmeId)).limit(1);
  if (!programme) throw notFound('Programme');
  const [lead] = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(programmeMembers)
    .innerJoin(organizations, eq(organizations.id, programmeMembers.organizationId))
    .where(and(eq(programmeMembers.programmeId, programmeId), eq(programmeMembers.role, 'lead'), activeMembership()))
    .limit(1);
  return { programme, lead: lead ?? null };
}
