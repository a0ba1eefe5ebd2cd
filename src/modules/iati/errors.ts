// A file-level failure: the caller imports inside one transaction and rolls back on this error,
// so nothing of a file that fails here is kept.

export type IatiFileErrorCode =
  | 'not-well-formed'
  | 'truncated'
  | 'doctype-forbidden'
  | 'entity-forbidden'
  | 'too-large'
  | 'not-iati'
  | 'too-deep'
  | 'attribute-too-long'
  | 'text-too-long'
  | 'invalid-encoding'
  | 'unsupported-encoding';

export class IatiFileError extends Error {
  override readonly name = 'IatiFileError';
  readonly code: IatiFileErrorCode;
  readonly reason: string;
  readonly line: number;
  readonly column: number;

  constructor(code: IatiFileErrorCode, reason: string, line: number, column: number) {
    super(`${code} at line ${line}, column ${column}: ${reason}`);
    this.code = code;
    this.reason = reason;
    this.line = line;
    this.column = column;
  }
}

/** Tells whether a thrown value is an IatiFileError. */
export function isIatiFileError(error: unknown): error is IatiFileError {
  return error instanceof IatiFileError;
}
