import type { Database, DatabaseHandle } from '../db/client.js';
import type { Actor } from '../lib/actor.js';
import type { Config } from '../lib/config.js';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    database: DatabaseHandle;
    db: Database;
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionCsrfToken: string | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a session or token. */
    public?: boolean;
    /**
     * A /api/programmes/:id route that takes no body or query and loads the actor's access in the
     * same query as its data: the programme guard (route-access.ts) does not load it first.
     */
    accessInHandler?: boolean;
    /** false: a state-changing route that manages its own transactions (see request-transaction.ts). */
    transaction?: boolean;
  }
}

export {};
