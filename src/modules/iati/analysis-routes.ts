import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Placeholder until the analysis routes land. */
export const analysisRoutes: FastifyPluginAsyncZod = async () => {};
