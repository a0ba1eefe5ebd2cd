import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client.js';
import { createTestDatabase } from '../../src/db/test-database.js';
import { loadConfig } from '../../src/lib/config.js';
import { buildApp } from '../../src/server/app.js';
import { createTestApp, login, sessionFrom, type Session, type TestApp } from '../support/app.js';
import { buildOrganization, buildProgramme, buildSurveyRound, buildUser, TEST_PASSWORD } from '../support/factories.js';
import { changedTables, rowCounter } from './support/row-counts.js';
import { rows } from './support/rows.js';

/**
 * Security basics, end to end: session cookie attributes, CSRF refusal, security headers on the
 * API and the web app, log-in throttling, no account enumeration, and no secret in the logs.
 * The main app runs behind a trusted proxy, with a fake web build and a trace-level log captured
 * in memory; a second app does not trust the proxy.
 */

const LIMITS = { LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', LOGIN_MAX_FAILURES_PER_ADDRESS: '6' };

let database: DatabaseHandle;
let app: FastifyInstance;
let untrusting: TestApp;
let webDir: string;
const logLines: string[] = [];
let manager: { id: string; email: string; organizationId: string };
let otherUser: { id: string; email: string };
let programmeId: string;
let partnerOrganizationId: string;
let managerSession: Session;
let addressCounter = 0;

/** A fresh client address per scenario, so throttling in one does not leak into another. */
const nextAddress = () => `10.20.${Math.floor(++addressCounter / 200)}.${addressCounter % 200}`;
const inject = (options: InjectOptions) => app.inject({ remoteAddress: '10.99.0.1', ...options });
const setCookieOf = (response: LightMyRequestResponse) => {
  const header = response.headers['set-cookie'];
  const all = Array.isArray(header) ? header : header ? [header] : [];
  return all.find((cookie) => cookie.startsWith('consortia_session=')) ?? '';
};

beforeAll(async () => {
  webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'consortia-web-'));
  fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><html><head><title>Consortia</title></head><body><div id="root"></div></body></html>');
  database = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'trace', WEB_DIST_DIR: webDir, TRUST_PROXY: 'true', ...LIMITS });
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString('utf8'));
      done();
    },
  });
  app = await buildApp({ config, database, logStream });
  await app.ready();
  untrusting = await createTestApp({ TRUST_PROXY: 'false', ...LIMITS });

  const db = database.db;
  const lead = await buildOrganization(db, { name: 'Lead organization' });
  const partner = await buildOrganization(db, { name: 'Partner organization' });
  partnerOrganizationId = partner.id;
  const managerRow = await buildUser(db, { organizationId: lead.id, role: 'org-admin' });
  manager = { id: managerRow.id, email: managerRow.email, organizationId: lead.id };
  const other = await buildUser(db, { organizationId: partner.id, role: 'org-admin' });
  otherUser = { id: other.id, email: other.email };
  programmeId = (
    await buildProgramme(db, {
      members: [
        { organizationId: lead.id, role: 'lead' },
        { organizationId: partner.id, role: 'partner' },
      ],
      users: [{ userId: manager.id, role: 'manager' }],
    })
  ).id;
  managerSession = await login(app, manager.email, TEST_PASSWORD);
}, 120_000);

afterAll(async () => {
  await app?.close();
  await database?.close();
  await untrusting?.close();
  if (webDir) fs.rmSync(webDir, { recursive: true, force: true });
});

