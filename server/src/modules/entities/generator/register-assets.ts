import { ftmEntity } from './ftm-entity.js';
import type { FtmEntityData } from './ftm-entity.js';
import { intBetween, pad, pick, rngFor, STREAM } from './prng.js';
import { firstInHousehold, ids, scatter } from './register-plan.js';
import type { RegisterPlan } from './register-plan.js';
import { addressData } from './register-people.js';

const KENTEKEN_LETTERS = 'BDFGHJKLNPRSTVXZ';
const MODELS = [
  'Volkswagen Golf',
  'Opel Corsa',
  'Peugeot 208',
  'Kia Picanto',
  'Toyota Yaris',
  'Renault Clio',
  'Ford Transit',
  'Mercedes-Benz Sprinter',
  'BMW 3-serie',
  'Audi A4',
  'Tesla Model 3',
  'Volvo XC60',
] as const;

/** Real estate k: a house at an ordinary address, owned by the head of that household. */
export function realEstateEntities(plan: RegisterPlan, k: number): FtmEntityData[] {
  const random = rngFor(plan.seed, STREAM.asset, 1, k);
  const a = scatter(plan, plan.addresses, 0x4e, k);
  const parts = addressData(plan, a);
  const owner = Math.min(plan.persons - 1, firstInHousehold(a));
  const code = parts.city
    .slice(0, 3)
    .toUpperCase()
    .replace(/[^A-Z]/g, 'X');
  return [
    ftmEntity(`re-${k}`, 'RealEstate', {
      name: `${parts.street} ${parts.number}, ${parts.city}`,
      addressEntity: ids.address(a),
      registrationNumber: `${code}00 ${pick(random, ['A', 'B', 'C', 'D', 'K'])} ${intBetween(random, 100, 9999)}`,
      propertyType: pick(random, ['woning', 'appartement', 'bedrijfspand']),
    }),
    ftmEntity(`ore-${k}`, 'Ownership', {
      owner: ids.person(owner),
      asset: `re-${k}`,
      percentage: '100',
      role: 'eigenaar',
    }),
  ];
}

/** Vehicle k with a sidecode-style kenteken, owned by an ordinary person. */
export function vehicleEntities(plan: RegisterPlan, k: number): FtmEntityData[] {
  const random = rngFor(plan.seed, STREAM.asset, 2, k);
  const letters = (n: number): string =>
    Array.from({ length: n }, () => pick(random, KENTEKEN_LETTERS.split(''))).join('');
  const plate = `${pad(intBetween(random, 1, 99), 2)}-${letters(3)}-${intBetween(random, 1, 9)}`;
  const model = pick(random, MODELS);
  const owner = scatter(plan, plan.persons, 0x7e, k);
  return [
    ftmEntity(`v-${k}`, 'Vehicle', {
      name: `${model} ${plate}`,
      registrationNumber: plate,
      model,
      type: model.includes('Transit') || model.includes('Sprinter') ? 'bestelauto' : 'personenauto',
    }),
    ftmEntity(`ov-${k}`, 'Ownership', {
      owner: ids.person(owner),
      asset: `v-${k}`,
      percentage: '100',
      role: 'kentekenhouder',
    }),
  ];
}
