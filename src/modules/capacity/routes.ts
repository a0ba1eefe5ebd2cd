import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../server/authenticate.js';
import { pageOf } from '../../lib/pagination.js';
import { createAssessment, deleteAssessment, getAssessmentDetail, listAssessments, updateAssessment } from './assessments.js';
import { capacityFramework } from './capacity-framework.js';
import { getCapacityTrend } from './capacity-trend.js';
import { presentAssessment, presentAssessmentSummary, presentSupportItem } from './present.js';
import {
  assessmentSummary,
  assessmentView,
  capacityTrend,
  createAssessmentBody,
  createSupportItemBody,
  frameworkView,
  idParams,
  listAssessmentsQuery,
  listSupportItemsQuery,
  supportItem,
  updateAssessmentBody,
  updateSupportItemBody,
} from './schemas.js';
import { createSupportItem, deleteSupportItem, listSupportItems, updateSupportItem, type SupportParent } from './support-plan.js';

/** Capacity assessments over time, their trend per domain, and support plans (of assessments and appraisals). */
export const capacityRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['capacity'];

  const assessmentDetail = async (actor: ReturnType<typeof requireActor>, assessmentId: string) => {
    const detail = await getAssessmentDetail(app.db, { actor, assessmentId });
    const items = await listSupportItems(app.db, { actor, parent: { kind: 'assessment', id: assessmentId } });
    return presentAssessment(detail, items);
  };

  app.get('/api/capacity-assessments/framework', { schema: { tags, summary: 'The capacity domains, indicators and scale', response: { 200: frameworkView } } }, async () => capacityFramework);

  app.get(
    '/api/capacity-assessments',
    { schema: { tags, summary: 'Assessments your organization made, and those shared with it', querystring: listAssessmentsQuery, response: { 200: pageOf(assessmentSummary) } } },
    async (request) => {
      const actor = requireActor(request);
      const { limit, cursor, ...filter } = request.query;
      const page = await listAssessments(app.db, { actor, limit, cursor, filter });
      return { items: page.items.map(presentAssessmentSummary), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/api/capacity-assessments',
    { schema: { tags, summary: 'Assess an organization\'s capacity (your own: a self-assessment)', body: createAssessmentBody, response: { 201: assessmentView } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const assessmentId = await createAssessment(app.db, { actor, ...request.body });
      return reply.status(201).send(await assessmentDetail(actor, assessmentId));
    },
  );

  app.get('/api/capacity-assessments/:id', { schema: { tags, summary: 'One assessment with its domains and support plan', params: idParams, response: { 200: assessmentView } } }, async (request) => {
    const actor = requireActor(request);
    return assessmentDetail(actor, request.params.id);
  });

  app.patch(
    '/api/capacity-assessments/:id',
    { schema: { tags, summary: 'Change ratings, date, notes or sharing (send the version you read)', params: idParams, body: updateAssessmentBody, response: { 200: assessmentView } } },
    async (request) => {
      const actor = requireActor(request);
      await updateAssessment(app.db, { actor, assessmentId: request.params.id, ...request.body });
      return assessmentDetail(actor, request.params.id);
    },
  );

  app.delete('/api/capacity-assessments/:id', { schema: { tags, summary: 'Delete an assessment', params: idParams, response: { 204: z.null() } } }, async (request, reply) => {
    const actor = requireActor(request);
    await deleteAssessment(app.db, { actor, assessmentId: request.params.id });
    return reply.status(204).send(null);
  });

  app.get(
    '/api/organizations/:id/capacity-trend',
    { schema: { tags, summary: 'Each capacity domain of an organization over time, from the assessments you may read', params: idParams, response: { 200: capacityTrend } } },
    async (request) => {
      const actor = requireActor(request);
      return getCapacityTrend(app.db, { actor, organizationId: request.params.id });
    },
  );

  app.get('/api/support-items', { schema: { tags, summary: 'Support-plan items you may read, by due date', querystring: listSupportItemsQuery, response: { 200: pageOf(supportItem) } } }, async (request) => {
    const actor = requireActor(request);
    const items = await listSupportItems(app.db, { actor, status: request.query.status });
    return { items: items.map(presentSupportItem), nextCursor: null };
  });

  for (const kind of ['assessment', 'appraisal'] as const) {
    const base = kind === 'assessment' ? '/api/capacity-assessments' : '/api/appraisals';
    app.get(`${base}/:id/support-items`, { schema: { tags, summary: `The support plan of one ${kind}`, params: idParams, response: { 200: pageOf(supportItem) } } }, async (request) => {
      const actor = requireActor(request);
      const parent: SupportParent = { kind, id: request.params.id };
      const items = await listSupportItems(app.db, { actor, parent });
      return { items: items.map(presentSupportItem), nextCursor: null };
    });
    app.post(
      `${base}/:id/support-items`,
      { schema: { tags, summary: `Add a support-plan item to an ${kind}`, params: idParams, body: createSupportItemBody, response: { 201: supportItem } } },
      async (request, reply) => {
        const actor = requireActor(request);
        const parent: SupportParent = { kind, id: request.params.id };
        const itemId = await createSupportItem(app.db, { actor, parent, item: request.body });
        const [item] = await listSupportItems(app.db, { actor, itemId });
        return reply.status(201).send(presentSupportItem(item!));
      },
    );
  }

  app.patch(
    '/api/support-items/:id',
    { schema: { tags, summary: 'Change a support-plan item (send the version you read)', params: idParams, body: updateSupportItemBody, response: { 200: supportItem } } },
    async (request) => {
      const actor = requireActor(request);
      const { version, ...changes } = request.body;
      await updateSupportItem(app.db, { actor, itemId: request.params.id, version, changes });
      const [item] = await listSupportItems(app.db, { actor, itemId: request.params.id });
      return presentSupportItem(item!);
    },
  );

  app.delete('/api/support-items/:id', { schema: { tags, summary: 'Remove a support-plan item', params: idParams, response: { 204: z.null() } } }, async (request, reply) => {
    const actor = requireActor(request);
    await deleteSupportItem(app.db, { actor, itemId: request.params.id });
    return reply.status(204).send(null);
  });
};
