/** The closed set of error codes the API answers with, and their HTTP status. */
export const errorStatus = {
  validation_failed: 400,
  bad_request: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf_invalid: 403,
  not_found: 404,
  conflict: 409,
  version_conflict: 409,
  expired: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export type ErrorDetail = { pointer: string; message: string; value?: unknown };

/** The one error type domain code throws; the HTTP layer maps it to a status. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[] | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(code: ErrorCode, message: string, options: { details?: ErrorDetail[]; headers?: Record<string, string> } = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = options.details;
    this.headers = options.headers;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

/** Shorthand for a 404 that does not reveal whether the record exists elsewhere. */
export function notFound(what: string): AppError {
  return new AppError('not_found', `${what} not found`);
}

/** Shorthand for a validation error on one field. */
export function invalidField(pointer: string, message: string, value?: unknown): AppError {
  const detail: ErrorDetail = value === undefined ? { pointer, message } : { pointer, message, value };
  return new AppError('validation_failed', `${pointer || 'body'}: ${message}`, { details: [detail] });
}