describe('session cookie', () => {
  it('is http-only and SameSite=Lax, and not Secure over plain HTTP', async () => {
    const response = await inject({ method: 'POST', url: '/api/auth/login', remoteAddress: nextAddress(), payload: { email: manager.email, password: TEST_PASSWORD } });
    expect(response.statusCode).toBe(200);
    const cookie = setCookieOf(response);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    expect(cookie).not.toMatch(/;\s*Secure/i);
  });

  it('is Secure when the request came over HTTPS through a trusted proxy', async () => {
    const response = await inject({ method: 'POST', url: '/api/auth/login', remoteAddress: nextAddress(), headers: { 'x-forwarded-proto': 'https' }, payload: { email: manager.email, password: TEST_PASSWORD } });
    expect(response.statusCode).toBe(200);
    const cookie = setCookieOf(response);
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
  });

  it('is not Secure on a claimed x-forwarded-proto when the proxy is not trusted', async () => {
    const user = await buildUser(untrusting.database.db);
    const response = await untrusting.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'x-forwarded-proto': 'https' }, payload: { email: user.email, password: TEST_PASSWORD } });
    expect(response.statusCode).toBe(200);
    expect(setCookieOf(response)).not.toMatch(/;\s*Secure/i);
  });

  it('has the same attributes when set by accepting an invitation over HTTPS', async () => {
    const invite = await inject({ method: 'POST', url: '/api/invitations', headers: managerSession.headers(), payload: { email: `cookie-${Date.now()}@example.org` } });
    expect(invite.statusCode, invite.body).toBe(201);
    const token = (invite.json() as { link: string }).link.split('/invite/')[1]!;
    const accepted = await inject({ method: 'POST', url: `/api/invitations/${token}/accept`, headers: { 'x-forwarded-proto': 'https' }, payload: { name: 'New Colleague', password: 'another-long-password-1' } });
    expect(accepted.statusCode, accepted.body).toBe(201);
    const cookie = setCookieOf(accepted);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    expect(cookie).toMatch(/;\s*Secure/i);
  });
});

describe('CSRF', () => {
  /** State-changing requests of several modules, and how to read back what they would change. */
  const requests = (): Array<{ name: string; options: InjectOptions; read: () => Promise<unknown> }> => {
    const db = database.db;
    return [
      { name: 'PATCH /api/me', options: { method: 'PATCH', url: '/api/me', payload: { name: 'Changed by a forged request' } }, read: () => rows(db, sql`select name from users where id = ${manager.id}`) },
      {
        name: 'PATCH /api/organizations/:id',
        options: { method: 'PATCH', url: `/api/organizations/${manager.organizationId}`, payload: { version: 1, name: 'Forged name' } },
        read: () => rows(db, sql`select name, version from organizations where id = ${manager.organizationId}`),
      },
      {
        name: 'PATCH /api/programmes/:id',
        options: { method: 'PATCH', url: `/api/programmes/${programmeId}`, payload: { version: 1, title: 'Forged title' } },
        read: () => rows(db, sql`select title, version from programmes where id = ${programmeId}`),
      },
      { name: 'POST /api/programmes', options: { method: 'POST', url: '/api/programmes', payload: { ref: 'FORGED-1', title: 'Forged programme' } }, read: () => rows(db, sql`select count(*)::int as n from programmes`) },
      { name: 'POST /api/me/tokens', options: { method: 'POST', url: '/api/me/tokens', payload: { name: 'forged' } }, read: () => rows(db, sql`select count(*)::int as n from api_tokens`) },
      { name: 'POST /api/invitations', options: { method: 'POST', url: '/api/invitations', payload: { email: 'forged@example.org' } }, read: () => rows(db, sql`select count(*)::int as n from invitations`) },
      {
        name: 'POST /api/programmes/:id/budget-lines',
        options: { method: 'POST', url: `/api/programmes/${programmeId}/budget-lines`, payload: { organizationId: partnerOrganizationId, amount: 1000 } },
        read: () => rows(db, sql`select count(*)::int as n from budget_lines`),
      },
      {
        name: 'POST /api/programmes/:id/decisions',
        options: { method: 'POST', url: `/api/programmes/${programmeId}/decisions`, payload: { date: '2026-03-01', title: 'Forged decision' } },
        read: () => rows(db, sql`select count(*)::int as n from decisions`),
      },
      { name: 'PUT /api/strategy', options: { method: 'PUT', url: '/api/strategy', payload: { title: 'Forged strategy' } }, read: () => rows(db, sql`select count(*)::int as n from strategies`) },
      { name: 'DELETE /api/me/tokens/:id', options: { method: 'DELETE', url: `/api/me/tokens/${tokenId}` }, read: () => rows(db, sql`select revoked_at from api_tokens where id = ${tokenId}`) },
      { name: 'POST /api/auth/logout', options: { method: 'POST', url: '/api/auth/logout' }, read: () => rows(db, sql`select count(*)::int as n from sessions where user_id = ${manager.id}`) },
    ];
  };

  let tokenId: string;
  beforeAll(async () => {
    const created = await inject({ method: 'POST', url: '/api/me/tokens', headers: managerSession.headers(), payload: { name: 'kept' } });
    tokenId = (created.json() as { id: string }).id;
  });

  it('refuses a cookie request without x-csrf-token, or with a wrong one, with 403, and changes nothing', async () => {
    const fingerprint = await rowCounter(database.db);
    const before = await fingerprint();
    const failures: string[] = [];
    for (const request of requests()) {
      const readBefore = JSON.stringify(await request.read());
      for (const csrf of [undefined, 'wrong-token', `${managerSession.csrfToken.slice(0, -1)}x`, '']) {
        const headers: Record<string, string> = { cookie: managerSession.cookie };
        if (csrf !== undefined) headers['x-csrf-token'] = csrf;
        const response = await inject({ ...request.options, headers });
        const code = (response.json() as { error?: { code?: string } }).error?.code;
        if (response.statusCode !== 403 || code !== 'csrf_invalid') failures.push(`${request.name} with csrf ${JSON.stringify(csrf)}: ${response.statusCode} ${response.body.slice(0, 200)}`);
      }
      const readAfter = JSON.stringify(await request.read());
      if (readAfter !== readBefore) failures.push(`${request.name} changed ${readBefore} -> ${readAfter}`);
    }
    expect(failures).toEqual([]);
    expect(changedTables(before, await fingerprint())).toEqual([]);
    // The session still works with the right token.
    const me = await inject({ method: 'PATCH', url: '/api/me', headers: managerSession.headers(), payload: { name: 'Manager' } });
    expect(me.statusCode, me.body).toBe(200);
  });
});

