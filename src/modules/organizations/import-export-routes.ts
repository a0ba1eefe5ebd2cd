import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { organizations, people } from '../../db/schema/index.js';
import { requireActor } from '../../server/authenticate.js';
import { AppError } from '../../lib/errors.js';
import { authorize } from '../../lib/policy.js';
import { importPeople, personColumns, personToRecord } from '../people/import-people.js';
import { importOrganizations, organizationColumns, organizationToRecord } from './import-organizations.js';
import { organizationFilters } from './list-organizations.js';
import { organizationListQuery } from './schemas.js';
import { organizationSearch } from './search.js';
import { CSV_TYPE, readTable, writeTable, XLSX_TYPE, type TableFormat } from './table-files.js';

const formatQuery = z.object({ format: z.enum(['csv', 'xlsx']).default('csv') });
const importQuery = z.object({ dryRun: z.enum(['true', 'false']).default('true') });
const problem = z.object({ row: z.number().int(), column: z.string(), reason: z.string() });
const importReport = z.object({
  dryRun: z.boolean(),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  problems: z.array(problem),
  warnings: z.array(problem),
});
/** Exports stop here: past it, filter the list first. */
const EXPORT_LIMIT = 100_000;

/** CSV and XLSX import (raw file as the body, dry run first) and export of organizations and people. */
export const importExportRoutes: FastifyPluginAsyncZod = async (app) => {
  // Spreadsheet uploads arrive as raw bytes; only this plugin accepts them.
  app.addContentTypeParser([CSV_TYPE, 'application/csv', XLSX_TYPE], { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  const formatOf = (contentType: string | undefined): TableFormat => {
    const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
    if (type === XLSX_TYPE) return 'xlsx';
    if (type === CSV_TYPE || type === 'application/csv') return 'csv';
    throw new AppError('unsupported_media_type', `Send the file as ${CSV_TYPE} or ${XLSX_TYPE}`);
  };
  const fileBody = (body: unknown): Buffer => {
    if (!Buffer.isBuffer(body) || body.length === 0) throw new AppError('bad_request', 'Send the file itself as the request body');
    return body;
  };
  const sendFile = (reply: { header: (name: string, value: string) => unknown; send: (body: Buffer) => unknown }, format: TableFormat, name: string, file: Buffer) => {
    reply.header('content-type', format === 'csv' ? `${CSV_TYPE}; charset=utf-8` : XLSX_TYPE);
    reply.header('content-disposition', `attachment; filename="${name}.${format}"`);
    return reply.send(file);
  };

  app.get(
    '/api/organizations/export',
    { schema: { tags: ['organizations'], summary: 'Download the directory (with its filters) as CSV or XLSX', querystring: organizationListQuery.omit({ limit: true, cursor: true }).extend(formatQuery.shape) } },
    async (request, reply) => {
      const actor = requireActor(request);
      const { format, q, ...filters } = request.query;
      const conditions = organizationFilters(actor, filters);
      const search = q ? await organizationSearch(app.db, q) : undefined;
      if (search) conditions.push(search.condition);
      const rows = await app.db.select().from(organizations).where(and(...conditions)).orderBy(asc(organizations.name), asc(organizations.id)).limit(EXPORT_LIMIT);
      return sendFile(reply, format, 'organizations', await writeTable(format, [...organizationColumns], rows.map(organizationToRecord), 'Organizations'));
    },
  );

  app.post(
    '/api/organizations/import',
    { schema: { tags: ['organizations'], summary: 'Import organizations from a CSV or XLSX file (dryRun=true reports every row’s problems; an import is all or nothing)', querystring: importQuery, response: { 200: importReport } } },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, 'organizations.import', { kind: 'instance' });
      const format = formatOf(request.headers['content-type']);
      const table = await readTable(fileBody(request.body), format);
      return importOrganizations(app.db, { actor, table, dryRun: request.query.dryRun === 'true' });
    },
  );

  app.get(
    '/api/people/export',
    { schema: { tags: ['people'], summary: 'Download people as CSV or XLSX', querystring: formatQuery.extend({ organizationId: z.uuid().optional() }) } },
    async (request, reply) => {
      requireActor(request);
      const rows = await app.db
        .select({ person: people, organization: { id: organizations.id, name: organizations.name }, identifier: organizations.identifier })
        .from(people)
        .leftJoin(organizations, eq(organizations.id, people.organizationId))
        .where(and(isNull(people.deletedAt), request.query.organizationId ? eq(people.organizationId, request.query.organizationId) : undefined))
        .orderBy(asc(people.name), asc(people.id))
        .limit(EXPORT_LIMIT);
      return sendFile(reply, request.query.format, 'people', await writeTable(request.query.format, [...personColumns], rows.map(personToRecord), 'People'));
    },
  );

  app.post(
    '/api/people/import',
    { schema: { tags: ['people'], summary: 'Import people from a CSV or XLSX file (dry run first; all or nothing)', querystring: importQuery, response: { 200: importReport } } },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, 'organizations.import', { kind: 'instance' });
      const format = formatOf(request.headers['content-type']);
      const table = await readTable(fileBody(request.body), format);
      return importPeople(app.db, { actor, table, dryRun: request.query.dryRun === 'true' });
    },
  );
};
