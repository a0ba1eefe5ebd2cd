import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../lib/errors.js';
import type { Actor } from '../lib/actor.js';
import { safeEqual } from '../lib/secrets.js';
import { resolveApiToken } from '../modules/accounts/api-tokens.js';
import { resolveSession, SESSION_COOKIE } from '../modules/accounts/sessions.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the actor of every API request (bearer token or session cookie), refuses non-public
 * routes without one (401), and checks the CSRF token on state-changing cookie requests (403).
 */
export function registerAuthentication(app: FastifyInstance): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionCsrfToken', null);

  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const isKnownRoute = Boolean(request.routeOptions.url);
    // The docs page's own routes are registered by a plugin, so they are recognised by prefix.
    const isPublic = request.routeOptions.config.public === true || request.url === '/api/docs' || request.url.startsWith('/api/docs/');

    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      const actor = match ? await resolveApiToken(app.db, match[1]!) : undefined;
      if (!actor) throw new AppError('unauthenticated', 'The API token is invalid or revoked');
      request.actor = actor;
      return;
    }

    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie) {
      const session = await resolveSession(app.db, { token: cookie, ttlMs: app.config.sessionTtlMs });
      if (session) {
        request.actor = session.actor;
        request.sessionCsrfToken = session.csrfToken;
        if (!SAFE_METHODS.has(request.method) && isKnownRoute) {
          const sent = request.headers['x-csrf-token'];
          if (typeof sent !== 'string' || !safeEqual(sent, session.csrfToken)) {
            throw new AppError('csrf_invalid', 'Missing or wrong x-csrf-token header (get one from GET /api/auth/csrf)');
          }
        }
      }
    }

    if (!request.actor && !isPublic && isKnownRoute) {
      throw new AppError('unauthenticated', 'Sign in or send an API token to use this endpoint');
    }
  });
}

/** The actor of an authenticated route (the hook has already refused anonymous requests). */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated', 'Sign in or send an API token to use this endpoint');
  return request.actor;
}
