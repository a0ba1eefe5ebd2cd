import { and, asc, desc, eq, exists, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { networkMemberships, organizations, statements, statementSignatories, statementVersions, type SignatoryStatus } from '../../db/schema/index.js';
import type { Actor } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/errors.js';
import { decodeCursor, paginate } from '../../lib/pagination.js';
import { authorize } from '../../lib/policy.js';
import { requireLiveOrganization } from '../organizations/get-organization.js';
import { currentMembership, loadNetwork, secretariatOf } from './networks.js';
import type { StatementResource } from './policy.js';

export type StatementRow = typeof statements.$inferSelect;

/** What a statement page needs: the record, its current text, its signatories with names, and the rule resource. */
export type StatementView = {
  statement: StatementRow;
  text: typeof statementVersions.$inferSelect;
  signatories: Array<{ row: typeof statementSignatories.$inferSelect; name: string }>;
  draftingName: string;
  resource: StatementResource;
};

/** The WHERE condition for statements an actor may see: published ones, and drafts they draft, co-sign or hold the secretariat of. */
export function visibleStatements(actor: Actor): SQL {
  return or(
    eq(statements.status, 'published'),
    eq(statements.draftingOrganizationId, actor.organizationId),
    exists(sql`(select 1 from ${statementSignatories} where ${statementSignatories.statementId} = ${statements.id} and ${statementSignatories.organizationId} = ${actor.organizationId})`),
    exists(
      sql`(select 1 from ${networkMemberships} where ${networkMemberships.networkId} = ${statements.networkId} and ${networkMemberships.organizationId} = ${actor.organizationId} and ${networkMemberships.role} = 'secretariat' and ${currentMembership()})`,
    ),
  )!;
}

/** Loads a statement for an actor; one they may not see is "not found". */
export async function loadStatement(db: Database, actor: Actor, statementId: string): Promise<StatementView> {
  const [found] = await db
    .select({ statement: statements, draftingName: organizations.name })
    .from(statements)
    .innerJoin(organizations, eq(organizations.id, statements.draftingOrganizationId))
    .where(eq(statements.id, statementId))
    .limit(1);
  if (!found) throw notFound('Statement');
  const { statement } = found;
  const signatories = await db
    .select({ row: statementSignatories, name: organizations.name })
    .from(statementSignatories)
    .innerJoin(organizations, eq(organizations.id, statementSignatories.organizationId))
    .where(eq(statementSignatories.statementId, statement.id))
    .orderBy(asc(organizations.name));
  const resource: StatementResource = {
    kind: 'statement',
    status: statement.status,
    draftingOrganizationId: statement.draftingOrganizationId,
    signatories: signatories.map(({ row }) => ({ organizationId: row.organizationId, status: row.status })),
    secretariatOrganizationIds: await secretariatOf(db, statement.networkId),
  };
  authorize(actor, 'statement.view', resource);
  // Everyone else reads the published text; the drafting parties read the latest draft.
  const shownVersion = statement.status === 'published' ? statement.publishedVersion! : statement.currentVersion;
  const [text] = await db
    .select()
    .from(statementVersions)
    .where(and(eq(statementVersions.statementId, statement.id), eq(statementVersions.number, shownVersion)))
    .limit(1);
  return { statement, text: text!, signatories, draftingName: found.draftingName, resource };
}

/** Statements the actor may see, newest first. */
export async function listStatements(db: Database, options: { actor: Actor; networkId?: string | undefined; limit: number; cursor?: string | undefined }) {
  const conditions = [visibleStatements(options.actor)];
  if (options.networkId) conditions.push(eq(statements.networkId, options.networkId));
  const after = decodeCursor(options.cursor, 2);
  // The cursor keeps the time as the database wrote it (microseconds), which a JavaScript Date would round.
  if (after) conditions.push(sql`(${statements.updatedAt}, ${statements.id}) < (${String(after[0])}::timestamptz, ${String(after[1])}::uuid)`);
  const found = await db
    .select({ statement: statements, draftingName: organizations.name, updatedAtText: sql<string>`${statements.updatedAt}::text` })
    .from(statements)
    .innerJoin(organizations, eq(organizations.id, statements.draftingOrganizationId))
    .where(and(...conditions))
    .orderBy(desc(statements.updatedAt), desc(statements.id))
    .limit(options.limit + 1);
  const { items: rows, nextCursor } = paginate(found, options.limit, (row) => [row.updatedAtText, row.statement.id]);
  return { items: await summarise(db, options.actor, rows), nextCursor };
}

/** Each statement's shown title and signatory counts (outsiders of a published one see only who signed). */
async function summarise(db: Database, actor: Actor, rows: Array<{ statement: typeof statements.$inferSelect; draftingName: string }>) {
  if (rows.length === 0) return [];
  const versions = await db
    .select({ statementId: statementVersions.statementId, number: statementVersions.number, title: statementVersions.title })
    .from(statementVersions)
    .where(inArray(statementVersions.statementId, rows.map((row) => row.statement.id)));
  const signed = await db
    .select({ statementId: statementSignatories.statementId, status: statementSignatories.status, n: sql<number>`count(*)::int` })
    .from(statementSignatories)
    .where(inArray(statementSignatories.statementId, rows.map((row) => row.statement.id)))
    .groupBy(statementSignatories.statementId, statementSignatories.status);
  return rows.map(({ statement, draftingName }) => {
    const shown = statement.status === 'published' ? statement.publishedVersion : statement.currentVersion;
    const counts: Record<SignatoryStatus, number> = { invited: 0, signed: 0, declined: 0 };
    for (const row of signed.filter((candidate) => candidate.statementId === statement.id)) counts[row.status] = Number(row.n);
    // Outsiders see only who signed a published statement, not who was asked or declined.
    const isParty = statement.status === 'draft' || statement.draftingOrganizationId === actor.organizationId;
    return {
      statement,
      draftingName,
      title: versions.find((version) => version.statementId === statement.id && version.number === shown)?.title ?? '',
      counts: isParty ? counts : { invited: 0, signed: counts.signed, declined: 0 },
    };
  });
}

/** Starts a draft (version 1); the drafting organization is its first signatory, asked like the others. */
export async function createStatement(db: Database, options: { actor: Actor; networkId?: string | null | undefined; title: string; body: string; invite: string[] }): Promise<string> {
  const { actor } = options;
  if (options.networkId) await loadNetwork(db, options.networkId);
  for (const [index, organizationId] of options.invite.entries()) await requireLiveOrganization(db, organizationId, `/invite/${index}`);
  return db.transaction(async (tx) => {
    const [statement] = await tx
      .insert(statements)
      .values({ draftingOrganizationId: actor.organizationId, networkId: options.networkId ?? null })
      .returning({ id: statements.id });
    await tx.insert(statementVersions).values({ statementId: statement!.id, number: 1, title: options.title, body: options.body, ...authorOf(actor) });
    const invited = [...new Set([actor.organizationId, ...options.invite])];
    await tx.insert(statementSignatories).values(invited.map((organizationId) => ({ statementId: statement!.id, organizationId })));
    return statement!.id;
  });
}

/**
 * Saves a new version of the draft. Sign-offs were given to the earlier text, so they go back to
 * "invited" and must be given again; declines stay.
 */
export async function reviseStatement(db: Database, options: { actor: Actor; statementId: string; version: number; title: string; body: string }): Promise<void> {
  const view = await loadStatement(db, options.actor, options.statementId);
  authorize(options.actor, 'statement.edit', view.resource);
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(statements)
      .set({ currentVersion: view.statement.currentVersion + 1, updatedAt: new Date(), version: view.statement.version + 1 })
      .where(and(eq(statements.id, view.statement.id), eq(statements.version, options.version), eq(statements.status, 'draft')))
      .returning({ currentVersion: statements.currentVersion });
    if (!updated) throw new AppError('version_conflict', 'The statement was changed by someone else; reload it and try again');
    await tx.insert(statementVersions).values({ statementId: view.statement.id, number: updated.currentVersion, title: options.title, body: options.body, ...authorOf(options.actor) });
    await tx
      .update(statementSignatories)
      .set({ status: 'invited', respondedAt: null, respondedBy: null, respondedVersion: null })
      .where(and(eq(statementSignatories.statementId, view.statement.id), eq(statementSignatories.status, 'signed')));
  });
}

