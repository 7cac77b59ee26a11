import type { Generated } from 'kysely';
import type { Tlp } from '../sharing/sharing.table.js';

/** What a dataset holds; decides nothing by itself but tells readers how far to trust it. */
export const datasetKinds = ['eigen_registratie', 'riec', 'openbaar_register', 'watchlist'] as const;
export type DatasetKind = (typeof datasetKinds)[number];

export const matchDecisionValues = ['same', 'different', 'unsure'] as const;
export type MatchDecisionValue = (typeof matchDecisionValues)[number];

export type DatasetsTable = {
  id: string;
  /** The owner: only it imports, exports and shares the dataset. */
  organisation_id: string;
  /** Slug, unique per organisation (the CLI's --dataset). */
  name: string;
  title: string;
  kind: DatasetKind;
  /** Kept up to date by imports so lists need not count a million rows. */
  entity_count: number;
  /** TLP 2.0 marking (default AMBER); RED lets grants go to named people only. */
  tlp: Generated<Tlp>;
  created_at: string;
  updated_at: string;
};

export type EntitiesTable = {
  dataset_id: string;
  /** The FtM id, kept as imported. */
  id: string;
  schema: string;
  caption: string;
  /** Lower-case, accent-free caption for prefix search (byte order on both dialects). */
  caption_key: string;
  /** JSON object of property name to array of strings, exactly as imported. */
  properties: string;
  /** JSON array of the FtM topics (a copy of properties.topics, for flag checks). */
  topics: string;
  first_seen: string;
  last_seen: string;
  /** When the content last changed (insert or changed import); an unchanged re-import moves only `last_seen`. */
  changed_at: string;
};

/** One row per entity-typed property value: the ties, found from either end by index. */
export type EntityRefsTable = {
  dataset_id: string;
  source_id: string;
  property: string;
  target_id: string;
};

export type EntityFlagsTable = {
  id: string;
  /** The organisation whose analyst flagged; its flags show to it and, for the owner, to every reader. */
  organisation_id: string;
  dataset_id: string;
  entity_id: string;
  reason: string;
  flagged_by_user_id: string;
  flagged_at: string;
  revoked_at: string | null;
  revoked_by_user_id: string | null;
};

/** Decisions are appended, never updated: the latest per pair (per organisation) counts. */
export type MatchDecisionsTable = {
  id: string;
  organisation_id: string;
  /** The pair is normalised: (left_dataset_id, left_entity_id) sorts before the right side. */
  left_dataset_id: string;
  left_entity_id: string;
  right_dataset_id: string;
  right_entity_id: string;
  decision: MatchDecisionValue;
  note: string | null;
  decided_by_user_id: string;
  decided_at: string;
};