describe('security headers', () => {
  const expectSecurityHeaders = (response: LightMyRequestResponse, where: string) => {
    const headers = response.headers;
    expect(headers['content-security-policy'], where).toBeTruthy();
    expect(headers['x-content-type-options'], where).toBe('nosniff');
    const framing = String(headers['x-frame-options'] ?? '') + String(headers['content-security-policy'] ?? '');
    expect(framing, where).toMatch(/DENY|SAMEORIGIN|frame-ancestors 'none'|frame-ancestors 'self'/i);
    expect(headers['strict-transport-security'], where).toMatch(/max-age=\d+/);
    expect(headers['referrer-policy'], where).toBeTruthy();
  };

  it('are on API answers: success, error and unknown route', async () => {
    const health = await inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expectSecurityHeaders(health, 'GET /api/health');
    const me = await inject({ method: 'GET', url: '/api/me', headers: managerSession.headers() });
    expect(me.statusCode).toBe(200);
    expectSecurityHeaders(me, 'GET /api/me');
    const anonymous = await inject({ method: 'GET', url: '/api/me' });
    expect(anonymous.statusCode).toBe(401);
    expectSecurityHeaders(anonymous, 'GET /api/me without a session');
    const unknown = await inject({ method: 'GET', url: '/api/no-such-route' });
    expect(unknown.statusCode).toBe(404);
    expectSecurityHeaders(unknown, 'GET /api/no-such-route');
  });

  it('are on the web app: its index page and a client-side route', async () => {
    for (const url of ['/', '/index.html', '/programmes/123', `/invite/${'x'.repeat(43)}`]) {
      const response = await inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).toContain('<div id="root">');
      expectSecurityHeaders(response, url);
      expect(response.headers['content-security-policy'], url).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    }
  });
});

