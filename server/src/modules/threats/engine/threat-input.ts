import { z } from 'zod';

// The engine takes the incident module's taxonomy (plain constants), so the two never drift apart.
export {
  incidentForms as threatIncidentForms,
  incidentChannels as threatIncidentChannels,
  incidentTargets as threatIncidentTargets,
} from '../../incidents/incident-taxonomy.js';
export type {
  IncidentForm as ThreatIncidentForm,
  IncidentChannel as ThreatIncidentChannel,
  IncidentTarget as ThreatIncidentTarget,
} from '../../incidents/incident-taxonomy.js';
import { incidentChannels, incidentForms, incidentTargets } from '../../incidents/incident-taxonomy.js';

/** One incident as the engine sees it: plain data, already validated by the caller or by this schema. */
export const threatIncidentSchema = z.object({
  id: z.string().min(1),
  occurredAt: z.iso.datetime({ offset: true }),
  forms: z.array(z.enum(incidentForms)).min(1),
  channel: z.enum(incidentChannels),
  targets: z.array(z.enum(incidentTargets)).min(1),
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
