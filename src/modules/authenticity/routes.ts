import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../server/authenticate.js';
import { authorize, can } from '../../lib/policy.js';
import { guardProgrammeRoutes, programmeRequest } from '../programmes/route-access.js';
import { DEFAULT_THRESHOLDS } from '../analytics/thresholds.js';
import {
  getAuthenticityPortfolio,
  getProgrammeAuthenticityJson,
  getProgrammeAuthenticityEvidence,
  getProgrammeAuthenticityTrend,
} from './programme-authenticity.js';
import { ProfileCache } from './profile-cache.js';
import { getThresholdOverride, loadThresholds, saveThresholdOverride } from './thresholds-setting.js';
import { evidenceSchema, portfolioSchema, profileQuery, profileSchema, thresholdsBody, thresholdsResponse, trendSchema } from './schemas.js';

const params = z.object({ id: z.uuid() });

export const authenticityRoutes: FastifyPluginAsyncZod = async (app) => {
  // Computed profiles, per programme, validated on every use (profile-cache.ts); one per app.
  const profiles = new ProfileCache();
  // Outsiders get 404 before any validation can tell them anything about a programme.
  app.addHook('preValidation', guardProgrammeRoutes(app.db));

  app.get(
    '/api/programmes/:id/authenticity',
    {
      schema: {
        tags: ['authenticity'],
        summary: 'The partnership authenticity profile (verdict, confidence, dimensions, flags); ?at=DATE for the state at a date',
        params,
        querystring: profileQuery,
        response: { 200: profileSchema },
      },
    },
    async (request, reply) => {
      await programmeRequest(app.db, request, request.params.id);
      const json = await getProgrammeAuthenticityJson(app.db, profiles, { programmeId: request.params.id, minGroupSize: app.config.surveys.minGroupSize, ...(request.query.at ? { at: request.query.at } : {}) });
      // Sent as the JSON text it is: checked against the response schema when it was computed
      // (a string with a JSON content type bypasses the schema serializer; the types do not know it).
      return reply.type('application/json; charset=utf-8').send(json as never);
    },
  );

  app.get(
    '/api/programmes/:id/authenticity/trend',
    { schema: { tags: ['authenticity'], summary: 'The profile at the end of each quarter of the programme', params, response: { 200: trendSchema } } },
    async (request) => {
      await programmeRequest(app.db, request, request.params.id);
      return getProgrammeAuthenticityTrend(app.db, { programmeId: request.params.id, minGroupSize: app.config.surveys.minGroupSize });
    },
  );

  app.get(
    '/api/programmes/:id/authenticity/evidence',
    { schema: { tags: ['authenticity'], summary: 'The records behind the dashboard charts (networks, budget shares, involvement)', params, response: { 200: evidenceSchema } } },
    async (request) => {
      const { actor, access } = await programmeRequest(app.db, request, request.params.id);
      const amountsVisible = can(actor, 'programme.view-budget', { kind: 'programme', access });
      return getProgrammeAuthenticityEvidence(app.db, { programmeId: request.params.id, amountsVisible });
    },
  );

  app.get(
    '/api/authenticity/portfolio',
    { schema: { tags: ['authenticity'], summary: 'Profiles of every programme you take part in, compared', response: { 200: portfolioSchema } } },
    async (request) => getAuthenticityPortfolio(app.db, { actor: requireActor(request), minGroupSize: app.config.surveys.minGroupSize }),
  );

  app.get(
    '/api/settings/authenticity-thresholds',
    { schema: { tags: ['authenticity'], summary: 'The thresholds and weights of the profile: the override and the values in force', response: { 200: thresholdsResponse } } },
    async (request) => {
      requireActor(request);
      return { override: await getThresholdOverride(app.db), effective: (await loadThresholds(app.db)) as unknown as Record<string, unknown> };
    },
  );

  app.put(
    '/api/settings/authenticity-thresholds',
    {
      schema: {
        tags: ['authenticity'],
        summary: 'Replace the override of the default thresholds (instance administrators)',
        body: thresholdsBody,
        response: { 200: thresholdsResponse },
      },
    },
    async (request) => {
      authorize(requireActor(request), 'instance.administer', { kind: 'instance' });
      const effective = await saveThresholdOverride(app.db, request.body);
      return { override: request.body, effective: effective as unknown as Record<string, unknown> };
    },
  );

  app.get(
    '/api/settings/authenticity-thresholds/defaults',
    { schema: { tags: ['authenticity'], summary: 'The documented default thresholds', response: { 200: z.record(z.string(), z.unknown()) } } },
    async (request) => {
      requireActor(request);
      return DEFAULT_THRESHOLDS as unknown as Record<string, unknown>;
    },
  );
};
