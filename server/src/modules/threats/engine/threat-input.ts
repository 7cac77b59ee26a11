import { z } from 'zod';

// The engine keeps its own copy of the taxonomy so it stays a self-contained, pure unit;
// the lists match the incident module's taxonomy (including the catch-all channel `other`).
export const threatIncidentForms = [
  'verbale_agressie',
  'bedreiging_intimidatie',
  'fysiek_geweld',
  'vernieling',
  'stalking',
  'discriminatie',
  'online_haat',
  'doxing',
] as const;
export type ThreatIncidentForm = (typeof threatIncidentForms)[number];

export const threatIncidentChannels = [
  'face_to_face',
  'social_media',
  'email',
  'phone',
  'letter',
  'at_home',
  'other',
] as const;
export type ThreatIncidentChannel = (typeof threatIncidentChannels)[number];

export const threatIncidentTargets = ['person', 'naasten', 'property', 'organisation'] as const;
export type ThreatIncidentTarget = (typeof threatIncidentTargets)[number];

/** One incident as the engine sees it: plain data, already validated by the caller or by this schema. */
export const threatIncidentSchema = z.object({
  id: z.string().min(1),
  occurredAt: z.iso.datetime({ offset: true }),
  forms: z.array(z.enum(threatIncidentForms)).min(1),
  channel: z.enum(threatIncidentChannels),
  targets: z.array(z.enum(threatIncidentTargets)).min(1),
  severity: z.number().int().min(1).max(5),
  perpetratorIds: z.array(z.string().min(1)).optional(),
  /** Set when property was targeted at the officeholder's residence (e.g. a car vandalised in the drive). */
  atResidence: z.boolean().optional(),
});
export type ThreatIncident = z.infer<typeof threatIncidentSchema>;

/** Structured professional judgement factors (SPJ), in the order they are reported. */
export const threatFactorNames = [
  'fixation',
  'grievance',
  'pathway',
  'leakage',
  'direct_threat',
  'history_of_violence',
  'access_to_weapons',
  'criminal_network_ties',
  'persistence_despite_intervention',
  'targeting_naasten',
] as const;
export type ThreatFactorName = (typeof threatFactorNames)[number];

export const factorStatuses = ['present', 'absent', 'unknown'] as const;
export type FactorStatus = (typeof factorStatuses)[number];

/** Factor codings; a factor left out counts as `unknown`. */
export const factorCodingSchema = z.partialRecord(z.enum(threatFactorNames), z.enum(factorStatuses));
export type FactorCoding = z.infer<typeof factorCodingSchema>;

/** Pattern signals derived from incidents that only ever switch on as incidents are added. */
export const monotonePatterns = [
  'home_approach',
  'naasten_targeted',
  'online_to_physical',
  'repeat_perpetrator',
] as const;
export type MonotonePattern = (typeof monotonePatterns)[number];

export const threatAssessmentInputSchema = z.object({
  incidents: z.array(threatIncidentSchema),
  factors: factorCodingSchema,
  asOf: z.iso.datetime({ offset: true }),
});
export type ThreatAssessmentInput = z.infer<typeof threatAssessmentInputSchema>;
