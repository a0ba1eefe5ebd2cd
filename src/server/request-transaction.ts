import type { FastifyInstance, FastifyReply, RouteHandlerMethod } from 'fastify';
import type { Database } from '../db/client.js';
import { runAsActor } from '../db/transaction-scope.js';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Runs the handler of every state-changing API route in one database transaction: the actor is
 * set first (the audit trail records it), everything commits only if the request succeeds, and
 * a request that fails or answers 4xx/5xx changes nothing. The answer is sent after the commit,
 * so a client that sees success can read what it wrote. Must be registered before the routes.
 */
export function registerRequestTransactions(app: FastifyInstance, db: Database): void {
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!route.url.startsWith('/api/') || methods.every((method) => READ_METHODS.has(method))) return;
    if (route.config?.transaction === false) return;
    const handler = route.handler as RouteHandlerMethod;
    route.handler = async function transactional(this: FastifyInstance, request, reply) {
      if (READ_METHODS.has(request.method)) return handler.call(this, request, reply);
      const deferred = deferSends(reply);
      let result: unknown;
      try {
        result = await runAsActor(db, request.actor?.userId ?? null, async () => handler.call(this, request, reply), () => reply.statusCode < 400);
      } finally {
        deferred.restore();
      }
      return deferred.sent ? reply.send(deferred.payload) : result;
    };
  });
}

/**
 * Holds back `reply.send` until the transaction has ended. A handler that returns the reply makes
 * its promise wait on `reply.then` (the response finishing); meanwhile that settles at once.
 */
function deferSends(reply: FastifyReply): { sent: boolean; payload: unknown; restore: () => void } {
  const state = {
    sent: false,
    payload: undefined as unknown,
    restore: () => {
      Reflect.deleteProperty(reply, 'send');
      Reflect.deleteProperty(reply, 'then');
    },
  };
  const own = (value: unknown) => ({ configurable: true, writable: true, value });
  Object.defineProperty(
    reply,
    'send',
    own((payload?: unknown) => {
      state.sent = true;
      state.payload = payload;
      return reply;
    }),
  );
  Object.defineProperty(reply, 'then', own((fulfilled?: () => void) => fulfilled?.()));
  return state;
}
