import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../lib/errors.js';
import { pageOf } from '../../lib/pagination.js';
import { logRequest } from './context.js';
import { importInteractionsCsv } from './import-interactions.js';
import { createInteraction, createInteractions, deleteInteraction, getInteraction, listInteractions, updateInteraction } from './interactions.js';
import { createLearning, deleteLearning, getLearning, listLearning, updateLearning } from './learning.js';
import { createRating, deleteRating, listRatings, updateRating } from './ratings.js';
import {
  batchInteractionsBody,
  createInteractionBody,
  createLearningBody,
  createRatingBody,
  importQuery,
  importReport,
  interactionDetail,
  learningDetail,
  listQuery,
  programmeParams,
  ratingDetail,
  recordParams,
  updateInteractionBody,
  updateLearningBody,
  updateRatingBody,
} from './schemas.js';

const tags = ['working log'];

/** Interactions (one, many, or a CSV file), learning exchanges and open ratings. */
export const recordRoutes: FastifyPluginAsyncZod = async (app) => {
  // Only this plugin accepts CSV bodies (Fastify keeps the parser inside it).
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  app.get(
    '/api/programmes/:id/interactions',
    { schema: { tags, summary: 'Interactions, newest first', params: programmeParams, querystring: listQuery, response: { 200: pageOf(interactionDetail) } } },
    async (request) => listInteractions(app.db, { context: await logRequest(app.db, request, request.params.id, 'read'), query: request.query }),
  );
  app.post(
    '/api/programmes/:id/interactions',
    { schema: { tags, summary: 'Record an interaction between two member organizations', params: programmeParams, body: createInteractionBody, response: { 201: interactionDetail } } },
    async (request, reply) => {
      const context = await logRequest(app.db, request, request.params.id, 'write');
      return reply.status(201).send(await createInteraction(app.db, { context, input: request.body }));
    },
  );
  app.post(
    '/api/programmes/:id/interactions/batch',
    {
      schema: {
        tags,
        summary: 'Record many interactions at once: all or nothing, each problem named by its pointer (/items/3/toOrganizationId)',
        params: programmeParams,
        body: batchInteractionsBody,
        response: { 201: z.object({ imported: z.number().int() }) },
      },
    },
    async (request, reply) => {
      const context = await logRequest(app.db, request, request.params.id, 'write');
      return reply.status(201).send({ imported: await createInteractions(app.db, { context, items: request.body.items }) });
    },
  );
  app.post(
    '/api/programmes/:id/interactions/import',
    {
      schema: {
        tags,
        summary: 'Import interactions from CSV (text/csv; columns date, from, to, channel, initiated_by, subject; rows numbered with the header as row 1)',
        description: 'Organizations are named by name, acronym, IATI identifier or id. With ?dryRun=true nothing is stored and the report lists every problem; without it, any problem refuses the whole file (400, details per row).',
        params: programmeParams,
        querystring: importQuery,
        body: z.string(),
        response: { 200: importReport, 201: importReport },
      },
    },
    async (request, reply) => {
      const context = await logRequest(app.db, request, request.params.id, 'write');
      const dryRun = request.query.dryRun === 'true' || request.query.dryRun === '1';
      const report = await importInteractionsCsv(app.db, { context, text: request.body, dryRun });
      if (dryRun) return reply.status(200).send(report);
      if (report.problems.length > 0) {
        throw new AppError('validation_failed', `The file has ${report.problems.length} problem(s); nothing was imported`, {
          details: report.problems.map((problem) => ({
            pointer: `/rows/${problem.row}${problem.column ? `/${problem.column}` : ''}`,
            message: `row ${problem.row}${problem.column ? `, ${problem.column}` : ''}: ${problem.reason}`,
            value: problem,
          })),
        });
      }
      return reply.status(201).send(report);
    },
  );
  app.get(
    '/api/programmes/:id/interactions/:recordId',
    { schema: { tags, summary: 'An interaction', params: recordParams, response: { 200: interactionDetail } } },
    async (request) => getInteraction(app.db, { context: await logRequest(app.db, request, request.params.id, 'read'), interactionId: request.params.recordId }),
  );
  app.patch(
    '/api/programmes/:id/interactions/:recordId',
    { schema: { tags, summary: 'Change an interaction', params: recordParams, body: updateInteractionBody, response: { 200: interactionDetail } } },
    async (request) =>
      updateInteraction(app.db, { context: await logRequest(app.db, request, request.params.id, 'write'), interactionId: request.params.recordId, input: request.body }),
  );
  app.delete(
    '/api/programmes/:id/interactions/:recordId',
    { schema: { tags, summary: 'Delete an interaction', params: recordParams } },
    async (request, reply) => {
      await deleteInteraction(app.db, { context: await logRequest(app.db, request, request.params.id, 'write'), interactionId: request.params.recordId });
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/programmes/:id/learning',
    { schema: { tags, summary: 'Learning exchanges and capacity building, newest first', params: programmeParams, querystring: listQuery, response: { 200: pageOf(learningDetail) } } },
    async (request) => listLearning(app.db, { context: await logRequest(app.db, request, request.params.id, 'read'), query: request.query }),
  );
  app.post(
    '/api/programmes/:id/learning',
    { schema: { tags, summary: 'Record who learned what from whom', params: programmeParams, body: createLearningBody, response: { 201: learningDetail } } },
    async (request, reply) => {
      const context = await logRequest(app.db, request, request.params.id, 'write');
      return reply.status(201).send(await createLearning(app.db, { context, input: request.body }));
    },
  );
  app.get(
    '/api/programmes/:id/learning/:recordId',
    { schema: { tags, summary: 'A learning exchange', params: recordParams, response: { 200: learningDetail } } },
    async (request) => getLearning(app.db, { context: await logRequest(app.db, request, request.params.id, 'read'), learningId: request.params.recordId }),
  );
  app.patch(
    '/api/programmes/:id/learning/:recordId',
    { schema: { tags, summary: 'Change a learning exchange', params: recordParams, body: updateLearningBody, response: { 200: learningDetail } } },
    async (request) =>
      updateLearning(app.db, { context: await logRequest(app.db, request, request.params.id, 'write'), learningId: request.params.recordId, input: request.body }),
  );
  app.delete(
    '/api/programmes/:id/learning/:recordId',
    { schema: { tags, summary: 'Delete a learning exchange', params: recordParams } },
    async (request, reply) => {
      await deleteLearning(app.db, { context: await logRequest(app.db, request, request.params.id, 'write'), learningId: request.params.recordId });
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/programmes/:id/ratings',
    { schema: { tags, summary: 'Open ratings (trust and value, in each rater\'s own name; not survey answers)', params: programmeParams, querystring: listQuery, response: { 200: pageOf(ratingDetail) } } },
    async (request) => listRatings(app.db, { context: await logRequest(app.db, request, request.params.id, 'read'), query: request.query }),
  );
  app.post(
    '/api/programmes/:id/ratings',
    { schema: { tags, summary: 'Rate another member organization in your organization\'s name', params: programmeParams, body: createRatingBody, response: { 201: ratingDetail } } },
    async (request, reply) => {
      const context = await logRequest(app.db, request, request.params.id, 'write');
      return reply.status(201).send(await createRating(app.db, { context, input: request.body }));
    },
  );
  app.patch(
    '/api/programmes/:id/ratings/:recordId',
    { schema: { tags, summary: 'Change a rating (the rating organization or a manager)', params: recordParams, body: updateRatingBody, response: { 200: ratingDetail } } },
    async (request) => updateRating(app.db, { context: await logRequest(app.db, request, request.params.id, 'write'), ratingId: request.params.recordId, input: request.body }),
  );
  app.delete(
    '/api/programmes/:id/ratings/:recordId',
    { schema: { tags, summary: 'Delete a rating', params: recordParams } },
    async (request, reply) => {
      await deleteRating(app.db, { context: await logRequest(app.db, request, request.params.id, 'write'), ratingId: request.params.recordId });
      return reply.status(204).send();
    },
  );
};