/** Invites more organizations to co-sign (competitors too: any organization of the registry). */
export async function inviteSignatories(db: Database, options: { actor: Actor; statementId: string; organizationIds: string[] }): Promise<void> {
  const view = await loadStatement(db, options.actor, options.statementId);
  authorize(options.actor, 'statement.invite', view.resource);
  for (const [index, organizationId] of options.organizationIds.entries()) await requireLiveOrganization(db, organizationId, `/organizationIds/${index}`);
  await db
    .insert(statementSignatories)
    .values(options.organizationIds.map((organizationId) => ({ statementId: view.statement.id, organizationId })))
    .onConflictDoNothing();
}

/** The actor's organization signs off or declines the current text, through the actor. */
export async function respondToStatement(
  db: Database,
  options: { actor: Actor; statementId: string; answer: 'signed' | 'declined'; version: number; comment?: string | null | undefined },
): Promise<void> {
  const view = await loadStatement(db, options.actor, options.statementId);
  authorize(options.actor, 'statement.respond', view.resource);
  // Signing an older text than the one now on the table would sign words that changed.
  if (options.version !== view.statement.currentVersion) {
    throw new AppError('version_conflict', `The text changed: version ${view.statement.currentVersion} is now the draft; read it before answering`);
  }
  await db
    .update(statementSignatories)
    .set({ status: options.answer, respondedVersion: options.version, respondedBy: options.actor.userId, respondedAt: new Date(), comment: options.comment ?? null })
    .where(and(eq(statementSignatories.statementId, view.statement.id), eq(statementSignatories.organizationId, options.actor.organizationId)));
}

/** Publishes the current text with the organizations that signed it; refused without at least one sign-off. */
export async function publishStatement(db: Database, options: { actor: Actor; statementId: string; version: number }): Promise<void> {
  const view = await loadStatement(db, options.actor, options.statementId);
  authorize(options.actor, 'statement.publish', view.resource);
  const signed = view.signatories.filter(({ row }) => row.status === 'signed' && row.respondedVersion === view.statement.currentVersion);
  if (signed.length === 0) throw new AppError('conflict', 'A statement needs at least one sign-off before it is published');
  const [updated] = await db
    .update(statements)
    .set({ status: 'published', publishedVersion: view.statement.currentVersion, publishedAt: new Date(), publishedBy: options.actor.userId, updatedAt: new Date(), version: view.statement.version + 1 })
    .where(and(eq(statements.id, view.statement.id), eq(statements.version, options.version), eq(statements.status, 'draft')))
    .returning({ id: statements.id });
  if (!updated) throw new AppError('version_conflict', 'The statement was changed by someone else; reload it and try again');
}

/** Every version of a statement's text, for the parties to the draft (outsiders see only the published text). */
export async function listStatementVersions(db: Database, statementId: string) {
  return db.select().from(statementVersions).where(eq(statementVersions.statementId, statementId)).orderBy(desc(statementVersions.number));
}

function authorOf(actor: Actor) {
  return { authorName: actor.name, authorUserId: actor.userId, authorOrganizationId: actor.organizationId };
}
