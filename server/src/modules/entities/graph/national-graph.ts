/**
 * A synthetic national-scale register (the B2 `--scale nl` run): persons, addresses and
 * companies with residence, registered-office, directorship, ownership, employment, family
 * and associate ties, about 17.5M nodes / 25M edges at scale 1. It is built straight into
 * the typed-array graph through the builder's index API: no record object per node or edge
 * and no Map keyed by id (a V8 Map stops at 2^24 = 16.7M entries; the builder's id index
 * is an open-addressing table in a Uint32Array).
 */
import { nodeFlagBits, GraphBuilder } from './graph-builder.js';
import type { EdgeType, EntityGraph } from './graph.types.js';
import { mulberry32 } from './bench.js';

export interface NationalGraphOptions {
  /** Multiplies every count; 1 = national scale (17.5M nodes). Tests use a small fraction. */
  scale?: number;
  seed?: number;
  /** Share of persons and companies flagged (topic `crime`); default 1 in 1000 as in B2. */
  flaggedRate?: number;
  /** Passed to the builder (default true: relationship edges keep their short FtM ids). */
  keepEdgeIds?: boolean;
  /** Called at the start of each phase, for progress output. */
  onProgress?: (phase: string) => void;
}

export interface NationalGraph {
  graph: EntityGraph;
  persons: number;
  addresses: number;
  companies: number;
  /** Edges added per kind (before self-loops were dropped). */
  edgesByKind: Record<string, number>;
}

/** Node counts at scale 1 (17.5M together). */
export const NATIONAL_COUNTS = { persons: 8_500_000, addresses: 7_500_000, companies: 1_500_000 } as const;

/** Edges per person or company of each kind; together about 25M at scale 1. */
const PER_PERSON = { resident: 1, postal: 0.4, employment: 0.3, family: 0.47, associate: 0.07 } as const;
const PER_COMPANY = { registered: 1, directorship: 1.75, ownership: 1.25 } as const;

/** Day numbers (encodeDay) of 1990-01-01 and 2025-01-01: tie and incorporation dates. */
const DAY_1990 = 32_873;
const DAY_2025 = 45_657;
/** 1930-01-01 and 2007-01-01: birth dates. */
const DAY_1930 = 10_958;
const DAY_2007 = 39_082;

/** Builds the synthetic national register; deterministic for a seed. */
export function buildNationalGraph(options: NationalGraphOptions = {}): NationalGraph {
  const scale = options.scale ?? 1;
  const random = mulberry32(options.seed ?? 1);
  const flaggedRate = options.flaggedRate ?? 1 / 1000;
  const progress = options.onProgress ?? ((): void => undefined);
  const persons = Math.max(10, Math.round(NATIONAL_COUNTS.persons * scale));
  const addresses = Math.max(10, Math.round(NATIONAL_COUNTS.addresses * scale));
  const companies = Math.max(10, Math.round(NATIONAL_COUNTS.companies * scale));
  const builder = new GraphBuilder({ keepEdgeIds: options.keepEdgeIds ?? true });
  const flagged = nodeFlagBits({ topics: ['crime'] });
  const between = (from: number, to: number): number => from + Math.floor(random() * (to - from));
  const pick = (n: number): number => Math.floor(random() * n);
  /** Square of a uniform: a few low indices collect most picks (hubs). */
  const skewed = (n: number): number => {
    const r = random();
    return Math.floor(r * r * n);
  };

  progress('nodes');
  const add = (
    prefix: string,
    count: number,
    schema: string,
    first: number,
    day: () => number,
    flags: boolean,
  ): void => {
    for (let i = 0; i < count; i++) {
      const index = builder.nodeIndex(`${prefix}${i}`);
      if (index !== first + i) throw new Error(`duplicate node id ${prefix}${i}`);
      builder.setNode(index, schema, flags && random() < flaggedRate ? flagged : 0, day());
    }
  };
  const person = (i: number): number => i;
  const address = (i: number): number => persons + i;
  const company = (i: number): number => persons + addresses + i;
  add('p', persons, 'Person', 0, () => between(DAY_1930, DAY_2007), true);
  add('a', addresses, 'Address', persons, () => 0, false);
  add('c', companies, 'Company', persons + addresses, () => between(DAY_1990, DAY_2025), true);

  const edgesByKind: Record<string, number> = {};
  const edges = (
    kind: string,
    count: number,
    schema: EdgeType,
    role: string,
    ends: () => [number, number],
    dated: boolean,
  ): void => {
    progress(`edges: ${kind}`);
    const prefix = schema === 'addressEntity' ? '' : kind.slice(0, 1);
    for (let k = 0; k < count; k++) {
      const [source, target] = ends();
      const start = dated ? between(DAY_1990, DAY_2025) : 0;
      const end = dated && random() < 0.3 ? between(start, DAY_2025 + 1) : 0;
      builder.addEdgeAt(source, target, schema, role, start, end, prefix ? `${prefix}${k}` : '');
    }
    edgesByKind[kind] = count;
  };
  const perPerson = (share: number): number => Math.round(persons * share);
  const perCompany = (share: number): number => Math.round(companies * share);
  // 2% of residents live in 2,000 large buildings (care homes, student flats).
  const home = (): number => (random() < 0.02 ? pick(Math.min(2_000, addresses)) : pick(addresses));
  let resident = 0;
  edges(
    'resident',
    perPerson(PER_PERSON.resident),
    'addressEntity',
    'resident',
    () => [person(resident++ % persons), address(home())],
    false,
  );
  edges(
    'postal',
    perPerson(PER_PERSON.postal),
    'addressEntity',
    'postal',
    () => [person(pick(persons)), address(pick(addresses))],
    false,
  );
  // A quarter of companies sit at 400 business centres (about 900 each: above the hub cap).
  let registered = 0;
  edges(
    'registered',
    perCompany(PER_COMPANY.registered),
    'addressEntity',
    'registered',
    () => [
      company(registered++ % companies),
      address(random() < 0.25 ? pick(Math.min(400, addresses)) : pick(addresses)),
    ],
    false,
  );
  // Professional directors: 15% of seats go to a skewed pool of 30,000 persons.
  edges(
    'directorship',
    perCompany(PER_COMPANY.directorship),
    'Directorship',
    'bestuurder',
    () => [person(random() < 0.15 ? skewed(Math.min(30_000, persons)) : pick(persons)), company(pick(companies))],
    true,
  );
  // Holdings: half the owners are companies from a skewed pool of 100,000.
  edges(
    'ownership',
    perCompany(PER_COMPANY.ownership),
    'Ownership',
    'aandeelhouder',
    () => [
      random() < 0.5 ? company(skewed(Math.min(100_000, companies))) : person(pick(persons)),
      company(pick(companies)),
    ],
    true,
  );
  // Large employers: the employer is drawn skewed over all companies.
  edges(
    'employment',
    perPerson(PER_PERSON.employment),
    'Employment',
    'werknemer',
    () => [person(pick(persons)), company(skewed(companies))],
    true,
  );
  // Households: most family ties join persons with nearby numbers.
  edges(
    'family',
    perPerson(PER_PERSON.family),
    'Family',
    'familie',
    () => {
      const a = pick(persons);
      return [person(a), person(random() < 0.8 ? (a + 1 + pick(5)) % persons : pick(persons))];
    },
    false,
  );
  edges(
    'associate',
    perPerson(PER_PERSON.associate),
    'Associate',
    'relatie',
    () => [person(pick(persons)), person(pick(persons))],
    false,
  );

  progress('freeze');
  return { graph: builder.build(), persons, addresses, companies, edgesByKind };
}
