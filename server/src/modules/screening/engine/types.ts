/**
 * Public types of the screening engine. Records are plain data in FollowTheMoney terms
 * (schema names are FtM schemata); everything here is serialisable.
 */
import type { ParsedAddress } from './addresses.js';
import type { PartialDate } from './dates.js';
import type { NameKind, PreparedName } from './normalise.js';

export type EntitySchema = 'Person' | 'Company' | 'Organization' | 'LegalEntity';

/** An entity as the engine receives it: raw strings, parsed here. */
export interface EntityRecord {
  id: string;
  schema: EntitySchema;
  names: string[];
  birthDates?: string[];
  addresses?: string[];
  identifiers?: string[];
  countries?: string[];
}

/** A query-by-example: what is known about the applicant. */
export interface QueryExample {
  schema?: EntitySchema;
  names: string[];
  birthDates?: string[];
  addresses?: string[];
  identifiers?: string[];
  countries?: string[];
}

/** A record parsed once, for scoring and indexing. BSNs have already been dropped. */
export interface PreparedEntity {
  schema: EntitySchema;
  kind: NameKind;
  displayNames: string[];
  names: PreparedName[];
  birthDates: PartialDate[];
  addresses: ParsedAddress[];
  identifiers: string[];
  countries: string[];
}

export type FeatureName = 'name' | 'birthDate' | 'address' | 'identifier' | 'country' | 'schema';

/**
 * One line of a score's explanation. Evidence and unknown items form a weighted average
 * (sum of weight*value / sum of weight); penalty items multiply it by `value`. An
 * unknown item stands for a feature only one side has (a neutral-ish prior value).
 */
export interface ScoreItem {
  feature: FeatureName;
  kind: 'evidence' | 'unknown' | 'penalty';
  weight: number;
  value: number;
  /** English, for the reader who wants to know why. */
  explanation: string;
  /** Short Dutch label for the user interface. */
  label: string;
}

export interface MatchScore {
  /** In [0,1]. */
  score: number;
  items: ScoreItem[];
  /** The candidate's display name that matched best. */
  matchedName: string;
}

/** A ranked candidate returned by a query. */
export interface MatchCandidate {
  id: string;
  schema: EntitySchema;
  /** The entity name that matched best. */
  name: string;
  score: number;
  items: ScoreItem[];
}

export interface QueryOptions {
  /** Results to return (default 10). */
  limit?: number;
  /** Minimum score to return (default 0). */
  threshold?: number;
  /** Candidates fully scored after key-based ranking (default 64). */
  maxScored?: number;
  /** Stop opening new candidates after this many (default 20000); later keys only re-rank. */
  maxOpen?: number;
  /** Most posting entries read per query (default 200000); the most common keys are skipped past it. */
  postingBudget?: number;
}
