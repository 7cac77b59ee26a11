import { z } from 'zod';
import { measureExecutors } from './engine/measure-types.js';
import { workOrderProgress } from './measures.table.js';
import { postalAddressSchema } from './measures.schema.js';

/** What the executing organisation sees: the engine's masked work order plus its own progress. */
export const workOrderSchema = z
  .object({
    id: z.uuid(),
    measureId: z.string(),
    measureCode: z.string(),
    name_nl: z.string(),
    name_en: z.string(),
    description_nl: z.string(),
    description_en: z.string(),
    executor: z.enum(measureExecutors),
    stage: z.enum(['voorbereiding', 'uitvoering', 'instandhouding', 'afgesloten']),
    recipientName: z.string(),
    address: postalAddressSchema.nullable(),
    contact: z.object({ name: z.string(), phone: z.string() }).nullable(),
    dueAt: z.string().nullable(),
    progress: z.enum(workOrderProgress),
    progressNote: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  // A stripping object: even a field added to the stored payload by mistake never reaches the executor.
  .meta({ id: 'WorkOrder' });
export type WorkOrderDto = z.infer<typeof workOrderSchema>;

export const workOrderProgressSchema = z
  .strictObject({ progress: z.enum(workOrderProgress), note: z.string().trim().max(2000).nullable().optional() })
  .meta({ id: 'WorkOrderProgress' });
export type WorkOrderProgressInput = z.infer<typeof workOrderProgressSchema>;

export const workOrderIdParams = z.strictObject({ workOrderId: z.uuid() });
