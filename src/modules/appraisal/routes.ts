import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../server/authenticate.js';
import { pageOf } from '../../lib/pagination.js';
import { createAppraisal, deleteAppraisal, getAppraisalDetail, listAppraisals, updateAppraisal } from './appraisals.js';
import { compareAppraisals } from './compare-appraisals.js';
import { appraisalFileRoutes } from './file-routes.js';
import { presentAppraisal, presentAppraisalSummary, presentTemplate } from './present.js';
import { recordDecision } from './record-decision.js';
import {
  appraisalSummary,
  appraisalTemplate,
  appraisalView,
  compareQuery,
  comparison,
  createAppraisalBody,
  createTemplateBody,
  decisionBody,
  idParams,
  listAppraisalsQuery,
  templateIdParams,
  updateAppraisalBody,
  updateTemplateBody,
} from './schemas.js';
import { copyTemplate, createTemplate, deleteTemplate, getTemplate, listTemplates, updateTemplate } from './templates.js';

const COPY_LABEL = { en: 'Copy of', fr: 'Copie de' };

/** Appraisal templates, appraisals of candidate partners, decisions, comparison and evidence files. */
export const appraisalRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['appraisal'];

  app.get('/api/appraisal-templates', { schema: { tags, summary: 'Templates your organization can use: the built-in default and your own', response: { 200: pageOf(appraisalTemplate) } } }, async (request) => {
    const actor = requireActor(request);
    const templates = await listTemplates(app.db, { actor });
    return { items: templates.map((template) => presentTemplate(template, actor)), nextCursor: null };
  });

  app.post(
    '/api/appraisal-templates',
    { schema: { tags, summary: 'Create a template (criteria weights must add up to 100)', body: createTemplateBody, response: { 201: appraisalTemplate } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const template = await createTemplate(app.db, { actor, definition: request.body });
      return reply.status(201).send(presentTemplate(template, actor));
    },
  );

  app.get('/api/appraisal-templates/:id', { schema: { tags, summary: 'One template ("default" for the built-in one)', params: templateIdParams, response: { 200: appraisalTemplate } } }, async (request) => {
    const actor = requireActor(request);
    return presentTemplate(await getTemplate(app.db, { actor, templateId: request.params.id }), actor);
  });

  app.post(
    '/api/appraisal-templates/:id/copy',
    { schema: { tags, summary: 'Copy a template into your organization to edit it', params: templateIdParams, response: { 201: appraisalTemplate } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const template = await copyTemplate(app.db, { actor, templateId: request.params.id, copyLabel: COPY_LABEL });
      return reply.status(201).send(presentTemplate(template, actor));
    },
  );

  app.patch(
    '/api/appraisal-templates/:id',
    { schema: { tags, summary: 'Change your organization\'s template (send the version you read)', params: templateIdParams, body: updateTemplateBody, response: { 200: appraisalTemplate } } },
    async (request) => {
      const actor = requireActor(request);
      const { version, ...changes } = request.body;
      const template = await updateTemplate(app.db, { actor, templateId: request.params.id, version, changes });
      return presentTemplate(template, actor);
    },
  );

  app.delete('/api/appraisal-templates/:id', { schema: { tags, summary: 'Delete your organization\'s template', params: templateIdParams, response: { 204: z.null() } } }, async (request, reply) => {
    const actor = requireActor(request);
    await deleteTemplate(app.db, { actor, templateId: request.params.id });
    return reply.status(204).send(null);
  });

  app.get(
    '/api/appraisals',
    { schema: { tags, summary: 'Appraisals your organization made, and those shared with it', querystring: listAppraisalsQuery, response: { 200: pageOf(appraisalSummary) } } },
    async (request) => {
      const actor = requireActor(request);
      const { limit, cursor, ...filter } = request.query;
      const page = await listAppraisals(app.db, { actor, limit, cursor, filter });
      return { items: page.items.map(presentAppraisalSummary), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/appraisals/compare',
    { schema: { tags, summary: 'Your appraisals of candidates for one programme, side by side', querystring: compareQuery, response: { 200: comparison } } },
    async (request) => {
      const actor = requireActor(request);
      return compareAppraisals(app.db, { actor, programmeId: request.query.programmeId });
    },
  );

  app.post('/api/appraisals', { schema: { tags, summary: 'Appraise a candidate organization', body: createAppraisalBody, response: { 201: appraisalView } } }, async (request, reply) => {
    const actor = requireActor(request);
    const appraisalId = await createAppraisal(app.db, { actor, ...request.body });
    return reply.status(201).send(presentAppraisal(await getAppraisalDetail(app.db, { actor, appraisalId })));
  });

  app.get('/api/appraisals/:id', { schema: { tags, summary: 'One appraisal with scores, evidence, decision and files', params: idParams, response: { 200: appraisalView } } }, async (request) => {
    const actor = requireActor(request);
    return presentAppraisal(await getAppraisalDetail(app.db, { actor, appraisalId: request.params.id }));
  });

  app.patch(
    '/api/appraisals/:id',
    { schema: { tags, summary: 'Change scores, evidence, strengths, risks or sharing (send the version you read)', params: idParams, body: updateAppraisalBody, response: { 200: appraisalView } } },
    async (request) => {
      const actor = requireActor(request);
      await updateAppraisal(app.db, { actor, appraisalId: request.params.id, ...request.body });
      return presentAppraisal(await getAppraisalDetail(app.db, { actor, appraisalId: request.params.id }));
    },
  );

  app.delete('/api/appraisals/:id', { schema: { tags, summary: 'Delete an appraisal', params: idParams, response: { 204: z.null() } } }, async (request, reply) => {
    const actor = requireActor(request);
    await deleteAppraisal(app.db, { actor, appraisalId: request.params.id });
    return reply.status(204).send(null);
  });

  app.post(
    '/api/appraisals/:id/decision',
    { schema: { tags, summary: 'Record the decision on the candidate, with its reason', params: idParams, body: decisionBody, response: { 201: appraisalView } } },
    async (request, reply) => {
      const actor = requireActor(request);
      await recordDecision(app.db, { actor, appraisalId: request.params.id, ...request.body });
      return reply.status(201).send(presentAppraisal(await getAppraisalDetail(app.db, { actor, appraisalId: request.params.id })));
    },
  );

  await app.register(appraisalFileRoutes);
};
