import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pageOf } from '../../lib/pagination.js';
import { requireActor } from '../../server/authenticate.js';
import { listAudit } from './list-audit.js';
import { presentAuditEntry } from './present.js';
import { auditEntry, auditQuery } from './schemas.js';

/** The audit trail, read-only: no route writes it (database triggers do, see migration 0015). */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'The audit trail (who changed which record, when, and what), newest first, for what you administer or manage',
        querystring: auditQuery,
        response: { 200: pageOf(auditEntry) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const page = await listAudit(app.db, actor, request.query);
      return { items: page.items.map(presentAuditEntry), nextCursor: page.nextCursor };
    },
  );
};
