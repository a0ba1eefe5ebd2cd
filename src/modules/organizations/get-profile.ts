import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { people, programmeMembers, programmes } from '../../db/schema/index.js';
import type { Actor } from '../../lib/actor.js';
import { can } from '../../lib/policy.js';
import { activeMembership, visibleProgrammes } from '../programmes/access.js';
import { presentPerson } from '../people/people.js';
import { listRelationships } from '../relationships/relationships.js';
import { labelKeyFor } from '../relationships/types.js';
import { getVisibleProfile } from './get-organization.js';
import { listNotes, listRelationshipNotes, presentNote } from './private-notes.js';
import { presentOrganization } from './present.js';

/**
 * The whole profile page of an organization: the shared profile, its relationships read from its
 * side, its people, the programmes it belongs to that the actor can see, and the notes the actor
 * may read. What the actor may do with it comes along.
 */
export async function getOrganizationProfile(db: Database, options: { actor: Actor; organizationId: string }) {
  const { actor, organizationId } = options;
  const profile = await getVisibleProfile(db, actor, organizationId);
  const ties = await listRelationships(db, { organizationId, limit: 100 });
  const annotations = await listRelationshipNotes(db, { actor, relationshipIds: ties.items.map((row) => row.relationship.id) });
  const staff = await db
    .select()
    .from(people)
    .where(and(eq(people.organizationId, organizationId), isNull(people.deletedAt)))
    .orderBy(asc(people.name))
    .limit(200);
  const memberships = await db
    .select({ id: programmes.id, ref: programmes.ref, title: programmes.title, role: programmeMembers.role })
    .from(programmeMembers)
    .innerJoin(programmes, eq(programmes.id, programmeMembers.programmeId))
    .where(and(eq(programmeMembers.organizationId, organizationId), activeMembership(), visibleProgrammes(actor)))
    .orderBy(asc(programmes.title));
  const notes = await listNotes(db, { actor, subject: { organizationId } });

  return {
    organization: presentOrganization(profile.row),
    permissions: {
      canEdit: can(actor, 'organization.edit', profile.resource),
      canDelete: can(actor, 'organization.delete', profile.resource) && !profile.resource.hasOwnUsers,
      canMerge: can(actor, 'organizations.merge', { kind: 'instance' }),
    },
    relationships: ties.items.map((row) => {
      const isSource = row.relationship.sourceOrganizationId === organizationId;
      return {
        id: row.relationship.id,
        type: row.relationship.type,
        label: labelKeyFor(row.relationship.type, isSource),
        other: isSource ? row.target : row.source,
        startedOn: row.relationship.startedOn,
        endedOn: row.relationship.endedOn,
        notes: row.relationship.notes,
        version: row.relationship.version,
        annotations: annotations.filter((note) => note.note.relationshipId === row.relationship.id).map((note) => presentNote(note, actor)),
      };
    }),
    people: staff.map((person) => presentPerson({ person, organization: { id: profile.row.id, name: profile.row.name } })),
    programmes: memberships,
    notes: notes.map((note) => presentNote(note, actor)),
  };
}
