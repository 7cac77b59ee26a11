import { mix } from './prng.js';

export interface RegisterOptions {
  /** Ordinary persons; straw men, criminals and the demo people come on top. */
  persons: number;
  seed: number;
}

/**
 * Sizes of every part of the register, derived from the person count alone so that any
 * entity can be regenerated from its index without holding the register in memory.
 */
export interface RegisterPlan {
  seed: number;
  persons: number;
  /** Households: 2.2 persons per address, as in the Netherlands. */
  addresses: number;
  companies: number;
  hubs: number;
  strawMen: number;
  clusters: number;
  bridgesPerCluster: number;
  realEstate: number;
  vehicles: number;
  associates: number;
}

/** The plan of a register. */
export function planRegister(options: RegisterOptions): RegisterPlan {
  const persons = Math.max(10, Math.floor(options.persons));
  return {
    seed: options.seed >>> 0,
    persons,
    addresses: Math.ceil((persons * 5) / 11),
    companies: Math.ceil(persons * 0.12),
    hubs: Math.max(1, Math.round(persons / 50_000)),
    strawMen: Math.max(3, Math.round(persons / 2_000)),
    clusters: Math.max(1, Math.round(persons / 100_000)),
    bridgesPerCluster: 3,
    realEstate: Math.ceil(persons / 20),
    vehicles: Math.ceil(persons / 20),
    associates: Math.ceil(persons / 50),
  };
}

/** Address index of person i (consecutive persons share a household). */
export const householdOf = (i: number): number => Math.floor((i * 5) / 11);
/** First person index living at address a. */
export const firstInHousehold = (a: number): number => Math.ceil((a * 11) / 5);

/** Spreads index i over [0, size) reproducibly (for "random but regenerable" links). */
export function scatter(plan: RegisterPlan, size: number, ...keys: number[]): number {
  return mix(plan.seed, ...keys) % size;
}

/** Entity ids: short, so 17.5M of them stay cheap in the graph's id table. */
export const ids = {
  person: (i: number) => `p-${i}`,
  address: (a: number) => `a-${a}`,
  hubAddress: (h: number) => `ah-${h}`,
  company: (j: number) => `c-${j}`,
  shell: (h: number, k: number) => `cs-${h}-${k}`,
  strawMan: (k: number) => `sm-${k}`,
  member: (c: number, m: number) => `cx-${c}-${m}`,
  crimeCompany: (c: number, q: number) => `cf-${c}-${q}`,
};

/** Shell companies at hub h: hundreds per hub, a fixed number per seed. */
export function shellsAtHub(plan: RegisterPlan, h: number): number {
  return 200 + (mix(plan.seed, 0x5e11, h) % 301);
}

/** Members of criminal cluster c (the first is the boss). */
export function membersOfCluster(plan: RegisterPlan, c: number): number {
  return 4 + (mix(plan.seed, 0xc1, c) % 7);
}

/** KvK number: an 8-digit bijection of the company index, demo and planted ranges kept apart. */
export function kvkNumber(j: number): string {
  return String(10_000_000 + ((j * 7919 + 12_345) % 80_000_000));
}
