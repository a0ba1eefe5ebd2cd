import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../server/authenticate.js';
import { pageOf } from '../../lib/pagination.js';
import { can } from '../../lib/policy.js';
import { getVisibleProfile } from '../organizations/get-organization.js';
import { addMember, listMembers, listMembershipsOf, listNetworks, loadNetwork, markNetwork, updateMember } from './networks.js';
import { createStatement, inviteSignatories, listStatements, listStatementVersions, loadStatement, publishStatement, respondToStatement, reviseStatement } from './statements.js';
import { presentMembership, presentNetwork, presentNetworkSummary, presentOrganizationMembership, presentStatement, presentStatementSummary } from './present.js';
import {
  addMemberBody,
  createStatementBody,
  idParams,
  inviteBody,
  listStatementsQuery,
  markNetworkBody,
  membership,
  membershipParams,
  networkDetail,
  networkSummary,
  organizationMembership,
  publishBody,
  respondBody,
  reviseStatementBody,
  statementDetail,
  statementSummary,
  statementVersion,
  updateMemberBody,
} from './schemas.js';
import type { Database } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';

async function networkFor(db: Database, actor: Actor, networkId: string) {
  const { network, resource } = await loadNetwork(db, networkId);
  const profile = await getVisibleProfile(db, actor, network.organizationId);
  return presentNetwork(network, { name: profile.row.name, acronym: profile.row.acronym, country: profile.row.country }, await listMembers(db, network.id), can(actor, 'network.manage', resource));
}

/** Networks and associations, their memberships, and joint statements with co-signatories. */
export const networkRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['networks'];

  app.get('/api/networks', { schema: { tags, summary: 'Every network and association on the instance', response: { 200: z.object({ items: z.array(networkSummary) }) } } }, async (request) => {
    requireActor(request);
    return { items: (await listNetworks(app.db)).map(presentNetworkSummary) };
  });

  app.post(
    '/api/networks',
    { schema: { tags, summary: 'Mark an organization of the registry as a network or association', body: markNetworkBody, response: { 201: networkDetail } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const networkId = await markNetwork(app.db, { actor, ...request.body });
      return reply.status(201).send(await networkFor(app.db, actor, networkId));
    },
  );

  app.get('/api/networks/:id', { schema: { tags, summary: 'A network with its members, past and present', params: idParams, response: { 200: networkDetail } } }, async (request) =>
    networkFor(app.db, requireActor(request), request.params.id),
  );

  app.post(
    '/api/networks/:id/members',
    { schema: { tags, summary: 'Add a member organization with its role and dates', params: idParams, body: addMemberBody, response: { 201: membership } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const row = await addMember(app.db, { actor, networkId: request.params.id, ...request.body });
      const member = (await listMembers(app.db, request.params.id)).find((candidate) => candidate.membership.id === row.id)!;
      return reply.status(201).send(presentMembership(member));
    },
  );

  app.patch(
    '/api/networks/:id/members/:membershipId',
    { schema: { tags, summary: "Change a membership's role or dates (send the version you read)", params: membershipParams, body: updateMemberBody, response: { 200: membership } } },
    async (request) => {
      const actor = requireActor(request);
      const row = await updateMember(app.db, { actor, networkId: request.params.id, membershipId: request.params.membershipId, ...request.body });
      const member = (await listMembers(app.db, request.params.id)).find((candidate) => candidate.membership.id === row.id)!;
      return presentMembership(member);
    },
  );

  app.get(
    '/api/organizations/:id/memberships',
    { schema: { tags, summary: 'The networks and associations an organization belongs to', params: idParams, response: { 200: z.object({ items: z.array(organizationMembership) }) } } },
    async (request) => {
      const actor = requireActor(request);
      await getVisibleProfile(app.db, actor, request.params.id);
      return { items: (await listMembershipsOf(app.db, request.params.id)).map(presentOrganizationMembership) };
    },
  );

  const statementTags = ['statements'];

  app.get(
    '/api/statements',
    { schema: { tags: statementTags, summary: 'Published statements, and drafts you take part in, most recently changed first', querystring: listStatementsQuery, response: { 200: pageOf(statementSummary) } } },
    async (request) => {
      const actor = requireActor(request);
      const page = await listStatements(app.db, { actor, ...request.query });
      return { items: page.items.map(presentStatementSummary), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/api/statements',
    { schema: { tags: statementTags, summary: 'Start a joint statement and invite co-signatories (your organization drafts it)', body: createStatementBody, response: { 201: statementDetail } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const statementId = await createStatement(app.db, { actor, ...request.body });
      return reply.status(201).send(presentStatement(await loadStatement(app.db, actor, statementId), actor));
    },
  );

  app.get('/api/statements/:id', { schema: { tags: statementTags, summary: 'A statement: the draft for its parties, the published text for everyone', params: idParams, response: { 200: statementDetail } } }, async (request) => {
    const actor = requireActor(request);
    return presentStatement(await loadStatement(app.db, actor, request.params.id), actor);
  });

  app.get(
    '/api/statements/:id/versions',
    { schema: { tags: statementTags, summary: "The text's history (the published version only, for those outside the draft)", params: idParams, response: { 200: z.object({ items: z.array(statementVersion) }) } } },
    async (request) => {
      const actor = requireActor(request);
      const view = await loadStatement(app.db, actor, request.params.id);
      const party = presentStatement(view, actor).invitations !== null;
      const rows = (await listStatementVersions(app.db, view.statement.id)).filter((row) => party || row.number === view.statement.publishedVersion);
      return { items: rows.map((row) => ({ number: row.number, title: row.title, body: row.body, authorName: row.authorName, createdAt: row.createdAt.toISOString() })) };
    },
  );

  app.post(
    '/api/statements/:id/versions',
    { schema: { tags: statementTags, summary: 'Save a new version of the draft (sign-offs must then be given again)', params: idParams, body: reviseStatementBody, response: { 200: statementDetail } } },
    async (request) => {
      const actor = requireActor(request);
      await reviseStatement(app.db, { actor, statementId: request.params.id, ...request.body });
      return presentStatement(await loadStatement(app.db, actor, request.params.id), actor);
    },
  );

  app.post(
    '/api/statements/:id/invitations',
    { schema: { tags: statementTags, summary: 'Invite more organizations to co-sign', params: idParams, body: inviteBody, response: { 200: statementDetail } } },
    async (request) => {
      const actor = requireActor(request);
      await inviteSignatories(app.db, { actor, statementId: request.params.id, organizationIds: request.body.organizationIds });
      return presentStatement(await loadStatement(app.db, actor, request.params.id), actor);
    },
  );

  app.post(
    '/api/statements/:id/response',
    { schema: { tags: statementTags, summary: "Sign off or decline the current text in your organization's name", params: idParams, body: respondBody, response: { 200: statementDetail } } },
    async (request) => {
      const actor = requireActor(request);
      await respondToStatement(app.db, { actor, statementId: request.params.id, ...request.body });
      return presentStatement(await loadStatement(app.db, actor, request.params.id), actor);
    },
  );

  app.post(
    '/api/statements/:id/publish',
    { schema: { tags: statementTags, summary: 'Publish the current text with its signatories (needs at least one sign-off)', params: idParams, body: publishBody, response: { 200: statementDetail } } },
    async (request) => {
      const actor = requireActor(request);
      await publishStatement(app.db, { actor, statementId: request.params.id, version: request.body.version });
      return presentStatement(await loadStatement(app.db, actor, request.params.id), actor);
    },
  );
};
