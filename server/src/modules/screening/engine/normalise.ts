/**
 * Dutch-aware name parsing: tussenvoegsels in any position, initials, surname-first
 * forms, hyphenated (married) double surnames, titles, and company legal forms.
 * The output is a short list of tokens with comparison keys, ready for scoring and indexing.
 */
import { COMPANY_NOISE, LEGAL_FORM_PHRASES, PARTICLES } from './dutch-rules.js';
import { comparisonKey, compactFolded, foldText } from './text-keys.js';

/** Token role: full name part, initial, or an alternative (one half of a hyphenated double name). */
export type TokenFlag = 'f' | 'i' | 'a';

/** One meaningful part of a name. `merged` is the key with its tussenvoegsels glued on ("vandenberg"). */
export interface NameToken {
  flag: TokenFlag;
  /** First folded letter; initials match on it (Philip -> p, although its key starts with f). */
  first: string;
  key: string;
  merged: string | null;
}

/** A parsed name: its tokens in reading order (given names first where the form says so). */
export interface PreparedName {
  tokens: NameToken[];
}

/** Parse mode: persons get initials, titles and surname-first handling; companies lose legal forms. */
export type NameKind = 'person' | 'company';

export const MAX_TOKENS = 8;

const TITLES: ReadonlySet<string> = new Set([
  'mr',
  'dr',
  'drs',
  'ir',
  'ing',
  'prof',
  'ds',
  'dhr',
  'mevr',
  'mw',
  'hr',
  'bc',
  'msc',
  'llm',
  'phd',
  'jr',
  'sr',
  'heer',
  'mevrouw',
  'meneer',
  'sir',
  'mrs',
  'ms',
  'miss',
]);

/**
 * Expands "v.", "v.d.", "v/d", "vd" to tussenvoegsels. Case matters here and only here:
 * lowercase "v." is "van", while capital "V." is an initial (Vincent).
 */
export function expandParticleAbbreviations(raw: string): string {
  return raw
    .replace(/(^|[\s,])[vV](?:\.\s?|\/)d(?:\.|(?=\s|$))/g, '$1van de ')
    .replace(/(^|[\s,])vd\.?(?=\s|$)/g, '$1van de ')
    .replace(/(^|[\s,])v\.(?=\s)/g, '$1van ')
    .replace(/(^|[\s,])i\.p\.v\.(?=\s)/g, '$1');
}

/**
 * Turns "Vries, Jan de" into "Jan de Vries" and "de Vries, J." into "J. de Vries":
 * trailing tussenvoegsels of the given-name part move before the surname.
 */
