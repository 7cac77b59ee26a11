import { describe, expect, it } from 'vitest';
import { looksLikeCompany, parseCompanyName, parsePersonName, reorderSurnameFirst } from './normalise.js';
import type { PreparedName } from './normalise.js';
import { comparisonKey, foldText, skeletonKey } from './text-keys.js';

function keys(name: PreparedName): string[] {
  return name.tokens.map((token) => (token.flag === 'i' ? `${token.key}.` : token.key));
}

describe('foldText', () => {
  it('lowercases and strips diacritics', () => {
    expect(foldText('Öztürk Çelik Şahin Müller Coöperatie')).toBe('ozturk celik sahin muller cooperatie');
  });

  it('transliterates Cyrillic, Greek and Arabic', () => {
    expect(foldText('Иван Петров')).toBe('ivan petrov');
    expect(foldText('Παπαδόπουλος')).toBe('papadopoulos');
    expect(comparisonKey(foldText('محمد'))).toBe(comparisonKey('mohammed').replace(/[aeiou]/g, ''));
  });

  it('turns typographic apostrophes into plain ones', () => {
    expect(foldText('in ’t Veld')).toBe("in 't veld");
  });
});

describe('comparisonKey', () => {
  it('folds IJ and Y (IJsselmeer / Ysselmeer)', () => {
    expect(comparisonKey(foldText('IJsselmeer'))).toBe(comparisonKey(foldText('Ysselmeer')));
    expect(comparisonKey('meijer')).toBe(comparisonKey('meyer'));
    expect(comparisonKey('reinders')).toBe(comparisonKey('reijnders'));
  });

  it('folds Dutch spelling variants', () => {
    expect(comparisonKey('janssen')).toBe(comparisonKey('jansen'));
    expect(comparisonKey('philips')).toBe(comparisonKey('filips'));
    expect(comparisonKey('claassen')).toBe(comparisonKey('klaassen'));
    expect(comparisonKey('schmidt')).toBe(comparisonKey('schmit'));
    expect(comparisonKey('brand')).toBe(comparisonKey('brant'));
    expect(comparisonKey('bosch')).toBe(comparisonKey('bos'));
    expect(comparisonKey('oudshoorn')).toBe(comparisonKey('audshoorn'));
  });

  it('keeps different names apart', () => {
    expect(comparisonKey('bakker')).not.toBe(comparisonKey('visser'));
  });

  it('gives Mohammed, Mohamed, Muhammad, Mohammad and Mehmet one skeleton', () => {
    const skeletons = ['mohammed', 'mohamed', 'muhammad', 'mohammad', 'mehmet'].map((name) =>
      skeletonKey(comparisonKey(name)),
    );
    expect(new Set(skeletons).size).toBe(1);
  });
});

describe('parsePersonName', () => {
  it('recognises tussenvoegsels in any position and keeps them in the merged key', () => {
    const name = parsePersonName('Johannes van den Berg');
    expect(keys(name)).toEqual([comparisonKey('johannes'), 'berg']);
    expect(name.tokens[1]?.merged).toBe(comparisonKey('vandenberg'));
    expect(keys(parsePersonName("Jan in 't Veld"))).toEqual(['jan', comparisonKey('veld')]);
    expect(keys(parsePersonName("Kees van 't Hek"))).toEqual([comparisonKey('kees'), 'hek']);
    expect(keys(parsePersonName("Maria d'Ancona"))).toEqual(['maria', comparisonKey('ancona')]);
    expect(keys(parsePersonName('Anna op de Beek'))).toEqual([comparisonKey('anna'), comparisonKey('beek')]);
  });

  it('expands v.d., v/d, vd and v. but reads capital V. as an initial', () => {
    for (const form of ['J. v.d. Berg', 'J. v/d Berg', 'J. vd Berg', 'J. V.d. Berg']) {
      expect(keys(parsePersonName(form))).toEqual(['j.', 'berg']);
    }
    expect(keys(parsePersonName('J. v. Dijk'))).toEqual(['j.', comparisonKey('dijk')]);
    expect(keys(parsePersonName('V. de Vries'))).toEqual(['v.', 'vries']);
  });

  it('splits initials, with or without spaces, and abbreviated given names', () => {
    expect(keys(parsePersonName('J.P. de Vries'))).toEqual(['j.', 'p.', 'vries']);
    expect(keys(parsePersonName('J. P. de Vries'))).toEqual(['j.', 'p.', 'vries']);
    expect(keys(parsePersonName('Th. de Vries'))).toEqual(['t.', 'vries']);
  });

  it('reorders surname-first forms', () => {
    expect(reorderSurnameFirst('Vries, Jan de')).toBe('Jan de Vries');
    expect(reorderSurnameFirst('de Vries, J.')).toBe('J. de Vries');
    expect(keys(parsePersonName('Vries, Jan de'))).toEqual(keys(parsePersonName('Jan de Vries')));
    expect(keys(parsePersonName('Berg, J.P. van den'))).toEqual(keys(parsePersonName('J.P. van den Berg')));
  });

  it('marks the halves of a hyphenated double surname as alternatives', () => {
    const name = parsePersonName('Maria Jansen-de Vries');
    expect(keys(name)).toEqual(['maria', 'jansen', 'vries']);
    expect(name.tokens.map((token) => token.flag)).toEqual(['f', 'a', 'a']);
    expect(parsePersonName('Maria Jansen - de Vries').tokens.map((token) => token.flag)).toEqual(['f', 'a', 'a']);
  });

  it('splits el-/al- from Arabic surnames', () => {
    expect(keys(parsePersonName('Mohammed el-Amrani'))).toEqual(
      keys(parsePersonName('Mohamed El Amrani')).map((k, i) => (i === 0 ? comparisonKey('mohammed') : k)),
    );
  });

  it('drops titles', () => {
    expect(keys(parsePersonName('Dhr. mr. drs. Jan de Vries'))).toEqual(['jan', 'vries']);
  });

  it('keeps a name made only of particles', () => {
    expect(keys(parsePersonName('De'))).toEqual(['de']);
  });
});

describe('parseCompanyName', () => {
  it('strips legal forms and noise words', () => {
    const expected = keys(parseCompanyName('Bakkerij de Vries'));
    for (const form of [
      'Bakkerij De Vries B.V.',
      'Bakkerij de Vries BV',
      'Bakkerij de Vries B.V',
      'Bakkerij de Vries Besloten Vennootschap',
      'Bakkerij de Vries Holding B.V.',
      'Bakkerij de Vries N.V.',
      'Stichting Bakkerij de Vries',
      'Bakkerij de Vries V.O.F.',
      'Bakkerij de Vries VOF',
      'Eenmanszaak Bakkerij de Vries',
      'Bakkerij de Vries Beheer',
      'Bakkerij de Vries Groep',
      'Bakkerij de Vries Group Ltd',
      'Bakkerij de Vries GmbH',
      'Coöperatie Bakkerij de Vries U.A.',
    ]) {
      expect(keys(parseCompanyName(form)), form).toEqual(expected);
    }
    expect(expected).toEqual([comparisonKey('bakkerij'), 'vries']);
  });

  it('keeps noise words when nothing else is left', () => {
    expect(keys(parseCompanyName('Holding B.V.')).length).toBeGreaterThan(0);
  });

  it('recognises company names', () => {
    expect(looksLikeCompany('Jansen Beheer B.V.')).toBe(true);
    expect(looksLikeCompany('Vennootschap onder firma Jansen')).toBe(true);
    expect(looksLikeCompany('J.P. de Vries')).toBe(false);
  });
});
