import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { captionKey, validateFtmEntity } from './ftm-validation.js';

const person = { id: 'p-1', schema: 'Person', properties: { name: ['Jan de Vries'], addressEntity: ['a-1'] } };

describe('validateFtmEntity', () => {
  it('accepts a valid entity and derives caption, topics and references', () => {
    const result = validateFtmEntity({ ...person, properties: { ...person.properties, topics: ['crime.fin'] } });
    expect(result).toMatchObject({
      ok: true,
      value: { caption: 'Jan de Vries', topics: ['crime.fin'], refs: [{ property: 'addressEntity', targetId: 'a-1' }] },
    });
  });

  it.each([
    ['not an object', [1, 2], 'not a JSON object', undefined],
    ['no id', { schema: 'Person', properties: {} }, 'missing or invalid id', undefined],
    ['an id with spaces', { id: 'p 1', schema: 'Person' }, 'missing or invalid id', undefined],
    ['no schema', { id: 'x', properties: {} }, 'missing schema', undefined],
    ['an unknown schema', { id: 'x', schema: 'Persoon' }, 'unknown schema "Persoon"', undefined],
    [
      'an abstract schema',
      { id: 'x', schema: 'Thing' },
      'schema "Thing" is abstract; use a concrete schema',
      undefined,
    ],
    [
      'an unknown property',
      { id: 'x', schema: 'Person', properties: { naam: ['x'] } },
      'property "naam" is not part of Person',
      'naam',
    ],
    [
      'a number value',
      { id: 'x', schema: 'Person', properties: { name: [12] } },
      'property "name" must be a string or an array of strings',
      'name',
    ],
    [
      'an object value',
      { id: 'x', schema: 'Person', properties: { name: { a: 1 } } },
      'property "name" must be a string or an array of strings',
      'name',
    ],
    [
      'a bad reference',
      { id: 'x', schema: 'Person', properties: { addressEntity: ['two words'] } },
      'property "addressEntity" must reference entity ids',
      'addressEntity',
    ],
    [
      'properties not an object',
      { id: 'x', schema: 'Person', properties: [] },
      'properties must be an object',
      undefined,
    ],
  ])('refuses %s', (_what, raw, reason, property) => {
    const result = validateFtmEntity(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toBe(reason);
      expect(result.property).toBe(property);
    }
  });

  it('wraps a bare string and drops empty values', () => {
    const result = validateFtmEntity({ id: 'c', schema: 'Company', properties: { name: 'Berg B.V.', alias: [''] } });
    expect(result.ok && result.value.entity.properties).toEqual({ name: ['Berg B.V.'] });
  });

  it('takes the caption from the schema (edges: role; no value: the schema label)', () => {
    const edge = validateFtmEntity({
      id: 'd',
      schema: 'Directorship',
      properties: { director: ['p'], organization: ['c'], role: ['bestuurder'] },
    });
    expect(edge.ok && edge.value.caption).toBe('bestuurder');
    expect(edge.ok && edge.value.refs.map((r) => r.property).sort()).toEqual(['director', 'organization']);
    const bare = validateFtmEntity({ id: 'x', schema: 'Person' });
    expect(bare.ok && bare.value.caption).toBe('Person');
  });
});

describe('validateFtmEntity ids and values', () => {
  it.each([
    ['ü-1', true],
    ['中文-42', true],
    ['a'.repeat(1024), true],
    ['a'.repeat(1025), false],
    ['a\u0085b', false],
    ['a\tb', false],
    ['a\u00a0b', false],
    ['', false],
  ])('takes %j as an id: %s', (id, isValid) => {
    expect(validateFtmEntity({ id, schema: 'Person' }).ok).toBe(isValid);
    // As a reference the same rule holds, except that an empty value is dropped, not refused.
    const ref = validateFtmEntity({ id: 'x', schema: 'Person', properties: { addressEntity: [id] } });
    expect(ref.ok).toBe(isValid || id === '');
  });

  it('keeps a clean properties object as it is and copies one that needs cleaning', () => {
    const clean = { name: ['Jan'], nationality: ['nl', 'be'] };
    const kept = validateFtmEntity({ id: 'x', schema: 'Person', properties: clean });
    expect(kept.ok && kept.value.entity.properties).toBe(clean);
    const dirty = { name: ['Jan', ''], alias: [], nationality: 'nl', birthDate: ['1970'] };
    const copied = validateFtmEntity({ id: 'x', schema: 'Person', properties: dirty });
    expect(copied.ok && copied.value.entity.properties).toEqual({
      name: ['Jan'],
      nationality: ['nl'],
      birthDate: ['1970'],
    });
    expect(dirty).toEqual({ name: ['Jan', ''], alias: [], nationality: 'nl', birthDate: ['1970'] });
  });
});

describe('captionKey', () => {
  it('folds exactly as NFKD, mark stripping, lower case and space folding would (ASCII shortcut included)', () => {
    const reference = (c: string) =>
      c.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim().slice(0, 200);
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary-ascii' }), fc.string({ unit: 'grapheme' })), (caption) => {
        expect(captionKey(caption)).toBe(reference(caption));
      }),
    );
  });

  it('folds case, accents and spaces so a prefix search finds "Ölçer" by "olc"', () => {
    expect(captionKey('  Ölçer   Bakkerij ')).toBe('olcer bakkerij');
    expect(captionKey('Ĳssel')).toBe('ijssel');
  });
});
