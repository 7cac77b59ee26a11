import { surnameText } from './dutch-names.js';
import type { PersonData } from './register-people.js';
import { intBetween } from './prng.js';
import type { Random } from './prng.js';

/** What an applicant form typically holds. */
export interface ScreeningQuery {
  name: string;
  birthDate?: string;
  address?: string;
}

export const QUERY_VARIANTS = [
  'exact',
  'typo',
  'initials',
  'surname_first',
  'dropped_tussenvoegsel',
  'ij_y',
  'day_month_swap',
  'year_only',
  'address_variant',
] as const;
export type QueryVariant = (typeof QUERY_VARIANTS)[number];

/** Dutch forms write dates as d-m-yyyy. */
export function dutchDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${Number(d)}-${Number(m)}-${y}`;
}

/** "van den" -> "v.d.", "van" -> "v.", "de" stays: the usual abbreviations. */
export function abbreviateTussenvoegsel(prefix: string): string {
  if (/^van (der|den|de)$/.test(prefix)) return 'v.d.';
  if (prefix === 'van') return 'v.';
  return prefix;
}

function fullName(p: PersonData): string {
  return `${p.firstName} ${surnameText(p.surname)}`;
}

function addressLine(p: PersonData): string {
  return `${p.address.street} ${p.address.number}, ${p.address.postalCode} ${p.address.city}`;
}

/** One edit (swap, drop or double a letter) inside the surname core. */
export function typo(random: Random, word: string): string {
  if (word.length < 3) return `${word}${word.slice(-1)}`;
  const at = intBetween(random, 1, word.length - 2);
  const kind = intBetween(random, 0, 2);
  if (kind === 0) return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  if (kind === 1) return word.slice(0, at) + word.slice(at + 1);
  return word.slice(0, at) + word[at] + word.slice(at);
}

/** Whether a variant can be made from this person (e.g. IJ/Y needs an "ij"). */
export function variantApplies(variant: QueryVariant, p: PersonData): boolean {
  if (variant === 'ij_y') return /ij/i.test(fullName(p));
  if (variant === 'dropped_tussenvoegsel' || variant === 'initials') return p.surname.prefix !== '';
  if (variant === 'day_month_swap') {
    const [, m, d] = p.birthDate.split('-').map(Number);
    return d !== undefined && m !== undefined && d <= 12 && d !== m;
  }
  return true;
}

function swapDayMonth(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${Number(m)}-${Number(d)}-${y}`;
}

function addressVariant(random: Random, p: PersonData): string {
  const a = p.address;
  const short = a.street
    .replace(/straat$/, 'str.')
    .replace(/laan$/, 'ln.')
    .replace(/weg$/, 'wg.');
  const options = [
    `${a.street} ${a.number} ${a.city}`,
    `${short} ${a.number}, ${a.postalCode.replace(' ', '')} ${a.city.toUpperCase()}`,
    `${a.postalCode.replace(' ', '')} ${a.number}`,
  ];
  return options[intBetween(random, 0, options.length - 1)]!;
}

/** Turns a register person into a query of the given variant. */
export function makeQuery(variant: QueryVariant, p: PersonData, random: Random): ScreeningQuery {
  const base: ScreeningQuery = { name: fullName(p), birthDate: dutchDate(p.birthDate), address: addressLine(p) };
  const { prefix, core } = p.surname;
  switch (variant) {
    case 'exact':
      return base;
    case 'typo':
      return { ...base, name: `${p.firstName} ${surnameText({ prefix, core: typo(random, core) })}` };
    case 'initials':
      return { ...base, name: `${p.firstName.charAt(0)}. ${abbreviateTussenvoegsel(prefix)} ${core}` };
    case 'surname_first':
      return { ...base, name: prefix ? `${core}, ${p.firstName} ${prefix}` : `${core}, ${p.firstName}` };
    case 'dropped_tussenvoegsel':
      return { ...base, name: `${p.firstName} ${core}` };
    case 'ij_y':
      return { ...base, name: fullName(p).replace(/ij/g, 'y').replace(/IJ|Ij/g, 'Y') };
    case 'day_month_swap':
      return { ...base, birthDate: swapDayMonth(p.birthDate) };
    case 'year_only':
      return { ...base, birthDate: p.birthDate.slice(0, 4) };
    case 'address_variant':
      return { ...base, address: addressVariant(random, p) };
  }
}
