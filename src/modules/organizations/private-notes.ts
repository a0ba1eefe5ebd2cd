import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { organizations, privateNotes, users } from '../../db/schema/index.js';
import type { Actor } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/errors.js';

export type NoteSubject = { organizationId: string } | { relationshipId: string };

/** The notes an actor may read: their own organization's, and those other organizations shared. */
export function visibleNotes(actor: Actor): SQL {
  return or(eq(privateNotes.ownerOrganizationId, actor.organizationId), eq(privateNotes.shared, true))!;
}

function subjectCondition(subject: NoteSubject): SQL {
  return 'organizationId' in subject ? eq(privateNotes.subjectOrganizationId, subject.organizationId) : eq(privateNotes.relationshipId, subject.relationshipId);
}

/** Notes and annotations about one organization or relationship that the actor may read, oldest first. */
export async function listNotes(db: Database, options: { actor: Actor; subject: NoteSubject }) {
  return db
    .select({ note: privateNotes, ownerName: organizations.name, authorName: users.name })
    .from(privateNotes)
    .innerJoin(organizations, eq(organizations.id, privateNotes.ownerOrganizationId))
    .leftJoin(users, eq(users.id, privateNotes.authorId))
    .where(and(subjectCondition(options.subject), visibleNotes(options.actor)))
    .orderBy(asc(privateNotes.createdAt), asc(privateNotes.id));
}

/** One note with its owner's and author's names. */
async function loadNote(db: Database, noteId: string) {
  const [row] = await db
    .select({ note: privateNotes, ownerName: organizations.name, authorName: users.name })
    .from(privateNotes)
    .innerJoin(organizations, eq(organizations.id, privateNotes.ownerOrganizationId))
    .leftJoin(users, eq(users.id, privateNotes.authorId))
    .where(eq(privateNotes.id, noteId));
  if (!row) throw notFound('Note');
  return row;
}

/** Notes on many relationships at once (for a profile page), filtered by what the actor may read. */
export async function listRelationshipNotes(db: Database, options: { actor: Actor; relationshipIds: string[] }) {
  if (options.relationshipIds.length === 0) return [];
  return db
    .select({ note: privateNotes, ownerName: organizations.name, authorName: users.name })
    .from(privateNotes)
    .innerJoin(organizations, eq(organizations.id, privateNotes.ownerOrganizationId))
    .leftJoin(users, eq(users.id, privateNotes.authorId))
    .where(and(inArray(privateNotes.relationshipId, options.relationshipIds), visibleNotes(options.actor)))
    .orderBy(asc(privateNotes.createdAt), asc(privateNotes.id));
}

/** Writes a note in the name of the actor's organization, private unless shared. */
export async function addNote(db: Database, options: { actor: Actor; subject: NoteSubject; body: string; shared: boolean }) {
  const [note] = await db
    .insert(privateNotes)
    .values({
      ownerOrganizationId: options.actor.organizationId,
      subjectOrganizationId: 'organizationId' in options.subject ? options.subject.organizationId : null,
      relationshipId: 'relationshipId' in options.subject ? options.subject.relationshipId : null,
      body: options.body,
      shared: options.shared,
      authorId: options.actor.userId,
    })
    .returning();
  return loadNote(db, note!.id);
}

/** Only the owner organization's users change or delete its notes; to others, a private note does not exist. */
async function ownNote(db: Database, actor: Actor, noteId: string) {
  const [note] = await db.select().from(privateNotes).where(and(eq(privateNotes.id, noteId), visibleNotes(actor)));
  if (!note) throw notFound('Note');
  if (note.ownerOrganizationId !== actor.organizationId) throw new AppError('forbidden', 'Only the organization that wrote this note may change it');
  return note;
}

/** Changes a note's text or sharing, with optimistic concurrency. */
export async function updateNote(db: Database, options: { actor: Actor; noteId: string; version: number; body?: string; shared?: boolean }) {
  await ownNote(db, options.actor, options.noteId);
  const [note] = await db
    .update(privateNotes)
    .set({
      ...(options.body !== undefined ? { body: options.body } : {}),
      ...(options.shared !== undefined ? { shared: options.shared } : {}),
      updatedAt: new Date(),
      version: sql`${privateNotes.version} + 1`,
    })
    .where(and(eq(privateNotes.id, options.noteId), eq(privateNotes.version, options.version)))
    .returning();
  if (!note) throw new AppError('version_conflict', 'Someone changed this note since you opened it; reload it');
  return loadNote(db, note.id);
}

/** Deletes a note of the actor's organization. */
export async function deleteNote(db: Database, options: { actor: Actor; noteId: string }) {
  await ownNote(db, options.actor, options.noteId);
  await db.delete(privateNotes).where(eq(privateNotes.id, options.noteId));
}

/** A note as the API shows it. */
export function presentNote(row: { note: typeof privateNotes.$inferSelect; ownerName: string; authorName: string | null }, actor: Actor) {
  return {
    id: row.note.id,
    subjectOrganizationId: row.note.subjectOrganizationId,
    relationshipId: row.note.relationshipId,
    owner: { id: row.note.ownerOrganizationId, name: row.ownerName },
    author: row.authorName,
    body: row.note.body,
    shared: row.note.shared,
    mine: row.note.ownerOrganizationId === actor.organizationId,
    createdAt: row.note.createdAt.toISOString(),
    updatedAt: row.note.updatedAt.toISOString(),
    version: row.note.version,
  };
}
