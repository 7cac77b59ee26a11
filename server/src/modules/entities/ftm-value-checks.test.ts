import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanIban, isFtmDate, quoted, valueCheckOf, type ValueCheck } from './ftm-value-checks.js';
import { validateFtmEntity } from './ftm-validation.js';

const checkOf = (type: string): ValueCheck => {
  const check = valueCheckOf(type);
  if (!check) throw new Error(`no check for ${type}`);
  return check;
};

describe('FtM value checks by type', () => {
  it.each([
    ['date', ['1979', '1979-04', '1979-04-03', '1979-4-3', '2000-02-29', '2021-02-16T21', '2021-02-16T21:48']],
    [
      'date',
      ['2021-02-16T21:48:52', '2021-02-16 21:48:52', '2021-02-16T21:48:52.123456Z', '2021-02-16T21:48:52+01:00'],
    ],
    ['country', ['nl', 'de', 'gb-sct', 'suhh', 'xk', 'zz', 'eu']],
    ['gender', ['male', 'female', 'other']],
    ['language', ['nld', 'eng', 'deu']],
    ['topic', ['crime', 'crime.fin', 'crime.traffick.drug', 'sanction', 'poi', 'role.pep']],
    ['email', ['info@example.org', 'j.de.vries+bibob@gemeente.tilburg.nl', 'ülrich@bücher.de']],
    ['url', ['https://www.kvk.nl/zoeken/?q=berg', 'http://localhost:8080/x', 'www.example.org', 'example.org/a?b=c']],
    ['iban', ['NL91ABNA0417164300', 'DE89370400440532013000', 'NO9386011117947']],
    ['phone', ['+31201234567', '020-1234567', '+31 (0)20 123 45 67', '+1 555 0100 ext. 12']],
    ['ip', ['192.168.1.143', '0:0:0:0:0:ffff:c0a8:18f', '::1']],
  ])('%s keeps %j as it is', (type, values) => {
    const check = checkOf(type);
    // The same string comes back: a clean value costs no allocation and is stored unchanged.
    for (const value of values) expect(check.clean(value)).toBe(value);
  });

  it.each([
    [
      'date',
      ['not a date', '', '79', '0979', '3000', '1979-13', '1979-00', '1979-02-30', '1900-02-29', '1979-04-03T24'],
    ],
    [
      'date',
      ['1979-04-03T12:60', '1979-04-03T12:30:60', '1979/04/03', '03-04-1979', '1979-04-03 approx.', '1979-04-03Z'],
    ],
    ['country', ['Netherlands', 'nld', 'xx', 'n l', '']],
    ['gender', ['unknown', 'vrouw', '']],
    ['language', ['English', 'dutch language', 'n1d']],
    ['topic', ['crime fin', 'Crime & Fraud', '.crime', '']],
    ['email', ['not-an-email', 'jan@', '@example.org', 'jan@example', 'jan de vries@example.org']],
    ['url', ['not a url', 'example', 'https://', 'https://example.org/a b', 'javascript:alert(1)']],
    ['iban', ['NL91ABNA0417164301', 'NL91', 'not an iban', '91NLABNA0417164300']],
    ['phone', ['call me', '12', 'tel: 020 1234567', '+31 20 ABC DEFG']],
    ['ip', ['256.1.1.1', '1.2.3', 'localhost']],
  ])('%s refuses %j', (type, values) => {
    const check = checkOf(type);
    for (const value of values) expect(check.clean(value), value).toBeNull();
  });

  it('normalises what FtM normalises: case and spaces of codes, spaces and case of an IBAN', () => {
    expect(checkOf('country').clean('NL')).toBe('nl');
    expect(checkOf('country').clean(' De ')).toBe('de');
    expect(checkOf('date').clean('1990-01-01\t')).toBe('1990-01-01');
    expect(checkOf('date').clean(' 1979 ')).toBe('1979');
    expect(checkOf('gender').clean('M')).toBe('male');
    expect(checkOf('gender').clean('weiblich')).toBe('female');
    expect(checkOf('topic').clean('Crime.Fin')).toBe('crime.fin');
    expect(checkOf('language').clean('NLD')).toBe('nld');
    expect(cleanIban('nl91 abna 0417 1643 00')).toBe('NL91ABNA0417164300');
  });

  it('keeps code-shaped topics and languages that this model version does not list yet', () => {
    expect(checkOf('topic').clean('mare.shadow')).toBe('mare.shadow');
    expect(checkOf('language').clean('fry')).toBe('fry');
  });

  it('accepts any string for types FtM does not validate, and checks references apart', () => {
    for (const type of ['name', 'string', 'text', 'address', 'identifier', 'number', 'json', 'html', 'entity']) {
      expect(valueCheckOf(type)).toBeNull();
    }
  });

  it('agrees with a plain reading of the date rule on generated dates', () => {
    const reference = (value: string): boolean => {
      const m =
        /^([12]\d{3})(?:-(\d{1,2})(?:-(\d{1,2})(?:[T ](\d{1,2})(?::(\d{1,2})(?::(\d{1,2})(\.\d+)?(Z|[+-]([01]\d|2[0-3])(:?[0-5]\d)?)?)?)?)?)?)?$/.exec(
          value,
        );
      if (!m) return false;
      const [year, month, day, hour, minute, second] = m.slice(1, 7).map((p) => (p === undefined ? undefined : +p));
      if (month !== undefined && (month < 1 || month > 12)) return false;
      if (day !== undefined) {
        const last = new Date(Date.UTC(year ?? 0, month ?? 0, 0)).getUTCDate();
        if (day < 1 || day > last) return false;
      }
      return !((hour ?? 0) > 23 || (minute ?? 0) > 59 || (second ?? 0) > 59);
    };
    // Mostly values at the edges of their ranges (month 12/13, day 28-32, hour 23/24, minute 59/60).
    const boundary = fc.constantFrom(0, 1, 2, 9, 10, 11, 12, 13, 23, 24, 28, 29, 30, 31, 32, 59, 60);
    const part = fc
      .tuple(fc.oneof(boundary, fc.integer({ min: 0, max: 62 })), fc.boolean())
      .map(([n, isPadded]) => String(n).padStart(isPadded ? 2 : 1, '0'));
    // Mostly the right separators (month, day, hour, minute, second), now and then a wrong one.
    const separator = (right: string) =>
      fc.oneof({ arbitrary: fc.constant(right), weight: 9 }, fc.constantFrom('/', ':', '-', 'T'));
    const date = fc
      .tuple(
        fc.oneof(fc.constantFrom('1900', '2000', '2024', '2023'), fc.integer({ min: 900, max: 3100 }).map(String)),
        fc.tuple(separator('-'), separator('-'), fc.constantFrom('T', ' '), separator(':'), separator(':')),
        fc.array(part, { minLength: 5, maxLength: 5 }),
        fc.integer({ min: 0, max: 5 }),
        fc.constantFrom('', '', 'Z', '+01:00', '.123456', '.5-0530', 'x', ' '),
      )
      .map(
        ([year, separators, parts, count, tail]) =>
          year +
          parts
            .slice(0, count)
            .map((n, i) => separators[i] + n)
            .join('') +
          tail,
      );
    fc.assert(
      fc.property(date, (value) => {
        expect(isFtmDate(value), value).toBe(reference(value));
      }),
      { numRuns: 10_000 },
    );
  });

  it('quotes long values cut short', () => {
    expect(quoted('kort')).toBe('"kort"');
    expect(quoted('x'.repeat(100))).toBe(`"${'x'.repeat(57)}..."`);
  });
});

