import { z } from 'zod';
import { taskStatuses } from './tasks.table.js';

/** Task kinds with Dutch and English labels. */
export const taskKinds = {
  reassess_threat: { nl: 'Dreiging opnieuw inschatten', en: 'Reassess the threat' },
  act_on_raised_level: { nl: 'Handelen op verhoogd dreigingsniveau', en: 'Act on a raised threat level' },
  weigh_scale_down: { nl: 'Afschalen beoordelen', en: 'Weigh scaling down' },
} as const;
export type TaskKind = keyof typeof taskKinds;

export const taskSchema = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    title_nl: z.string(),
    title_en: z.string(),
    subjectType: z.string(),
    subjectId: z.string(),
    dueAt: z.string(),
    isOverdue: z.boolean(),
    status: z.enum(taskStatuses),
    createdAt: z.string(),
    completedAt: z.string().nullable(),
  })
  .meta({ id: 'Task' });
export type TaskDto = z.infer<typeof taskSchema>;

export const taskListQuery = z.strictObject({ status: z.enum(taskStatuses).optional() });
export const taskIdParams = z.strictObject({ taskId: z.uuid() });
