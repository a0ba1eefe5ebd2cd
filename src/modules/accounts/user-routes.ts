import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../server/authenticate.js';
import { authorize } from '../../lib/policy.js';
import { appLink } from '../../lib/links.js';
import { notFound } from '../../lib/errors.js';
import { pageOf, pageQuery } from '../../lib/pagination.js';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.js';
import { acceptInvitation, createInvitation, findOpenInvitation } from './invitations.js';
import { completePasswordReset, createPasswordReset, findOpenPasswordReset } from './password-resets.js';
import { createSession } from './sessions.js';
import { getUser, listUsers } from './users.js';
import { presentApiToken, presentMeUser, presentUserSummary } from './present.js';
import { setSessionCookie } from './auth-routes.js';
import {
  acceptInvitationBody,
  apiToken,
  completeResetBody,
  createdToken,
  createInvitationBody,
  createTokenBody,
  idParams,
  invitationCreated,
  invitationView,
  loginResponse,
  resetCreated,
  tokenParams,
  userSummary,
} from './schemas.js';

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/me/tokens', { schema: { tags: ['tokens'], summary: 'Your personal API tokens', response: { 200: pageOf(apiToken) } } }, async (request) => {
    const actor = requireActor(request);
    const tokens = await listApiTokens(app.db, actor.userId);
    return { items: tokens.map(presentApiToken), nextCursor: null };
  });

  app.post(
    '/api/me/tokens',
    { schema: { tags: ['tokens'], summary: 'Create a personal API token (shown once)', body: createTokenBody, response: { 201: createdToken } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const created = await createApiToken(app.db, { userId: actor.userId, name: request.body.name });
      return reply.status(201).send({ ...presentApiToken(created), token: created.token });
    },
  );

  app.delete(
    '/api/me/tokens/:id',
    { schema: { tags: ['tokens'], summary: 'Revoke one of your tokens', params: idParams, response: { 204: z.null() } } },
    async (request, reply) => {
      const actor = requireActor(request);
      await revokeApiToken(app.db, { userId: actor.userId, tokenId: request.params.id });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/users',
    { schema: { tags: ['users'], summary: 'Users you administer', querystring: pageQuery, response: { 200: pageOf(userSummary) } } },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, 'users.list', { kind: 'organization', organizationId: actor.organizationId });
      const page = await listUsers(app.db, { actor, limit: request.query.limit, cursor: request.query.cursor });
      return { items: page.items.map(presentUserSummary), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/api/users/:id/password-reset',
    { schema: { tags: ['users'], summary: 'Issue a one-time password-reset link', params: idParams, response: { 201: resetCreated } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const user = await getUser(app.db, request.params.id).catch(() => undefined);
      // A user of another organization is "not found" to an organization administrator.
      if (!user || (!actor.isInstanceAdmin && user.organizationId !== actor.organizationId)) throw notFound('User');
      authorize(actor, 'user.issue-reset', { kind: 'user', userId: user.id, organizationId: user.organizationId });
      const { reset, token } = await createPasswordReset(app.db, { userId: user.id, createdBy: actor.userId, ttlMs: app.config.resetTtlMs });
      return reply.status(201).send({ link: appLink(app.config, request, `/reset/${token}`), expiresAt: reset.expiresAt.toISOString() });
    },
  );

  app.post(
    '/api/invitations',
    { schema: { tags: ['users'], summary: 'Invite a colleague by a one-time link', body: createInvitationBody, response: { 201: invitationCreated } } },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(actor, 'users.invite', { kind: 'organization', organizationId: actor.organizationId });
      const { invitation, token } = await createInvitation(app.db, {
        organizationId: actor.organizationId,
        email: request.body.email,
        role: request.body.role,
        invitedBy: actor.userId,
        ttlMs: app.config.invitationTtlMs,
      });
      return reply.status(201).send({
        id: invitation.id,
        email: invitation.email,
        role: invitation.role,
        link: appLink(app.config, request, `/invite/${token}`),
        expiresAt: invitation.expiresAt.toISOString(),
      });
    },
  );

  app.get(
    '/api/invitations/:token',
    { config: { public: true }, schema: { tags: ['users'], summary: 'What an invitation link is for', params: tokenParams, response: { 200: invitationView } } },
    async (request) => {
      const { invitation, organization } = await findOpenInvitation(app.db, request.params.token);
      return { email: invitation.email, role: invitation.role, organization, expiresAt: invitation.expiresAt.toISOString() };
    },
  );

  app.post(
    '/api/invitations/:token/accept',
    {
      config: { public: true },
      schema: { tags: ['users'], summary: 'Accept an invitation and sign in', params: tokenParams, body: acceptInvitationBody, response: { 201: loginResponse } },
    },
    async (request, reply) => {
      const user = await acceptInvitation(app.db, { token: request.params.token, ...request.body });
      const session = await createSession(app.db, { userId: user.id, ttlMs: app.config.sessionTtlMs });
      setSessionCookie(request, reply, session.token, session.expiresAt);
      return reply.status(201).send({ user: presentMeUser(user), csrfToken: session.csrfToken });
    },
  );

  app.get(
    '/api/password-resets/:token',
    { config: { public: true }, schema: { tags: ['users'], summary: 'Check a reset link', params: tokenParams, response: { 200: z.object({ expiresAt: z.iso.datetime() }) } } },
    async (request) => {
      const reset = await findOpenPasswordReset(app.db, request.params.token);
      return { expiresAt: reset.expiresAt.toISOString() };
    },
  );

  app.post(
    '/api/password-resets/:token',
    { config: { public: true }, schema: { tags: ['users'], summary: 'Set a new password with a reset link', params: tokenParams, body: completeResetBody, response: { 204: z.null() } } },
    async (request, reply) => {
      await completePasswordReset(app.db, { token: request.params.token, password: request.body.password });
      return reply.status(204).send(null);
    },
  );
};
