import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../server/authenticate.js';
import { AppError, notFound } from '../../lib/errors.js';
import { pageOf } from '../../lib/pagination.js';
import { canEditPerson, createPerson, getPerson, listEmployments, listPeople, presentPerson, setPersonDeleted, updatePerson } from './people.js';
import { createPersonBody, person, personDetail, personListQuery, updatePersonBody } from './schemas.js';

const idParams = z.object({ id: z.uuid() });
const versionBody = z.strictObject({ version: z.number().int().positive() });
const versionQuery = z.object({ version: z.coerce.number().int().positive() });

export const peopleRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/people',
    { schema: { tags: ['people'], summary: 'People in the registry', querystring: personListQuery, response: { 200: pageOf(person) } } },
    async (request) => {
      const actor = requireActor(request);
      const { deleted, ...query } = request.query;
      const page = await listPeople(app.db, { actor, ...query, deleted: deleted === 'true' });
      return { items: page.items.map(presentPerson), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/api/people',
    { schema: { tags: ['people'], summary: 'Record a person', body: createPersonBody, response: { 201: personDetail } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const row = await createPerson(app.db, { actor, input: request.body });
      return reply.status(201).send(await detail(row.person.id, actor));
    },
  );

  app.get(
    '/api/people/:id',
    { schema: { tags: ['people'], summary: 'A person, with their employers over time', params: idParams, response: { 200: personDetail } } },
    async (request) => detail(request.params.id, requireActor(request)),
  );

  app.patch(
    '/api/people/:id',
    { schema: { tags: ['people'], summary: 'Update a person (a new employer keeps the history)', params: idParams, body: updatePersonBody, response: { 200: personDetail } } },
    async (request) => {
      const actor = requireActor(request);
      await authorizeEdit(request.params.id, actor);
      await updatePerson(app.db, { personId: request.params.id, input: request.body });
      return detail(request.params.id, actor);
    },
  );

  app.delete(
    '/api/people/:id',
    { schema: { tags: ['people'], summary: 'Delete a person (restorable)', params: idParams, querystring: versionQuery, response: { 200: personDetail } } },
    async (request) => {
      const actor = requireActor(request);
      await authorizeEdit(request.params.id, actor);
      await setPersonDeleted(app.db, { personId: request.params.id, version: request.query.version, deleted: true });
      return detail(request.params.id, actor);
    },
  );

  app.post(
    '/api/people/:id/restore',
    { schema: { tags: ['people'], summary: 'Restore a deleted person', params: idParams, body: versionBody, response: { 200: personDetail } } },
    async (request) => {
      const actor = requireActor(request);
      await authorizeEdit(request.params.id, actor);
      await setPersonDeleted(app.db, { personId: request.params.id, version: request.body.version, deleted: false });
      return detail(request.params.id, actor);
    },
  );

  async function authorizeEdit(personId: string, actor: ReturnType<typeof requireActor>) {
    const row = await getPerson(app.db, personId);
    const allowed = await canEditPerson(app.db, actor, row.person);
    if (row.person.deletedAt && !allowed) throw notFound('Person');
    if (!allowed) throw new AppError('forbidden', 'You may not edit this person');
  }

  async function detail(personId: string, actor: ReturnType<typeof requireActor>) {
    const row = await getPerson(app.db, personId);
    const canEdit = await canEditPerson(app.db, actor, row.person);
    if (row.person.deletedAt && !canEdit) throw notFound('Person');
    const employments = await listEmployments(app.db, personId);
    return {
      ...presentPerson(row),
      canEdit,
      employments: employments.map((entry) => ({ organization: entry.organization, position: entry.employment.position, startedOn: entry.employment.startedOn, endedOn: entry.employment.endedOn })),
    };
  }
};
