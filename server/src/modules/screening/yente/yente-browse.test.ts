import { describe, expect, it } from 'vitest';
import { isDefaultOrder } from './yente-browse-store.js';
import { changedSinceBound } from './yente-search.js';

describe('changedSinceBound', () => {
  it('fills missing parts with their largest value, as Elasticsearch does for a gt bound', () => {
    expect(changedSinceBound('2026-11-02')).toBe('2026-11-02T23:59:59.999Z');
    expect(changedSinceBound('2026-11-02T09')).toBe('2026-11-02T09:59:59.999Z');
    expect(changedSinceBound('2026-11-02T09:30')).toBe('2026-11-02T09:30:59.999Z');
    expect(changedSinceBound('2026-11-02 09:30:15')).toBe('2026-11-02T09:30:15.999Z');
    expect(changedSinceBound('2026-11-02T09:30:15.5')).toBe('2026-11-02T09:30:15.500Z');
    expect(changedSinceBound('2026-11-02T09:30:15.123456')).toBe('2026-11-02T09:30:15.123Z');
  });

  it('reads a zone and answers in UTC', () => {
    expect(changedSinceBound('2026-11-02T10:30:00+02:00')).toBe('2026-11-02T08:30:00.999Z');
    expect(changedSinceBound('2026-11-02T10:30:00-0130')).toBe('2026-11-02T12:00:00.999Z');
    expect(changedSinceBound('2026-12-31T23:00:00Z')).toBe('2026-12-31T23:00:00.999Z');
  });

  it('refuses impossible dates and times', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '2026-11-02T24:00', '2026-11-02T10:60', 'gisteren']) {
      expect(() => changedSinceBound(bad), bad).toThrow(/Invalid changed_since/);
    }
  });
});

describe('isDefaultOrder', () => {
  it('holds for no sort, score sorts and id ascending only', () => {
    expect(isDefaultOrder([])).toBe(true);
    expect(isDefaultOrder([{ field: '_score', desc: true }])).toBe(true);
    expect(isDefaultOrder([{ field: 'id', desc: false }])).toBe(true);
    expect(isDefaultOrder([{ field: 'id', desc: true }])).toBe(false);
    expect(isDefaultOrder([{ field: 'caption', desc: false }])).toBe(false);
    expect(
      isDefaultOrder([
        { field: 'id', desc: false },
        { field: 'caption', desc: false },
      ]),
    ).toBe(false);
  });
});
