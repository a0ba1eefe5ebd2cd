import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, type ErrorDetail } from '../lib/errors.js';

type ErrorBody = { error: { code: ErrorCode; message: string; details?: ErrorDetail[] } };

/** Maps every failure to the one error shape `{ error: { code, message, details? } }`. */
export function registerErrorHandling(app: FastifyInstance, options: { serveWebApp: boolean }): void {
  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    const { status, body } = toErrorResponse(error, request);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    if (error instanceof AppError && error.headers) void reply.headers(error.headers);
    return reply.status(status).send(body);
  });

  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split('?')[0] ?? '/';
    // Client-side routes of the web app (no file extension, outside /api) get its index page.
    if (options.serveWebApp && request.method === 'GET' && !pathname.startsWith('/api/') && !/\.[a-z0-9]+$/i.test(pathname)) {
      return reply.type('text/html').sendFile('index.html');
    }
    const body: ErrorBody = { error: { code: 'not_found', message: `No route ${request.method} ${pathname}` } };
    return reply.status(404).send(body);
  });
}

/**
 * Fastify answers a path it cannot decode (invalid percent-encoding) or an over-long path parameter
 * before any route runs, in its own shape and without the security headers; this keeps ours.
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const body: ErrorBody = { error: { code: 'bad_request', message: error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'A path parameter is too long' : 'The address is not valid: it contains a malformed percent-encoding' } };
  void reply.status(400).send(body);
}

function toErrorResponse(error: FastifyError | AppError | Error, request: FastifyRequest): { status: number; body: ErrorBody } {
  if (error instanceof AppError) {
    const body: ErrorBody = { error: { code: error.code, message: error.message } };
    if (error.details) body.error.details = error.details;
    return { status: error.status, body };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = 'validationContext' in error ? String(error.validationContext) : 'body';
    const details = error.validation.map((issue) => ({
      pointer: issue.instancePath || (where === 'body' ? '' : `/${where}`),
      message: describeIssue(issue.message, issue.params),
    }));
    const summary = details.map((detail) => `${detail.pointer || where}: ${detail.message}`).join('; ');
    return {
      status: 400,
      body: { error: { code: 'validation_failed', message: `Invalid ${where === 'querystring' ? 'query' : where}: ${summary}`, details } },
    };
  }
  if (isResponseSerializationError(error)) {
    return { status: 500, body: { error: { code: 'internal', message: 'The server could not build its answer' } } };
  }
  if (isDatabaseUnavailable(error)) {
    return { status: 503, body: { error: { code: 'unavailable', message: 'The database is unavailable; try again shortly' } } };
  }
  const fastifyError = error as FastifyError;
  const status = fastifyError.statusCode ?? 500;
  if (status === 413) {
    return { status, body: { error: { code: 'payload_too_large', message: 'The request body is larger than this server accepts' } } };
  }
  if (status === 415) {
    return { status, body: { error: { code: 'unsupported_media_type', message: `Unsupported content type ${request.headers['content-type'] ?? '(none)'}` } } };
  }
  if (status >= 400 && status < 500) {
    const message = fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError ? `Malformed JSON body: ${error.message}` : error.message;
    return { status: status === 429 ? 429 : 400, body: { error: { code: status === 429 ? 'rate_limited' : 'bad_request', message } } };
  }
  return { status: 500, body: { error: { code: 'internal', message: 'Something went wrong on the server; it has been logged' } } };
}

function describeIssue(message: string | undefined, params: unknown): string {
  const text = message ?? 'is invalid';
  const keys = (params as { keys?: string[] } | undefined)?.keys;
  return Array.isArray(keys) && keys.length > 0 ? `${text}: ${keys.join(', ')}` : text;
}

const unavailableCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006']);

/** Connection-level failures of PostgreSQL (server down, restarting) become 503, not 500. */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && unavailableCodes.has(code)) return true;
    const message = (current as { message?: unknown }).message;
    if (typeof message === 'string' && /Connection terminated|timeout exceeded when trying to connect|PGlite is closed/i.test(message)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
