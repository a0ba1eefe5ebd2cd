import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { renderPdf } from '../programmes/agreement-document.js';
import { budgetVisibility } from '../programmes/budget-routes.js';
import { programmeRequest } from '../programmes/route-access.js';
import { buildProgrammeReport } from './build-report.js';
import { renderReportHtml } from './render-report.js';

const tags = ['reports'];
const params = z.object({ id: z.uuid() });
const query = z.object({ lang: z.enum(['en', 'fr']).optional() });

/** The programme partnership report, as a web page and as a PDF, for every member of the programme. */
export const reportRoutes: FastifyPluginAsyncZod = async (app) => {
  const build = async (request: Parameters<typeof programmeRequest>[1], programmeId: string, lang: 'en' | 'fr' | undefined) => {
    const context = await programmeRequest(app.db, request, programmeId);
    const data = await buildProgrammeReport(app.db, {
      programmeId,
      language: lang ?? context.actor.language ?? 'en',
      wholeBudget: budgetVisibility(context).whole,
      readerOrganizationId: context.actor.organizationId,
      minGroupSize: app.config.surveys.minGroupSize,
    });
    return renderReportHtml(data);
  };

  app.get('/api/programmes/:id/report.html', { schema: { tags, summary: 'The programme partnership report as a web page (English or French)', params, querystring: query } }, async (request, reply) => {
    const html = await build(request, request.params.id, request.query.lang);
    return reply.type('text/html; charset=utf-8').send(html);
  });

  app.get('/api/programmes/:id/report.pdf', { schema: { tags, summary: 'The programme partnership report as a PDF (503 when the server has no headless browser)', params, querystring: query } }, async (request, reply) => {
    const html = await build(request, request.params.id, request.query.lang);
    const pdf = await renderPdf(html);
    return reply.type('application/pdf').header('content-disposition', 'inline; filename="partnership-report.pdf"').send(pdf);
  });
};
