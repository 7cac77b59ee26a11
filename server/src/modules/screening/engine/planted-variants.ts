/**
 * Planted query variants of a synthetic person: the ways a name, birth date and address
 * really get mangled between a registry, an application form and a watchlist.
 */
import { GIVEN_NAMES, generateAddress, pick } from './synthetic-people.js';
import type { Random } from './synthetic-people.js';
import type { EntityRecord, QueryExample } from './types.js';

export type NameMutation =
  | 'initials'
  | 'surname-first'
  | 'particle-form'
  | 'surname-typo'
  | 'given-typo'
  | 'spelling'
  | 'drop-middle'
  | 'roepnaam'
  | 'married'
  | 'case'
  | 'diacritics'
  | 'swap-order';

export interface PlantedQuery {
  targetId: string;
  query: QueryExample;
  mutations: string[];
  /** Only formatting changed and the birth date is exact: the target must be top-1. */
  isClear: boolean;
}

const GIVEN = new Set(GIVEN_NAMES);
const CLEAR: ReadonlySet<string> = new Set([
  'initials',
  'surname-first',
  'particle-form',
  'case',
  'diacritics',
  'spelling',
]);
const MUTATIONS: readonly NameMutation[] = [
  'initials',
  'surname-first',
  'particle-form',
  'surname-typo',
  'given-typo',
  'spelling',
  'drop-middle',
  'roepnaam',
  'married',
  'case',
  'diacritics',
  'swap-order',
];
const ROEPNAMEN: Readonly<Record<string, string>> = {
  Johannes: 'Jan',
  Hendrik: 'Henk',
  Cornelis: 'Kees',
  Willem: 'Wim',
  Petrus: 'Piet',
  Jacobus: 'Jaap',
  Adrianus: 'Arie',
  Theodorus: 'Theo',
  Antonius: 'Toon',
  Gerardus: 'Gerard',
  Maria: 'Mieke',
  Johanna: 'Anneke',
  Elisabeth: 'Els',
  Catharina: 'Tineke',
  Wilhelmina: 'Wilma',
};
const SPELLING_SWAPS: ReadonlyArray<readonly [RegExp, string]> = [
  [/ij/, 'y'],
  [/ei/, 'ij'],
  [/ph/, 'f'],
  [/C/, 'K'],
  [/ss/, 's'],
  [/s(?=en$)/, 'ss'],
  [/dt$/, 't'],
  [/d$/, 'dt'],
  [/ou/, 'au'],
  [/Mohammed/, 'Mohamed'],
  [/Youssef/, 'Yusuf'],
  [/Ahmed/, 'Ahmad'],
  [/sch$/, 's'],
  [/oo/, 'o'],
];

interface NameParts {
  given: string[];
  particles: string[];
  core: string[];
}

