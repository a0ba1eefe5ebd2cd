import type { FastifyRequest } from 'fastify';
import type { Database } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import { authorize, can } from '../../lib/policy.js';
import { requireActor } from '../../server/authenticate.js';
import { getProgrammeAccess } from './access.js';
import type { ProgrammeAccess } from './policy.js';

type ProgrammeAction = 'programme.view' | 'programme.manage' | 'programme.contribute' | 'programme.view-budget';

export type ProgrammeRequestContext = {
  actor: Actor;
  access: ProgrammeAccess;
  /** True when the actor may change the programme's structure. */
  canManage: boolean;
};

/**
 * The first steps of every programme route: authenticate, load the actor's access to the
 * programme, and authorize. Whoever cannot see the programme gets 404 whatever the action.
 */
export async function programmeRequest(db: Database, request: FastifyRequest, programmeId: string, action: ProgrammeAction = 'programme.view'): Promise<ProgrammeRequestContext> {
  const actor = requireActor(request);
  const cached = checked.get(request);
  const access = cached?.programmeId === programmeId ? cached : await getProgrammeAccess(db, actor, programmeId);
  const resource = { kind: 'programme' as const, access };
  authorize(actor, 'programme.view', resource);
  if (action !== 'programme.view') authorize(actor, action, resource);
  return { actor, access, canManage: can(actor, 'programme.manage', resource) };
}

const checked = new WeakMap<FastifyRequest, ProgrammeAccess>();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A preValidation hook for every /api/programmes/:id route: whoever cannot see the programme gets
 * 404 before the body is even read, so that no answer (not even a validation error) tells an
 * outsider anything about a programme.
 */
export function guardProgrammeRoutes(db: Database) {
  return async (request: FastifyRequest): Promise<void> => {
    if (!request.routeOptions.url?.startsWith('/api/programmes/:id')) return;
    // Such a route loads the access with its data and authorizes before answering anything.
    if (request.routeOptions.config.accessInHandler === true) return;
    const programmeId = (request.params as { id?: unknown }).id;
    if (typeof programmeId !== 'string' || !UUID.test(programmeId)) return;
    const actor = requireActor(request);
    const access = await getProgrammeAccess(db, actor, programmeId);
    authorize(actor, 'programme.view', { kind: 'programme', access });
    checked.set(request, access);
  };
}
