import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { organizations, programmeMembers, surveyCompletions, surveyRecipients, users } from '../../db/schema/index.js';
import { AppError, invalidField, notFound } from '../../lib/errors.js';
import { generateToken, hashToken } from '../../lib/secrets.js';
import { activeMembership } from '../programmes/access.js';
import { roundStatus, type RoundRow } from './rounds.js';
import type { AddRecipientsInput } from './schemas.js';

export type IssuedLink = { recipientId: string; name: string; email: string; organizationId: string; token: string };

/** The organizations whose people may answer a round: the programme's active members, or the organization itself. */
export async function respondentOrganizations(db: Database, round: RoundRow): Promise<Map<string, { name: string; role: string | null }>> {
  if (!round.programmeId) {
    const [organization] = await db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, round.organizationId));
    return new Map([[round.organizationId, { name: organization?.name ?? '', role: null }]]);
  }
  const rows = await db
    .select({ id: programmeMembers.organizationId, role: programmeMembers.role, name: organizations.name })
    .from(programmeMembers)
    .innerJoin(organizations, eq(organizations.id, programmeMembers.organizationId))
    .where(and(eq(programmeMembers.programmeId, round.programmeId), activeMembership()))
    .orderBy(asc(organizations.name));
  return new Map(rows.map((row) => [row.id, { name: row.name, role: row.role }]));
}

/**
 * Adds people to a round, each with a new personal link. The links are returned once: only
 * their hashes are stored. People already in the round are left as they are.
 */
export async function addRecipients(db: Database, options: { round: RoundRow; input: AddRecipientsInput }): Promise<IssuedLink[]> {
  const { round, input } = options;
  if (roundStatus(round) === 'closed') throw new AppError('conflict', 'The round is closed; start a new round to ask again');
  const allowed = await respondentOrganizations(db, round);
  input.recipients.forEach((recipient, index) => {
    if (!allowed.has(recipient.organizationId)) {
      throw invalidField(`/recipients/${index}/organizationId`, round.programmeId ? 'is not a member organization of the programme' : 'is not the organization running the round', recipient.organizationId);
    }
  });
  input.usersOfOrganizations.forEach((organizationId, index) => {
    if (!allowed.has(organizationId)) throw invalidField(`/usersOfOrganizations/${index}`, 'is not an organization whose people answer this round', organizationId);
  });
  const fromUsers =
    input.usersOfOrganizations.length === 0
      ? []
      : await db
          .select({ id: users.id, email: users.email, name: users.name, organizationId: users.organizationId, language: users.language })
          .from(users)
          .where(and(inArray(users.organizationId, input.usersOfOrganizations), isNull(users.disabledAt)));
  const wanted = [
    ...input.recipients.map((recipient) => ({ ...recipient, language: recipient.language ?? 'en', userId: null as string | null })),
    ...fromUsers.map((user) => ({ email: user.email, name: user.name, organizationId: user.organizationId, language: user.language ?? 'en', userId: user.id as string | null })),
  ];
  const links: IssuedLink[] = [];
  const seen = new Set<string>();
  await db.transaction(async (tx) => {
    for (const recipient of wanted) {
      const email = recipient.email.trim().toLowerCase();
      if (seen.has(email)) continue;
      seen.add(email);
      const token = generateToken();
      const [row] = await tx
        .insert(surveyRecipients)
        .values({ roundId: round.id, organizationId: recipient.organizationId, email, name: recipient.name, language: recipient.language, userId: recipient.userId, tokenHash: hashToken(token) })
        .onConflictDoNothing()
        .returning({ id: surveyRecipients.id });
      if (row) links.push({ recipientId: row.id, name: recipient.name, email, organizationId: recipient.organizationId, token });
    }
  });
  return links;
}

/** Gives a person who has not answered yet a new link (the old one stops working), for a lost or forwarded link. */
export async function renewLink(db: Database, options: { round: RoundRow; recipientId: string }): Promise<IssuedLink> {
  if (roundStatus(options.round) === 'closed') throw new AppError('conflict', 'The round is closed');
  const [completion] = await db.select().from(surveyCompletions).where(eq(surveyCompletions.recipientId, options.recipientId));
  if (completion) throw new AppError('conflict', 'This person has already answered');
  const token = generateToken();
  const [row] = await db
    .update(surveyRecipients)
    .set({ tokenHash: hashToken(token) })
    .where(and(eq(surveyRecipients.id, options.recipientId), eq(surveyRecipients.roundId, options.round.id)))
    .returning();
  if (!row) throw notFound('Recipient');
  return { recipientId: row.id, name: row.name, email: row.email, organizationId: row.organizationId, token };
}

/** Who the round was sent to and whether each has answered (never what), with counts per organization. */
export async function roundProgress(db: Database, round: RoundRow) {
  const rows = await db
    .select({
      id: surveyRecipients.id,
      name: surveyRecipients.name,
      email: surveyRecipients.email,
      organizationId: surveyRecipients.organizationId,
      organizationName: organizations.name,
      language: surveyRecipients.language,
      answered: sql<boolean>`(${surveyCompletions.recipientId} is not null)`,
    })
    .from(surveyRecipients)
    .innerJoin(organizations, eq(organizations.id, surveyRecipients.organizationId))
    .leftJoin(surveyCompletions, eq(surveyCompletions.recipientId, surveyRecipients.id))
    .where(eq(surveyRecipients.roundId, round.id))
    .orderBy(asc(organizations.name), asc(surveyRecipients.name));
  const byOrganization = new Map<string, { organizationId: string; name: string; recipients: number; answered: number }>();
  for (const row of rows) {
    const entry = byOrganization.get(row.organizationId) ?? { organizationId: row.organizationId, name: row.organizationName, recipients: 0, answered: 0 };
    entry.recipients += 1;
    if (row.answered) entry.answered += 1;
    byOrganization.set(row.organizationId, entry);
  }
  const items = rows.map((row) => ({ ...row, answered: Boolean(row.answered) }));
  return { recipients: rows.length, answered: items.filter((row) => row.answered).length, byOrganization: [...byOrganization.values()], items };
}
