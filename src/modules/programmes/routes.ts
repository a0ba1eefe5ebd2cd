import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../server/authenticate.js';
import { pageOf, pageQuery } from '../../lib/pagination.js';
import { listProgrammes } from './list-programmes.js';
import { presentProgrammeSummary } from './present.js';
import { programmeSummary } from './schemas.js';

export const programmeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/programmes',
    { schema: { tags: ['programmes'], summary: 'Programmes you take part in', querystring: pageQuery, response: { 200: pageOf(programmeSummary) } } },
    async (request) => {
      const actor = requireActor(request);
      const page = await listProgrammes(app.db, { actor, limit: request.query.limit, cursor: request.query.cursor });
      return { items: page.items.map(presentProgrammeSummary), nextCursor: page.nextCursor };
    },
  );
};
