import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../server/authenticate.js';
import { buildBundleJsonSchema } from '../bundle/json-schema.js';
import { exportBundle } from '../bundle/export-bundle.js';
import { importBundle } from '../bundle/import-bundle.js';
import { budgetVisibility } from './budget-routes.js';
import { programmeRequest } from './route-access.js';
import { programmeParams } from './schemas.js';

const tags = ['bundle'];
/** Bundles of large programmes (tens of thousands of tasks) run to several megabytes. */
const BUNDLE_BODY_LIMIT = 64 * 1024 * 1024;

export const bundleRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/schemas/programme-bundle.json',
    { config: { public: true }, schema: { tags, summary: 'The JSON Schema of consortia.programme-bundle/1' } },
    async (_request, reply) => reply.type('application/schema+json').send(buildBundleJsonSchema()),
  );

  app.get('/api/programmes/:id/bundle', { schema: { tags, summary: 'Export the whole programme as a bundle (consortia.programme-bundle/1)', params: programmeParams } }, async (request, reply) => {
    const context = await programmeRequest(app.db, request, request.params.id);
    const visibility = budgetVisibility(context);
    const bundle = await exportBundle(app.db, { programmeId: request.params.id, budgetOrganizationId: visibility.whole ? null : visibility.organizationId });
    return reply.header('content-disposition', `attachment; filename="${bundle.programme.ref.replace(/[^A-Za-z0-9._-]/g, '_')}.bundle.json"`).send(bundle);
  });

  app.post(
    '/api/programmes/import',
    {
      bodyLimit: Math.max(app.config.bodyLimitBytes, BUNDLE_BODY_LIMIT),
      schema: {
        tags,
        summary: 'Create a programme from a bundle (you become its manager); refused bundles import nothing',
        body: z.unknown(),
        response: { 201: z.object({ id: z.uuid(), warnings: z.array(z.object({ pointer: z.string(), message: z.string() })), organizationsCreated: z.number(), organizationsMatched: z.number() }) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const result = await importBundle(app.db, { input: request.body, importedBy: actor.userId });
      return reply.status(201).send({ id: result.programmeId, warnings: result.warnings, organizationsCreated: result.organizationsCreated, organizationsMatched: result.organizationsMatched });
    },
  );
};
