import type { FastifyPluginAsync } from 'fastify';
import { peopleRoutes } from '../people/routes.js';
import { relationshipRoutes } from '../relationships/routes.js';
import { importExportRoutes } from './import-export-routes.js';
import { organizationRoutes } from './routes.js';

/** The registry's API: organizations, people, relationships, notes, import and export (one line in app.ts). */
export const registryRoutes: FastifyPluginAsync = async (app) => {
  await app.register(importExportRoutes);
  await app.register(organizationRoutes);
  await app.register(peopleRoutes);
  await app.register(relationshipRoutes);
};
