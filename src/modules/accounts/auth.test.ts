import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, sessionFrom, type TestApp } from '../../../test/support/app.js';
import { buildOrganization, buildUser, TEST_PASSWORD } from '../../../test/support/factories.js';
import { loginAttempts, sessions } from '../../db/schema/index.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', SESSION_TTL_HOURS: '1' });
});
afterAll(async () => t?.close());

type ErrorBody = { error: { code: string; message: string } };

describe('log-in and sessions', () => {
  it('signs in, sets an http-only SameSite cookie, and /api/me tells who and which organization', async () => {
    const organization = await buildOrganization(t.database.db, { name: 'Kisumu Water Trust' });
    const user = await buildUser(t.database.db, { organizationId: organization.id });
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email.toUpperCase(), password: TEST_PASSWORD } });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((candidate) => candidate.name === 'consortia_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(response.json()).not.toHaveProperty('user.passwordHash');
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: `consortia_session=${cookie.value}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { id: user.id, email: user.email }, organization: { name: 'Kisumu Water Trust' } });
  });

  it('marks the cookie Secure when the request came over HTTPS through a trusted proxy', async () => {
    const proxied = await createTestApp({ TRUST_PROXY: 'true' });
    try {
      const user = await buildUser(proxied.database.db);
      const response = await proxied.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { email: user.email, password: TEST_PASSWORD },
      });
      expect(response.cookies.find((candidate) => candidate.name === 'consortia_session')!.secure).toBe(true);
    } finally {
      await proxied.close();
    }
  });

  it('answers a wrong password and an unknown account the same way', async () => {
    const user = await buildUser(t.database.db);
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: 'not-the-password' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'nobody@nowhere.example', password: 'not-the-password' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it('throttles log-in per account after repeated failures, even with the right password', async () => {
    const user = await buildUser(t.database.db);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: 'wrong-password-1' } });
      expect(response.statusCode).toBe(401);
    }
    const blocked = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: TEST_PASSWORD } });
    expect(blocked.statusCode).toBe(429);
    expect((blocked.json() as ErrorBody).error.code).toBe('rate_limited');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('throttles log-in per address across accounts', async () => {
    const strict = await createTestApp({ LOGIN_MAX_FAILURES_PER_ADDRESS: '2' });
    try {
      for (const email of ['a@x.example', 'b@x.example']) {
        await strict.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.1.1.1', payload: { email, password: 'wrong-password-1' } });
      }
      const user = await buildUser(strict.database.db);
      const blocked = await strict.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.1.1.1', payload: { email: user.email, password: TEST_PASSWORD } });
      expect(blocked.statusCode).toBe(429);
      const elsewhere = await strict.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.2.2.2', payload: { email: user.email, password: TEST_PASSWORD } });
      expect(elsewhere.statusCode).toBe(200);
    } finally {
      await strict.close();
    }
  });

  it('refuses a state-changing request without the CSRF header, and accepts it with the header', async () => {
    const user = await buildUser(t.database.db);
    const session = await login(t.app, user.email, TEST_PASSWORD);
    const without = await t.app.inject({ method: 'PATCH', url: '/api/me', headers: { cookie: session.cookie }, payload: { name: 'Changed' } });
    expect(without.statusCode).toBe(403);
    expect((without.json() as ErrorBody).error.code).toBe('csrf_invalid');
    const wrong = await t.app.inject({ method: 'PATCH', url: '/api/me', headers: { cookie: session.cookie, 'x-csrf-token': 'forged' }, payload: { name: 'Changed' } });
    expect(wrong.statusCode).toBe(403);
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: session.cookie } });
    expect((me.json() as { user: { name: string } }).user.name).not.toBe('Changed');

    const csrf = await t.app.inject({ method: 'GET', url: '/api/auth/csrf', headers: { cookie: session.cookie } });
    expect(csrf.json()).toEqual({ token: session.csrfToken });
    const ok = await t.app.inject({ method: 'PATCH', url: '/api/me', headers: session.headers(), payload: { name: 'Changed', language: 'fr' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ user: { name: 'Changed', language: 'fr' } });
  });

  it('ends the session on log-out', async () => {
    const user = await buildUser(t.database.db);
    const session = await login(t.app, user.email, TEST_PASSWORD);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: session.headers() });
    expect(out.statusCode).toBe(204);
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: session.cookie } });
    expect(me.statusCode).toBe(401);
  });

  it('refuses an expired session', async () => {
    const user = await buildUser(t.database.db);
    const session = await login(t.app, user.email, TEST_PASSWORD);
    await t.database.db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) });
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: session.cookie } });
    expect(me.statusCode).toBe(401);
    expect((me.json() as ErrorBody).error.code).toBe('unauthenticated');
  });

  it('never stores the password or the session token in clear', async () => {
    const user = await buildUser(t.database.db);
    const session = await login(t.app, user.email, TEST_PASSWORD);
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    const rows = await t.database.db.select().from(sessions);
    const raw = session.cookie.split('=')[1]!;
    expect(rows.some((row) => row.tokenHash === raw)).toBe(false);
    const attempts = await t.database.db.select().from(loginAttempts);
    expect(JSON.stringify(attempts)).not.toContain(TEST_PASSWORD);
  });
});

describe('personal API tokens', () => {
  it('creates a token shown once, acts with it without CSRF, lists it without the secret, and revokes it', async () => {
    const user = await buildUser(t.database.db);
    const session = await login(t.app, user.email, TEST_PASSWORD);
    const created = await t.app.inject({ method: 'POST', url: '/api/me/tokens', headers: session.headers(), payload: { name: 'reporting script' } });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json() as { id: string; token: string };
    expect(token).toMatch(/^cst_/);

    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.statusCode).toBe(200);
    const change = await t.app.inject({ method: 'PATCH', url: '/api/me', headers: { authorization: `Bearer ${token}` }, payload: { name: 'Scripted' } });
    expect(change.statusCode).toBe(200);

    const list = await t.app.inject({ method: 'GET', url: '/api/me/tokens', headers: session.headers() });
    expect(list.json()).toMatchObject({ items: [{ id, name: 'reporting script' }], nextCursor: null });
    expect(list.body).not.toContain(token);

    const revoked = await t.app.inject({ method: 'DELETE', url: `/api/me/tokens/${id}`, headers: session.headers() });
    expect(revoked.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } });
    expect(after.statusCode).toBe(401);
  });

  it('refuses a bad bearer token even on a public route, and cannot revoke another user\'s token', async () => {
    const bad = await t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: 'Bearer cst_made-up' } });
    expect(bad.statusCode).toBe(401);
    const owner = await buildUser(t.database.db);
    const ownerSession = await login(t.app, owner.email, TEST_PASSWORD);
    const { id } = (await t.app.inject({ method: 'POST', url: '/api/me/tokens', headers: ownerSession.headers(), payload: { name: 'mine' } })).json() as { id: string };
    const other = await buildUser(t.database.db);
    const otherSession = await login(t.app, other.email, TEST_PASSWORD);
    const attempt = await t.app.inject({ method: 'DELETE', url: `/api/me/tokens/${id}`, headers: otherSession.headers() });
    expect(attempt.statusCode).toBe(404);
  });
});

describe('invitations and password resets', () => {
  it('lets an organization administrator invite a colleague by a one-time link', async () => {
    const organization = await buildOrganization(t.database.db, { name: 'Invite Org' });
    const admin = await buildUser(t.database.db, { organizationId: organization.id, role: 'org-admin' });
    const session = await login(t.app, admin.email, TEST_PASSWORD);
    const invite = await t.app.inject({ method: 'POST', url: '/api/invitations', headers: session.headers(), payload: { email: 'New.Colleague@Invite.example', role: 'member' } });
    expect(invite.statusCode).toBe(201);
    const { link } = invite.json() as { link: string };
    const token = link.split('/invite/')[1]!;

    const view = await t.app.inject({ method: 'GET', url: `/api/invitations/${token}` });
    expect(view.json()).toMatchObject({ email: 'new.colleague@invite.example', organization: { name: 'Invite Org' } });

    const short = await t.app.inject({ method: 'POST', url: `/api/invitations/${token}/accept`, payload: { name: 'New Colleague', password: 'short' } });
    expect(short.statusCode).toBe(400);
    expect(short.json()).toMatchObject({ error: { code: 'validation_failed', details: [{ pointer: '/password' }] } });

    const accepted = await t.app.inject({ method: 'POST', url: `/api/invitations/${token}/accept`, payload: { name: 'New Colleague', password: 'a-long-password' } });
    expect(accepted.statusCode).toBe(201);
    const colleague = sessionFrom(accepted);
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: colleague.cookie } });
    expect(me.json()).toMatchObject({ user: { email: 'new.colleague@invite.example', role: 'member' }, organization: { id: organization.id } });

    const again = await t.app.inject({ method: 'POST', url: `/api/invitations/${token}/accept`, payload: { name: 'Someone', password: 'a-long-password' } });
    expect(again.statusCode).toBe(410);
    const unknown = await t.app.inject({ method: 'GET', url: '/api/invitations/this-token-does-not-exist' });
    expect(unknown.statusCode).toBe(404);
  });

  it('refuses invitations from members who are not administrators', async () => {
    const member = await buildUser(t.database.db);
    const session = await login(t.app, member.email, TEST_PASSWORD);
    const invite = await t.app.inject({ method: 'POST', url: '/api/invitations', headers: session.headers(), payload: { email: 'x@y.example' } });
    expect(invite.statusCode).toBe(403);
  });

  it('issues a reset link that sets a new password once and ends old sessions', async () => {
    const organization = await buildOrganization(t.database.db);
    const admin = await buildUser(t.database.db, { organizationId: organization.id, role: 'org-admin' });
    const member = await buildUser(t.database.db, { organizationId: organization.id });
    const memberSession = await login(t.app, member.email, TEST_PASSWORD);
    const adminSession = await login(t.app, admin.email, TEST_PASSWORD);
    const issued = await t.app.inject({ method: 'POST', url: `/api/users/${member.id}/password-reset`, headers: adminSession.headers() });
    expect(issued.statusCode).toBe(201);
    const token = (issued.json() as { link: string }).link.split('/reset/')[1]!;
    const done = await t.app.inject({ method: 'POST', url: `/api/password-resets/${token}`, payload: { password: 'brand-new-password' } });
    expect(done.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: memberSession.cookie } })).statusCode).toBe(401);
    await login(t.app, member.email, 'brand-new-password');
    const reused = await t.app.inject({ method: 'POST', url: `/api/password-resets/${token}`, payload: { password: 'another-password' } });
    expect(reused.statusCode).toBe(410);
  });

  it('never lets an administrator reset or list users of another organization', async () => {
    const admin = await buildUser(t.database.db, { role: 'org-admin' });
    const stranger = await buildUser(t.database.db);
    const session = await login(t.app, admin.email, TEST_PASSWORD);
    const reset = await t.app.inject({ method: 'POST', url: `/api/users/${stranger.id}/password-reset`, headers: session.headers() });
    expect(reset.statusCode).toBe(404);
    const list = await t.app.inject({ method: 'GET', url: '/api/users?limit=100', headers: session.headers() });
    const emails = (list.json() as { items: Array<{ email: string }> }).items.map((item) => item.email);
    expect(emails).toContain(admin.email);
    expect(emails).not.toContain(stranger.email);
  });

  it('lets an instance administrator list every user, page by page', async () => {
    const root = await buildUser(t.database.db, { isInstanceAdmin: true, role: 'org-admin' });
    const session = await login(t.app, root.email, TEST_PASSWORD);
    const seen = new Set<string>();
    let cursor: string | null = null;
    do {
      const url: string = `/api/users?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await t.app.inject({ method: 'GET', url, headers: session.headers() })).json() as { items: Array<{ id: string }>; nextCursor: string | null };
      for (const item of page.items) {
        expect(seen.has(item.id)).toBe(false);
        seen.add(item.id);
      }
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.size).toBeGreaterThan(5);
  });
});
