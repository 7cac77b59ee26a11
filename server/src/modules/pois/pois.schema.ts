import { z } from 'zod';
import { accessInfoSchema } from '../sharing/sharing.schema.js';
import { tlpLevels } from '../sharing/sharing.table.js';

const text = (max: number) => z.string().trim().max(max);
const isoDate = z.iso.date({ message: 'must be a date (YYYY-MM-DD)' });

/** How a person of interest was involved in an incident, with Dutch and English labels. */
export const poiRoleLabels = {
  dader: { nl: 'Dader', en: 'Perpetrator' },
  vermoedelijke_dader: { nl: 'Vermoedelijke dader', en: 'Suspected perpetrator' },
  medeplichtige: { nl: 'Medeplichtige', en: 'Accomplice' },
  betrokkene: { nl: 'Betrokkene', en: 'Involved person' },
} as const;
export const poiRoles = Object.keys(poiRoleLabels) as [keyof typeof poiRoleLabels, ...(keyof typeof poiRoleLabels)[]];
export type PoiRole = keyof typeof poiRoleLabels;

export const poiAddressSchema = z.strictObject({
  street: text(200).min(1),
  houseNumber: text(20).min(1),
  postcode: text(10),
  city: text(100).min(1),
  note: text(500).optional(),
});

export const onlineHandleSchema = z.strictObject({ platform: text(50).min(1), handle: text(200).min(1) });

const poiFields = {
  displayName: text(200).min(2),
  names: z.array(text(200).min(1)).max(20),
  birthDate: isoDate.nullable(),
  addresses: z.array(poiAddressSchema).max(20),
  onlineHandles: z.array(onlineHandleSchema).max(50),
  notes: text(20_000),
};

export const createPoiSchema = z
  .strictObject({
    displayName: poiFields.displayName,
    names: poiFields.names.default([]),
    birthDate: poiFields.birthDate.default(null),
    addresses: poiFields.addresses.default([]),
    onlineHandles: poiFields.onlineHandles.default([]),
    notes: poiFields.notes.default(''),
  })
  .meta({ id: 'CreatePersonOfInterest' });
export type CreatePoiInput = z.infer<typeof createPoiSchema>;

export const updatePoiSchema = z
  .strictObject({
    displayName: poiFields.displayName.optional(),
    names: poiFields.names.optional(),
    birthDate: poiFields.birthDate.optional(),
    addresses: poiFields.addresses.optional(),
    onlineHandles: poiFields.onlineHandles.optional(),
    notes: poiFields.notes.optional(),
    version: z.number().int().min(1),
  })
  .meta({ id: 'UpdatePersonOfInterest' });
export type UpdatePoiInput = z.infer<typeof updatePoiSchema>;

export const poiLinkSchema = z
  .object({ incidentId: z.uuid(), role: z.enum(poiRoles), linkedAt: z.string() })
  .meta({ id: 'PoiIncidentLink' });

export const poiSchema = z
  .object({
    id: z.uuid(),
    ...poiFields,
    incidents: z.array(poiLinkSchema),
    groupIds: z.array(z.uuid()),
    /** Persons of interest a person decided are the same person; both records stay. */
    sameAs: z.array(z.uuid()),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    /** TLP 2.0 marking; RED lets grants go to named people only. */
    tlp: z.enum(tlpLevels),
    /** Present when another organisation shared this person: the granted parts and what is masked. */
    access: accessInfoSchema.optional(),
  })
  .meta({ id: 'PersonOfInterest' });
export type PoiDto = z.infer<typeof poiSchema>;

export const poiListItemSchema = z
  .object({
    id: z.uuid(),
    displayName: z.string(),
    birthDate: z.string().nullable(),
    incidentCount: z.number().int(),
    /** The organisation that shared this person; null for the own organisation's. */
    sharedBy: z.string().nullable(),
    tlp: z.enum(tlpLevels),
  })
  .meta({ id: 'PersonOfInterestListItem' });
export type PoiListItem = z.infer<typeof poiListItemSchema>;

export const poiListQuery = z.strictObject({ q: text(200).optional() });
export const poiIdParams = z.strictObject({ poiId: z.uuid() });
export const poiIncidentParams = z.strictObject({ poiId: z.uuid(), incidentId: z.uuid() });

export const linkIncidentSchema = z
  .strictObject({ incidentId: z.uuid(), role: z.enum(poiRoles) })
  .meta({ id: 'LinkPoiToIncident' });
export type LinkIncidentInput = z.infer<typeof linkIncidentSchema>;

export const poiHistorySchema = z
  .object({
    poiId: z.uuid(),
    incidentCount: z.number().int(),
    officeholders: z.array(
      z.object({
        officeholderId: z.uuid(),
        incidentCount: z.number().int(),
        firstAt: z.string(),
        lastAt: z.string(),
        maxSeverity: z.number().int(),
        isFixated: z.boolean(),
      }),
    ),
    timeline: z.array(
      z.object({
        incidentId: z.uuid(),
        officeholderId: z.uuid(),
        occurredAt: z.string(),
        severity: z.number().int(),
        forms: z.array(z.string()),
        channel: z.string(),
        role: z.enum(poiRoles),
      }),
    ),
    escalation: z.object({
      severityTrend: z.enum(['rising', 'falling', 'stable', 'insufficient_data']),
      firstSeverity: z.number().int().nullable(),
      lastSeverity: z.number().int().nullable(),
      maxSeverity: z.number().int().nullable(),
      onlineToPhysical: z.boolean(),
      approachedHome: z.boolean(),
    }),
  })
  .meta({ id: 'PoiHistory' });
export type PoiHistory = z.infer<typeof poiHistorySchema>;

export const createPoiGroupSchema = z
  .strictObject({
    name: text(200).min(2),
    description: text(2000).default(''),
    poiIds: z.array(z.uuid()).max(200).default([]),
  })
  .meta({ id: 'CreatePoiGroup' });
export type CreatePoiGroupInput = z.infer<typeof createPoiGroupSchema>;

export const poiGroupSchema = z
  .object({ id: z.uuid(), name: z.string(), description: z.string(), poiIds: z.array(z.uuid()), createdAt: z.string() })
  .meta({ id: 'PoiGroup' });
export type PoiGroupDto = z.infer<typeof poiGroupSchema>;

export const groupIdParams = z.strictObject({ groupId: z.uuid() });
export const addGroupMemberSchema = z.strictObject({ poiId: z.uuid() }).meta({ id: 'AddPoiGroupMember' });