export function reorderSurnameFirst(raw: string): string {
  const comma = raw.indexOf(',');
  if (comma < 0) return raw;
  const surname = raw.slice(0, comma).trim();
  const rest = raw
    .slice(comma + 1)
    .replace(/,/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  if (surname === '' || rest.length === 0) return raw.replace(/,/g, ' ');
  const trailing: string[] = [];
  while (rest.length > 1 && isParticleWord(rest[rest.length - 1] ?? '')) {
    trailing.unshift(rest.pop() ?? '');
  }
  return [...rest, ...trailing, surname].join(' ');
}

function isParticleWord(word: string): boolean {
  const folded = compactFolded(foldText(word));
  return PARTICLES.has(folded) || word === "'t" || word === "'s" || folded === 'vd';
}

interface RawPart {
  text: string;
  group: number;
}

/**
 * Splits folded text into parts, remembering which hyphen group each part came from.
 * "jansen-de vries" is one group: a hyphen followed by a tussenvoegsel carries on into
 * the next word, as does a free-standing hyphen ("Jansen - de Vries").
 */
function splitParts(folded: string): RawPart[] {
  const parts: RawPart[] = [];
  let group = 0;
  let carryOn = false;
  for (const word of folded.split(/[\s,;/&()"]+/)) {
    if (word === '') continue;
    if (/^-+$/.test(word)) {
      carryOn = parts.length > 0;
      continue;
    }
    if (!carryOn) group += 1;
    const pieces = word.split('-').filter((piece) => piece !== '');
    for (const piece of pieces) parts.push({ text: piece, group });
    const last = pieces[pieces.length - 1] ?? '';
    const endsInParticle = PARTICLES.has(compactFolded(last));
    carryOn = word.endsWith('-') || (endsInParticle && (pieces.length > 1 || carryOn));
  }
  return parts;
}

type PartClass =
  | { kind: 'skip' }
  | { kind: 'particle'; particle: string; rest: string | null }
  | { kind: 'initials'; letters: string[] }
  | { kind: 'word'; word: string };

/** Classifies one part: particle (with d'/l' elision), initials ("j.p.", "joh."), title or word. */
function classifyPart(text: string, kind: NameKind): PartClass {
  if (text === "'t" || text === "'s" || text === 't' + "'")
    return { kind: 'particle', particle: text.replace(/'/g, ''), rest: null };
  const elided = /^([dl])'(.+)$/.exec(text);
  if (elided) return { kind: 'particle', particle: elided[1] ?? '', rest: elided[2] ?? null };
  if (kind === 'person' && text.includes('.')) {
    const pieces = text
      .split('.')
      .map(compactFolded)
      .filter((piece) => piece !== '');
    if (pieces.length > 1 && pieces.every((piece) => piece.length === 1)) return { kind: 'initials', letters: pieces };
    const single = pieces[0] ?? '';
    if (
      pieces.length === 1 &&
      !TITLES.has(single) &&
      !PARTICLES.has(single) &&
      single.length <= 3 &&
      text.endsWith('.')
    ) {
      return { kind: 'initials', letters: [single.slice(0, 1)] };
    }
  }
  const word = compactFolded(text);
  if (word === '') return { kind: 'skip' };
  if (PARTICLES.has(word)) return { kind: 'particle', particle: word, rest: null };
  if (kind === 'person' && TITLES.has(word)) return { kind: 'skip' };
  if (kind === 'person' && word.length === 1) return { kind: 'initials', letters: [word] };
  return { kind: 'word', word };
}

interface Draft {
  token: NameToken;
  group: number;
}

function makeWordToken(word: string, particles: string[]): NameToken {
  const merged = particles.length > 0 ? comparisonKey(particles.join('') + word) : null;
  return { flag: 'f', first: word.slice(0, 1), key: comparisonKey(word), merged };
}

/** Walks the parts, attaching pending tussenvoegsels to the next word as its merged key. */
function draftTokens(parts: RawPart[], kind: NameKind): { drafts: Draft[]; particles: string[] } {
  const drafts: Draft[] = [];
  const allParticles: string[] = [];
  let pending: string[] = [];
  for (const part of parts) {
    const cls = classifyPart(part.text, kind);
    if (cls.kind === 'skip') continue;
    if (cls.kind === 'particle') {
      pending.push(cls.particle);
      allParticles.push(cls.particle);
      if (cls.rest === null) continue;
      drafts.push({ token: makeWordToken(compactFolded(cls.rest), pending), group: part.group });
    } else if (cls.kind === 'initials') {
      for (const letter of cls.letters) {
        drafts.push({ token: { flag: 'i', first: letter, key: letter, merged: null }, group: part.group });
      }
    } else {
      drafts.push({ token: makeWordToken(cls.word, pending), group: part.group });
    }
    pending = [];
  }
  return { drafts, particles: allParticles };
}

/** Marks members of a hyphen group with two or more full words as alternatives (Jansen-de Vries). */
function markAlternatives(drafts: Draft[]): NameToken[] {
  const fullPerGroup = new Map<number, number>();
  for (const draft of drafts) {
    if (draft.token.flag === 'f') fullPerGroup.set(draft.group, (fullPerGroup.get(draft.group) ?? 0) + 1);
  }
  return drafts.map((draft) =>
    draft.token.flag === 'f' && (fullPerGroup.get(draft.group) ?? 0) > 1 ? { ...draft.token, flag: 'a' } : draft.token,
  );
}

/** "b.v." -> "bv", "v.o.f." -> "vof": dotted abbreviations become one word. */
function collapseDottedAbbreviations(folded: string): string {
  return folded
    .split(/\s+/)
    .map((word) => (/^([a-z]\.)+[a-z]?\.?,?$/.test(word) ? word.replace(/\./g, '') : word))
    .join(' ');
}

function stripLegalForms(folded: string): string {
  let text = collapseDottedAbbreviations(folded);
  for (const phrase of LEGAL_FORM_PHRASES) text = text.split(phrase).join(' ');
  return text;
}

function tokensFromText(folded: string, kind: NameKind, dropNoise = false): NameToken[] {
  const parts = splitParts(folded);
  const kept = dropNoise ? parts.filter((part) => !COMPANY_NOISE.has(compactFolded(part.text))) : parts;
  const { drafts, particles } = draftTokens(kept, kind);
  const tokens = markAlternatives(drafts);
  if (tokens.length > 0) return tokens.slice(0, MAX_TOKENS);
  // A name made only of particles ("De", "Van") is still a name.
  return particles.slice(0, MAX_TOKENS).map((word) => makeWordToken(word, []));
}

/** Parses a person's name: "J.P. v.d. Berg", "Vries, Jan de", "Maria Jansen-de Vries". */
export function parsePersonName(raw: string): PreparedName {
  const text = foldText(expandParticleAbbreviations(reorderSurnameFirst(raw)));
  return { tokens: tokensFromText(text, 'person') };
}

/** Parses a company name: legal forms and noise words (B.V., Holding, Stichting...) removed. */
export function parseCompanyName(raw: string): PreparedName {
  const folded = stripLegalForms(foldText(raw));
  const tokens = tokensFromText(folded, 'company', true);
  if (tokens.length > 0) return { tokens };
  // "Holding B.V." alone: keep the noise words rather than return nothing.
  return { tokens: tokensFromText(folded, 'company') };
}

/** True when a folded name carries a legal form or company noise word (used when schema is LegalEntity). */
export function looksLikeCompany(raw: string): boolean {
  const folded = foldText(raw);
  if (LEGAL_FORM_PHRASES.some((phrase) => folded.includes(phrase))) return true;
  const words = collapseDottedAbbreviations(folded).split(/[\s,.-]+/);
  return words.some((word) => COMPANY_NOISE.has(word) && word !== 'en' && word !== 'the' && word !== 'and');
}

/** Parses a name according to its kind. */
export function prepareName(raw: string, kind: NameKind): PreparedName {
  return kind === 'person' ? parsePersonName(raw) : parseCompanyName(raw);
}
