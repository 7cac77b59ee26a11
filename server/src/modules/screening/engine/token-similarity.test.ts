import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareRecords } from './features.js';
import { compareNames } from './name-similarity.js';
import { parsePersonName } from './normalise.js';
import type { NameToken } from './normalise.js';
import { matchTokens, MIN_TOKEN_SIMILARITY } from './token-similarity.js';
import type { QueryExample } from './types.js';

/** The surname token of "Jan <surname>", with its tussenvoegsels as the merged key. */
function surname(text: string): NameToken {
  const tokens = parsePersonName(`Jan ${text}`).tokens;
  return tokens[tokens.length - 1] as NameToken;
}

const pairs = (left: string, right: string): boolean => matchTokens(surname(left), surname(right)).similarity > 0;

const person = (left: string, right: string): number =>
  compareNames(parsePersonName(left), parsePersonName(right)).similarity;

const TUSSENVOEGSELS = ['', 'de ', 'van ', 'van der ', 'van den ', 'ter '];

// Different families whose short surnames differ by more than a typo.
const DIFFERENT = [
  ['Vries', 'Vos'],
  ['Berg', 'Bos'],
  ['Bos', 'Vos'],
  ['Kok', 'Kop'],
  ['Dam', 'Dom'],
  ['Meer', 'Meijer'],
  ['Berg', 'Bergman'],
  ['Bos', 'Bosma'],
  ['Wit', 'Wim'],
] as const;

// One slip of the pen in the same surname.
const TYPOS = [
  ['Bakker', 'Baker'],
  ['Dijk', 'Dik'],
  ['Jong', 'Jonk'],
  ['Smit', 'Smits'],
  ['Mulder', 'Molder'],
  ['Visser', 'Vissers'],
  ['Vries', 'Vris'],
  ['Mulder', 'Mudler'],
  ['Jansen', 'Jasnen'],
  ['Vermeulen', 'Vermeuelen'],
] as const;

describe('matchTokens on short surnames', () => {
  for (const [left, right] of DIFFERENT) {
    it(`keeps "${left}" and "${right}" apart, with and without tussenvoegsels`, () => {
      for (const particle of TUSSENVOEGSELS) {
        expect(pairs(particle + left, particle + right), particle).toBe(false);
        expect(pairs(particle + right, particle + left), particle).toBe(false);
      }
    });
  }

  for (const [left, right] of TYPOS) {
    it(`pairs "${left}" and "${right}" as one name, with and without tussenvoegsels`, () => {
      for (const particle of TUSSENVOEGSELS) {
        const match = matchTokens(surname(particle + left), surname(particle + right));
        expect(match.similarity, particle).toBeGreaterThanOrEqual(MIN_TOKEN_SIMILARITY);
      }
    });
  }

  it('does not let a shared tussenvoegsel lift different surnames over the bar', () => {
    expect(pairs('van Berg', 'van Bos')).toBe(false);
    expect(pairs('de Vries', 'Devos')).toBe(false);
    expect(pairs('van Dam', 'Vandom')).toBe(false);
  });

  it('still pairs a tussenvoegsel written into the surname with a typo: "Vandenburg" and "van den Berg"', () => {
    expect(pairs('Vandenbreg', 'van den Berg')).toBe(true);
    expect(pairs('van Dik', 'Vandijk')).toBe(true);
  });

  it('keeps the other reasons', () => {
    const reason = (left: string, right: string): string => matchTokens(surname(left), surname(right)).reason;
    expect(reason('Janssen', 'Jansen')).toBe('exact');
    expect(reason('Youssef', 'Yusuf')).toBe('spelling-variant');
    expect(reason('van den Berg', 'Vandenberg')).toBe('tussenvoegsel');
  });

  it('pairs the everyday form of a given name that a typo bound no longer reaches', () => {
    const given = (text: string): NameToken => parsePersonName(`${text} de Vries`).tokens[0] as NameToken;
    for (const [formal, everyday] of [
      ['Christiaan', 'Chris'],
      ['Frederik', 'Fred'],
      ['Matthijs', 'Thijs'],
      ['Margaretha', 'Greet'],
    ] as const) {
      expect(matchTokens(given(formal), given(everyday)).reason).toBe('given-name-form');
    }
    expect(matchTokens(given('Christiaan'), given('Frederik')).similarity).toBe(0);
  });

  it('pairs names written by French, English or Dutch transliteration habit (ch, sh, kh)', () => {
    for (const [left, right] of [
      ['Rachid', 'Rashid'],
      ['Hicham', 'Hisham'],
      ['Achraf', 'Ashraf'],
      ['Chakib', 'Shakib'],
      ['Rachidi', 'Rashidi'],
      ['Chalid', 'Khalid'],
    ] as const) {
      expect(pairs(left, right), `${left} / ${right}`).toBe(true);
      expect(person(`Jan ${left}`, `Jan ${right}`)).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('is symmetric', () => {
    const names = [...DIFFERENT.flat(), ...TYPOS.flat()];
    const token = fc.tuple(fc.constantFrom(...TUSSENVOEGSELS), fc.constantFrom(...names));
    fc.assert(
      fc.property(token, token, ([pa, a], [pb, b]) => {
        const left = surname(pa + a);
        const right = surname(pb + b);
        expect(matchTokens(left, right)).toEqual(matchTokens(right, left));
      }),
    );
  });
});

describe('whole names with short surnames', () => {
  const born = (name: string): QueryExample => ({ schema: 'Person', names: [name], birthDates: ['1979-04-03'] });
  const score = (left: string, right: string): number => compareRecords(born(left), born(right)).score;

  it('does not match "Jan de Vos" to the applicant "Jan de Vries" born the same day', () => {
    expect(score('Jan de Vries', 'Jan de Vos')).toBeLessThan(0.8);
    expect(score('Jan van den Berg', 'Jan van den Bos')).toBeLessThan(0.8);
    expect(score('Jan Berg', 'Jan Bos')).toBeLessThan(0.8);
  });

  it('still matches a typo of the surname: "Jan de Vris"', () => {
    expect(score('Jan de Vries', 'Jan de Vris')).toBeGreaterThanOrEqual(0.8);
    expect(score('Khadija van Dijk', 'Khadija van Dik')).toBeGreaterThanOrEqual(0.8);
    expect(score('Jan Smit', 'Jan Smits')).toBeGreaterThanOrEqual(0.8);
  });

  it('keeps the name similarity of different surnames at the level of a missing surname', () => {
    expect(person('Jan de Vries', 'Jan de Vos')).toBeLessThanOrEqual(0.5);
    expect(person('Jan van Berg', 'Jan van Bos')).toBeLessThanOrEqual(0.5);
    expect(person('Jan de Vries', 'Jan de Vris')).toBeGreaterThan(0.95);
  });
});
