import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { organizations } from '../../db/schema/index.js';
import { requireActor } from '../../server/authenticate.js';
import { AppError } from '../../lib/errors.js';
import { verifyLogin } from './login.js';
import { createSession, deleteSession, SESSION_COOKIE } from './sessions.js';
import { getUser, updateProfile } from './users.js';
import { presentMe, presentMeUser } from './present.js';
import { loginBody, loginResponse, meResponse, updateMeBody } from './schemas.js';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Sets the session cookie: http-only, SameSite=Lax, Secure whenever the request came over HTTPS. */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, expiresAt: Date): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    path: '/',
    expires: expiresAt,
  });
}

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/auth/login',
    {
      // Not one request transaction: a refused log-in must still record the failed attempt (throttling).
      config: { public: true, transaction: false },
      schema: { tags: ['auth'], summary: 'Sign in with e-mail and password', body: loginBody, response: { 200: loginResponse } },
    },
    async (request, reply) => {
      const user = await verifyLogin(app.db, {
        email: request.body.email,
        password: request.body.password,
        address: request.ip,
        limits: app.config.login,
      });
      const session = await createSession(app.db, { userId: user.id, ttlMs: app.config.sessionTtlMs });
      setSessionCookie(request, reply, session.token, session.expiresAt);
      return { user: presentMeUser(user), csrfToken: session.csrfToken };
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], summary: 'End the current session', response: { 204: z.null() } } },
    async (request, reply) => {
      const actor = requireActor(request);
      if (actor.sessionId) await deleteSession(app.db, actor.sessionId);
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/csrf',
    { schema: { tags: ['auth'], summary: 'The CSRF token to send as x-csrf-token', response: { 200: z.object({ token: z.string() }) } } },
    async (request) => {
      requireActor(request);
      if (!request.sessionCsrfToken) throw new AppError('bad_request', 'API-token requests need no CSRF token');
      return { token: request.sessionCsrfToken };
    },
  );

  app.get('/api/me', { schema: { tags: ['auth'], summary: 'The signed-in user and their organization', response: { 200: meResponse } } }, async (request) => {
    const actor = requireActor(request);
    return loadMe(app.db, actor.userId, actor.organizationId);
  });

  app.patch(
    '/api/me',
    { schema: { tags: ['auth'], summary: 'Change your name or language', body: updateMeBody, response: { 200: meResponse } } },
    async (request) => {
      const actor = requireActor(request);
      await updateProfile(app.db, { userId: actor.userId, ...request.body });
      return loadMe(app.db, actor.userId, actor.organizationId);
    },
  );
};

async function loadMe(db: Parameters<typeof getUser>[0], userId: string, organizationId: string) {
  const user = await getUser(db, userId);
  const [organization] = await db.select().from(organizations).where(eq(organizations.id, organizationId)).limit(1);
  if (!organization) throw new AppError('internal', 'The user has no organization');
  return presentMe(user, organization);
}
