/**
 * Value checks per FtM property type, for the import. The rule: refuse what FtM's own cleaning
 * refuses outright (its `clean` returns nothing), accept whatever FtM writes, and accept what
 * FtM would store under a trivially different spelling, normalised the way FtM normalises it
 * ("NL" becomes "nl", an IBAN loses its spaces). Types FtM does not validate (name, string,
 * text, address, identifier, number, …) take any string: refusing them would drop real data.
 *
 * Each check returns the value itself when it is clean (the common case: no allocation), so the
 * import's hot path stays a few character comparisons or one set look-up per value.
 */
import { isIP } from 'node:net';
import { defaultModel } from '@alephdata/followthemoney';

export type ValueCheck = {
  /** The value to store: `value` itself when clean, a normalised spelling, or null when FtM would refuse it. */
  clean(value: string): string | null;
  /** What a value of the type must look like, for the reason of a refused line. */
  expected: string;
};

// ---------------------------------------------------------------------------------------------
// Dates: the ISO 8601 prefixes FtM's date type reads (prefixdate): YYYY, YYYY-MM, YYYY-MM-DD,
// then "T" (or a space) and HH, HH:MM, HH:MM:SS, with optional fraction and UTC offset after the
// seconds. Month and day may have one digit, as prefixdate reads them. Unlike prefixdate (which
// ignores trailing text and drops an impossible month to the year), the store keeps values as
// given, so a value must be a whole, real date: "2021-02-30" or "1980-05-12 approx." are refused.

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** The number of 1 or 2 digits at `at`, with where it ends packed in (value * 256 + end); -1 when none. */
function digits12(value: string, at: number): number {
  const a = value.charCodeAt(at);
  if (!isDigit(a)) return -1;
  const b = value.charCodeAt(at + 1);
  return isDigit(b) ? ((a - 48) * 10 + (b - 48)) * 256 + at + 2 : (a - 48) * 256 + at + 1;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const zonePattern = /^(?:\.\d+)?(?:Z|[+-](?:[01]\d|2[0-3])(?::?[0-5]\d)?)?$/;

/** Whether `value` is a date or date-time prefix FtM's date type reads, with a real calendar date. */
export function isFtmDate(value: string): boolean {
  const length = value.length;
  if (length < 4) return false;
  const c0 = value.charCodeAt(0);
  if ((c0 !== 49 && c0 !== 50) || !isDigit(value.charCodeAt(1)) || !isDigit(value.charCodeAt(2))) return false;
  if (!isDigit(value.charCodeAt(3))) return false;
  if (length === 4) return true;
  const year =
    (c0 - 48) * 1000 + (value.charCodeAt(1) - 48) * 100 + (value.charCodeAt(2) - 48) * 10 + value.charCodeAt(3) - 48;
  // Each part: a separator, then one or two digits within its range; the value may end after any part.
  if (value.charCodeAt(4) !== 45) return false;
  const month = digits12(value, 5);
  if (month < 0 || month >> 8 < 1 || month >> 8 > 12) return false;
  let at = month & 255;
  if (at === length) return true;
  if (value.charCodeAt(at) !== 45) return false;
  const day = digits12(value, at + 1);
  if (day < 0 || day >> 8 < 1 || day >> 8 > daysIn(year, month >> 8)) return false;
  at = day & 255;
  if (at === length) return true;
  const t = value.charCodeAt(at);
  if (t !== 84 && t !== 32) return false;
  const hour = digits12(value, at + 1);
  if (hour < 0 || hour >> 8 > 23) return false;
  at = hour & 255;
  if (at === length) return true;
  if (value.charCodeAt(at) !== 58) return false;
  const minute = digits12(value, at + 1);
  if (minute < 0 || minute >> 8 > 59) return false;
  at = minute & 255;
  if (at === length) return true;
  if (value.charCodeAt(at) !== 58) return false;
  const second = digits12(value, at + 1);
  if (second < 0 || second >> 8 > 59) return false;
  at = second & 255;
  return at === length || zonePattern.test(value.slice(at));
}

const dateCheck: ValueCheck = {
  // FtM strips surrounding whitespace before reading a date; the trimmed value is stored.
  clean: (value) => {
    if (isFtmDate(value)) return value;
    const trimmed = value.trim();
    return trimmed !== value && isFtmDate(trimmed) ? trimmed : null;
  },
  expected: 'an ISO 8601 date or a prefix of one (YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS)',
};

// ---------------------------------------------------------------------------------------------
// Enumerations: the codes of FtM's model. FtM lower-cases and trims before the look-up, and so do
// these (storing the code, as FtM does).

type TypeData = { values?: Record<string, string> };
const typeData = (name: string): TypeData => (defaultModel.types as Record<string, TypeData | undefined>)[name] ?? {};

/** A check against a fixed set of codes, with FtM's spellings of the same code (`aliases`) folded onto it. */
function enumCheck(
  codes: Iterable<string>,
  expected: string,
  options: { aliases?: Record<string, string>; isCodeLike?: (code: string) => boolean } = {},
): ValueCheck {
  const known = new Set(codes);
  const aliases = new Map(Object.entries(options.aliases ?? {}));
  return {
    clean(value) {
      if (known.has(value)) return value;
      const folded = value.trim().toLowerCase();
      if (known.has(folded)) return folded;
      const alias = aliases.get(folded);
      if (alias !== undefined) return alias;
      return options.isCodeLike?.(folded) ? folded : null;
    },
    expected,
  };
}

const countryCheck = enumCheck(
  Object.keys(typeData('country').values ?? {}),
  'an FtM country code, such as "nl", "de" or "gb-sct"',
);

/** FtM's gender type folds these spellings onto its three codes. */
const genderAliases: Record<string, string> = {
  m: 'male',
  man: 'male',
  masculin: 'male',
  männlich: 'male',
  f: 'female',
  woman: 'female',
  féminin: 'female',
  weiblich: 'female',
  o: 'other',
  d: 'other',
  divers: 'other',
};
const genderCheck = enumCheck(Object.keys(typeData('gender').values ?? {}), 'one of "male", "female", "other"', {
  aliases: genderAliases,
});

/**
 * Languages and topics are vocabularies FtM releases extend (OpenSanctions adds topics, and the
 * flagging configuration may name any): a value shaped like a code is kept even when this
 * version of the model does not know it; anything else (a sentence, "English") is refused.
 */
const languageCheck = enumCheck(
  Object.keys(typeData('language').values ?? {}),
  'an ISO 639 language code such as "nld"',
  {
    isCodeLike: (code) => /^[a-z]{2,3}$/.test(code),
  },
);
const topicCheck = enumCheck(
  Object.keys(typeData('topic').values ?? {}),
  'an FtM topic such as "crime.fin" or "sanction"',
  {
    isCodeLike: (code) => /^[a-z][a-z0-9_]*(?:[.-][a-z0-9_]+)*$/.test(code),
  },
);

// ---------------------------------------------------------------------------------------------
// Types FtM validates by their syntax.

/** FtM's "irresponsibly simple" e-mail rule: something, an @, a domain with a dot and a top label. */
const emailPattern = /^[^@\s]+@[^@\s]+\.[\p{L}\p{N}_-]+$/u;
const emailCheck: ValueCheck = {
  clean: (value) => (emailPattern.test(value) ? value : null),
  expected: 'an e-mail address (name@example.org)',
};

/** A URL starts with a scheme and a host, or is a bare host name with a dot (FtM adds "http://" to those). */
const urlStart = /^(?:[a-z][a-z0-9+.-]*:\/\/[^/?#]|(?:[^/?#:@.]+\.)+[a-z]{2,}(?::\d+)?(?:$|[/?#]))/i;
const urlCheck: ValueCheck = {
  clean: (value) => (urlStart.test(value) && !/\s/.test(value) ? value : null),
  expected: 'a URL (https://example.org/…) without spaces',
};

/** ISO 13616: country letters, check digits, up to 30 letters or digits; the check digits must match (mod 97). */
export function cleanIban(value: string): string | null {
  const compact = /\s/.test(value) ? value.replace(/\s+/g, '') : value;
  const iban = /[a-z]/.test(compact) ? compact.toUpperCase() : compact;
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return null;
  let remainder = 0;
  for (let i = 0; i < iban.length; i++) {
    // The first four characters go last; letters count as 10 (A) to 35 (Z).
    const c = iban.charCodeAt((i + 4) % iban.length);
    remainder = c >= 65 ? (remainder * 100 + c - 55) % 97 : (remainder * 10 + c - 48) % 97;
  }
  return remainder === 1 ? iban : null;
}
const ibanCheck: ValueCheck = { clean: cleanIban, expected: 'an IBAN with matching check digits' };

/**
 * FtM stores phone numbers in E.164 ("+31201234567"), parsing local forms with the entity's
 * country; without its numbering plans the import refuses only what cannot be a phone number:
 * letters (other than an extension) or fewer than three digits.
 */
const phoneExtension = /\s*(?:ext\.?|x|#)\s*\d+$/i;
const phoneNumber = /^\+?[\d\s()./-]+$/;
function cleanPhone(value: string): string | null {
  let number = value;
  if (!phoneNumber.test(number)) {
    number = value.replace(phoneExtension, '');
    if (!phoneNumber.test(number)) return null;
  }
  let count = 0;
  for (let i = 0; i < number.length && count < 3; i++) if (isDigit(number.charCodeAt(i))) count++;
  return count >= 3 ? value : null;
}
const phoneCheck: ValueCheck = {
  clean: cleanPhone,
  expected: 'a phone number, preferably in E.164 (+31201234567)',
};

const ipCheck: ValueCheck = {
  clean: (value) => (isIP(value) !== 0 ? value : null),
  expected: 'an IPv4 or IPv6 address',
};

const checks: Readonly<Record<string, ValueCheck>> = {
  date: dateCheck,
  country: countryCheck,
  gender: genderCheck,
  language: languageCheck,
  topic: topicCheck,
  email: emailCheck,
  url: urlCheck,
  iban: ibanCheck,
  phone: phoneCheck,
  ip: ipCheck,
};

/** The import's check for values of FtM type `typeName`; null when any string is accepted (entity ids are checked apart). */
export function valueCheckOf(typeName: string): ValueCheck | null {
  return Object.hasOwn(checks, typeName) ? (checks[typeName] ?? null) : null;
}

/** A value quoted for a message, cut short when long. */
export function quoted(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
}
