import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, asConcurrencyFailure, httpStatusOf, type FieldIssue } from '../errors.js';

type ErrorBody = { error: string; message: string; issues?: FieldIssue[]; requestId: string };

/** Maps every failure to one JSON shape: a code, a message for people and, for bad input, the field paths. */
export function handleError(thrown: unknown, req: FastifyRequest, reply: FastifyReply): void {
  const requestId = String(req.id);
  const error = asConcurrencyFailure(thrown);
  if (error instanceof AppError) {
    if (error.details.retryAfterSeconds) reply.header('retry-after', error.details.retryAfterSeconds);
    const level = error.code === 'internal' ? 'error' : error.code === 'busy' ? 'warn' : 'info';
    req.log[level]({ code: error.code, msg: error.message }, 'request failed');
    send(reply, httpStatusOf(error.code), {
      error: error.code,
      message: error.userMessage,
      ...(error.details.issues ? { issues: error.details.issues } : {}),
      requestId,
    });
    return;
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map((v) => ({
      path: [error.validationContext, ...pathOf(v.instancePath, v.params)].filter(Boolean).join('.'),
      message: v.message ?? 'invalid',
    }));
    send(reply, 400, { error: 'validation_failed', message: summary(issues), issues, requestId });
    return;
  }
  if (isResponseSerializationError(error)) {
    req.log.error({ err: error }, 'response did not match its schema');
    send(reply, 500, { error: 'internal', message: 'Internal error', requestId });
    return;
  }
  handleFastifyError(error as FastifyError, req, reply, requestId);
}

function handleFastifyError(error: FastifyError, req: FastifyRequest, reply: FastifyReply, requestId: string): void {
  const status = error.statusCode ?? 500;
  if (status >= 500) {
    req.log.error({ err: error }, 'unexpected error');
    send(reply, 500, { error: 'internal', message: 'Internal error', requestId });
    return;
  }
  const code =
    status === 413
      ? 'payload_too_large'
      : status === 415
        ? 'unsupported_media_type'
        : status === 429
          ? 'too_many_requests'
          : 'validation_failed';
  const path =
    error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ? 'body' : undefined;
  send(reply, status, {
    error: code,
    message: error.message,
    ...(path ? { issues: [{ path, message: error.message }] } : {}),
    requestId,
  });
}

function pathOf(instancePath: string, params: Record<string, unknown>): string[] {
  const parts = instancePath.split('/').filter(Boolean);
  // Unknown keys in a strict object are reported on the parent; name the key itself.
  const keys = params['keys'];
  if (Array.isArray(keys) && keys.length > 0) parts.push(keys.join(','));
  return parts;
}

function summary(issues: FieldIssue[]): string {
  return issues.map((i) => `${i.path}: ${i.message}`).join('; ');
}

function send(reply: FastifyReply, status: number, body: ErrorBody): void {
  void reply.status(status).header('cache-control', 'no-store').send(body);
}
