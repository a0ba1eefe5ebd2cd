import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DatabaseHandle } from '../db/client.js';
import { pingDatabase } from '../db/client.js';
import type { Config } from '../lib/config.js';
import { AppError } from '../lib/errors.js';
import { registerAuthentication } from './authenticate.js';
import { frameworkErrors, registerErrorHandling } from './error-handler.js';
import { registerRequestTransactions } from './request-transaction.js';
import { scopedDatabase } from '../db/transaction-scope.js';
import { authRoutes } from '../modules/accounts/auth-routes.js';
import { userRoutes } from '../modules/accounts/user-routes.js';
import { programmeRoutes } from '../modules/programmes/routes.js';
import { authenticityRoutes } from '../modules/authenticity/routes.js';
import { iatiRoutes } from '../modules/iati/routes.js';
import { knowledgeRoutes } from '../modules/knowledge/routes.js';
import { networkRoutes } from '../modules/networks/routes.js';
import { strategyRoutes } from '../modules/strategy/routes.js';
import { reputationRoutes } from '../modules/reputation/routes.js';
import { worklogRoutes } from '../modules/worklog/routes.js';
import { registryRoutes } from '../modules/organizations/registry-routes.js';
import { appraisalRoutes } from '../modules/appraisal/routes.js';
import { capacityRoutes } from '../modules/capacity/routes.js';
import { surveyRoutes } from '../modules/surveys/routes.js';
import { auditRoutes } from '../modules/audit/routes.js';
import { reportRoutes } from '../modules/reports/routes.js';
import { exportRoutes } from '../modules/exports/routes.js';
import './types.js';

export type BuildAppOptions = {
  config: Config;
  database: DatabaseHandle;
  /** false silences request logs (tests); true or omitted logs JSON at config.logLevel. */
  logger?: boolean;
  /** Where the JSON log goes (standard output when omitted); tests capture it. */
  logStream?: NodeJS.WritableStream;
};

// Secret links carry their token in the path (API and web app alike); logs show the route, never the token.
const TOKEN_IN_PATH = /(\/(?:api\/invitations|api\/password-resets|api\/survey-answers|invite|reset|s)\/)[^/?#]+/;

/** A request as the log shows it: Fastify's usual fields, with secret-link tokens masked. */
function logRequest(request: { method: string; url: string; host?: string; ip?: string; socket?: { remotePort?: number } }) {
  return { method: request.method, url: request.url.replace(TOKEN_IN_PATH, '$1[redacted]'), host: request.host, remoteAddress: request.ip, remotePort: request.socket?.remotePort };
}

/** Builds the Fastify application: API, OpenAPI document and docs, and the web app's files. */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { config, database } = options;
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: config.logLevel,
            redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
            serializers: { req: logRequest },
            ...(options.logStream ? { stream: options.logStream } : {}),
          },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('config', config);
  app.decorate('database', database);
  // Routes and domain code use app.db; inside a state-changing request it is that request's transaction.
  app.decorate('db', scopedDatabase(database.db));

  const webIndex = path.join(config.webDistDir, 'index.html');
  const serveWebApp = fs.existsSync(webIndex);
  registerErrorHandling(app, { serveWebApp });
  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Component styles are injected at run time; no inline scripts are allowed.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Consortia API',
        version: '1',
        description:
          'Partnership management for development cooperation. Authenticate with the session cookie (and the x-csrf-token header on changes) or with `Authorization: Bearer <personal API token>`.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'consortia_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true, uiConfig: { docExpansion: 'list' } });

  registerAuthentication(app);
  registerRequestTransactions(app, database.db);

  app.get(
    '/api/health',
    { config: { public: true }, schema: { tags: ['system'], summary: 'Liveness and database check', response: { 200: z.object({ status: z.literal('ok') }) } } },
    async () => {
      try {
        await pingDatabase(database);
      } catch {
        throw new AppError('unavailable', 'The database does not answer');
      }
      return { status: 'ok' as const };
    },
  );
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  await app.register(authRoutes);
  await app.register(userRoutes);
  await app.register(programmeRoutes);
  await app.register(iatiRoutes);
  await app.register(knowledgeRoutes);
  await app.register(networkRoutes);
  await app.register(strategyRoutes);
  await app.register(reputationRoutes);
  await app.register(worklogRoutes);
  await app.register(registryRoutes);
  await app.register(appraisalRoutes);
  await app.register(capacityRoutes);
  await app.register(surveyRoutes);
  await app.register(authenticityRoutes);
  await app.register(auditRoutes);
  await app.register(reportRoutes);
  await app.register(exportRoutes);

  if (serveWebApp) {
    await app.register(fastifyStatic, { root: config.webDistDir, prefix: '/', wildcard: false, index: ['index.html'] });
  } else {
    app.log.warn(`No web build in ${config.webDistDir}; run "npm run build:web" to serve the web app`);
  }
  return app;
}
