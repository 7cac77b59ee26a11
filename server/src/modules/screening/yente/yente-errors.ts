import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, asConcurrencyFailure, httpStatusOf } from '../../../platform/errors.js';

/** Where FastAPI says the bad input was, by Fastify's validation context. */
const LOCATION: Record<string, string> = { body: 'body', querystring: 'query', params: 'path', headers: 'header' };

/**
 * Errors as yente (FastAPI) words them: `{ "detail": "..." }`, and for input that does not fit
 * the request model 422 with `{ "detail": [{ loc, msg, type }] }`.
 */
export function handleYenteError(thrown: unknown, req: FastifyRequest, reply: FastifyReply): void {
  const error = asConcurrencyFailure(thrown);
  if (error instanceof AppError) {
    const status = httpStatusOf(error.code);
    if (error.details.retryAfterSeconds) reply.header('retry-after', error.details.retryAfterSeconds);
    if (status >= 500) req.log[error.code === 'busy' ? 'warn' : 'error']({ err: error }, 'yente request failed');
    const issues = error.details.issues ?? [];
    const detail =
      status === 422
        ? issues.map((i) => ({ loc: i.path.split('.'), msg: i.message, type: 'value_error' }))
        : error.userMessage;
    void reply.status(status).header('cache-control', 'no-store').send({ detail });
    return;
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const detail = error.validation.map((v) => ({
      loc: [LOCATION[error.validationContext ?? 'body'] ?? 'body', ...v.instancePath.split('/').filter(Boolean)],
      msg: v.message ?? 'invalid',
      type: 'value_error',
    }));
    void reply.status(422).header('cache-control', 'no-store').send({ detail });
    return;
  }
  const status = (error as FastifyError).statusCode ?? 500;
  if (status >= 500) req.log.error({ err: error }, 'yente request failed unexpectedly');
  const detail = status >= 500 ? 'Internal error' : (error as FastifyError).message;
  void reply.status(status).header('cache-control', 'no-store').send({ detail });
}
