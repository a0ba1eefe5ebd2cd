import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pageOf } from '../../lib/pagination.js';
import { organizationActivity } from './activity.js';
import { checkProgrammeVisibleEarly, logRequest } from './context.js';
import { decisionRoutes } from './decision-routes.js';
import { meetingRoutes } from './meeting-routes.js';
import { logParticipants } from './participants.js';
import { recordRoutes } from './record-routes.js';
import { activityQuery, organizationParams, participants, programmeParams, timelineItem, timelineQuery } from './schemas.js';
import { loadTimeline } from './timeline.js';

const tags = ['working log'];

const activityItem = z.object({ id: z.uuid(), date: z.string(), topic: z.string(), kind: z.string(), organizationId: z.uuid() });
const activityResponse = z.object({
  organization: z.object({ id: z.uuid(), name: z.string(), acronym: z.string().nullable() }),
  from: z.string().nullable(),
  to: z.string().nullable(),
  counts: z.record(z.string(), z.number().int()),
  decisions: z.array(
    z.object({
      id: z.uuid(),
      date: z.string(),
      title: z.string(),
      scope: z.string(),
      locality: z.string().nullable(),
      topic: z.string().nullable(),
      level: z.number().int().nullable(),
      desired: z.number().int().nullable(),
      recordedByUs: z.boolean(),
      contested: z.boolean(),
    }),
  ),
  meetings: z.array(z.object({ id: z.uuid(), date: z.string(), kind: z.string(), title: z.string().nullable(), chaired: z.boolean() })),
  learned: z.array(activityItem),
  taught: z.array(activityItem),
  actions: z.array(z.object({ id: z.uuid(), meetingId: z.uuid(), description: z.string(), dueDate: z.string().nullable(), status: z.string() })),
});

/** The programme's working log: meetings, decisions, interactions, learning, open ratings, timeline. */
export const worklogRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preValidation', async (request) => checkProgrammeVisibleEarly(app.db, request));
  await app.register(meetingRoutes);
  await app.register(decisionRoutes);
  await app.register(recordRoutes);

  app.get(
    '/api/programmes/:id/log/participants',
    { schema: { tags, summary: 'Member organizations and people the log\'s forms offer, and what you may do', params: programmeParams, response: { 200: participants } } },
    async (request) => logParticipants(app.db, { context: await logRequest(app.db, request, request.params.id, 'read') }),
  );
  app.get(
    '/api/programmes/:id/log/timeline',
    {
      schema: {
        tags,
        summary: 'The working log: meetings, decisions, interactions, learning and ratings merged, newest first',
        description: 'types: a comma-separated subset of meeting, decision, interaction, learning, rating.',
        params: programmeParams,
        querystring: timelineQuery,
        response: { 200: pageOf(timelineItem) },
      },
    },
    async (request) => loadTimeline(app.db, { context: await logRequest(app.db, request, request.params.id, 'read'), query: request.query }),
  );
  app.get(
    '/api/programmes/:id/organizations/:orgId/activity',
    { schema: { tags, summary: 'What one member organization decided, proposed, learned and taught in a period', params: organizationParams, querystring: activityQuery, response: { 200: activityResponse } } },
    async (request) =>
      organizationActivity(app.db, {
        context: await logRequest(app.db, request, request.params.id, 'read'),
        organizationId: request.params.orgId,
        from: request.query.from,
        to: request.query.to,
      }),
  );
};
