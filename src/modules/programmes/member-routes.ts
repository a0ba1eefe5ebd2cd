import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { appLink } from '../../lib/links.js';
import { pageOf } from '../../lib/pagination.js';
import { inviteToProgramme, listProgrammeUsers } from './invite-to-programme.js';
import { addMember, listMemberUsers, listMembers, updateMember } from './members.js';
import { presentMember } from './present.js';
import { programmeRequest } from './route-access.js';
import { addMemberBody, childParams, member, memberUserAnswer, programmeInvitationBody, programmeInvitationCreated, programmeParams, programmeUser, updateMemberBody } from './schemas.js';

export const memberRoutes: FastifyPluginAsyncZod = async (app) => {
  const presentOne = async (programmeId: string, memberId: string) => {
    const rows = await listMembers(app.db, programmeId);
    return presentMember(rows.find((row) => row.member.id === memberId)!);
  };

  app.get(
    '/api/programmes/:id/members',
    { schema: { tags: ['consortium'], summary: 'The consortium: current and past members', params: programmeParams, response: { 200: pageOf(member) } } },
    async (request) => {
      await programmeRequest(app.db, request, request.params.id);
      const rows = await listMembers(app.db, request.params.id);
      return { items: rows.map(presentMember), nextCursor: null };
    },
  );

  app.post(
    '/api/programmes/:id/members',
    { schema: { tags: ['consortium'], summary: 'Add an organization to the consortium', params: programmeParams, body: addMemberBody, response: { 201: member } } },
    async (request, reply) => {
      await programmeRequest(app.db, request, request.params.id, 'programme.manage');
      const created = await addMember(app.db, { programmeId: request.params.id, ...request.body });
      return reply.status(201).send(await presentOne(request.params.id, created.id));
    },
  );

  app.patch(
    '/api/programmes/:id/members/:childId',
    { schema: { tags: ['consortium'], summary: 'Change a membership; a left date ends its access', params: childParams, body: updateMemberBody, response: { 200: member } } },
    async (request) => {
      await programmeRequest(app.db, request, request.params.id, 'programme.manage');
      const updated = await updateMember(app.db, { programmeId: request.params.id, memberId: request.params.childId, input: request.body });
      return presentOne(request.params.id, updated.id);
    },
  );

  app.get(
    '/api/programmes/:id/members/:childId/users',
    { schema: { tags: ['consortium'], summary: "A member organization's users, to choose its focal point from (managers)", params: childParams, response: { 200: pageOf(memberUserAnswer) } } },
    async (request) => {
      await programmeRequest(app.db, request, request.params.id, 'programme.manage');
      return { items: await listMemberUsers(app.db, request.params.id, request.params.childId), nextCursor: null };
    },
  );

  app.get(
    '/api/programmes/:id/users',
    { schema: { tags: ['consortium'], summary: 'Managers and observers of the programme', params: programmeParams, response: { 200: pageOf(programmeUser) } } },
    async (request) => {
      await programmeRequest(app.db, request, request.params.id);
      return { items: await listProgrammeUsers(app.db, request.params.id), nextCursor: null };
    },
  );

  app.post(
    '/api/programmes/:id/invitations',
    {
      schema: {
        tags: ['consortium'],
        summary: "Invite a member's colleague who has no account, or donor staff as read-only observers",
        params: programmeParams,
        body: programmeInvitationBody,
        response: { 201: programmeInvitationCreated },
      },
    },
    async (request, reply) => {
      const { actor } = await programmeRequest(app.db, request, request.params.id, 'programme.manage');
      const result = await inviteToProgramme(app.db, { programmeId: request.params.id, ...request.body, invitedBy: actor.userId, ttlMs: app.config.invitationTtlMs });
      return reply.status(201).send({
        id: result.invitation?.id ?? null,
        email: result.email,
        programmeRole: request.body.programmeRole,
        link: result.token ? appLink(app.config, request, `/invite/${result.token}`) : null,
        expiresAt: result.invitation?.expiresAt.toISOString() ?? null,
        grantedDirectly: result.invitation === null,
      });
    },
  );
};

