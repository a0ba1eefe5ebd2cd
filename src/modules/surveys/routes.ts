import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { requireActor } from '../../server/authenticate.js';
import { authorize, can } from '../../lib/policy.js';
import { pageOf, pageQuery } from '../../lib/pagination.js';
import { appLink } from '../../lib/links.js';
import { seedBuiltInInstruments } from './builtin-instruments.js';
import { createInstrument, getInstrument, listInstruments, updateInstrument } from './instruments.js';
import { closeRound, createRound, listRounds, loadRound, roundResource } from './rounds.js';
import { addRecipients, renewLink, roundProgress, type IssuedLink } from './recipients.js';
import { computeRoundAggregates, organizationIdsIn, organizationNames, roundsOfSameSeries } from './results.js';
import { presentInstrument, presentResults, presentRound } from './present.js';
import { resultsToCsv } from './export-csv.js';
import { answerRoutes } from './answer-routes.js';
import {
  addRecipientsBody,
  closeRoundBody,
  createInstrumentBody,
  createRoundBody,
  idParams,
  instrumentDetail,
  issuedLinks,
  listRoundsQuery,
  progressDetail,
  roundDetail,
  roundResults,
  updateInstrumentBody,
} from './schemas.js';
import { z } from 'zod';

const tags = ['surveys'];

