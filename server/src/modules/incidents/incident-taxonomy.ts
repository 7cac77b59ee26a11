/** The incident taxonomy of the product brief; the single source for validation, storage and the UI. */
export const incidentForms = [
  'verbale_agressie',
  'bedreiging_intimidatie',
  'fysiek_geweld',
  'vernieling',
  'stalking',
  'discriminatie',
  'online_haat',
  'doxing',
] as const;
export type IncidentForm = (typeof incidentForms)[number];

export const incidentChannels = [
  'face_to_face',
  'social_media',
  'email',
  'phone',
  'letter',
  'at_home',
  'other',
] as const;
export type IncidentChannel = (typeof incidentChannels)[number];

export const incidentTargets = ['person', 'naasten', 'property', 'organisation'] as const;
export type IncidentTarget = (typeof incidentTargets)[number];

export const perpetratorTypes = [
  'unknown',
  'citizen',
  'resident_with_grievance',
  'entrepreneur',
  'activist_group',
  'criminal',
  'confused_person',
  'colleague_or_politician',
  'online_anonymous',
] as const;
export type PerpetratorType = (typeof perpetratorTypes)[number];

export const motives = ['decision_anger', 'personal', 'criminal_intent', 'ideological', 'unknown'] as const;
export type Motive = (typeof motives)[number];

export const municipalProcesses = [
  'handhaving',
  'openbare_orde',
  'vergunningverlening',
  'ruimtelijke_ordening',
  'sociaal_domein',
  'belastingen',
  'subsidies',
  'inkoop',
  'vastgoed',
  'brp_burgerzaken',
  'huisvesting',
  'other',
  'none',
] as const;
export type MunicipalProcess = (typeof municipalProcesses)[number];

export const impacts = ['work', 'health', 'behaviour', 'decisions', 'family', 'none'] as const;
export type Impact = (typeof impacts)[number];

export const domicilieOptions = ['work_address', 'police_station', 'own_address'] as const;
export type Domicilie = (typeof domicilieOptions)[number];

export const incidentStatuses = ['gemeld', 'in_behandeling', 'afgehandeld'] as const;
export type IncidentStatus = (typeof incidentStatuses)[number];

export const closeReasons = [
  'afgehandeld_met_nazorg',
  'aangifte_gedaan',
  'geen_vervolg_nodig',
  'doorverwezen',
  'dubbele_melding',
] as const;
export type CloseReason = (typeof closeReasons)[number];

/** Allowed status moves; closing always needs a reason (checked in the service). */
export const statusTransitions: Record<IncidentStatus, readonly IncidentStatus[]> = {
  gemeld: ['in_behandeling', 'afgehandeld'],
  in_behandeling: ['afgehandeld', 'gemeld'],
  afgehandeld: ['in_behandeling'],
};

/** Perceived severity, 1 (mild) to 5 (very serious). */
export const severityMin = 1;
export const severityMax = 5;
