import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiRequest, fieldErrorsOf, setCsrfToken, setUnauthorizedHandler } from './client';

type Call = { url: string; init: RequestInit };

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

function mockFetch(...responses: Array<Response | ((call: Call) => Response)>) {
  const calls: Call[] = [];
  const fetchMock = vi.fn(async (url: string, init: RequestInit = {}) => {
    const call = { url, init };
    calls.push(call);
    const next = responses.shift();
    if (!next) throw new Error(`unexpected request ${init.method ?? 'GET'} ${url}`);
    return typeof next === 'function' ? next(call) : next;
  });
  vi.stubGlobal('fetch', fetchMock);
  return calls;
}

function headerOf(call: Call | undefined, name: string): string | undefined {
  return (call?.init.headers as Record<string, string> | undefined)?.[name];
}

describe('api client', () => {
  let unauthorized: ReturnType<typeof vi.fn>;

  beforeEach(() => {
    setCsrfToken(null);
    unauthorized = vi.fn();
    setUnauthorizedHandler(unauthorized);
  });

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('returns the JSON body of a successful request and sends the session cookie', async () => {
    const calls = mockFetch(json(200, { items: [], nextCursor: null }));
    const result = await apiRequest('/api/programmes', { query: { limit: 20, cursor: undefined } });
    expect(result).toEqual({ items: [], nextCursor: null });
    expect(calls[0]?.url).toBe('/api/programmes?limit=20');
    expect(calls[0]?.init.credentials).toBe('include');
    expect(headerOf(calls[0], 'x-csrf-token')).toBeUndefined();
  });

  it('returns undefined for 204 answers', async () => {
    setCsrfToken('token-1');
    mockFetch(new Response(null, { status: 204 }));
    await expect(apiRequest('/api/me/tokens/t1', { method: 'DELETE' })).resolves.toBeUndefined();
  });

  it('parses the error shape into an ApiError with its details', async () => {
    mockFetch(
      json(400, {
        error: {
          code: 'validation_failed',
          message: 'Invalid request',
          details: [{ pointer: '/password', message: 'At least 10 characters' }],
        },
      }),
    );
    const error = await apiRequest('/api/invitations/abc/accept', {
      method: 'POST',
      body: { name: 'A', password: 'short' },
      isPublic: true,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'validation_failed', message: 'Invalid request' });
    expect(fieldErrorsOf(error)).toEqual({ password: 'At least 10 characters' });
  });

  it('reads Retry-After on rate-limited answers', async () => {
    mockFetch(json(429, { error: { code: 'rate_limited', message: 'Too many attempts' } }, { 'retry-after': '120' }));
    const error = await apiRequest('/api/auth/login', {
      method: 'POST',
      body: { email: 'a@b.example', password: 'x' },
      isPublic: true,
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 429, code: 'rate_limited', retryAfterSeconds: 120 });
  });

  it('makes an ApiError from a body that is not the error shape', async () => {
    mockFetch(new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    const error = await apiRequest('/api/me').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 502, code: 'http_502', details: [] });
  });

  it('turns a network failure into an ApiError with code network_error', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const error = await apiRequest('/api/me').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 0, code: 'network_error' });
  });

  it('sends the CSRF token it was given on state-changing requests', async () => {
    setCsrfToken('from-login');
    const calls = mockFetch(json(201, { id: 't1', name: 'ci', createdAt: '2026-01-01', token: 'secret' }));
    await apiRequest('/api/me/tokens', { method: 'POST', body: { name: 'ci' } });
    expect(headerOf(calls[0], 'x-csrf-token')).toBe('from-login');
    expect(headerOf(calls[0], 'content-type')).toBe('application/json');
    expect(calls[0]?.init.body).toBe('{"name":"ci"}');
  });

  it('fetches a CSRF token first when it has none', async () => {
    const calls = mockFetch(json(200, { token: 'fetched' }), json(200, { user: {}, organization: {} }));
    await apiRequest('/api/me', { method: 'PATCH', body: { name: 'Amina' } });
    expect(calls.map((call) => call.url)).toEqual(['/api/auth/csrf', '/api/me']);
    expect(headerOf(calls[1], 'x-csrf-token')).toBe('fetched');
  });

  it('re-fetches the CSRF token once on csrf_invalid and retries the request', async () => {
    setCsrfToken('stale');
    const calls = mockFetch(
      json(403, { error: { code: 'csrf_invalid', message: 'Bad CSRF token' } }),
      json(200, { token: 'fresh' }),
      json(201, { link: 'http://localhost/reset/x', expiresAt: '2026-01-02' }),
    );
    const result = await apiRequest('/api/users/u1/password-reset', { method: 'POST' });
    expect(result).toEqual({ link: 'http://localhost/reset/x', expiresAt: '2026-01-02' });
    expect(calls.map((call) => headerOf(call, 'x-csrf-token'))).toEqual(['stale', undefined, 'fresh']);
  });

  it('gives up after one CSRF retry', async () => {
    setCsrfToken('stale');
    const calls = mockFetch(
      json(403, { error: { code: 'csrf_invalid', message: 'Bad CSRF token' } }),
      json(200, { token: 'fresh' }),
      json(403, { error: { code: 'csrf_invalid', message: 'Bad CSRF token' } }),
    );
    const error = await apiRequest('/api/me', { method: 'PATCH', body: {} }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 403, code: 'csrf_invalid' });
    expect(calls).toHaveLength(3);
  });

  it('does not retry other 403 answers', async () => {
    setCsrfToken('token');
    const calls = mockFetch(json(403, { error: { code: 'forbidden', message: 'Not allowed' } }));
    await expect(apiRequest('/api/invitations', { method: 'POST', body: {} })).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(calls).toHaveLength(1);
  });

  it('calls the unauthorized handler on a 401 from a private endpoint', async () => {
    mockFetch(json(401, { error: { code: 'unauthenticated', message: 'Log in first' } }));
    await expect(apiRequest('/api/me')).rejects.toMatchObject({ status: 401 });
    expect(unauthorized).toHaveBeenCalledTimes(1);
  });

  it('leaves a 401 from a public endpoint to the caller', async () => {
    mockFetch(json(401, { error: { code: 'invalid_credentials', message: 'Wrong email or password' } }));
    await expect(
      apiRequest('/api/auth/login', { method: 'POST', body: {}, isPublic: true }),
    ).rejects.toMatchObject({ code: 'invalid_credentials' });
    expect(unauthorized).not.toHaveBeenCalled();
  });
});

describe('fieldErrorsOf', () => {
  it('keeps the first message per field and ignores other errors', () => {
    const error = new ApiError({
      status: 400,
      code: 'validation_failed',
      message: 'Invalid',
      details: [
        { pointer: '/email', message: 'Not an email' },
        { pointer: '/email', message: 'Second' },
        { pointer: '/members/0/role', message: 'Unknown role' },
        { message: 'no pointer' },
      ],
    });
    expect(fieldErrorsOf(error)).toEqual({ email: 'Not an email', 'members.0.role': 'Unknown role' });
    expect(fieldErrorsOf(new Error('x'))).toEqual({});
  });
});