function splitName(name: string): NameParts {
  const words = name.split(' ');
  let g = 0;
  while (g < words.length - 1 && g < 3 && GIVEN.has(words[g] ?? '')) g += 1;
  const rest = words.slice(g);
  let p = 0;
  while (p < rest.length - 1 && /^[a-z']/.test(rest[p] ?? '')) p += 1;
  return { given: words.slice(0, g), particles: rest.slice(0, p), core: rest.slice(p) };
}

function joinName(parts: NameParts): string {
  return [...parts.given, ...parts.particles, ...parts.core].join(' ');
}

/** One keyboard-style typo (substitution, transposition, deletion, insertion) after the first letter. */
export function typo(random: Random, word: string): string {
  if (word.length < 4) return word;
  const at = 1 + Math.floor(random() * (word.length - 2));
  const letter = pick(random, [...'aeioulnrstdkm']);
  switch (pick(random, ['sub', 'swap', 'del', 'ins'] as const)) {
    case 'sub':
      return word.slice(0, at) + letter + word.slice(at + 1);
    case 'swap':
      return word.slice(0, at) + (word[at + 1] ?? '') + (word[at] ?? '') + word.slice(at + 2);
    case 'del':
      return word.slice(0, at) + word.slice(at + 1);
    case 'ins':
      return word.slice(0, at) + letter + word.slice(at);
  }
}

function particleForm(random: Random, parts: NameParts): NameParts {
  const particle = parts.particles.join(' ');
  if (particle === '') return { ...parts, core: parts.core.map((w) => w.toUpperCase()) };
  const abbreviated = particle.replace(/^van de[nr]?$/, 'v.d.').replace(/^van$/, 'v.');
  const form = pick(random, ['abbreviate', 'drop', 'merge', 'capital'] as const);
  if (form === 'drop') return { ...parts, particles: [] };
  if (form === 'merge')
    return { ...parts, particles: [], core: [particle.replace(/[ ']/g, '') + (parts.core[0] ?? '').toLowerCase()] };
  if (form === 'capital') return { ...parts, particles: [particle.charAt(0).toUpperCase() + particle.slice(1)] };
  return { ...parts, particles: [abbreviated] };
}

function applySpelling(random: Random, name: string): string {
  const options = SPELLING_SWAPS.filter(([pattern]) => pattern.test(name));
  if (options.length === 0) return typo(random, name);
  const [pattern, replacement] = pick(random, options);
  return name.replace(pattern, replacement);
}

function mutateName(random: Random, name: string, mutation: NameMutation): string {
  const parts = splitName(name);
  const surname = [...parts.particles, ...parts.core].join(' ');
  switch (mutation) {
    case 'initials':
      return joinName({ ...parts, given: [parts.given.map((g) => `${g[0] ?? ''}.`).join('')] });
    case 'surname-first':
      return `${parts.core.join(' ')}, ${[...parts.given, ...parts.particles].join(' ')}`;
    case 'particle-form':
      return joinName(particleForm(random, parts));
    case 'surname-typo':
      return joinName({
        ...parts,
        core: parts.core.map((w, i) => (i === parts.core.length - 1 ? typo(random, w) : w)),
      });
    case 'given-typo':
      return joinName({ ...parts, given: parts.given.map((g, i) => (i === 0 ? typo(random, g) : g)) });
    case 'spelling':
      return applySpelling(random, name);
    case 'drop-middle':
      return joinName({ ...parts, given: parts.given.slice(0, 1) });
    case 'roepnaam':
      return joinName({ ...parts, given: parts.given.slice(0, 1).map((g) => ROEPNAMEN[g] ?? g) });
    case 'married':
      return `${parts.given.join(' ')} ${pick(random, ['Bakker', 'Jansen', 'Smit', 'Kok'])}-${surname}`;
    case 'case':
      return random() < 0.5 ? name.toUpperCase() : name.toLowerCase();
    case 'diacritics':
      return /[ŞşÇçÖöü]/.test(name) ? name.normalize('NFKD').replace(/\p{M}/gu, '') : name.replace('e', 'é');
    case 'swap-order':
      return `${surname} ${parts.given.join(' ')}`;
  }
}

type DateForm = 'exact' | 'dutch-format' | 'swap' | 'digit-typo' | 'year-only' | 'missing';

function mutateDate(random: Random, iso: string): { value: string | null; form: DateForm } {
  const [year = '', month = '', day = ''] = iso.split('-');
  const roll = random();
  if (roll < 0.35) return { value: iso, form: 'exact' };
  if (roll < 0.6) return { value: `${Number(day)}-${Number(month)}-${year}`, form: 'dutch-format' };
  if (roll < 0.7 && Number(day) <= 12 && day !== month) return { value: `${year}-${day}-${month}`, form: 'swap' };
  if (roll < 0.8) {
    const digits = [...`${year}${month}${day}`];
    const at = 2 + Math.floor(random() * 6);
    digits[at] = String((Number(digits[at]) + 1) % 10);
    const text = digits.join('');
    return { value: `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6)}`, form: 'digit-typo' };
  }
  if (roll < 0.88) return { value: year, form: 'year-only' };
  return { value: null, form: 'missing' };
}

type AddressForm = 'exact' | 'postcode-only' | 'moved' | 'missing';

function mutateAddress(random: Random, address: string): { value: string | null; form: AddressForm } {
  const roll = random();
  if (roll < 0.5)
    return {
      value: random() < 0.5 ? address : address.toUpperCase().replace(/(\d{4}) ([A-Z]{2})/, '$1$2'),
      form: 'exact',
    };
  if (roll < 0.65) {
    const postcode = /(\d{4} [A-Z]{2})/.exec(address)?.[1] ?? '';
    const number = /\s(\d+)/.exec(address)?.[1] ?? '';
    return { value: `${postcode.replace(' ', '')} ${number}`, form: 'postcode-only' };
  }
  if (roll < 0.75) return { value: generateAddress(random), form: 'moved' };
  return { value: null, form: 'missing' };
}

/** Plants a realistic query variant of a person: one or two name mutations, a date slip, an address change. */
export function plantQuery(random: Random, person: EntityRecord): PlantedQuery {
  const mutationCount = random() < 0.7 ? 1 : 2;
  const mutations: NameMutation[] = [];
  let name = person.names[0] ?? '';
  for (let i = 0; i < mutationCount; i += 1) {
    const mutation = pick(random, MUTATIONS);
    mutations.push(mutation);
    name = mutateName(random, name, mutation);
  }
  const date = mutateDate(random, person.birthDates?.[0] ?? '');
  let address = mutateAddress(random, person.addresses?.[0] ?? '');
  // Screening always has something besides the name: without a date, keep the address.
  if (date.value === null && address.value === null) address = { value: person.addresses?.[0] ?? null, form: 'exact' };
  const query: QueryExample = {
    schema: 'Person',
    names: [name],
    ...(date.value === null ? {} : { birthDates: [date.value] }),
    ...(address.value === null ? {} : { addresses: [address.value] }),
  };
  const isClear =
    mutations.every((m) => CLEAR.has(m)) &&
    (date.form === 'exact' || date.form === 'dutch-format') &&
    address.form === 'exact';
  return {
    targetId: person.id,
    query,
    mutations: [...mutations, `date:${date.form}`, `address:${address.form}`],
    isClear,
  };
}
