/**
 * Code lists mirrored from the server's taxonomy so the dictionaries can be checked for
 * completeness at compile time. The lists shown in forms come from GET /api/v1/taxonomy.
 */
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
export const incidentChannels = [
  'face_to_face',
  'social_media',
  'email',
  'phone',
  'letter',
  'at_home',
  'other',
] as const;
export const incidentTargets = ['person', 'naasten', 'property', 'organisation'] as const;
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
export const motives = ['decision_anger', 'personal', 'criminal_intent', 'ideological', 'unknown'] as const;
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
export const impacts = ['work', 'health', 'behaviour', 'decisions', 'family', 'none'] as const;
export const domicilieOptions = ['work_address', 'police_station', 'own_address'] as const;
export const incidentStatuses = ['gemeld', 'in_behandeling', 'afgehandeld'] as const;
export const closeReasons = [
  'afgehandeld_met_nazorg',
  'aangifte_gedaan',
  'geen_vervolg_nodig',
  'doorverwezen',
  'dubbele_melding',
] as const;
export const offices = [
  'burgemeester',
  'wethouder',
  'raadslid',
  'statenlid',
  'gedeputeerde',
  'commissaris_van_de_koning',
  'dijkgraaf',
  'heemraad',
  'algemeen_bestuurslid',
] as const;
export const organisationTypes = [
  'gemeente',
  'provincie',
  'waterschap',
  'politie',
  'om',
  'riec',
  'beveiligingsbedrijf',
  'ccv',
  'ondersteuningsteam',
  'rijk',
  'beheer',
] as const;
export const roles = [
  'platform_admin',
  'org_admin',
  'oov_adviseur',
  'officeholder',
  'bibob_coordinator',
  'riec_analyst',
  'police_liaison',
  'security_provider',
  'support_team',
  'dpo',
] as const;

export const sharingPurposes = [
  'aangifte_en_opsporing',
  'dreigingsinschatting',
  'uitvoering_beveiligingsmaatregel',
  'riec_casus',
  'bibob_onderzoek',
  'ondersteuning_ambtsdrager',
  'behandeling_melding',
  'toezicht_gegevensbescherming',
] as const;

/** TLP 2.0 markings, from least to most restricted. */
export const tlpLevels = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;
/** The parts of an incident a sharing grant can cover; `kern` always comes along. */
export const incidentParts = ['kern', 'details', 'dader', 'opvolging', 'bijlagen'] as const;

export type IncidentForm = (typeof incidentForms)[number];
export type IncidentChannel = (typeof incidentChannels)[number];
export type IncidentTarget = (typeof incidentTargets)[number];
export type PerpetratorType = (typeof perpetratorTypes)[number];
export type Motive = (typeof motives)[number];
export type MunicipalProcess = (typeof municipalProcesses)[number];
export type Impact = (typeof impacts)[number];
export type Domicilie = (typeof domicilieOptions)[number];
export type IncidentStatus = (typeof incidentStatuses)[number];
export type CloseReason = (typeof closeReasons)[number];
export type Office = (typeof offices)[number];
export type OrganisationType = (typeof organisationTypes)[number];
export type Role = (typeof roles)[number];
export type SharingPurpose = (typeof sharingPurposes)[number];
export type Tlp = (typeof tlpLevels)[number];
export type IncidentPart = (typeof incidentParts)[number];

/** The groups of codes the taxonomy endpoint returns and the dictionaries label. */
export type CodeGroups = {
  forms: IncidentForm;
  channels: IncidentChannel;
  targets: IncidentTarget;
  perpetratorTypes: PerpetratorType;
  motives: Motive;
  municipalProcesses: MunicipalProcess;
  impacts: Impact;
  domicilie: Domicilie;
  statuses: IncidentStatus;
  closeReasons: CloseReason;
  offices: Office;
  organisationTypes: OrganisationType;
  roles: Role;
  sharingPurposes: SharingPurpose;
};
export type CodeGroup = keyof CodeGroups;