/** Survey instruments, rounds, recipients and results (signed in), and the public answering routes. */
export const surveyRoutes: FastifyPluginAsyncZod = async (app) => {
  await seedBuiltInInstruments(app.db);
  const minGroup = app.config.surveys.minGroupSize;

  app.get('/api/survey-instruments', { schema: { tags, summary: 'Built-in instruments and your organization’s own', querystring: pageQuery, response: { 200: pageOf(instrumentDetail) } } }, async (request) => {
    const actor = requireActor(request);
    const page = await listInstruments(app.db, { actor, limit: request.query.limit, cursor: request.query.cursor });
    return { items: page.items.map((row) => presentInstrument(row, can(actor, 'survey-instrument.edit', { kind: 'survey-instrument', organizationId: row.organizationId }))), nextCursor: page.nextCursor };
  });

  app.post('/api/survey-instruments', { schema: { tags, summary: 'Create an instrument private to your organization', body: createInstrumentBody, response: { 201: instrumentDetail } } }, async (request, reply) => {
    const actor = requireActor(request);
    const row = await createInstrument(app.db, { actor, definition: request.body.definition });
    return reply.status(201).send(presentInstrument(row, true));
  });

  app.get('/api/survey-instruments/:id', { schema: { tags, summary: 'One instrument', params: idParams, response: { 200: instrumentDetail } } }, async (request) => {
    const actor = requireActor(request);
    const row = await getInstrument(app.db, request.params.id);
    const resource = { kind: 'survey-instrument' as const, organizationId: row.organizationId };
    authorize(actor, 'survey-instrument.view', resource);
    return presentInstrument(row, can(actor, 'survey-instrument.edit', resource));
  });

  app.patch('/api/survey-instruments/:id', { schema: { tags, summary: 'Change your organization’s instrument (built-ins are read-only)', params: idParams, body: updateInstrumentBody, response: { 200: instrumentDetail } } }, async (request) => {
    const actor = requireActor(request);
    const existing = await getInstrument(app.db, request.params.id);
    authorize(actor, 'survey-instrument.edit', { kind: 'survey-instrument', organizationId: existing.organizationId });
    const row = await updateInstrument(app.db, { instrumentId: existing.id, version: request.body.version, definition: request.body.definition });
    return presentInstrument(row, true);
  });

  app.get('/api/survey-rounds', { schema: { tags, summary: 'Rounds you may see (of a programme, or inside your organization)', querystring: listRoundsQuery, response: { 200: pageOf(roundDetail) } } }, async (request) => {
    const actor = requireActor(request);
    const page = await listRounds(app.db, { actor, ...request.query });
    const items = await Promise.all(page.items.map(async (row) => presentRound(row, can(actor, 'survey-round.manage', await roundResource(app.db, actor, row)))));
    return { items, nextCursor: page.nextCursor };
  });

  app.post('/api/survey-rounds', { schema: { tags, summary: 'Start a round in a programme (its managers) or inside your organization (its administrators)', body: createRoundBody, response: { 201: roundDetail } } }, async (request, reply) => {
    const actor = requireActor(request);
    const row = await createRound(app.db, { actor, input: request.body, instanceMinGroupSize: minGroup });
    return reply.status(201).send(presentRound(row, true));
  });

  app.get('/api/survey-rounds/:id', { schema: { tags, summary: 'One round', params: idParams, response: { 200: roundDetail } } }, async (request) => {
    const actor = requireActor(request);
    const { round, resource } = await loadRound(app.db, { actor, roundId: request.params.id, action: 'survey-round.view' });
    return presentRound(round, can(actor, 'survey-round.manage', resource));
  });

  app.post('/api/survey-rounds/:id/close', { schema: { tags, summary: 'Close a round now; its results become available', params: idParams, body: closeRoundBody, response: { 200: roundDetail } } }, async (request) => {
    const actor = requireActor(request);
    const { round } = await loadRound(app.db, { actor, roundId: request.params.id, action: 'survey-round.manage' });
    return presentRound(await closeRound(app.db, { round, version: request.body.version }), true);
  });

  const withUrls = (request: FastifyRequest, links: IssuedLink[]) => ({ links: links.map((link) => ({ ...link, url: appLink(app.config, request, `/s/${link.token}`) })) });

  app.post('/api/survey-rounds/:id/recipients', { schema: { tags, summary: 'Send the round to people: each gets a personal link, shown only in this answer', params: idParams, body: addRecipientsBody, response: { 201: issuedLinks } } }, async (request, reply) => {
    const actor = requireActor(request);
    const { round } = await loadRound(app.db, { actor, roundId: request.params.id, action: 'survey-round.manage' });
    return reply.status(201).send(withUrls(request, await addRecipients(app.db, { round, input: request.body })));
  });

  app.post('/api/survey-rounds/:id/recipients/:recipientId/link', { schema: { tags, summary: 'A new link for someone who has not answered (the old one stops working)', params: idParams.extend({ recipientId: z.uuid() }), response: { 200: issuedLinks } } }, async (request) => {
    const actor = requireActor(request);
    const { round } = await loadRound(app.db, { actor, roundId: request.params.id, action: 'survey-round.manage' });
    return withUrls(request, [await renewLink(app.db, { round, recipientId: request.params.recipientId })]);
  });

  app.get('/api/survey-rounds/:id/progress', { schema: { tags, summary: 'Who the round was sent to and how many answered per organization (never what)', params: idParams, response: { 200: progressDetail } } }, async (request) => {
    const actor = requireActor(request);
    const { round } = await loadRound(app.db, { actor, roundId: request.params.id, action: 'survey-round.manage' });
    return roundProgress(app.db, round);
  });

  const resultsOf = async (request: FastifyRequest, roundId: string) => {
    const actor = requireActor(request);
    const { round, resource } = await loadRound(app.db, { actor, roundId, action: 'survey-round.view' });
    const aggregates = await computeRoundAggregates(app.db, { round, instanceMinGroupSize: minGroup });
    const series = await Promise.all(
      (await roundsOfSameSeries(app.db, round)).map(async (other) => ({ round: other, aggregates: await computeRoundAggregates(app.db, { round: other, instanceMinGroupSize: minGroup }) })),
    );
    const names = await organizationNames(app.db, organizationIdsIn(aggregates));
    return presentResults({ round, canManage: can(actor, 'survey-round.manage', resource), aggregates, names, series });
  };

  app.get('/api/survey-rounds/:id/results', { schema: { tags, summary: 'Aggregated results: only groups of at least k respondents, after the round closes', params: idParams, response: { 200: roundResults } } }, async (request) =>
    resultsOf(request, request.params.id),
  );

  app.get('/api/survey-rounds/:id/results.csv', { schema: { tags, summary: 'The aggregated results as CSV (never an individual answer)', params: idParams } }, async (request, reply) => {
    const results = await resultsOf(request, request.params.id);
    reply.header('content-type', 'text/csv; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="survey-results-${request.params.id}.csv"`);
    return reply.send(resultsToCsv(results));
  });

  await app.register(answerRoutes);
};
