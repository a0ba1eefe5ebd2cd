/**
 * The one way the web app talks to the API: JSON in and out, the session cookie, the CSRF header
 * on state-changing requests, and one error type for every failure.
 */

export type ApiErrorDetail = { pointer?: string; message: string; value?: unknown };

/** An API failure, parsed from `{ error: { code, message, details? } }` (or made up for network failures). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ApiErrorDetail[];
  /** Seconds to wait before retrying, from the Retry-After header (429 answers). */
  readonly retryAfterSeconds: number | null;

  constructor(options: {
    status: number;
    code: string;
    message: string;
    details?: ApiErrorDetail[];
    retryAfterSeconds?: number | null;
  }) {
    super(options.message);
    this.name = 'ApiError';
    this.status = options.status;
    this.code = options.code;
    this.details = options.details ?? [];
    this.retryAfterSeconds = options.retryAfterSeconds ?? null;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/**
 * Field messages of a validation error, keyed by the JSON pointer without its leading slash
 * ("/password" becomes "password", "/members/0/role" becomes "members.0.role").
 */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!isApiError(error) || error.code !== 'validation_failed') return {};
  const fields: Record<string, string> = {};
  for (const detail of error.details) {
    if (!detail.pointer) continue;
    const key = detail.pointer.replace(/^\//, '').split('/').join('.');
    fields[key] ??= detail.message;
  }
  return fields;
}

export type RequestOptions = {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | undefined | null>;
  /** A public endpoint (log-in, invitations, resets): a 401 is an answer, not a lost session. */
  isPublic?: boolean;
  signal?: AbortSignal;
};

type UnauthorizedHandler = () => void;

let csrfToken: string | null = null;
let onUnauthorized: UnauthorizedHandler = () => {
  if (typeof window !== 'undefined' && window.location.pathname !== '/login') {
    window.location.assign('/login');
  }
};

/** Remembers the CSRF token handed out by log-in and invitation acceptance. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** What the app does when the session is gone (by default: go to /login). */
export function setUnauthorizedHandler(handler: UnauthorizedHandler): void {
  onUnauthorized = handler;
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);

function buildUrl(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

function parseRetryAfter(response: Response): number | null {
  const header = response.headers.get('retry-after');
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Turns a failed response into an ApiError, whatever its body looks like. */
export async function parseErrorResponse(response: Response): Promise<ApiError> {
  const body = await readBody(response);
  const retryAfterSeconds = parseRetryAfter(response);
  const error =
    typeof body === 'object' && body !== null && 'error' in body
      ? (body as { error: unknown }).error
      : null;
  if (typeof error === 'object' && error !== null) {
    const { code, message, details } = error as Record<string, unknown>;
    return new ApiError({
      status: response.status,
      code: typeof code === 'string' ? code : `http_${response.status}`,
      message: typeof message === 'string' ? message : response.statusText,
      details: Array.isArray(details)
        ? details
            .filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null)
            .map((item) => ({
              pointer: typeof item.pointer === 'string' ? item.pointer : undefined,
              message: typeof item.message === 'string' ? item.message : '',
              value: item.value,
            }))
        : [],
      retryAfterSeconds,
    });
  }
  return new ApiError({
    status: response.status,
    code: `http_${response.status}`,
    message: response.statusText || `HTTP ${response.status}`,
    retryAfterSeconds,
  });
}

async function fetchCsrfToken(): Promise<string | null> {
  const response = await fetch('/api/auth/csrf', {
    credentials: 'include',
    headers: { accept: 'application/json' },
  });
  if (!response.ok) return null;
  const body = (await response.json()) as { token?: unknown };
  csrfToken = typeof body.token === 'string' ? body.token : null;
  return csrfToken;
}

async function send(path: string, options: RequestOptions, token: string | null): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (!SAFE_METHODS.has(method) && token) headers['x-csrf-token'] = token;
  try {
    return await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'include',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof Error && cause.name === 'AbortError') throw cause;
    throw new ApiError({ status: 0, code: 'network_error', message: 'The server could not be reached.' });
  }
}

/** Calls the API and returns the parsed JSON body (undefined for 204), or throws an ApiError. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const needsCsrf = !SAFE_METHODS.has(method);
  let token = csrfToken;
  if (needsCsrf && !token && !options.isPublic) token = await fetchCsrfToken();

  let response = await send(path, options, token);
  let error = response.ok ? null : await parseErrorResponse(response);

  if (error && needsCsrf && error.status === 403 && error.code === 'csrf_invalid') {
    token = await fetchCsrfToken();
    response = await send(path, options, token);
    error = response.ok ? null : await parseErrorResponse(response);
  }

  if (error) {
    if (error.status === 401 && !options.isPublic) {
      csrfToken = null;
      onUnauthorized();
    }
    throw error;
  }
  return (await readBody(response)) as T;
}

export const api = {
  get: <T>(path: string, options: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    apiRequest<T>(path, { ...options, method: 'GET' }),
  post: <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    apiRequest<T>(path, { ...options, method: 'POST', body }),
  patch: <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    apiRequest<T>(path, { ...options, method: 'PATCH', body }),
  delete: <T = void>(path: string, options: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    apiRequest<T>(path, { ...options, method: 'DELETE' }),
};
