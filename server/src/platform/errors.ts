export type ErrorCode =
  | 'validation_failed'
  | 'unprocessable'
  | 'unauthenticated'
  | 'mfa_required'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'reason_required'
  | 'too_many_requests'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'busy'
  | 'internal';

export type FieldIssue = { path: string; message: string };

/** The one error type services throw; the HTTP layer maps `code` to a status. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly userMessage: string,
    readonly details: { issues?: FieldIssue[]; logMessage?: string; retryAfterSeconds?: number } = {},
  ) {
    super(details.logMessage ?? userMessage);
    this.name = 'AppError';
  }
}

export const notFound = (what = 'record'): AppError => new AppError('not_found', `${what} not found`);
export const forbidden = (logMessage?: string): AppError =>
  new AppError('forbidden', 'You are not allowed to do this', logMessage ? { logMessage } : {});
export const invalid = (path: string, message: string): AppError =>
  new AppError('validation_failed', `${path}: ${message}`, { issues: [{ path, message }] });
export const conflict = (message: string): AppError => new AppError('conflict', message);

/** HTTP status per error code; the switch is exhaustive so a new code cannot be forgotten. */
export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case 'validation_failed':
      return 400;
    case 'unprocessable':
      return 422;
    case 'unauthenticated':
      return 401;
    case 'mfa_required':
      return 401;
    case 'forbidden':
      return 403;
    case 'not_found':
      return 404;
    case 'conflict':
      return 409;
    case 'reason_required':
      return 428;
    case 'payload_too_large':
      return 413;
    case 'unsupported_media_type':
      return 415;
    case 'too_many_requests':
      return 429;
    case 'busy':
      return 503;
    case 'internal':
      return 500;
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}

/**
 * Database codes of a statement or transaction that lost to a concurrent one: PostgreSQL's
 * deadlock, serialization failure and lock timeout; SQLite's busy and locked, with their extended
 * forms (SQLITE_BUSY_SNAPSHOT when another process, such as an import from the command line,
 * committed between a transaction's read and its write).
 */
const CONCURRENCY_CODES: ReadonlySet<string> = new Set(['40P01', '40001', '55P03']);
const CONCURRENCY_PREFIXES = ['SQLITE_BUSY', 'SQLITE_LOCKED'];

const isConcurrencyCode = (code: string): boolean =>
  CONCURRENCY_CODES.has(code) || CONCURRENCY_PREFIXES.some((prefix) => code.startsWith(prefix));

/**
 * The error as an AppError when the request lost to a concurrent change: the failing transaction
 * was rolled back, and the request may be sent again (503 with Retry-After), instead of an
 * internal error. Other errors come back unchanged.
 */
export function asConcurrencyFailure(error: unknown): unknown {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (typeof code !== 'string' || !isConcurrencyCode(code)) return error;
  return new AppError(
    'busy',
    'The database was busy with a concurrent change, so this request did not complete. Check the result and try again.',
    { retryAfterSeconds: 1, logMessage: `lost to a concurrent change (${code})` },
  );
}
