import { z } from 'zod';
import {
  closeReasons,
  domicilieOptions,
  impacts,
  incidentChannels,
  incidentForms,
  incidentStatuses,
  incidentTargets,
  motives,
  municipalProcesses,
  perpetratorTypes,
  severityMax,
  severityMin,
} from './incident-taxonomy.js';
import { accessInfoSchema } from '../sharing/sharing.schema.js';
import { tlpLevels } from '../sharing/sharing.table.js';

const isoDateTime = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' });
const isoDate = z.iso.date({ message: 'must be a date (YYYY-MM-DD)' });
const text = (max: number) => z.string().trim().max(max);
const uniqueList = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((xs) => new Set(xs).size === xs.length, 'must not repeat a value');

// VPT: the police's code for an offence against a public servant (Veilige Publieke Taak).
const vptCode = z
  .string()
  .trim()
  .regex(/^[A-Z0-9][A-Z0-9.-]{0,19}$/, 'must be a VPT code such as VPT or VPT-B');

/** What an officeholder gives in the one-minute report. */
export const quickReportSchema = z
  .strictObject({
    officeholderId: z.uuid().optional(),
    occurredAt: isoDateTime,
    forms: uniqueList(z.enum(incidentForms), incidentForms.length).min(1, 'choose at least one'),
    channel: z.enum(incidentChannels),
    severity: z.number().int().min(severityMin).max(severityMax),
    summary: text(2000).min(3, 'describe briefly what happened'),
  })
  .meta({ id: 'QuickIncidentReport' });
export type QuickReportInput = z.infer<typeof quickReportSchema>;

const detailFields = {
  description: text(20_000),
  location: text(500).nullable(),
  targets: uniqueList(z.enum(incidentTargets), incidentTargets.length),
  perpetratorType: z.enum(perpetratorTypes),
  knownPerpetrators: text(2000).nullable(),
  motive: z.enum(motives),
  decisionReference: text(500).nullable(),
  municipalProcess: z.enum(municipalProcesses),
  impacts: uniqueList(z.enum(impacts), impacts.length),
  internalReportDate: isoDate.nullable(),
  aangifteDate: isoDate.nullable(),
  vptCodes: uniqueList(vptCode, 10),
  domicilie: z.enum(domicilieOptions).nullable(),
  policeReference: text(100).nullable(),
  employerAangifte: z.boolean(),
  aftercareOffered: z.boolean(),
  aftercareNotes: text(2000).nullable(),
};

/** The full record an adviser registers; everything beyond the quick report is optional. */
export const createIncidentSchema = quickReportSchema
  .extend(
    Object.fromEntries(Object.entries(detailFields).map(([k, v]) => [k, v.optional()])) as {
      [K in keyof typeof detailFields]: z.ZodOptional<(typeof detailFields)[K]>;
    },
  )
  .strict()
  .meta({ id: 'CreateIncident' });
export type CreateIncidentInput = z.infer<typeof createIncidentSchema>;

/** A partial change; `version` guards against overwriting someone else's edit. */
export const updateIncidentSchema = createIncidentSchema
  .omit({ officeholderId: true })
  .partial()
  .extend({ version: z.number().int().min(1) })
  .strict()
  .meta({ id: 'UpdateIncident' });
export type UpdateIncidentInput = z.infer<typeof updateIncidentSchema>;

export const statusChangeSchema = z
  .strictObject({
    status: z.enum(incidentStatuses),
    reason: z.enum(closeReasons).optional(),
    note: text(1000).optional(),
    version: z.number().int().min(1),
  })
  .meta({ id: 'IncidentStatusChange' });
export type StatusChangeInput = z.infer<typeof statusChangeSchema>;

const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(values)))
    .optional();

export const incidentListQuery = z.strictObject({
  from: isoDate.optional(),
  to: isoDate.optional(),
  form: csv(incidentForms),
  channel: csv(incidentChannels),
  status: csv(incidentStatuses),
  process: csv(municipalProcesses),
  officeholderId: z.uuid().optional(),
  q: text(200).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});
export type IncidentListQuery = z.infer<typeof incidentListQuery>;

export const attachmentSchema = z
  .object({
    id: z.uuid(),
    fileName: z.string(),
    contentType: z.string(),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    uploadedBy: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'IncidentAttachment' });

// In a response every detail field can be null: masked for a reader whose grant lacks its part.
const maskableDetailFields = Object.fromEntries(
  Object.entries(detailFields).map(([k, v]) => [k, (v as z.ZodType).nullable()]),
) as { [K in keyof typeof detailFields]: z.ZodNullable<(typeof detailFields)[K]> };

export const incidentSchema = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    organisationId: z.uuid(),
    officeholder: z.object({ id: z.uuid(), fullName: z.string(), office: z.string() }),
    reportedBy: z.object({ id: z.uuid(), displayName: z.string() }),
    status: z.enum(incidentStatuses),
    statusReason: z.string().nullable(),
    occurredAt: z.string(),
    reportedAt: z.string(),
    forms: z.array(z.enum(incidentForms)),
    channel: z.enum(incidentChannels),
    severity: z.number().int(),
    summary: z.string(),
    ...maskableDetailFields,
    tlp: z.enum(tlpLevels),
    version: z.number().int(),
    updatedAt: z.string(),
    attachments: z.array(attachmentSchema).nullable(),
    access: accessInfoSchema,
  })
  .meta({ id: 'Incident' });
export type IncidentDto = z.infer<typeof incidentSchema>;

export const incidentListItemSchema = incidentSchema
  .pick({
    id: true,
    reference: true,
    officeholder: true,
    status: true,
    occurredAt: true,
    forms: true,
    channel: true,
    severity: true,
    summary: true,
    municipalProcess: true,
    tlp: true,
  })
  .extend({ sharedBy: z.string().nullable() })
  .meta({ id: 'IncidentListItem' });
export type IncidentListItem = z.infer<typeof incidentListItemSchema>;

export const incidentEventSchema = z
  .object({
    id: z.uuid(),
    at: z.string(),
    kind: z.enum(['created', 'updated', 'status_changed', 'attachment_added']),
    actor: z.object({ id: z.string(), displayName: z.string() }),
    changes: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'IncidentEvent' });

export const incidentIdParams = z.strictObject({ incidentId: z.uuid() });
export const attachmentParams = z.strictObject({ incidentId: z.uuid(), attachmentId: z.uuid() });