describe('validateFtmEntity with value checks', () => {
  const checked = (properties: Record<string, unknown>, schema = 'Person') =>
    validateFtmEntity({ id: 'x', schema, properties }, { checkValues: true });

  it.each([
    [{ birthDate: ['not a date'] }, 'birthDate', 'property "birthDate": "not a date" is not an ISO 8601 date'],
    [
      { name: ['Jan'], nationality: ['nl', 'Holland'] },
      'nationality',
      'property "nationality": "Holland" is not an FtM country',
    ],
    [{ email: 'jan-at-example.org' }, 'email', 'property "email": "jan-at-example.org" is not an e-mail address'],
    [{ topics: ['crime', 'drugs & wapens'] }, 'topics', 'property "topics": "drugs & wapens" is not an FtM topic'],
    [{ addressEntity: [''], website: ['zie boven'] }, 'website', 'property "website": "zie boven" is not a URL'],
  ])('refuses %j naming the property and the value', (properties, property, reason) => {
    const result = checked(properties);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.property).toBe(property);
      expect(result.reason.startsWith(reason), result.reason).toBe(true);
    }
  });

  it('keeps a clean object as it is, copies a normalised one and wraps a bare string', () => {
    const clean = { name: ['Jan'], birthDate: ['1979-04-03'], nationality: ['nl'], topics: ['crime.fin'] };
    const kept = checked(clean);
    expect(kept.ok && kept.value.entity.properties).toBe(clean);
    const normalised = checked({ name: 'Jan', nationality: ['nl', 'BE'], topics: ['Crime'] });
    expect(normalised.ok && normalised.value.entity.properties).toEqual({
      name: ['Jan'],
      nationality: ['nl', 'be'],
      topics: ['crime'],
    });
    expect(normalised.ok && normalised.value.topics).toEqual(['crime']);
  });

  it('leaves value checks out when not asked (the screening API reads free date forms)', () => {
    expect(validateFtmEntity({ id: 'q', schema: 'Person', properties: { birthDate: ['3-4-1979'] } }).ok).toBe(true);
    expect(checked({ birthDate: ['3-4-1979'] }).ok).toBe(false);
  });

  it('checks every property of the type, on every schema (edges too)', () => {
    const edge = checked(
      { director: ['p-1'], organization: ['c-1'], startDate: ['2015-03-01'], endDate: ['2015-02-31'] },
      'Directorship',
    );
    expect(edge).toMatchObject({ ok: false, property: 'endDate' });
  });
});
