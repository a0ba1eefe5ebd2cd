import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../server/authenticate.js';
import { authorize, can } from '../../lib/policy.js';
import { pageOf, pageQuery } from '../../lib/pagination.js';
import { listProgrammes } from './list-programmes.js';
import { createProgramme } from './create-programme.js';
import { getProgramme, getProgrammeWithAccess } from './get-programme.js';
import { changeProgrammeStatus, updateProgramme } from './update-programme.js';
import { presentProgramme, presentProgrammeSummary } from './present.js';
import { guardProgrammeRoutes, programmeRequest, type ProgrammeRequestContext } from './route-access.js';
import { changeStatusBody, createProgrammeBody, programmeDetail, programmeParams, programmeSummary, updateProgrammeBody } from './schemas.js';
import { memberRoutes } from './member-routes.js';
import { planRoutes } from './plan-routes.js';
import { budgetRoutes } from './budget-routes.js';
import { agreementRoutes } from './agreement-routes.js';
import { teamRoutes } from './team-routes.js';
import { bundleRoutes } from './bundle-routes.js';
import type { Database } from '../../db/client.js';

/** Loads and presents a programme for the viewer. */
async function programmeFor(db: Database, programmeId: string, context: ProgrammeRequestContext) {
  const { programme, lead } = await getProgramme(db, programmeId);
  const resource = { kind: 'programme' as const, access: context.access };
  return presentProgramme(programme, lead, {
    organizationId: context.actor.organizationId,
    access: context.access,
    canManage: context.canManage,
    canContribute: can(context.actor, 'programme.contribute', resource),
    canViewWholeBudget: can(context.actor, 'programme.view-budget', resource),
  });
}

export const programmeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preValidation', guardProgrammeRoutes(app.db));

  app.get(
    '/api/programmes',
    { schema: { tags: ['programmes'], summary: 'Programmes you take part in', querystring: pageQuery, response: { 200: pageOf(programmeSummary) } } },
    async (request) => {
      const actor = requireActor(request);
      const page = await listProgrammes(app.db, { actor, limit: request.query.limit, cursor: request.query.cursor });
      return { items: page.items.map(presentProgrammeSummary), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/api/programmes',
    { schema: { tags: ['programmes'], summary: 'Create a programme (you become its manager; your organization its lead unless you say otherwise)', body: createProgrammeBody, response: { 201: programmeDetail } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const programme = await createProgramme(app.db, { actor, input: request.body });
      const context = await programmeRequest(app.db, request, programme.id);
      return reply.status(201).send(await programmeFor(app.db, programme.id, context));
    },
  );

  app.get(
    '/api/programmes/:id',
    { config: { accessInHandler: true }, schema: { tags: ['programmes'], summary: 'A programme, with what you may do on it', params: programmeParams, response: { 200: programmeDetail } } },
    async (request) => {
      // One query for the programme, its lead and the actor's access (the page is read often).
      const actor = requireActor(request);
      const { programme, lead, access } = await getProgrammeWithAccess(app.db, actor, request.params.id);
      const resource = { kind: 'programme' as const, access };
      authorize(actor, 'programme.view', resource);
      return presentProgramme(programme, lead, {
        organizationId: actor.organizationId,
        access,
        canManage: can(actor, 'programme.manage', resource),
        canContribute: can(actor, 'programme.contribute', resource),
        canViewWholeBudget: can(actor, 'programme.view-budget', resource),
      });
    },
  );

  app.patch(
    '/api/programmes/:id',
    { schema: { tags: ['programmes'], summary: 'Change a programme (send the version you read)', params: programmeParams, body: updateProgrammeBody, response: { 200: programmeDetail } } },
    async (request) => {
      const context = await programmeRequest(app.db, request, request.params.id, 'programme.manage');
      await updateProgramme(app.db, { programmeId: request.params.id, input: request.body });
      return programmeFor(app.db, request.params.id, context);
    },
  );

  app.post(
    '/api/programmes/:id/status',
    { schema: { tags: ['programmes'], summary: 'Move the programme along its lifecycle', params: programmeParams, body: changeStatusBody, response: { 200: programmeDetail } } },
    async (request) => {
      const context = await programmeRequest(app.db, request, request.params.id, 'programme.manage');
      await changeProgrammeStatus(app.db, { programmeId: request.params.id, ...request.body });
      return programmeFor(app.db, request.params.id, context);
    },
  );

  await app.register(memberRoutes);
  await app.register(planRoutes);
  await app.register(budgetRoutes);
  await app.register(agreementRoutes);
  await app.register(teamRoutes);
  await app.register(bundleRoutes);
};
