import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../db/client.js';
import type { Config } from '../lib/config.js';
import { seedDemoIfPristine, type DemoLogin } from '../modules/demo/seed-demo.js';
import { buildApp } from './app.js';

/** Seeds the demo on a pristine database (unless disabled), builds the app and listens. */
export async function startServer(options: { config: Config; database: DatabaseHandle; say: (line: string) => void }): Promise<FastifyInstance> {
  const { config, database, say } = options;
  const logins = config.seedDemo ? await seedDemoIfPristine(database.db) : null;
  const app = await buildApp({ config, database });
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  say(`Consortia is running at http://localhost:${port} (${database.engine === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL'})`);
  say(`API documentation: http://localhost:${port}/api/docs`);
  if (logins) say(describeLogins(logins));
  return app;
}

function describeLogins(logins: DemoLogin[]): string {
  const lines = logins.map((login) => `  ${login.email.padEnd(32)} ${login.password}   ${login.description}`);
  return ['A demo consortium was created. Sign in with:', ...lines].join('\n');
}
