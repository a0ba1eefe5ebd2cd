import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { surveyDrafts } from '../../db/schema/index.js';
import { openLink, saveDraft, submitAnswers } from './answer-survey.js';
import { presentAnsweringForm } from './present-form.js';
import { answerLanguageQuery, answeringForm, answersBody, tokenParams } from './schemas.js';

const tags = ['surveys'];
const ok = z.object({ status: z.literal('ok') });

/** The public answering routes: the personal link is the only credential; no account, no session. */
export const answerRoutes: FastifyPluginAsyncZod = async (app) => {
  const limits = app.config.surveys;

  app.get('/api/survey-answers/:token', { config: { public: true }, schema: { tags, summary: 'The survey behind a personal link, in the person’s language, with saved progress', security: [], params: tokenParams, querystring: answerLanguageQuery, response: { 200: answeringForm } } }, async (request, reply) => {
    const link = await openLink(app.db, { token: request.params.token, address: request.ip, limits });
    const [draft] = await app.db.select().from(surveyDrafts).where(eq(surveyDrafts.recipientId, link.recipient.id)).limit(1);
    reply.header('cache-control', 'no-store');
    return presentAnsweringForm(link, request.query.lang ?? link.recipient.language, draft ?? null);
  });

  // Own transactions, not the request's: an unknown link must still count against its address (throttling).
  app.put('/api/survey-answers/:token/draft', { config: { public: true, transaction: false }, schema: { tags, summary: 'Save progress to resume later', security: [], params: tokenParams, body: answersBody, response: { 200: ok } } }, async (request) => {
    const link = await openLink(app.db, { token: request.params.token, address: request.ip, limits });
    await saveDraft(app.db, { link, input: request.body });
    return { status: 'ok' as const };
  });

  app.post('/api/survey-answers/:token', { config: { public: true, transaction: false }, schema: { tags, summary: 'Submit the answers (once per link)', security: [], params: tokenParams, body: answersBody, response: { 201: ok } } }, async (request, reply) => {
    const link = await openLink(app.db, { token: request.params.token, address: request.ip, limits });
    await submitAnswers(app.db, { link, input: request.body });
    return reply.status(201).send({ status: 'ok' as const });
  });
};
