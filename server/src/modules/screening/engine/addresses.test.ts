import { describe, expect, it } from 'vitest';
import { compareAddresses, parseAddress } from './addresses.js';
import { normaliseCountry, normaliseIdentifier, compareIdentifierLists } from './identifiers.js';

describe('parseAddress', () => {
  it('normalises postcode, house number and addition', () => {
    expect(parseAddress('Damstraat 12a, 1012 AB Amsterdam')).toMatchObject({
      postcode: '1012ab',
      houseNumber: '12',
      addition: 'a',
      city: 'amsterdam',
    });
    expect(parseAddress('1012AB 12')).toMatchObject({ postcode: '1012ab', houseNumber: '12' });
    expect(parseAddress('Damstr. 12-A Amsterdam').street).toBe(parseAddress('Damstraat 12a').street);
  });

  it('recognises a lone street or city', () => {
    expect(parseAddress('Kerkweg')).toMatchObject({ street: parseAddress('Kerkweg 1').street, city: '' });
    expect(parseAddress('Amsterdam')).toMatchObject({ street: '', city: parseAddress('x 1 Amsterdam').city });
  });

  it("maps 's-Gravenhage to Den Haag", () => {
    expect(parseAddress("Lange Poten 4, 2511 CL 's-Gravenhage").city).toBe(
      parseAddress('Lange Poten 4, Den Haag').city,
    );
  });
});

describe('compareAddresses', () => {
  it('ranks same postcode+number over same street over same city', () => {
    const home = parseAddress('Damstraat 12, 1012 AB Amsterdam');
    const samePostcode = compareAddresses(home, parseAddress('1012ab 12'));
    const sameStreet = compareAddresses(home, parseAddress('Damstr. 12, Amsterdam'));
    const sameCity = compareAddresses(home, parseAddress('Kalverstraat 1, Amsterdam'));
    const elsewhere = compareAddresses(home, parseAddress('Stationsweg 3, 3511 AA Utrecht'));
    expect(samePostcode).toEqual({ similarity: 1, reason: 'same-postcode-and-number' });
    expect(sameStreet.reason).toBe('same-street-and-number');
    expect(sameCity.reason).toBe('same-city');
    expect(elsewhere.similarity).toBe(0);
    expect(samePostcode.similarity).toBeGreaterThan(sameStreet.similarity);
    expect(sameStreet.similarity).toBeGreaterThan(sameCity.similarity);
  });
});

describe('identifiers', () => {
  it('normalises KvK numbers, passports and VAT numbers', () => {
    expect(normaliseIdentifier('KvK 1234 5678')).toBe('kvk:12345678');
    expect(normaliseIdentifier('k.v.k.: 12345678')).toBe('kvk:12345678');
    expect(normaliseIdentifier('12345678')).toBe('kvk:12345678');
    expect(normaliseIdentifier('paspoort NW1234567')).toBe('passport:nw1234567');
    expect(normaliseIdentifier('NL123456789B01')).toBe('vat:nl123456789b01');
    expect(normaliseIdentifier('kvk 1234567')).toBeNull();
  });

  it('never keeps a BSN, labelled or bare', () => {
    expect(normaliseIdentifier('BSN 123456782')).toBeNull();
    expect(normaliseIdentifier('burgerservicenummer: 123456782')).toBeNull();
    expect(normaliseIdentifier('123456782')).toBeNull();
  });

  it('compares identifier lists', () => {
    expect(compareIdentifierLists(['kvk:12345678'], ['passport:x1', 'kvk:12345678'])).toMatchObject({
      similarity: 1,
      scheme: 'kvk',
    });
    expect(compareIdentifierLists(['kvk:12345678'], ['kvk:87654321'])).toMatchObject({
      similarity: 0,
      isConflict: true,
    });
    expect(compareIdentifierLists(['kvk:12345678'], ['passport:x1'])).toBeNull();
  });

  it('normalises countries', () => {
    expect(normaliseCountry('Nederland')).toBe('nl');
    expect(normaliseCountry('The Netherlands')).toBe('nl');
    expect(normaliseCountry('NL')).toBe('nl');
    expect(normaliseCountry('Marokko')).toBe('ma');
  });
});
