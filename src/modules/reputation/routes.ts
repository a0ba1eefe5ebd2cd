import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../server/authenticate.js';
import type { Actor } from '../../lib/actor.js';
import { createFeedback, createStakeholder, getFeedback, getListedFeedback, listFeedback, listStakeholders, requireProgrammeSight, summariseFeedback, updateFeedback, updateStakeholder, type FeedbackRow, type ListedFeedback } from './feedback.js';
import { getDevelopment } from './development.js';
import { createFeedbackBody, createStakeholderBody, development, feedback, feedbackList, idParams, listFeedbackQuery, stakeholder, updateFeedbackBody, updateStakeholderBody } from './schemas.js';
import type { Database } from '../../db/client.js';

function presentFeedback(row: ListedFeedback, actor: Actor) {
  const { feedback: record } = row;
  return {
    id: record.id,
    organizationId: record.organizationId,
    stakeholder: record.stakeholderId && row.stakeholderName && row.stakeholderKind ? { id: record.stakeholderId, name: row.stakeholderName, kind: row.stakeholderKind } : null,
    source: record.source,
    channel: record.channel,
    receivedOn: record.receivedOn,
    topic: record.topic,
    sentiment: record.sentiment,
    details: record.details,
    programme: record.programmeId && row.programmeTitle ? { id: record.programmeId, title: row.programmeTitle } : null,
    followUp: record.followUp,
    followUpStatus: record.followUpStatus,
    shared: record.shared,
    mine: record.organizationId === actor.organizationId,
    version: record.version,
  };
}

function presentStakeholder({ id, name, kind, linkedOrganizationId, notes, version }: Awaited<ReturnType<typeof listStakeholders>>[number]) {
  return { id, name, kind, linkedOrganizationId, notes, version };
}

async function presentOne(db: Database, actor: Actor, record: FeedbackRow) {
  return presentFeedback(await getListedFeedback(db, record.id), actor);
}

/** Stakeholders, feedback on the organization's reputation with follow-up, summaries by quarter, and the organization's own development. */
export const reputationRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['reputation'];

  app.get('/api/stakeholders', { schema: { tags, summary: "Your organization's stakeholders", response: { 200: z.object({ items: z.array(stakeholder) }) } } }, async (request) => {
    const rows = await listStakeholders(app.db, requireActor(request));
    return { items: rows.map(presentStakeholder) };
  });

  app.post('/api/stakeholders', { schema: { tags, summary: 'Add a stakeholder', body: createStakeholderBody, response: { 201: stakeholder } } }, async (request, reply) => {
    const row = await createStakeholder(app.db, { actor: requireActor(request), input: request.body });
    return reply.status(201).send(presentStakeholder(row));
  });

  app.patch(
    '/api/stakeholders/:id',
    { schema: { tags, summary: "Change one of your organization's stakeholders (send the version you read)", params: idParams, body: updateStakeholderBody, response: { 200: stakeholder } } },
    async (request) => presentStakeholder(await updateStakeholder(app.db, { actor: requireActor(request), stakeholderId: request.params.id, input: request.body })),
  );

  app.get(
    '/api/feedback',
    { schema: { tags, summary: "Your organization's feedback records with a summary by quarter; with programmeId, that programme's (yours and those its members shared)", querystring: listFeedbackQuery, response: { 200: feedbackList } } },
    async (request) => {
      const actor = requireActor(request);
      if (request.query.programmeId) await requireProgrammeSight(app.db, actor, request.query.programmeId);
      const page = await listFeedback(app.db, { actor, ...request.query });
      // The summary covers every page, so that the chart does not change as pages are loaded.
      const summary = await summariseFeedback(app.db, { actor, programmeId: request.query.programmeId });
      return { items: page.items.map((row) => presentFeedback(row, actor)), nextCursor: page.nextCursor, summary };
    },
  );

  app.post('/api/feedback', { schema: { tags, summary: 'Record feedback about your organization (private unless shared with a linked programme)', body: createFeedbackBody, response: { 201: feedback } } }, async (request, reply) => {
    const actor = requireActor(request);
    const row = await createFeedback(app.db, { actor, input: request.body });
    return reply.status(201).send(await presentOne(app.db, actor, row));
  });

  app.get('/api/feedback/:id', { schema: { tags, summary: 'One feedback record', params: idParams, response: { 200: feedback } } }, async (request) => {
    const actor = requireActor(request);
    const { row } = await getFeedback(app.db, actor, request.params.id);
    return presentOne(app.db, actor, row);
  });

  app.patch('/api/feedback/:id', { schema: { tags, summary: 'Change a record or its follow-up (send the version you read)', params: idParams, body: updateFeedbackBody, response: { 200: feedback } } }, async (request) => {
    const actor = requireActor(request);
    const row = await updateFeedback(app.db, { actor, feedbackId: request.params.id, input: request.body });
    return presentOne(app.db, actor, row);
  });

  app.get('/api/development', { schema: { tags: ['development'], summary: "Your organization's development: what it learned from whom, and its assessed capacity over time", response: { 200: development } } }, async (request) =>
    getDevelopment(app.db, requireActor(request)),
  );
};