describe('log-in throttling', () => {
  it('blocks an account after repeated failures, from any address, with 429 and Retry-After', async () => {
    const user = await buildUser(database.db);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const response = await inject({ method: 'POST', url: '/api/auth/login', remoteAddress: nextAddress(), payload: { email: user.email, password: 'wrong-password' } });
      expect(response.statusCode).toBe(401);
    }
    // Even the right password, from a fresh address, is refused while the account is throttled.
    const blocked = await inject({ method: 'POST', url: '/api/auth/login', remoteAddress: nextAddress(), payload: { email: user.email, password: TEST_PASSWORD } });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(setCookieOf(blocked)).toBe('');
    // The address of a throttled e-mail in another case is the same account.
    const otherCase = await inject({ method: 'POST', url: '/api/auth/login', remoteAddress: nextAddress(), payload: { email: user.email.toUpperCase(), password: TEST_PASSWORD } });
    expect(otherCase.statusCode).toBe(429);
  });

  it('blocks an address after repeated failures on many accounts, but not other addresses', async () => {
    const address = nextAddress();
    for (let attempt = 0; attempt < 6; attempt += 1) {
      const response = await inject({ method: 'POST', url: '/api/auth/login', remoteAddress: address, payload: { email: `nobody-${attempt}@example.org`, password: 'guess' } });
      expect(response.statusCode).toBe(401);
    }
    const user = await buildUser(database.db);
    const blocked = await inject({ method: 'POST', url: '/api/auth/login', remoteAddress: address, payload: { email: user.email, password: TEST_PASSWORD } });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    const elsewhere = await inject({ method: 'POST', url: '/api/auth/login', remoteAddress: nextAddress(), payload: { email: user.email, password: TEST_PASSWORD } });
    expect(elsewhere.statusCode).toBe(200);
  });

  it('behind a trusted proxy, throttles the client address it forwards', async () => {
    const client = '203.0.113.7';
    for (let attempt = 0; attempt < 6; attempt += 1) {
      await inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.0.0.2', headers: { 'x-forwarded-for': client }, payload: { email: `proxied-${attempt}@example.org`, password: 'guess' } });
    }
    const blocked = await inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.0.0.2', headers: { 'x-forwarded-for': client }, payload: { email: manager.email, password: TEST_PASSWORD } });
    expect(blocked.statusCode).toBe(429);
    const anotherClient = await inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.0.0.2', headers: { 'x-forwarded-for': '203.0.113.8' }, payload: { email: manager.email, password: TEST_PASSWORD } });
    expect(anotherClient.statusCode).toBe(200);
  });

  it('without a trusted proxy, a forged x-forwarded-for does not escape the address limit', async () => {
    const local = untrusting.app;
    for (let attempt = 0; attempt < 6; attempt += 1) {
      await local.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.7.7.7', headers: { 'x-forwarded-for': `198.51.100.${attempt}` }, payload: { email: `spoof-${attempt}@example.org`, password: 'guess' } });
    }
    const user = await buildUser(untrusting.database.db);
    const blocked = await local.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.7.7.7', headers: { 'x-forwarded-for': '198.51.100.200' }, payload: { email: user.email, password: TEST_PASSWORD } });
    expect(blocked.statusCode).toBe(429);
  });
});

