import { and, asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/client.js';
import { organizations, people, programmeTeamMembers, users } from '../../db/schema/index.js';
import { AppError, invalidField, notFound } from '../../lib/errors.js';
import { assertActiveMember } from './members.js';
import { updateVersioned } from './versioned-update.js';

const employers = alias(organizations, 'employers');

/** The programme team: people from every member organization, their programme role and their employer. */
export async function listTeam(db: Database, programmeId: string) {
  return db
    .select({
      member: programmeTeamMembers,
      organization: { id: organizations.id, name: organizations.name, acronym: organizations.acronym },
      // A registry person's current employer may differ from the organization they represent here.
      employer: { id: employers.id, name: employers.name },
    })
    .from(programmeTeamMembers)
    .innerJoin(organizations, eq(organizations.id, programmeTeamMembers.organizationId))
    .leftJoin(people, eq(people.id, programmeTeamMembers.personId))
    .leftJoin(employers, eq(employers.id, people.organizationId))
    .where(eq(programmeTeamMembers.programmeId, programmeId))
    .orderBy(asc(organizations.name), asc(programmeTeamMembers.name));
}

type TeamEditor = { organizationId: string; canManage: boolean };

function assertMayEdit(editor: TeamEditor, organizationId: string): void {
  if (!editor.canManage && editor.organizationId !== organizationId) {
    throw new AppError('forbidden', 'You may add only people of your own organization', { details: [{ pointer: '/organizationId', message: 'must be your own organization' }] });
  }
}

/** Adds someone to the team: a registry person, a user, or just a name; managers add anyone, members their own people. */
export async function addTeamMember(
  db: Database,
  options: { programmeId: string; editor: TeamEditor; input: { organizationId: string; personId?: string | null | undefined; userId?: string | null | undefined; name?: string | undefined; email?: string | null | undefined; programmeRole: string } },
) {
  const { input } = options;
  assertMayEdit(options.editor, input.organizationId);
  await assertActiveMember(db, options.programmeId, input.organizationId, '/organizationId');
  let name = input.name;
  let email = input.email ?? null;
  if (input.userId) {
    const [user] = await db.select().from(users).where(eq(users.id, input.userId)).limit(1);
    if (!user || user.organizationId !== input.organizationId) throw invalidField('/userId', 'must be a user of that organization', input.userId);
    name ??= user.name;
    email ??= user.email;
  }
  if (input.personId) {
    const [person] = await db.select().from(people).where(eq(people.id, input.personId)).limit(1);
    if (!person) throw invalidField('/personId', 'no such person', input.personId);
    name ??= person.name;
  }
  if (!name) throw invalidField('/name', 'is required unless a person or user is given');
  const [row] = await db
    .insert(programmeTeamMembers)
    .values({ programmeId: options.programmeId, organizationId: input.organizationId, personId: input.personId ?? null, userId: input.userId ?? null, name, email, programmeRole: input.programmeRole })
    .returning();
  return row!;
}

async function loadTeamMember(db: Database, programmeId: string, id: string) {
  const [row] = await db.select().from(programmeTeamMembers).where(and(eq(programmeTeamMembers.id, id), eq(programmeTeamMembers.programmeId, programmeId))).limit(1);
  if (!row) throw notFound('Team member');
  return row;
}

/** Changes a team member's name, e-mail or programme role. */
export async function updateTeamMember(db: Database, options: { programmeId: string; id: string; editor: TeamEditor; input: { version: number; name?: string | undefined; email?: string | null | undefined; programmeRole?: string | undefined } }) {
  const row = await loadTeamMember(db, options.programmeId, options.id);
  assertMayEdit(options.editor, row.organizationId);
  const { version, ...values } = options.input;
  return updateVersioned(db, { table: programmeTeamMembers, id: row.id, version, values, what: 'Team member' });
}

/** Removes someone from the team. */
export async function removeTeamMember(db: Database, options: { programmeId: string; id: string; editor: TeamEditor }) {
  const row = await loadTeamMember(db, options.programmeId, options.id);
  assertMayEdit(options.editor, row.organizationId);
  await db.delete(programmeTeamMembers).where(eq(programmeTeamMembers.id, row.id));
}
