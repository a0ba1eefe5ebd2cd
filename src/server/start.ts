import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../db/client.js';
import type { Config } from '../lib/config.js';
import { seedDemoIfPristine, type DemoLogin } from '../modules/demo/seed-demo.js';
import { buildApp } from './app.js';
import { syncShippedArticles } from '../modules/knowledge/shipped-articles.js';

/** Seeds the demo on a pristine database (unless disabled), builds the app and listens. */
export async function startServer(options: { config: Config; database: DatabaseHandle; say: (line: string) => void }): Promise<FastifyInstance> {
  const { config, database, say } = options;
  // The knowledge base ships with the product: every instance gets the current articles at start.
  await syncShippedArticles(database.db);
  const logins = config.seedDemo ? await seedDemoIfPristine(database.db) : null;
  const app = await buildApp({ config, database });
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  // One write, so that whoever watches the output sees the address and the log-ins together.
  const lines = [
    `Consortia is running at http://localhost:${port} (${database.engine === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL'})`,
    ...(logins ? [describeLogins(logins)] : []),
    `API documentation: http://localhost:${port}/api/docs`,
  ];
  say(lines.join('\n'));
  return app;
}

function describeLogins(logins: DemoLogin[]): string {
  const lines = logins.map((login) => `  ${login.email.padEnd(32)} ${login.password}   ${login.description}`);
  return ['A demo consortium was created. Sign in with:', ...lines].join('\n');
}
