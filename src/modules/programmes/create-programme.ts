import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { organizations, programmeMembers, programmes, programmeUsers } from '../../db/schema/index.js';
import type { Actor } from '../../lib/actor.js';
import { AppError, invalidField } from '../../lib/errors.js';
import { defaultIatiRole } from './iati-roles.js';
import type { CreateProgrammeInput } from './schemas.js';

/** Throws 409 when another programme already uses the reference. */
export async function assertReferenceFree(db: Database, ref: string, exceptId?: string): Promise<void> {
  const [existing] = await db.select({ id: programmes.id }).from(programmes).where(eq(programmes.ref, ref)).limit(1);
  if (existing && existing.id !== exceptId) {
    throw new AppError('conflict', `A programme with reference ${ref} already exists`, { details: [{ pointer: '/ref', message: 'is already used', value: ref }] });
  }
}

/** Checks the dates are in order; the pointer names the end date. */
export function assertDatesInOrder(startDate: string | null | undefined, endDate: string | null | undefined, pointer = '/endDate'): void {
  if (startDate && endDate && endDate < startDate) throw invalidField(pointer, 'ends before it starts', endDate);
}

/** Creates a programme: the creator becomes its manager and their organization its lead unless another lead (or none) is given. */
export async function createProgramme(db: Database, options: { actor: Actor; input: CreateProgrammeInput }) {
  const { actor, input } = options;
  assertDatesInOrder(input.startDate, input.endDate);
  return db.transaction(async (tx) => {
    await assertReferenceFree(tx, input.ref);
    const leadId = input.leadOrganizationId === undefined ? actor.organizationId : input.leadOrganizationId;
    if (leadId) {
      const [organization] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, leadId)).limit(1);
      if (!organization) throw invalidField('/leadOrganizationId', 'no such organization', leadId);
    }
    const { leadOrganizationId: _lead, ...fields } = input;
    const [programme] = await tx.insert(programmes).values({ ...fields, createdBy: actor.userId }).returning();
    if (leadId) {
      await tx.insert(programmeMembers).values({
        programmeId: programme!.id,
        organizationId: leadId,
        role: 'lead',
        iatiRole: defaultIatiRole.lead,
        joinedOn: input.startDate ?? null,
        focalPointUserId: leadId === actor.organizationId ? actor.userId : null,
      });
    }
    await tx.insert(programmeUsers).values({ programmeId: programme!.id, userId: actor.userId, role: 'manager' });
    return programme!;
  });
}
