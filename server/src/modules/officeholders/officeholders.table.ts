import type { Tlp } from '../sharing/sharing.table.js';

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
export type Office = (typeof offices)[number];

export type OfficeholdersTable = {
  id: string;
  organisation_id: string;
  user_id: string | null;
  full_name: string;
  office: Office;
  party: string | null;
  portfolio: string | null;
  email: string | null;
  phone: string | null;
  /** AES-256-GCM envelope (never clear text); the repository seals and opens it. */
  home_address: string | null;
  /** AES-256-GCM envelope of free text about the household. */
  family_members: string | null;
  /** TLP 2.0 marking (default AMBER); limits which grants are allowed. */
  tlp: Tlp;
  active: number;
  created_at: string;
  updated_at: string;
};
