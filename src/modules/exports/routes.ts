import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../server/authenticate.js';
import { CSV_TYPE, writeTable, XLSX_TYPE } from '../organizations/table-files.js';
import { exportList, exportLists } from './export-list.js';

const params = z.object({ list: z.enum(exportLists) });
const query = z.object({ format: z.enum(['csv', 'xlsx']).default('csv'), programmeId: z.uuid().optional() });

/** CSV and XLSX downloads of the main lists, each holding only what the reader may see. */
export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/exports/:list',
    { schema: { tags: ['exports'], summary: 'Download a list (organizations, people, programmes, members, tasks, budget-lines, decisions, interactions) as CSV or XLSX; programme lists cover the programmes you see, or one with programmeId', params, querystring: query } },
    async (request, reply) => {
      const actor = requireActor(request);
      const { format, programmeId } = request.query;
      const table = await exportList(app.db, actor, { list: request.params.list, ...(programmeId ? { programmeId } : {}) });
      // Formula-like cells are guarded in CSV; XLSX cells are typed strings, never formulas (see table-files.ts).
      const file = await writeTable(format, table.columns, table.rows, table.sheet);
      reply.header('content-type', format === 'csv' ? `${CSV_TYPE}; charset=utf-8` : XLSX_TYPE);
      reply.header('content-disposition', `attachment; filename="${request.params.list}.${format}"`);
      return reply.send(file);
    },
  );
};
