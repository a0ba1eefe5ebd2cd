import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pageOf } from '../../lib/pagination.js';
import { logRequest } from './context.js';
import { contestInvolvement, setDesiredInvolvement, withdrawContest } from './decision-positions.js';
import { createDecision, deleteDecision, getDecision, listDecisions, updateDecision } from './decisions.js';
import { contestBody, contestParams, createDecisionBody, decisionDetail, desiredBody, listQuery, programmeParams, recordParams, updateDecisionBody } from './schemas.js';

const tags = ['working log'];

export const decisionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/programmes/:id/decisions',
    { schema: { tags, summary: 'Decisions with involvement, newest first', params: programmeParams, querystring: listQuery, response: { 200: pageOf(decisionDetail) } } },
    async (request) => listDecisions(app.db, { context: await logRequest(app.db, request, request.params.id, 'read'), query: request.query }),
  );
  app.post(
    '/api/programmes/:id/decisions',
    {
      schema: {
        tags,
        summary: 'Record a decision with each organization\'s involvement (0 excluded, 1 informed, 2 consulted, 3 co-decides, 4 decides)',
        params: programmeParams,
        body: createDecisionBody,
        response: { 201: decisionDetail },
      },
    },
    async (request, reply) => {
      const context = await logRequest(app.db, request, request.params.id, 'write');
      return reply.status(201).send(await createDecision(app.db, { context, input: request.body }));
    },
  );
  app.get(
    '/api/programmes/:id/decisions/:recordId',
    { schema: { tags, summary: 'A decision with its involvement grid and contests', params: recordParams, response: { 200: decisionDetail } } },
    async (request) => getDecision(app.db, { context: await logRequest(app.db, request, request.params.id, 'read'), decisionId: request.params.recordId }),
  );
  app.patch(
    '/api/programmes/:id/decisions/:recordId',
    { schema: { tags, summary: 'Change a decision; desired levels and contests are kept', params: recordParams, body: updateDecisionBody, response: { 200: decisionDetail } } },
    async (request) =>
      updateDecision(app.db, { context: await logRequest(app.db, request, request.params.id, 'write'), decisionId: request.params.recordId, input: request.body }),
  );
  app.delete(
    '/api/programmes/:id/decisions/:recordId',
    { schema: { tags, summary: 'Delete a decision', params: recordParams } },
    async (request, reply) => {
      await deleteDecision(app.db, { context: await logRequest(app.db, request, request.params.id, 'write'), decisionId: request.params.recordId });
      return reply.status(204).send();
    },
  );
  app.put(
    '/api/programmes/:id/decisions/:recordId/desired',
    { schema: { tags, summary: 'The involvement your organization wanted (null clears it)', params: recordParams, body: desiredBody, response: { 200: decisionDetail } } },
    async (request) =>
      setDesiredInvolvement(app.db, { context: await logRequest(app.db, request, request.params.id, 'write'), decisionId: request.params.recordId, level: request.body.level }),
  );
  app.post(
    '/api/programmes/:id/decisions/:recordId/contests',
    { schema: { tags, summary: 'Contest the level recorded for your organization (kept for good, visible to all members)', params: recordParams, body: contestBody, response: { 201: decisionDetail } } },
    async (request, reply) => {
      const context = await logRequest(app.db, request, request.params.id, 'write');
      const decision = await contestInvolvement(app.db, { context, decisionId: request.params.recordId, comment: request.body.comment, claimedLevel: request.body.claimedLevel });
      return reply.status(201).send(decision);
    },
  );
  app.post(
    '/api/programmes/:id/decisions/:recordId/contests/:contestId/withdraw',
    { schema: { tags, summary: 'Withdraw one of your contests (it stays in the history)', params: contestParams, response: { 200: decisionDetail } } },
    async (request) =>
      withdrawContest(app.db, {
        context: await logRequest(app.db, request, request.params.id, 'write'),
        decisionId: request.params.recordId,
        contestId: request.params.contestId,
      }),
  );
};
