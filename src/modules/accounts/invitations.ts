import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { invitations, organizations, type UserRole } from '../../db/schema/index.js';
import { AppError, notFound } from '../../lib/errors.js';
import { generateToken, hashToken } from '../../lib/secrets.js';
import { createUser, findUserByEmail, normalizeEmail } from './users.js';
import { grantProgrammeInvitation } from '../programmes/invite-to-programme.js';

/** Creates a one-time invitation for a colleague; the raw token is returned once, to build the link. */
export async function createInvitation(
  db: Database,
  options: { organizationId: string; email: string; role: UserRole; invitedBy: string; ttlMs: number },
) {
  const email = normalizeEmail(options.email);
  // Only a colleague's account is named (the administrator lists those anyway); an account in
  // another organization gets the same answer as a new e-mail, so accounts cannot be enumerated.
  const existing = await findUserByEmail(db, email);
  if (existing && existing.organizationId === options.organizationId) {
    throw new AppError('conflict', `A user with e-mail ${email} already exists`, { details: [{ pointer: '/email', message: 'already has an account' }] });
  }
  const token = generateToken();
  const [invitation] = await db
    .insert(invitations)
    .values({
      organizationId: options.organizationId,
      email,
      role: options.role,
      tokenHash: hashToken(token),
      invitedBy: options.invitedBy,
      expiresAt: new Date(Date.now() + options.ttlMs),
    })
    .returning();
  return { invitation: invitation!, token };
}

/** Finds a usable invitation by its raw token: unknown is 404, used or expired is 410. */
export async function findOpenInvitation(db: Database, token: string) {
  const [row] = await db
    .select({ invitation: invitations, organization: { id: organizations.id, name: organizations.name } })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .where(eq(invitations.tokenHash, hashToken(token)))
    .limit(1);
  if (!row) throw notFound('Invitation');
  if (row.invitation.acceptedAt) throw new AppError('expired', 'This invitation has already been used');
  if (row.invitation.expiresAt.getTime() <= Date.now()) throw new AppError('expired', 'This invitation has expired');
  return row;
}

/** Accepts an invitation: creates the account and uses up the link, in one transaction. */
export async function acceptInvitation(db: Database, options: { token: string; name: string; password: string }) {
  return db.transaction(async (tx) => {
    const { invitation } = await findOpenInvitation(tx, options.token);
    // Mark it used first, guarded on "not yet used", so two concurrent accepts cannot both succeed.
    const claimed = await tx
      .update(invitations)
      .set({ acceptedAt: new Date() })
      .where(and(eq(invitations.id, invitation.id), isNull(invitations.acceptedAt)))
      .returning({ acceptedAt: invitations.acceptedAt });
    if (claimed.length === 0) throw new AppError('expired', 'This invitation has already been used');
    // Invitations do not reveal existing accounts to the inviter, so the link's holder learns it here.
    if (await findUserByEmail(tx, invitation.email)) {
      throw new AppError('conflict', 'This e-mail already has an account: sign in with it instead', { details: [{ pointer: '/email', message: 'already has an account' }] });
    }
    const user = await createUser(tx, {
      email: invitation.email,
      password: options.password,
      name: options.name,
      organizationId: invitation.organizationId,
      role: invitation.role,
    });
    // A programme invitation (donor staff as observers) also gives the programme role.
    await grantProgrammeInvitation(tx, invitation, user.id);
    return user;
  });
}
