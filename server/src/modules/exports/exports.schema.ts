import { z } from 'zod';
import { incidentListQuery } from '../incidents/incidents.schema.js';

export const exportFiltersSchema = incidentListQuery.omit({ page: true, pageSize: true });

export const createExportSchema = z
  .strictObject({
    kind: z.literal('incidents_csv'),
    filters: exportFiltersSchema.default({}),
    reason: z.string().trim().min(10, 'explain in a sentence why the export is needed').max(1000),
  })
  .meta({ id: 'CreateExportRequest' });
export type CreateExportInput = z.infer<typeof createExportSchema>;

export const exportDecisionSchema = z
  .strictObject({ approve: z.boolean(), note: z.string().trim().max(1000).optional() })
  .meta({ id: 'ExportDecision' });

export const exportRequestSchema = z
  .object({
    id: z.uuid(),
    kind: z.literal('incidents_csv'),
    filters: z.record(z.string(), z.unknown()),
    reason: z.string(),
    status: z.enum(['pending', 'approved', 'rejected', 'downloaded']),
    requestedBy: z.object({ id: z.uuid(), displayName: z.string() }),
    requestedAt: z.string(),
    decidedBy: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
    decidedAt: z.string().nullable(),
    decisionNote: z.string().nullable(),
    expiresAt: z.string().nullable(),
  })
  .meta({ id: 'ExportRequest' });
export type ExportRequestDto = z.infer<typeof exportRequestSchema>;

export const exportIdParams = z.strictObject({ exportId: z.uuid() });
