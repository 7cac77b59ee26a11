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
export type OrganisationType = (typeof organisationTypes)[number];

export type OrganisationsTable = {
  id: string;
  slug: string;
  name: string;
  type: OrganisationType;
  active: number;
  created_at: string;
  updated_at: string;
};
