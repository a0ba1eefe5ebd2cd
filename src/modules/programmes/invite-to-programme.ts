import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { invitations, organizations, programmeUsers, users } from '../../db/schema/index.js';
import { invalidField } from '../../lib/errors.js';
import { generateToken, hashToken } from '../../lib/secrets.js';
import { findUserByEmail, normalizeEmail } from '../accounts/users.js';
import { findActiveMember } from './members.js';

/**
 * Invites someone to a programme by a one-time link. A "member" invitation is for a colleague of
 * a member organization who has no account yet (their access comes from the membership); an
 * "observer" invitation gives read-only access, e.g. to donor staff. An observer who already has
 * an account is given the role at once; the answer looks the same either way.
 */
export async function inviteToProgramme(
  db: Database,
  options: { programmeId: string; email: string; organizationId: string; programmeRole: 'member' | 'observer'; invitedBy: string; ttlMs: number },
) {
  const email = normalizeEmail(options.email);
  return db.transaction(async (tx) => {
    const [organization] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, options.organizationId)).limit(1);
    if (!organization) throw invalidField('/organizationId', 'no such organization', options.organizationId);
    if (options.programmeRole === 'member' && !(await findActiveMember(tx, options.programmeId, options.organizationId))) {
      throw invalidField('/organizationId', 'is not a member of this programme: invite an observer, or add the organization first', options.organizationId);
    }
    // The answer never tells whether the e-mail has an account (no enumeration): a link is always
    // issued; an existing account cannot use it (it is told to sign in), and an observer who already
    // has an account is given the role at once.
    const existing = await findUserByEmail(tx, email);
    if (existing && options.programmeRole === 'observer') {
      await tx.insert(programmeUsers).values({ programmeId: options.programmeId, userId: existing.id, role: 'observer' }).onConflictDoNothing();
    }
    const token = generateToken();
    const [invitation] = await tx
      .insert(invitations)
      .values({
        organizationId: options.organizationId,
        email,
        role: 'member',
        tokenHash: hashToken(token),
        invitedBy: options.invitedBy,
        programmeId: options.programmeId,
        programmeRole: options.programmeRole,
        expiresAt: new Date(Date.now() + options.ttlMs),
      })
      .returning();
    return { invitation: invitation!, token, email };
  });
}

/** Grants what a programme invitation promised once its account exists (called when it is accepted). */
export async function grantProgrammeInvitation(db: Database, invitation: { programmeId: string | null; programmeRole: 'member' | 'observer' | null }, userId: string): Promise<void> {
  if (!invitation.programmeId || invitation.programmeRole !== 'observer') return;
  await db.insert(programmeUsers).values({ programmeId: invitation.programmeId, userId, role: 'observer' }).onConflictDoNothing();
}

/** Managers and observers named on the programme. */
export async function listProgrammeUsers(db: Database, programmeId: string) {
  return db
    .select({ id: programmeUsers.id, userId: users.id, name: users.name, email: users.email, organization: organizations.name, role: programmeUsers.role })
    .from(programmeUsers)
    .innerJoin(users, eq(users.id, programmeUsers.userId))
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(programmeUsers.programmeId, programmeId));
}
