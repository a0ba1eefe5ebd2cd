import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loadAgreement, publishAgreement, putStatement, signAgreement, updateAgreement } from './agreement.js';
import { buildAgreementHtml, renderPdf } from './agreement-document.js';
import { budgetVisibility } from './budget-routes.js';
import { programmeRequest } from './route-access.js';
import { agreementAnswer, agreementIngredients, agreementVersionAnswer, programmeParams, publishedAnswer, signoffAnswer, statementAnswer, publishAgreementBody, putStatementBody, statementParams, updateAgreementBody } from './schemas.js';

const tags = ['agreement'];
const documentQuery = z.object({
  version: z.union([z.literal('draft'), z.literal('latest'), z.coerce.number().int().min(1)]).default('latest'),
  lang: z.enum(['en', 'fr']).optional(),
});

export const agreementRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/programmes/:id/agreement', { schema: { tags, summary: 'The agreement: draft ingredients, members’ statements, versions and sign-offs', params: programmeParams, response: { 200: agreementAnswer } } }, async (request) => {
    await programmeRequest(app.db, request, request.params.id);
    const { agreement, statements, versions, signoffs } = await loadAgreement(app.db, request.params.id);
    return {
      ingredients: Object.fromEntries(agreementIngredients.map((key) => [key, agreement[key]])) as Record<(typeof agreementIngredients)[number], string | null>,
      publishedNumber: agreement.publishedNumber,
      version: agreement.version,
      statements: statements.map(({ statement, organizationName }) => ({
        organizationId: statement.organizationId,
        organizationName,
        contributions: statement.contributions,
        expectations: statement.expectations,
        version: statement.version,
        updatedAt: statement.updatedAt.toISOString(),
      })),
      versions: versions.map((version) => ({
        number: version.number,
        note: version.note,
        createdAt: version.createdAt.toISOString(),
        signoffs: signoffs
          .filter((row) => row.signoff.agreementVersionId === version.id)
          .map((row) => ({ organizationId: row.signoff.organizationId, organizationName: row.organizationName, signedAt: row.signoff.signedAt.toISOString() })),
      })),
    };
  });

  app.patch('/api/programmes/:id/agreement', { schema: { tags, summary: 'Change the draft’s ingredients (managers)', params: programmeParams, body: updateAgreementBody, response: { 200: agreementVersionAnswer } } }, async (request) => {
    await programmeRequest(app.db, request, request.params.id, 'programme.manage');
    const agreement = await updateAgreement(app.db, { programmeId: request.params.id, input: request.body });
    return { version: agreement.version };
  });

  app.put(
    '/api/programmes/:id/agreement/statements/:organizationId',
    { schema: { tags, summary: 'Write your organization’s own contributions and expectations', params: statementParams, body: putStatementBody, response: { 200: statementAnswer } } },
    async (request) => {
      const { actor } = await programmeRequest(app.db, request, request.params.id, 'programme.contribute');
      const statement = await putStatement(app.db, { programmeId: request.params.id, organizationId: request.params.organizationId, actor, input: request.body });
      return { organizationId: statement.organizationId, contributions: statement.contributions, expectations: statement.expectations, version: statement.version };
    },
  );

  app.post('/api/programmes/:id/agreement/versions', { schema: { tags, summary: 'Publish the draft as a new version (earlier sign-offs no longer count)', params: programmeParams, body: publishAgreementBody, response: { 201: publishedAnswer } } }, async (request, reply) => {
    const { actor } = await programmeRequest(app.db, request, request.params.id, 'programme.manage');
    const { agreement, version } = await publishAgreement(app.db, { programmeId: request.params.id, actor, version: request.body.version, note: request.body.note });
    return reply.status(201).send({ number: version.number, version: agreement.version });
  });

  app.post('/api/programmes/:id/agreement/sign', { schema: { tags, summary: 'Sign the latest version for your organization (its focal point)', params: programmeParams, response: { 201: signoffAnswer } } }, async (request, reply) => {
    const { actor } = await programmeRequest(app.db, request, request.params.id, 'programme.contribute');
    const { signoff, versionNumber } = await signAgreement(app.db, { programmeId: request.params.id, actor });
    return reply.status(201).send({ versionNumber, organizationId: signoff.organizationId, signedAt: signoff.signedAt.toISOString() });
  });

  app.get('/api/programmes/:id/agreement.html', { schema: { tags, summary: 'The agreement as an HTML document', params: programmeParams, querystring: documentQuery } }, async (request, reply) => {
    const context = await programmeRequest(app.db, request, request.params.id);
    const html = await buildAgreementHtml(app.db, {
      programmeId: request.params.id,
      version: request.query.version,
      language: request.query.lang ?? context.actor.language ?? 'en',
      wholeBudget: budgetVisibility(context).whole,
    });
    return reply.type('text/html; charset=utf-8').send(html);
  });

  app.get('/api/programmes/:id/agreement.pdf', { schema: { tags, summary: 'The agreement as a PDF (503 when the server has no headless browser)', params: programmeParams, querystring: documentQuery } }, async (request, reply) => {
    const context = await programmeRequest(app.db, request, request.params.id);
    const html = await buildAgreementHtml(app.db, {
      programmeId: request.params.id,
      version: request.query.version,
      language: request.query.lang ?? context.actor.language ?? 'en',
      wholeBudget: budgetVisibility(context).whole,
    });
    const pdf = await renderPdf(html);
    return reply.type('application/pdf').header('content-disposition', 'inline; filename="partnership-agreement.pdf"').send(pdf);
  });
};
