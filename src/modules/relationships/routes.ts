import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../server/authenticate.js';
import { pageOf } from '../../lib/pagination.js';
import { getVisibleProfile } from '../organizations/get-organization.js';
import { addNote, deleteNote, listNotes, presentNote, updateNote } from '../organizations/private-notes.js';
import { createRelationship, getRelationship, listRelationships, presentRelationship, setRelationshipDeleted, updateRelationship } from './relationships.js';
import { createRelationshipBody, note, noteBody, relationship, relationshipListQuery, updateNoteBody, updateRelationshipBody } from './schemas.js';
import { notFound } from '../../lib/errors.js';

const idParams = z.object({ id: z.uuid() });
const versionBody = z.strictObject({ version: z.number().int().positive() });
const versionQuery = z.object({ version: z.coerce.number().int().positive() });
const notesResponse = z.object({ items: z.array(note) });

/** Relationships between organizations, and the private notes and annotations organizations keep about them. */
export const relationshipRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/relationships',
    { schema: { tags: ['relationships'], summary: 'Relationships, of one organization or of one type', querystring: relationshipListQuery, response: { 200: pageOf(relationship) } } },
    async (request) => {
      requireActor(request);
      const page = await listRelationships(app.db, request.query);
      return { items: page.items.map(presentRelationship), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/api/relationships',
    { schema: { tags: ['relationships'], summary: 'Record a relationship between two organizations', body: createRelationshipBody, response: { 201: relationship } } },
    async (request, reply) => {
      const actor = requireActor(request);
      return reply.status(201).send(presentRelationship(await createRelationship(app.db, { actor, input: request.body })));
    },
  );

  app.get(
    '/api/relationships/:id',
    { schema: { tags: ['relationships'], summary: 'One relationship', params: idParams, response: { 200: relationship } } },
    async (request) => {
      requireActor(request);
      const row = await getRelationship(app.db, request.params.id);
      if (row.relationship.deletedAt) throw notFound('Relationship');
      return presentRelationship(row);
    },
  );

  app.patch(
    '/api/relationships/:id',
    { schema: { tags: ['relationships'], summary: 'Update a relationship (send the version you read)', params: idParams, body: updateRelationshipBody, response: { 200: relationship } } },
    async (request) => presentRelationship(await updateRelationship(app.db, { actor: requireActor(request), relationshipId: request.params.id, input: request.body })),
  );

  app.delete(
    '/api/relationships/:id',
    { schema: { tags: ['relationships'], summary: 'Delete a relationship (restorable)', params: idParams, querystring: versionQuery, response: { 200: relationship } } },
    async (request) =>
      presentRelationship(await setRelationshipDeleted(app.db, { actor: requireActor(request), relationshipId: request.params.id, version: request.query.version, deleted: true })),
  );

  app.post(
    '/api/relationships/:id/restore',
    { schema: { tags: ['relationships'], summary: 'Restore a deleted relationship', params: idParams, body: versionBody, response: { 200: relationship } } },
    async (request) =>
      presentRelationship(await setRelationshipDeleted(app.db, { actor: requireActor(request), relationshipId: request.params.id, version: request.body.version, deleted: false })),
  );

  app.get(
    '/api/relationships/:id/notes',
    { schema: { tags: ['relationships'], summary: 'Annotations on a relationship you may read', params: idParams, response: { 200: notesResponse } } },
    async (request) => {
      const actor = requireActor(request);
      await getRelationship(app.db, request.params.id);
      const rows = await listNotes(app.db, { actor, subject: { relationshipId: request.params.id } });
      return { items: rows.map((row) => presentNote(row, actor)) };
    },
  );

  app.post(
    '/api/relationships/:id/notes',
    { schema: { tags: ['relationships'], summary: "Annotate a relationship in your organization's name (private unless shared)", params: idParams, body: noteBody, response: { 201: note } } },
    async (request, reply) => {
      const actor = requireActor(request);
      await getRelationship(app.db, request.params.id);
      const created = await addNote(app.db, { actor, subject: { relationshipId: request.params.id }, ...request.body });
      return reply.status(201).send(presentNote(created, actor));
    },
  );

  app.get(
    '/api/organizations/:id/notes',
    { schema: { tags: ['organizations'], summary: 'Private notes about an organization that you may read', params: idParams, response: { 200: notesResponse } } },
    async (request) => {
      const actor = requireActor(request);
      await getVisibleProfile(app.db, actor, request.params.id);
      const rows = await listNotes(app.db, { actor, subject: { organizationId: request.params.id } });
      return { items: rows.map((row) => presentNote(row, actor)) };
    },
  );

  app.post(
    '/api/organizations/:id/notes',
    { schema: { tags: ['organizations'], summary: "Write a note about an organization in your organization's name (private unless shared)", params: idParams, body: noteBody, response: { 201: note } } },
    async (request, reply) => {
      const actor = requireActor(request);
      await getVisibleProfile(app.db, actor, request.params.id);
      const created = await addNote(app.db, { actor, subject: { organizationId: request.params.id }, ...request.body });
      return reply.status(201).send(presentNote(created, actor));
    },
  );

  app.patch(
    '/api/notes/:id',
    { schema: { tags: ['organizations'], summary: 'Change one of your organization’s notes or share it', params: idParams, body: updateNoteBody, response: { 200: note } } },
    async (request) => {
      const actor = requireActor(request);
      const updated = await updateNote(app.db, { actor, noteId: request.params.id, ...request.body });
      return presentNote(updated, actor);
    },
  );

  app.delete(
    '/api/notes/:id',
    { schema: { tags: ['organizations'], summary: 'Delete one of your organization’s notes', params: idParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await deleteNote(app.db, { actor: requireActor(request), noteId: request.params.id });
      return reply.status(204).send(null);
    },
  );
};
