// Analysis over imported IATI data, as JSON or CSV (?format=csv): funding flows, co-participation,
// localization, and one organization's figures. Imported data is public to signed-in users.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { notFound } from '../../lib/errors.js';
import { requireActor } from '../../server/authenticate.js';
import { CSV_TYPE, writeTable } from '../organizations/table-files.js';
import { computeCoParticipation } from './analysis/co-participation.js';
import { computeFundingFlows } from './analysis/funding-flows.js';
import { loadAnalysisData } from './analysis/load-analysis-data.js';
import { computeLocalization } from './analysis/localization.js';
import { computeOrganizationProfile } from './analysis/organization-profile.js';
import { rawQuery } from '../../db/raw-query.js';
import { analysisQuery } from './schemas.js';

const fundingNode = z.object({ id: z.string(), name: z.string(), identifier: z.string().nullable(), type: z.string().nullable(), received: z.number(), passedOn: z.number(), intermediary: z.boolean(), depth: z.number().nullable() });
const fundingFlows = z.object({
  currency: z.string().nullable(),
  nodes: z.array(fundingNode),
  edges: z.array(z.object({ from: z.string(), to: z.string(), value: z.number(), transactions: z.number() })),
  intermediaries: z.array(fundingNode),
  totalValue: z.number(),
  chains: z.array(z.object({ links: z.number(), count: z.number() })),
  longestChain: z.number(),
});
const coParticipation = z.object({
  nodes: z.array(z.object({ id: z.string(), name: z.string(), identifier: z.string().nullable(), activities: z.number(), partners: z.number(), roles: z.record(z.string(), z.number()) })),
  edges: z.array(z.object({ a: z.string(), b: z.string(), activities: z.number(), roles: z.record(z.string(), z.number()) })),
  density: z.number(),
  activitiesLeftOut: z.number(),
});
const channel = z.object({ value: z.number(), share: z.number() });
const localization = z.object({
  currency: z.string().nullable(),
  totalValue: z.number(),
  localValue: z.number(),
  localShare: z.number(),
  channels: z.object({ direct: channel, oneIntermediary: channel, longer: channel }),
  implementing: z.object({ total: z.number(), local: z.number(), share: z.number() }),
  reference: z.number(),
  rule: z.object({ localTypes: z.array(z.string()), regionalTypes: z.array(z.string()), governmentTypes: z.array(z.string()), registryScopes: z.array(z.string()) }),
});
const party = z.object({ id: z.string(), name: z.string(), value: z.number() });
const organizationProfile = z.object({
  organizationId: z.string(), activities: z.number(), published: z.number(),
  roles: z.object({ funding: z.number(), accountable: z.number(), extending: z.number(), implementing: z.number() }),
  currency: z.string().nullable(), received: z.number(), passedOn: z.number(), intermediary: z.boolean(),
  funders: z.array(party), recipients: z.array(party), localActor: z.boolean(), country: z.string().nullable(),
});
const csvOrJson = <T extends z.ZodType>(schema: T) => ({ 200: z.union([schema, z.string()]) });

async function sendCsv(reply: FastifyReply, name: string, columns: string[], rows: Array<Record<string, string>>) {
  const csv = await writeTable('csv', columns, rows, name);
  return reply.type(`${CSV_TYPE}; charset=utf-8`).header('content-disposition', `attachment; filename="iati-${name}.csv"`).send(csv);
}

const text = (value: number | string | null | undefined) => (value === null || value === undefined ? '' : String(value));

