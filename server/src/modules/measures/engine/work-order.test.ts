import { describe, expect, it } from 'vitest';
import type { MeasureStatus } from './measure-types.js';
import { toWorkOrder } from './work-order.js';
import type { OfficeholderRecord } from './work-order.js';

const officeholder: OfficeholderRecord = {
  id: 'oh-2',
  displayName: 'A. Jansen',
  role: 'burgemeester',
  homeAddress: { street: 'Kerkstraat', houseNumber: '3', postcode: '9999 ZZ', city: 'Dorp' },
  phone: '06-99999999',
  naasten: [{ name: 'Pieter Jansen', relation: 'echtgenote' }],
  incidents: [{ id: 'inc-1', text: 'molotovcocktail' }],
};

const order = (code: string, status: MeasureStatus) => toWorkOrder({ id: 'pm-1', code, status }, officeholder);

describe('toWorkOrder', () => {
  it('shares the address while the measure is being carried out', () => {
    for (const status of ['besloten', 'in_uitvoering'] as const)
      expect(order('W-CAMERA', status)).toMatchObject({ stage: 'uitvoering', address: officeholder.homeAddress });
  });

  it('withholds the address before a decision and after the end', () => {
    for (const status of ['voorgesteld', 'afgewezen', 'beeindigd'] as const)
      expect(order('W-CAMERA', status)?.address).toBeNull();
  });

  it('keeps the address while active only for services that respond at the residence', () => {
    expect(order('W-CAMERA', 'actief')?.address).toBeNull();
    expect(order('W-ALARM-DOORMELDING', 'actief')?.address).toEqual(officeholder.homeAddress);
    expect(order('W-OBJECTBEWAKING', 'actief')?.address).toEqual(officeholder.homeAddress);
  });

  it('never carries family, incidents, role or private phone', () => {
    const text = JSON.stringify(order('W-ALARM-DOORMELDING', 'in_uitvoering'));
    for (const secret of ['Pieter', 'echtgenote', 'molotov', 'inc-1', 'burgemeester', '06-99999999', 'oh-2'])
      expect(text).not.toContain(secret);
    expect(Object.keys(order('W-CAMERA', 'besloten') ?? {}).sort()).toEqual(
      [
        'address',
        'contact',
        'description_en',
        'description_nl',
        'dueAt',
        'executor',
        'measureCode',
        'measureId',
        'name_en',
        'name_nl',
        'recipientName',
        'stage',
      ].sort(),
    );
  });

  it('returns null for a code outside the catalogue', () => {
    expect(order('X-ONBEKEND', 'besloten')).toBeNull();
  });
});
