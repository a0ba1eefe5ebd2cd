import type { FastifyRequest } from 'fastify';
import type { Config } from './config.js';

/** Absolute link to a page of the web app, from PUBLIC_URL or else the request's own host. */
export function appLink(config: Config, request: FastifyRequest, pathname: string): string {
  const base = config.publicUrl ?? `${request.protocol}://${request.host}`;
  return `${base}${pathname}`;
}
