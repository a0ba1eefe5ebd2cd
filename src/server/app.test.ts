import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../test/support/app.js';
import { buildUser, TEST_PASSWORD } from '../../test/support/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ BODY_LIMIT_BYTES: '4096' });
});
afterAll(async () => t?.close());

describe('the HTTP surface', () => {
  it('answers health after checking the database', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('publishes an OpenAPI document listing the routes, and a docs page', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json() as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/auth/login', '/api/me', '/api/programmes']));
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect([200, 302]).toContain(docs.statusCode);
    const page = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
  });

  it('answers unknown routes with the error shape', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/no-such-thing' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { code: 'not_found', message: 'No route GET /api/no-such-thing' } });
  });

  it('sets security headers', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['strict-transport-security']).toBeDefined();
  });

  it('refuses malformed JSON with a clear 400 and keeps serving', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": "a@b.org", "password": ',
    });
    expect(response.statusCode).toBe(400);
    const body = response.json() as { error: { code: string; message: string } };
    expect(body.error.code).toBe('bad_request');
    expect(body.error.message).toMatch(/JSON/);
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });

  it('names each bad field by its JSON pointer, and refuses unknown fields', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 42, password: 'x', admin: true } });
    expect(response.statusCode).toBe(400);
    const body = response.json() as { error: { code: string; details: Array<{ pointer: string; message: string }> } };
    expect(body.error.code).toBe('validation_failed');
    const pointers = body.error.details.map((detail) => detail.pointer);
    expect(pointers).toContain('/email');
    expect(JSON.stringify(body.error.details)).toContain('admin');
  });

  it('refuses a body over the size limit with 413', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'a@b.org', password: 'x'.repeat(10_000) } });
    expect(response.statusCode).toBe(413);
    expect((response.json() as { error: { code: string } }).error.code).toBe('payload_too_large');
  });

  it('refuses an unsupported content type with 415', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'text/csv' }, payload: 'a,b' });
    expect(response.statusCode).toBe(415);
    expect((response.json() as { error: { code: string } }).error.code).toBe('unsupported_media_type');
  });

  it('validates query parameters, naming them', async () => {
    const user = await buildUser(t.database.db);
    const session = await login(t.app, user.email, TEST_PASSWORD);
    const response = await t.app.inject({ method: 'GET', url: '/api/programmes?limit=500', headers: session.headers() });
    expect(response.statusCode).toBe(400);
    expect((response.json() as { error: { details: Array<{ pointer: string }> } }).error.details[0]!.pointer).toBe('/limit');
    const badCursor = await t.app.inject({ method: 'GET', url: '/api/programmes?cursor=nonsense', headers: session.headers() });
    expect(badCursor.statusCode).toBe(400);
    expect((badCursor.json() as { error: { details: Array<{ pointer: string }> } }).error.details[0]!.pointer).toBe('/cursor');
  });
});
