// The IATI API: uploads run as jobs, their progress and results, programme export, and the
// analysis routes (analysis-routes.ts). The job worker starts and stops with the app.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, invalidField } from '../../lib/errors.js';
import { authorize } from '../../lib/policy.js';
import { pageOf, pageQuery } from '../../lib/pagination.js';
import { requireActor } from '../../server/authenticate.js';
import { programmeRequest } from '../programmes/route-access.js';
import { startJobWorker, type JobWorker } from '../jobs/job-runner.js';
import { analysisRoutes } from './analysis-routes.js';
import { exportProgrammeIati } from './export-programme.js';
import { getIatiImport, listIatiImports } from './list-imports.js';
import { presentIatiImport, presentIatiImportListItem } from './present.js';
import { iatiImportJob, iatiImportQueue, queueIatiImport } from './run-import-job.js';
import { iatiImport, iatiImportListItem, importParams, uploadQuery } from './schemas.js';

export const iatiRoutes: FastifyPluginAsyncZod = async (app) => {
  const limit = app.config.importLimitBytes;
  app.addContentTypeParser(['application/xml', 'text/xml'], { parseAs: 'buffer', bodyLimit: limit }, (_request, body, done) => done(null, body));

  let worker: JobWorker | undefined;
  app.addHook('onReady', async () => {
    worker = startJobWorker({ database: app.database, handlers: { [iatiImportQueue]: iatiImportJob({ maxBytes: limit }) } });
  });
  app.addHook('onClose', async () => worker?.stop());

  app.post(
    '/api/iati/imports',
    {
      bodyLimit: limit,
      schema: {
        tags: ['iati'],
        summary: 'Upload an IATI activity file (raw body, application/xml); it is imported by a job',
        querystring: uploadQuery,
        response: { 202: z.object({ id: z.uuid() }) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(actor, 'iati.import', { kind: 'instance' });
      const body = request.body;
      if (!Buffer.isBuffer(body)) throw new AppError('unsupported_media_type', 'Send the IATI file as the raw body with Content-Type application/xml or text/xml');
      if (body.length === 0) throw invalidField('', 'the file is empty');
      const id = await queueIatiImport(app.db, { fileName: request.query.name ?? 'upload.xml', content: body, createdBy: actor.userId });
      worker?.nudge();
      return reply.status(202).send({ id });
    },
  );

  app.get(
    '/api/iati/imports',
    { schema: { tags: ['iati'], summary: 'IATI imports, newest first', querystring: pageQuery, response: { 200: pageOf(iatiImportListItem) } } },
    async (request) => {
      requireActor(request);
      const page = await listIatiImports(app.db, request.query);
      return { items: page.items.map(presentIatiImportListItem), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/iati/imports/:id',
    { schema: { tags: ['iati'], summary: 'An IATI import: status, progress, summary or why the file was refused', params: importParams, response: { 200: iatiImport } } },
    async (request) => {
      requireActor(request);
      return presentIatiImport(await getIatiImport(app.db, request.params.id));
    },
  );

  app.get(
    '/api/programmes/:id/iati.xml',
    { schema: { tags: ['iati'], summary: 'The programme as an IATI 2.03 activity file', params: z.object({ id: z.uuid() }) } },
    async (request, reply) => {
      await programmeRequest(app.db, request, request.params.id);
      const { identifier, xml } = await exportProgrammeIati(app.db, request.params.id);
      const fileName = `${identifier.replace(/[^A-Za-z0-9._-]+/g, '_')}.xml`;
      return reply.type('application/xml; charset=utf-8').header('content-disposition', `attachment; filename="${fileName}"`).send(xml);
    },
  );

  await app.register(analysisRoutes);
};
