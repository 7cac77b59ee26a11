/** One issue the server found with a field of the request. */
export type FieldIssue = { path: string; message: string };

/** A failed API call, carrying the server's error code, message and per-field issues. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: FieldIssue[] = [],
    readonly requestId: string | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Issues keyed by field name, with the `body.` / `querystring.` prefix removed. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const issue of this.issues) {
      const field = issue.path.replace(/^(body|querystring|params)\.?/, '').split('.')[0] ?? '';
      if (field && !out[field]) out[field] = issue.message;
    }
    return out;
  }
}

let csrfToken: string | null = null;

/** The session's CSRF token, sent on every request that changes something. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
let onUnauthenticated: () => void = () => undefined;

/** Called when the server says the session is gone, so the app can send the user to the login page. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

type Body = Record<string, unknown> | FormData | undefined;

/** Calls the JSON API under /api/v1 and returns the parsed body, or throws ApiError. */
export async function api<T>(method: string, path: string, body?: Body): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (unsafe.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  const isForm = body instanceof FormData;
  if (body !== undefined && !isForm) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body === undefined ? {} : { body: isForm ? body : JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError(0, 'network', 'network');
  }
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) throw toApiError(response.status, payload, path);
  return payload as T;
}

function toApiError(status: number, payload: unknown, path: string): ApiError {
  const body = (payload ?? {}) as { error?: unknown; message?: unknown; issues?: unknown; requestId?: unknown };
  const code = typeof body.error === 'string' ? body.error : `http_${status}`;
  const issues = Array.isArray(body.issues) ? body.issues.filter(isIssue) : [];
  const requestId = typeof body.requestId === 'string' ? body.requestId : null;
  if (status === 401 && !path.startsWith('/auth/')) onUnauthenticated();
  return new ApiError(status, code, typeof body.message === 'string' ? body.message : code, issues, requestId);
}

function isIssue(x: unknown): x is FieldIssue {
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof (x as FieldIssue).path === 'string' &&
    typeof (x as FieldIssue).message === 'string'
  );
}

/** Builds a query string from the defined, non-empty values. */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