describe('no user enumeration', () => {
  it('answers a wrong password and an unknown e-mail the same way', async () => {
    const wrongPassword = await inject({ method: 'POST', url: '/api/auth/login', remoteAddress: nextAddress(), payload: { email: otherUser.email, password: 'not-the-password' } });
    const unknownEmail = await inject({ method: 'POST', url: '/api/auth/login', remoteAddress: nextAddress(), payload: { email: 'no-such-person@example.org', password: 'not-the-password' } });
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknownEmail.statusCode).toBe(wrongPassword.statusCode);
    expect(unknownEmail.body).toBe(wrongPassword.body);
    expect(setCookieOf(wrongPassword)).toBe('');
    // A disabled account answers like an unknown one too.
    await database.db.execute(sql`update users set disabled_at = now() where id = ${otherUser.id}`);
    const disabled = await inject({ method: 'POST', url: '/api/auth/login', remoteAddress: nextAddress(), payload: { email: otherUser.email, password: TEST_PASSWORD } });
    await database.db.execute(sql`update users set disabled_at = null where id = ${otherUser.id}`);
    expect([disabled.statusCode, disabled.body]).toEqual([unknownEmail.statusCode, unknownEmail.body]);
  });

  /** An answer with what differs by nature (ids, links, dates, the e-mail echoed back) blanked out. */
  const shape = (response: LightMyRequestResponse, email: string) =>
    `${response.statusCode} ${response.body
      .replaceAll(email, '<email>')
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>')
      .replace(/\/invite\/[^"]+/g, '/invite/<token>')
      .replace(/\d{4}-\d{2}-\d{2}T[\d:.]+Z/g, '<date>')}`;

  it('answers an invitation to an e-mail with an account elsewhere like one to a new e-mail', async () => {
    const taken = await inject({ method: 'POST', url: '/api/invitations', headers: managerSession.headers(), payload: { email: otherUser.email } });
    const fresh = `fresh-${Date.now()}@example.org`;
    const free = await inject({ method: 'POST', url: '/api/invitations', headers: managerSession.headers(), payload: { email: fresh } });
    expect(shape(taken, otherUser.email)).toBe(shape(free, fresh));
    // Only whoever holds the link (meant for the owner of the mailbox) learns it, when accepting it.
    const token = (taken.json() as { link: string }).link.split('/invite/')[1]!;
    const accept = await inject({ method: 'POST', url: `/api/invitations/${token}/accept`, payload: { name: 'Someone', password: 'another-long-password-3' } });
    expect([accept.statusCode, (accept.json() as { error: { code: string } }).error.code]).toEqual([409, 'conflict']);
    expect(await rows(database.db, sql`select organization_id from users where lower(email) = lower(${otherUser.email})`)).toHaveLength(1);
  });

  it('answers a programme invitation to an e-mail with an account like one to a new e-mail', async () => {
    for (const programmeRole of ['member', 'observer'] as const) {
      const taken = await inject({ method: 'POST', url: `/api/programmes/${programmeId}/invitations`, headers: managerSession.headers(), payload: { email: otherUser.email, organizationId: partnerOrganizationId, programmeRole } });
      const fresh = `fresh-${programmeRole}-${Date.now()}@example.org`;
      const free = await inject({ method: 'POST', url: `/api/programmes/${programmeId}/invitations`, headers: managerSession.headers(), payload: { email: fresh, organizationId: partnerOrganizationId, programmeRole } });
      expect(shape(taken, otherUser.email), programmeRole).toBe(shape(free, fresh));
    }
    // The existing account still got the observer role at once, and its link tells it to sign in instead.
    expect(await rows(database.db, sql`select role from programme_users where programme_id = ${programmeId} and user_id = ${otherUser.id}`)).toEqual([{ role: 'observer' }]);
  });

  it('answers a password-reset request for a user of another organization like one for nobody', async () => {
    const elsewhere = await inject({ method: 'POST', url: `/api/users/${otherUser.id}/password-reset`, headers: managerSession.headers() });
    const nobody = await inject({ method: 'POST', url: `/api/users/00000000-0000-4000-8000-000000000000/password-reset`, headers: managerSession.headers() });
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.body).toBe(nobody.body);
    expect(elsewhere.statusCode).toBe(nobody.statusCode);
  });
});

