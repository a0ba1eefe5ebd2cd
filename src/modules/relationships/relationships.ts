import { aliasedTable, and, asc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { organizations, relationships } from '../../db/schema/index.js';
import type { Actor } from '../../lib/actor.js';
import { AppError, invalidField, notFound } from '../../lib/errors.js';
import { decodeCursor, paginate } from '../../lib/pagination.js';
import { authorize, can } from '../../lib/policy.js';
import { loadProfile, requireLiveOrganization } from '../organizations/get-organization.js';
import { relationshipTypeInfo } from './types.js';
import type { CreateRelationshipInput, UpdateRelationshipInput } from './schemas.js';

const source = aliasedTable(organizations, 'source');
const target = aliasedTable(organizations, 'target');

export type RelationshipRow = { relationship: typeof relationships.$inferSelect; source: { id: string; name: string }; target: { id: string; name: string } };

function selectRelationships(db: Database) {
  return db
    .select({ relationship: relationships, source: { id: source.id, name: source.name }, target: { id: target.id, name: target.name } })
    .from(relationships)
    .innerJoin(source, eq(source.id, relationships.sourceOrganizationId))
    .innerJoin(target, eq(target.id, relationships.targetOrganizationId));
}

/** Whoever may edit the profile of either side may record, change or end a relationship. */
async function authorizeSides(db: Database, actor: Actor, sourceId: string, targetId: string): Promise<void> {
  const [first, second] = await Promise.all([loadProfile(db, sourceId), loadProfile(db, targetId)]);
  if ((first && can(actor, 'organization.edit', first.resource)) || (second && can(actor, 'organization.edit', second.resource))) return;
  if (first) authorize(actor, 'organization.edit', first.resource);
  throw new AppError('forbidden', 'You may only record relationships of organizations whose profile you may edit');
}

/** Records a relationship; a symmetric one already recorded the other way round counts as the same. */
export async function createRelationship(db: Database, options: { actor: Actor; input: CreateRelationshipInput }) {
  const { input } = options;
  if (input.sourceOrganizationId === input.targetOrganizationId) throw invalidField('/targetOrganizationId', 'must be another organization than the source');
  checkDates(input.startedOn, input.endedOn);
  await requireLiveOrganization(db, input.sourceOrganizationId, '/sourceOrganizationId');
  await requireLiveOrganization(db, input.targetOrganizationId, '/targetOrganizationId');
  await authorizeSides(db, options.actor, input.sourceOrganizationId, input.targetOrganizationId);
  const symmetric = relationshipTypeInfo[input.type].symmetric;
  const [existing] = await db
    .select({ id: relationships.id })
    .from(relationships)
    .where(
      and(
        eq(relationships.type, input.type),
        isNull(relationships.deletedAt),
        or(
          and(eq(relationships.sourceOrganizationId, input.sourceOrganizationId), eq(relationships.targetOrganizationId, input.targetOrganizationId)),
          symmetric ? and(eq(relationships.sourceOrganizationId, input.targetOrganizationId), eq(relationships.targetOrganizationId, input.sourceOrganizationId)) : sql`false`,
        ),
      ),
    );
  if (existing) throw new AppError('conflict', `This relationship is already recorded (${existing.id})`);
  const [row] = await db.insert(relationships).values({ ...input, createdBy: options.actor.userId }).returning();
  return getRelationship(db, row!.id);
}

function checkDates(startedOn: string | null | undefined, endedOn: string | null | undefined): void {
  if (startedOn && endedOn && endedOn < startedOn) throw invalidField('/endedOn', 'is before the start date', endedOn);
}

/** One relationship with both sides' names; deleted ones too (for restore). */
export async function getRelationship(db: Database, relationshipId: string): Promise<RelationshipRow> {
  const [row] = await selectRelationships(db).where(eq(relationships.id, relationshipId));
  if (!row) throw notFound('Relationship');
  return row;
}

/** Changes type, dates or notes if the version is current. */
export async function updateRelationship(db: Database, options: { actor: Actor; relationshipId: string; input: UpdateRelationshipInput }) {
  const current = await getRelationship(db, options.relationshipId);
  await authorizeSides(db, options.actor, current.source.id, current.target.id);
  const { version, ...changes } = options.input;
  checkDates(changes.startedOn === undefined ? current.relationship.startedOn : changes.startedOn, changes.endedOn === undefined ? current.relationship.endedOn : changes.endedOn);
  const [row] = await db
    .update(relationships)
    .set({ ...changes, updatedAt: new Date(), version: sql`${relationships.version} + 1` })
    .where(and(eq(relationships.id, options.relationshipId), eq(relationships.version, version), isNull(relationships.deletedAt)))
    .returning();
  if (!row) throw staleRelationship(current, version);
  return getRelationship(db, row.id);
}

function staleRelationship(current: RelationshipRow, version: number): AppError {
  if (current.relationship.deletedAt) return new AppError('conflict', 'The relationship is deleted; restore it first');
  return new AppError('version_conflict', `Someone changed this relationship since you opened it (you had version ${version}, it is now ${current.relationship.version})`);
}

/** Soft-deletes (deleted: true) or restores (deleted: false) a relationship. */
export async function setRelationshipDeleted(db: Database, options: { actor: Actor; relationshipId: string; version: number; deleted: boolean }) {
  const current = await getRelationship(db, options.relationshipId);
  await authorizeSides(db, options.actor, current.source.id, current.target.id);
  if (Boolean(current.relationship.deletedAt) === options.deleted) throw new AppError('conflict', options.deleted ? 'The relationship is already deleted' : 'The relationship is not deleted');
  const [row] = await db
    .update(relationships)
    .set({ deletedAt: options.deleted ? new Date() : null, updatedAt: new Date(), version: sql`${relationships.version} + 1` })
    .where(and(eq(relationships.id, options.relationshipId), eq(relationships.version, options.version)))
    .returning();
  if (!row) throw new AppError('version_conflict', `Someone changed this relationship since you opened it (you had version ${options.version}, it is now ${current.relationship.version})`);
  return getRelationship(db, row.id);
}

/** Live relationships, optionally of one organization (either side) or of one type; by id, cursor-paginated. */
export async function listRelationships(db: Database, options: { organizationId?: string; type?: (typeof relationships.$inferSelect)['type']; limit: number; cursor?: string }) {
  const after = decodeCursor(options.cursor, 1);
  const rows = await selectRelationships(db)
    .where(
      and(
        isNull(relationships.deletedAt),
        isNull(source.deletedAt),
        isNull(target.deletedAt),
        options.organizationId ? or(eq(relationships.sourceOrganizationId, options.organizationId), eq(relationships.targetOrganizationId, options.organizationId)) : undefined,
        options.type ? eq(relationships.type, options.type) : undefined,
        after ? gt(relationships.id, String(after[0])) : undefined,
      ),
    )
    .orderBy(asc(relationships.id))
    .limit(options.limit + 1);
  return paginate(rows, options.limit, (row) => [row.relationship.id]);
}

/** A relationship as the API shows it, with the label read from each side. */
export function presentRelationship(row: RelationshipRow) {
  const info = relationshipTypeInfo[row.relationship.type];
  return {
    id: row.relationship.id,
    type: row.relationship.type,
    source: row.source,
    target: row.target,
    labels: { source: info.forward, target: info.inverse },
    startedOn: row.relationship.startedOn,
    endedOn: row.relationship.endedOn,
    notes: row.relationship.notes,
    deletedAt: row.relationship.deletedAt?.toISOString() ?? null,
    version: row.relationship.version,
  };
}
