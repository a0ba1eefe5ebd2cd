import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageOf } from '../../lib/pagination.js';
import { addTeamMember, listTeam, removeTeamMember, updateTeamMember } from './team.js';
import { programmeRequest } from './route-access.js';
import { childParams, createTeamMemberBody, programmeParams, updateTeamMemberBody } from './schemas.js';

const tags = ['team'];
const teamMember = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string().nullable(),
  programmeRole: z.string(),
  personId: z.uuid().nullable(),
  userId: z.uuid().nullable(),
  organization: z.object({ id: z.uuid(), name: z.string(), acronym: z.string().nullable() }),
  employer: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  version: z.number().int(),
});
type TeamRow = Awaited<ReturnType<typeof listTeam>>[number];

function presentTeamMember(row: TeamRow) {
  return {
    id: row.member.id,
    name: row.member.name,
    email: row.member.email,
    programmeRole: row.member.programmeRole,
    personId: row.member.personId,
    userId: row.member.userId,
    organization: row.organization,
    // Without a registry person, the organization they represent is their employer.
    employer: row.employer?.id ? { id: row.employer.id, name: row.employer.name } : { id: row.organization.id, name: row.organization.name },
    version: row.member.version,
  };
}

export const teamRoutes: FastifyPluginAsyncZod = async (app) => {
  const presentOne = async (programmeId: string, id: string) => presentTeamMember((await listTeam(app.db, programmeId)).find((row) => row.member.id === id)!);

  app.get('/api/programmes/:id/team', { schema: { tags, summary: 'The programme team, with each person’s employer', params: programmeParams, response: { 200: pageOf(teamMember) } } }, async (request) => {
    await programmeRequest(app.db, request, request.params.id);
    return { items: (await listTeam(app.db, request.params.id)).map(presentTeamMember), nextCursor: null };
  });

  app.post('/api/programmes/:id/team', { schema: { tags, summary: 'Add someone to the team', params: programmeParams, body: createTeamMemberBody, response: { 201: teamMember } } }, async (request, reply) => {
    const { actor, canManage } = await programmeRequest(app.db, request, request.params.id, 'programme.contribute');
    const row = await addTeamMember(app.db, { programmeId: request.params.id, editor: { organizationId: actor.organizationId, canManage }, input: request.body });
    return reply.status(201).send(await presentOne(request.params.id, row.id));
  });

  app.patch('/api/programmes/:id/team/:childId', { schema: { tags, summary: 'Change a team member', params: childParams, body: updateTeamMemberBody, response: { 200: teamMember } } }, async (request) => {
    const { actor, canManage } = await programmeRequest(app.db, request, request.params.id, 'programme.contribute');
    const row = await updateTeamMember(app.db, { programmeId: request.params.id, id: request.params.childId, editor: { organizationId: actor.organizationId, canManage }, input: request.body });
    return presentOne(request.params.id, row.id);
  });

  app.delete('/api/programmes/:id/team/:childId', { schema: { tags, summary: 'Remove someone from the team', params: childParams, response: { 204: z.null() } } }, async (request, reply) => {
    const { actor, canManage } = await programmeRequest(app.db, request, request.params.id, 'programme.contribute');
    await removeTeamMember(app.db, { programmeId: request.params.id, id: request.params.childId, editor: { organizationId: actor.organizationId, canManage } });
    return reply.status(204).send(null);
  });
};
