import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../server/authenticate.js';
import { AppError } from '../../lib/errors.js';
import { attachAppraisalFile, deleteAppraisalFile, readAppraisalFile } from './appraisal-files.js';
import { appraisalFile, fileParams, fileUploadQuery, idParams } from './schemas.js';

/**
 * Evidence files, sent as the raw request body with their own Content-Type. In its own plugin so
 * that the raw-body parsers apply to these routes only.
 */
export const appraisalFileRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['appraisal'];
  const limit = app.config.appraisalFileLimitBytes;
  app.removeContentTypeParser(['text/plain']);
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: limit }, (_request, body, done) => done(null, body));

  app.post(
    '/api/appraisals/:id/files',
    {
      bodyLimit: limit,
      schema: {
        tags,
        summary: `Attach an evidence file: the raw bytes as the body, its type as Content-Type (PDF, images, text, CSV, office documents; at most ${limit} bytes)`,
        params: idParams,
        querystring: fileUploadQuery,
        response: { 201: appraisalFile },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      if (!Buffer.isBuffer(request.body)) throw new AppError('unsupported_media_type', 'Send the file\'s bytes as the body with the file\'s own Content-Type');
      const file = await attachAppraisalFile(app.db, {
        actor,
        appraisalId: request.params.id,
        name: request.query.name,
        criterionKey: request.query.criterionKey,
        contentType: request.headers['content-type'] ?? '',
        content: request.body,
        limitBytes: limit,
      });
      return reply.status(201).send({ ...file, createdAt: file.createdAt.toISOString() });
    },
  );

  app.get('/api/appraisals/:id/files/:fileId', { schema: { tags, summary: 'Download an evidence file', params: fileParams } }, async (request, reply) => {
    const actor = requireActor(request);
    const file = await readAppraisalFile(app.db, { actor, appraisalId: request.params.id, fileId: request.params.fileId });
    const fallback = file.name.replace(/[^\x20-\x7e]|["\\]/g, '_');
    return reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
      .header('cache-control', 'private, no-store')
      .send(file.content);
  });

  app.delete('/api/appraisals/:id/files/:fileId', { schema: { tags, summary: 'Remove an evidence file', params: fileParams, response: { 204: z.null() } } }, async (request, reply) => {
    const actor = requireActor(request);
    await deleteAppraisalFile(app.db, { actor, appraisalId: request.params.id, fileId: request.params.fileId });
    return reply.status(204).send(null);
  });
};