export const analysisRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/iati/analysis/funding-flows',
    { schema: { tags: ['iati'], summary: 'Funding-flow network of imported activities (?publisher=&country=&currency=&format=csv)', querystring: analysisQuery, response: csvOrJson(fundingFlows) } },
    async (request, reply) => {
      requireActor(request);
      const { publisher, country, currency, format } = request.query;
      const flows = computeFundingFlows(await loadAnalysisData(app.db, { publisher, country }), currency ? { currency } : {});
      if (format === 'json') return flows;
      const byId = new Map(flows.nodes.map((node) => [node.id, node]));
      return sendCsv(reply, 'funding-flows', ['provider', 'provider_identifier', 'receiver', 'receiver_identifier', 'value', 'currency', 'transactions', 'receiver_is_intermediary'],
        flows.edges.map((edge) => ({
          provider: text(byId.get(edge.from)?.name), provider_identifier: text(byId.get(edge.from)?.identifier), receiver: text(byId.get(edge.to)?.name), receiver_identifier: text(byId.get(edge.to)?.identifier),
          value: text(edge.value), currency: text(flows.currency), transactions: text(edge.transactions), receiver_is_intermediary: byId.get(edge.to)?.intermediary ? 'yes' : 'no',
        })));
    },
  );

  app.get(
    '/api/iati/analysis/co-participation',
    { schema: { tags: ['iati'], summary: 'Which organizations work together in imported activities, in which roles', querystring: analysisQuery, response: csvOrJson(coParticipation) } },
    async (request, reply) => {
      requireActor(request);
      const { publisher, country, format } = request.query;
      const network = computeCoParticipation(await loadAnalysisData(app.db, { publisher, country }));
      if (format === 'json') return network;
      const byId = new Map(network.nodes.map((node) => [node.id, node]));
      return sendCsv(reply, 'co-participation', ['organization_a', 'identifier_a', 'organization_b', 'identifier_b', 'activities', 'roles'],
        network.edges.map((edge) => ({
          organization_a: text(byId.get(edge.a)?.name), identifier_a: text(byId.get(edge.a)?.identifier), organization_b: text(byId.get(edge.b)?.name), identifier_b: text(byId.get(edge.b)?.identifier),
          activities: text(edge.activities), roles: Object.entries(edge.roles).map(([roles, count]) => `${roles}:${count}`).join(';'),
        })));
    },
  );

  app.get(
    '/api/iati/analysis/localization',
    { schema: { tags: ['iati'], summary: 'Share of funds and implementing roles reaching local and national actors, against the 25% Grand Bargain reference', querystring: analysisQuery, response: csvOrJson(localization) } },
    async (request, reply) => {
      requireActor(request);
      const { publisher, country, currency, format } = request.query;
      const result = computeLocalization(await loadAnalysisData(app.db, { publisher, country }), currency ? { currency } : {});
      if (format === 'json') return result;
      const row = (measure: string, value: number, share: number | null) => ({ measure, value: text(value), share: share === null ? '' : share.toFixed(4), currency: text(result.currency) });
      return sendCsv(reply, 'localization', ['measure', 'value', 'share', 'currency'], [
        row('total_value', result.totalValue, null),
        row('local_value', result.localValue, result.localShare),
        row('local_direct', result.channels.direct.value, result.channels.direct.share),
        row('local_one_intermediary', result.channels.oneIntermediary.value, result.channels.oneIntermediary.share),
        row('local_longer_chain', result.channels.longer.value, result.channels.longer.share),
        { measure: 'implementing_roles', value: text(result.implementing.total), share: '', currency: '' },
        { measure: 'implementing_roles_local', value: text(result.implementing.local), share: result.implementing.share.toFixed(4), currency: '' },
        { measure: 'grand_bargain_reference', value: '', share: result.reference.toFixed(4), currency: '' },
      ]);
    },
  );

  app.get(
    '/api/organizations/:id/iati-profile',
    { schema: { tags: ['iati'], summary: "An organization's figures in imported IATI data", params: z.object({ id: z.uuid() }), querystring: analysisQuery.pick({ currency: true }), response: { 200: organizationProfile } } },
    async (request) => {
      requireActor(request);
      const [organization] = await rawQuery(app.db)('select id from organizations where id = $1 and deleted_at is null', [request.params.id]);
      if (!organization) throw notFound('Organization');
      const dataset = await loadAnalysisData(app.db, { organizationId: request.params.id });
      const { currency } = request.query;
      return computeOrganizationProfile(dataset, request.params.id, currency ? { currency } : {});
    },
  );
};
