import { z } from 'zod';
import { isDatabaseReachable } from '../../db/database.js';
import type { AppContext } from '../context.js';
import type { App } from './types.js';

/** GET /api/health: 200 when the database answers, 503 when it does not. */
export function registerHealthRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['platform'],
        summary: 'Liveness and database reachability',
        response: {
          200: z.object({ status: z.literal('ok'), database: z.literal('ok') }),
          503: z.object({ status: z.literal('unavailable'), database: z.literal('unreachable') }),
        },
      },
    },
    async (_req, reply) => {
      if (await isDatabaseReachable(ctx.db)) return { status: 'ok' as const, database: 'ok' as const };
      return reply.status(503).send({ status: 'unavailable' as const, database: 'unreachable' as const });
    },
  );
}
