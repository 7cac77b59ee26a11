import { DEMO } from './demo-register.js';
import { rngFor, STREAM } from './prng.js';
import { planRegister } from './register-plan.js';
import type { RegisterOptions } from './register-plan.js';
import { personData } from './register-people.js';
import { makeQuery, QUERY_VARIANTS, variantApplies } from './query-variants.js';
import type { QueryVariant, ScreeningQuery } from './query-variants.js';

/** A screening query with the register entity it truly refers to. */
export interface GroundTruthQuery {
  id: string;
  variant: QueryVariant | 'demo';
  query: ScreeningQuery;
  targetId: string;
}

export interface QueryOptions {
  /** The options the register was generated with (persons are regenerated, not stored). */
  register: RegisterOptions;
  count: number;
  seed: number;
}

/** How many persons to try before giving up on a variant that needs a special name. */
const ATTEMPTS = 200;

/**
 * Ground-truth queries: the demo applicant first, then variants in turn (typos, initials,
 * surname first, dropped tussenvoegsel, IJ/Y, swapped or partial birth dates, address
 * spellings), each generated from a random ordinary person of the register.
 */
export function generateQueries(options: QueryOptions): GroundTruthQuery[] {
  const plan = planRegister(options.register);
  const queries: GroundTruthQuery[] = [
    { id: 'q-0', variant: 'demo', query: { ...DEMO.query }, targetId: DEMO.applicantId },
  ];
  for (let q = 1; q < options.count; q++) {
    const random = rngFor(options.seed, STREAM.query, q);
    const variant = QUERY_VARIANTS[(q - 1) % QUERY_VARIANTS.length]!;
    let person = personData(plan, Math.floor(random() * plan.persons));
    for (let attempt = 0; attempt < ATTEMPTS && !variantApplies(variant, person); attempt++) {
      person = personData(plan, Math.floor(random() * plan.persons));
    }
    // A tiny register may hold no fitting name; an exact query is then the honest fallback.
    const used = variantApplies(variant, person) ? variant : 'exact';
    queries.push({ id: `q-${q}`, variant: used, query: makeQuery(used, person, random), targetId: person.id });
  }
  return queries;
}
