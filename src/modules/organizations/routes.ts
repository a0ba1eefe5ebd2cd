import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../server/authenticate.js';
import { authorize } from '../../lib/policy.js';
import { pageOf, pageQuery } from '../../lib/pagination.js';
import { findDuplicateCandidates, listDuplicatePairs } from './find-duplicates.js';
import { getVisibleProfile } from './get-organization.js';
import { getOrganizationProfile } from './get-profile.js';
import { DirectorySearch } from './directory-search.js';
import { listOrganizations } from './list-organizations.js';
import { mergeOrganizations } from './merge-organizations.js';
import { presentOrganization, presentOrganizationSummary } from './present.js';
import { createOrganization, deleteOrganization, restoreOrganization, updateOrganization } from './save-organization.js';
import {
  createOrganizationBody,
  duplicateCandidate,
  duplicatePair,
  duplicateQuery,
  idParams,
  mergeBody,
  mergeResult,
  organization,
  organizationListQuery,
  organizationProfile,
  organizationSaved,
  organizationSummary,
  updateOrganizationBody,
  versionBody,
} from './schemas.js';

const versionQuery = z.object({ version: z.coerce.number().int().positive() });

export const organizationRoutes: FastifyPluginAsyncZod = async (app) => {
  // The directory's search index for this process, kept current from the audit trail.
  const directory = new DirectorySearch({ maxOrganizations: app.config.searchIndexMaxOrganizations });

  app.get(
    '/api/organizations',
    { schema: { tags: ['organizations'], summary: 'The organization directory: search (q) and filters', querystring: organizationListQuery, response: { 200: pageOf(organizationSummary) } } },
    async (request) => {
      const actor = requireActor(request);
      const page = await listOrganizations(app.db, { actor, query: request.query, directory });
      return { items: page.items.map(presentOrganizationSummary), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/api/organizations',
    { schema: { tags: ['organizations'], summary: 'Create an organization profile (e.g. a candidate partner)', body: createOrganizationBody, response: { 201: organizationSaved } } },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(actor, 'organization.create', { kind: 'instance' });
      const saved = await createOrganization(app.db, { actor, input: request.body });
      return reply.status(201).send({ ...presentOrganization(saved.organization), warnings: saved.warnings });
    },
  );

  app.get(
    '/api/organizations/duplicate-candidates',
    { schema: { tags: ['organizations'], summary: 'Organizations that may be the one you are about to create', querystring: duplicateQuery, response: { 200: z.object({ items: z.array(duplicateCandidate) }) } } },
    async (request) => {
      requireActor(request);
      const items = await findDuplicateCandidates(app.db, request.query);
      return { items: items.map((item) => ({ ...item, organization: presentOrganizationSummary(item.organization) })) };
    },
  );

  app.get(
    '/api/organizations/duplicates',
    { schema: { tags: ['organizations'], summary: 'Likely duplicate pairs: same identifier or very similar names', querystring: pageQuery, response: { 200: pageOf(duplicatePair) } } },
    async (request) => {
      requireActor(request);
      const page = await listDuplicatePairs(app.db, request.query);
      return {
        items: page.items.map((item) => ({ ...item, first: presentOrganizationSummary(item.first), second: presentOrganizationSummary(item.second) })),
        nextCursor: page.nextCursor,
      };
    },
  );

  app.get(
    '/api/organizations/:id',
    { schema: { tags: ['organizations'], summary: 'An organization profile with relationships, people, programmes and notes', params: idParams, response: { 200: organizationProfile } } },
    async (request) => getOrganizationProfile(app.db, { actor: requireActor(request), organizationId: request.params.id }),
  );

  app.patch(
    '/api/organizations/:id',
    { schema: { tags: ['organizations'], summary: 'Update a profile (send the version you read)', params: idParams, body: updateOrganizationBody, response: { 200: organizationSaved } } },
    async (request) => {
      const actor = requireActor(request);
      const profile = await getVisibleProfile(app.db, actor, request.params.id);
      authorize(actor, 'organization.edit', profile.resource);
      const saved = await updateOrganization(app.db, { organizationId: request.params.id, input: request.body });
      return { ...presentOrganization(saved.organization), warnings: saved.warnings };
    },
  );

  app.delete(
    '/api/organizations/:id',
    { schema: { tags: ['organizations'], summary: 'Delete a profile (restorable)', params: idParams, querystring: versionQuery, response: { 200: organization } } },
    async (request) => {
      const actor = requireActor(request);
      const profile = await getVisibleProfile(app.db, actor, request.params.id);
      authorize(actor, 'organization.delete', profile.resource);
      const row = await deleteOrganization(app.db, { organizationId: request.params.id, version: request.query.version, hasOwnUsers: profile.resource.hasOwnUsers });
      return presentOrganization(row);
    },
  );

  app.post(
    '/api/organizations/:id/restore',
    { schema: { tags: ['organizations'], summary: 'Restore a deleted profile', params: idParams, body: versionBody, response: { 200: organization } } },
    async (request) => {
      const actor = requireActor(request);
      const profile = await getVisibleProfile(app.db, actor, request.params.id);
      authorize(actor, 'organization.delete', profile.resource);
      return presentOrganization(await restoreOrganization(app.db, { organizationId: request.params.id, version: request.body.version }));
    },
  );

  app.post(
    '/api/organizations/:id/merge',
    { schema: { tags: ['organizations'], summary: 'Merge this organization into another: every reference moves, this one is deleted', params: idParams, body: mergeBody, response: { 200: mergeResult } } },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, 'organizations.merge', { kind: 'instance' });
      const result = await mergeOrganizations(app.db, { actor, mergedId: request.params.id, survivorId: request.body.into });
      return { mergeId: result.merge.id, survivor: presentOrganization(result.survivor), mergedId: request.params.id, moved: result.moved };
    },
  );
};
