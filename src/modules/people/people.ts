import { and, asc, desc, eq, gt, isNull, isNotNull, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { organizations, people, personEmployments } from '../../db/schema/index.js';
import type { Actor } from '../../lib/actor.js';
import { AppError, invalidField, notFound } from '../../lib/errors.js';
import { decodeCursor, paginate } from '../../lib/pagination.js';
import { can } from '../../lib/policy.js';
import { loadProfile, requireLiveOrganization } from '../organizations/get-organization.js';
import { normalizedQuery, personPlainName } from '../organizations/search.js';
import type { CreatePersonInput, UpdatePersonInput } from './schemas.js';

export type PersonRow = { person: typeof people.$inferSelect; organization: { id: string; name: string } | null };

const today = () => new Date().toISOString().slice(0, 10);

function selectPeople(db: Database) {
  return db
    .select({ person: people, organization: { id: organizations.id, name: organizations.name } })
    .from(people)
    .leftJoin(organizations, eq(organizations.id, people.organizationId));
}

/** Who may edit a person: whoever may edit the employer's profile, the organization that recorded the person, instance administrators. */
export async function canEditPerson(db: Database, actor: Actor, person: typeof people.$inferSelect): Promise<boolean> {
  if (actor.isInstanceAdmin || person.createdByOrganizationId === actor.organizationId) return true;
  if (!person.organizationId) return false;
  const profile = await loadProfile(db, person.organizationId);
  return profile !== undefined && can(actor, 'organization.edit', profile.resource);
}

/** Records a person; with an employer, opens their first employment. */
export async function createPerson(db: Database, options: { actor: Actor; input: CreatePersonInput }) {
  const { input } = options;
  if (input.organizationId) await requireLiveOrganization(db, input.organizationId, '/organizationId');
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(people).values({ ...input, createdByOrganizationId: options.actor.organizationId }).returning();
    if (row!.organizationId) {
      await tx.insert(personEmployments).values({ personId: row!.id, organizationId: row!.organizationId, position: row!.position, startedOn: today() });
    }
    return getPerson(tx, row!.id);
  });
}

/** One person, deleted or not, with their employer. */
export async function getPerson(db: Database, personId: string): Promise<PersonRow> {
  const [row] = await selectPeople(db).where(eq(people.id, personId));
  if (!row) throw notFound('Person');
  return row;
}

/** A person's employers over time, most recent first. */
export async function listEmployments(db: Database, personId: string) {
  return db
    .select({ employment: personEmployments, organization: { id: organizations.id, name: organizations.name } })
    .from(personEmployments)
    .innerJoin(organizations, eq(organizations.id, personEmployments.organizationId))
    .where(eq(personEmployments.personId, personId))
    .orderBy(desc(personEmployments.startedOn), desc(personEmployments.createdAt));
}

/**
 * Updates a person if the version is current. A new employer closes the open employment on the
 * day of the change and opens a new one, so that the history is kept.
 */
export async function updatePerson(db: Database, options: { personId: string; input: UpdatePersonInput }) {
  const { version, changedOn, ...changes } = options.input;
  if (changes.organizationId) await requireLiveOrganization(db, changes.organizationId, '/organizationId');
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(people).where(eq(people.id, options.personId)).for('update');
    if (!current) throw notFound('Person');
    if (current.deletedAt) throw new AppError('conflict', 'The person is deleted; restore them first');
    if (current.version !== version) throw new AppError('version_conflict', `Someone changed this person since you opened it (you had version ${version}, it is now ${current.version})`);
    const day = changedOn ?? today();
    const employerChanged = changes.organizationId !== undefined && changes.organizationId !== current.organizationId;
    if (employerChanged) {
      const [open] = await tx.select({ startedOn: personEmployments.startedOn }).from(personEmployments).where(and(eq(personEmployments.personId, current.id), isNull(personEmployments.endedOn)));
      if (open?.startedOn && day < open.startedOn) throw invalidField('/changedOn', `is before the start of the current employment (${open.startedOn})`, day);
      await tx.update(personEmployments).set({ endedOn: day }).where(and(eq(personEmployments.personId, current.id), isNull(personEmployments.endedOn)));
      if (changes.organizationId) {
        await tx.insert(personEmployments).values({ personId: current.id, organizationId: changes.organizationId, position: changes.position ?? null, startedOn: day });
      }
    } else if (changes.position !== undefined && current.organizationId) {
      await tx.update(personEmployments).set({ position: changes.position }).where(and(eq(personEmployments.personId, current.id), isNull(personEmployments.endedOn)));
    }
    await tx.update(people).set({ ...changes, updatedAt: new Date(), version: sql`${people.version} + 1` }).where(eq(people.id, current.id));
    return getPerson(tx, current.id);
  });
}

/** Soft-deletes (deleted: true) or restores a person. */
export async function setPersonDeleted(db: Database, options: { personId: string; version: number; deleted: boolean }) {
  const current = await getPerson(db, options.personId);
  if (Boolean(current.person.deletedAt) === options.deleted) throw new AppError('conflict', options.deleted ? 'The person is already deleted' : 'The person is not deleted');
  const [row] = await db
    .update(people)
    .set({ deletedAt: options.deleted ? new Date() : null, updatedAt: new Date(), version: sql`${people.version} + 1` })
    .where(and(eq(people.id, options.personId), eq(people.version, options.version)))
    .returning();
  if (!row) throw new AppError('version_conflict', `Someone changed this person since you opened it (you had version ${options.version}, it is now ${current.person.version})`);
  return getPerson(db, row.id);
}

/** Lists people by name, optionally of one employer or matching a name (accents and case ignored). */
export async function listPeople(db: Database, options: { actor: Actor; q?: string; organizationId?: string; deleted?: boolean; limit: number; cursor?: string }) {
  const after = decodeCursor(options.cursor, 2) as [string, string] | undefined;
  const normalized = options.q ? normalizedQuery(options.q) : undefined;
  const plain = personPlainName;
  const rows = await selectPeople(db)
    .where(
      and(
        options.deleted ? and(isNotNull(people.deletedAt), options.actor.isInstanceAdmin ? undefined : eq(people.createdByOrganizationId, options.actor.organizationId)) : isNull(people.deletedAt),
        options.organizationId ? eq(people.organizationId, options.organizationId) : undefined,
        normalized ? sql`(${plain} like '%' || ${normalized} || '%' or ${normalized} <% ${plain})` : undefined,
        after ? or(gt(people.name, after[0]), and(eq(people.name, after[0]), gt(people.id, after[1]))) : undefined,
      ),
    )
    .orderBy(asc(people.name), asc(people.id))
    .limit(options.limit + 1);
  return paginate(rows, options.limit, (row) => [row.person.name, row.person.id]);
}

/** A person as the API shows them. */
export function presentPerson(row: PersonRow) {
  return {
    id: row.person.id,
    name: row.person.name,
    organization: row.organization,
    position: row.person.position,
    contacts: row.person.contacts,
    languages: row.person.languages,
    deletedAt: row.person.deletedAt?.toISOString() ?? null,
    version: row.person.version,
  };
}
