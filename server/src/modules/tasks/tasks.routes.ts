import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import type { App } from '../../platform/http/types.js';
import { requestContext } from '../../platform/http/request-context.js';
import * as tasks from './tasks.service.js';
import { taskIdParams, taskListQuery, taskSchema } from './tasks.schema.js';

const tags = ['tasks'];

/** The signed-in user's own tasks. */
export function registerTaskRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/tasks',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Your tasks, soonest deadline first',
        querystring: taskListQuery,
        response: { 200: z.array(taskSchema) },
      },
    },
    async (req) => tasks.listMyTasks(requestContext(req, ctx), req.query.status),
  );
  app.post(
    '/tasks/:taskId/complete',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Mark one of your tasks done', params: taskIdParams, response: { 200: taskSchema } },
    },
    async (req) => tasks.completeTask(requestContext(req, ctx), req.params.taskId),
  );
}