describe('logs', () => {
  it('never contain a password, session cookie, CSRF token, API token, invitation, reset or survey-link token', async () => {
    const secrets: Record<string, string> = {};
    const password = 'log-proof-password-9f3k2';
    const user = await buildUser(database.db, { organizationId: manager.organizationId, role: 'org-admin' });
    await database.db.execute(sql`update users set password_hash = (select password_hash from users where id = ${manager.id}) where id = ${user.id}`);
    secrets.testPassword = TEST_PASSWORD;

    // Log in, with a wrong password first.
    secrets.wrongPassword = 'wrong-password-7hq2x';
    await inject({ method: 'POST', url: '/api/auth/login', remoteAddress: nextAddress(), payload: { email: user.email, password: secrets.wrongPassword } });
    const session = await login(app, user.email, TEST_PASSWORD);
    secrets.cookie = session.cookie.split('=')[1]!;
    secrets.csrf = session.csrfToken;
    await inject({ method: 'GET', url: '/api/auth/csrf', headers: session.headers() });
    await inject({ method: 'PATCH', url: '/api/me', headers: session.headers(), payload: { name: 'Logged Person' } });

    // Create a personal API token and use it.
    const created = await inject({ method: 'POST', url: '/api/me/tokens', headers: session.headers(), payload: { name: 'script' } });
    expect(created.statusCode, created.body).toBe(201);
    secrets.apiToken = (created.json() as { token: string }).token;
    expect((await inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${secrets.apiToken}` } })).statusCode).toBe(200);
    expect((await inject({ method: 'PATCH', url: '/api/me', headers: { authorization: `Bearer ${secrets.apiToken}` }, payload: { name: 'By token' } })).statusCode).toBe(200);
    await inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${secrets.apiToken}x` } });

    // Invite a colleague, who opens the link and accepts it with a password.
    const invite = await inject({ method: 'POST', url: '/api/invitations', headers: session.headers(), payload: { email: `logged-invitee-${Date.now()}@example.org` } });
    expect(invite.statusCode, invite.body).toBe(201);
    secrets.invitation = (invite.json() as { link: string }).link.split('/invite/')[1]!;
    expect((await inject({ method: 'GET', url: `/invite/${secrets.invitation}` })).statusCode).toBe(200);
    expect((await inject({ method: 'GET', url: `/api/invitations/${secrets.invitation}` })).statusCode).toBe(200);
    secrets.invitee = password;
    const accepted = await inject({ method: 'POST', url: `/api/invitations/${secrets.invitation}/accept`, payload: { name: 'Invitee', password } });
    expect(accepted.statusCode, accepted.body).toBe(201);
    const inviteeSession = sessionFrom(accepted);
    secrets.inviteeCookie = inviteeSession.cookie.split('=')[1]!;
    secrets.inviteeCsrf = inviteeSession.csrfToken;
    await inject({ method: 'GET', url: '/api/me', headers: inviteeSession.headers() });
    await inject({ method: 'POST', url: `/api/invitations/${secrets.invitation}/accept`, payload: { name: 'Again', password } });

    // A password reset, issued by the administrator and completed by the person.
    const inviteeId = (accepted.json() as { user: { id: string } }).user.id;
    const reset = await inject({ method: 'POST', url: `/api/users/${inviteeId}/password-reset`, headers: session.headers() });
    expect(reset.statusCode, reset.body).toBe(201);
    secrets.reset = (reset.json() as { link: string }).link.split('/reset/')[1]!;
    secrets.newPassword = 'reset-proof-password-8x1';
    expect((await inject({ method: 'GET', url: `/reset/${secrets.reset}` })).statusCode).toBe(200);
    expect((await inject({ method: 'GET', url: `/api/password-resets/${secrets.reset}` })).statusCode).toBe(200);
    expect((await inject({ method: 'POST', url: `/api/password-resets/${secrets.reset}`, payload: { password: secrets.newPassword } })).statusCode).toBe(204);

    // A survey answered through a personal link.
    const round = await buildSurveyRound(database.db, { instrumentKey: 'communication-climate-pulse', organizationId: manager.organizationId, programmeId });
    const sent = await inject({ method: 'POST', url: `/api/survey-rounds/${round.id}/recipients`, headers: session.headers(), payload: { recipients: [{ email: 'respondent@example.org', name: 'Respondent', organizationId: partnerOrganizationId }] } });
    expect(sent.statusCode, sent.body).toBe(201);
    secrets.surveyLink = (sent.json() as { links: Array<{ token: string }> }).links[0]!.token;
    expect((await inject({ method: 'GET', url: `/s/${secrets.surveyLink}` })).statusCode).toBe(200);
    const form = await inject({ method: 'GET', url: `/api/survey-answers/${secrets.surveyLink}?lang=fr` });
    expect(form.statusCode, form.body).toBe(200);
    const groups = (form.json() as { targets: Array<{ id: string }>; groups: Array<{ items: Array<{ key: string }> }> });
    const items = groups.groups.flatMap((group) => group.items.map((item) => item.key));
    const answers = groups.targets.length > 0 ? groups.targets.flatMap((target) => items.map((item) => ({ item, target: target.id, value: 3 }))) : items.map((item) => ({ item, value: 3 }));
    expect((await inject({ method: 'PUT', url: `/api/survey-answers/${secrets.surveyLink}/draft`, payload: { answers: answers.slice(0, 1) } })).statusCode).toBe(200);
    const submitted = await inject({ method: 'POST', url: `/api/survey-answers/${secrets.surveyLink}`, payload: { answers, comment: 'Fine' } });
    expect(submitted.statusCode, submitted.body).toBe(201);
    await inject({ method: 'GET', url: `/api/survey-answers/${secrets.surveyLink}` });

    // Log out (state-changing, with the cookie and CSRF token).
    expect((await inject({ method: 'POST', url: '/api/auth/logout', headers: session.headers() })).statusCode).toBe(204);

    const log = logLines.join('');
    expect(log).toContain('incoming request');
    expect(app.log.level).toBe('trace');
    const found = Object.entries(secrets).filter(([, secret]) => log.includes(secret) || log.includes(encodeURIComponent(secret)));
    expect(found.map(([name]) => name)).toEqual([]);
  });
});
