import { randomFirstName, randomSurname, surnameText } from './dutch-names.js';
import type { Surname } from './dutch-names.js';
import { fullAddress, randomAddress } from './dutch-places.js';
import type { AddressParts } from './dutch-places.js';
import { ftmEntity } from './ftm-entity.js';
import type { FtmEntityData } from './ftm-entity.js';
import { intBetween, pad, rngFor, STREAM } from './prng.js';
import type { Random } from './prng.js';
import { firstInHousehold, householdOf, ids, scatter } from './register-plan.js';
import type { RegisterPlan } from './register-plan.js';

/** Everything the register knows about one person, before it becomes an FtM entity. */
export interface PersonData {
  id: string;
  firstName: string;
  surname: Surname;
  female: boolean;
  birthDate: string;
  addressId: string;
  address: AddressParts;
}

/** An ISO date with a random day in the given year. */
export function randomDate(random: Random, year: number): string {
  return `${year}-${pad(intBetween(random, 1, 12), 2)}-${pad(intBetween(random, 1, 28), 2)}`;
}

/** Address a (regenerated from its index). */
export function addressData(plan: RegisterPlan, a: number): AddressParts {
  return randomAddress(rngFor(plan.seed, STREAM.address, a));
}

/** FtM Address entity. */
export function addressEntity(id: string, a: AddressParts): FtmEntityData {
  return ftmEntity(id, 'Address', {
    full: fullAddress(a),
    street: `${a.street} ${a.number}`,
    postalCode: a.postalCode,
    city: a.city,
    country: 'nl',
  });
}

/** Person i: household members share an address and (mostly) a surname. */
export function personData(plan: RegisterPlan, i: number): PersonData {
  const a = householdOf(i);
  const position = i - firstInHousehold(a);
  const household = rngFor(plan.seed, STREAM.household, a);
  const familyName = randomSurname(household);
  const headYear = intBetween(household, 1940, 1995);
  const random = rngFor(plan.seed, STREAM.person, i);
  const female = position === 1 ? household() < 0.9 : random() < 0.5;
  let year = headYear;
  let surname = familyName;
  if (position === 1) {
    year = headYear + intBetween(random, -4, 4);
    if (random() < 0.5) surname = randomSurname(random);
  } else if (position > 1) {
    year = Math.min(2007, headYear + intBetween(random, 24, 38));
  }
  return {
    id: ids.person(i),
    firstName: randomFirstName(random, female),
    surname,
    female,
    birthDate: randomDate(random, year),
    addressId: ids.address(a),
    address: addressData(plan, a),
  };
}

/** FtM Person entity. */
export function personEntity(p: Omit<PersonData, 'address'>, topics?: string[]): FtmEntityData {
  return ftmEntity(p.id, 'Person', {
    name: `${p.firstName} ${surnameText(p.surname)}`,
    firstName: p.firstName,
    lastName: surnameText(p.surname),
    birthDate: p.birthDate,
    gender: p.female ? 'female' : 'male',
    nationality: 'nl',
    addressEntity: p.addressId,
    topics,
  });
}

/** Family tie of person i to the head of its household (none for the head). */
export function familyEntity(plan: RegisterPlan, i: number): FtmEntityData | null {
  const head = firstInHousehold(householdOf(i));
  if (head === i || i >= plan.persons) return null;
  return ftmEntity(`fam-${i}`, 'Family', {
    person: ids.person(head),
    relative: ids.person(i),
    relationship: i === head + 1 ? 'partner' : 'kind',
  });
}

/** Associate tie k between two ordinary persons. */
export function associateEntity(plan: RegisterPlan, k: number): FtmEntityData {
  const a = scatter(plan, plan.persons, 0xa550, k, 0);
  const b = scatter(plan, plan.persons, 0xa550, k, 1);
  return ftmEntity(`as-${k}`, 'Associate', {
    person: ids.person(a),
    associate: ids.person(b === a ? (b + 1) % plan.persons : b),
    relationship: 'kennis',
  });
}

/** Employment of person i (about one in four persons), or null. */
export function employmentEntity(plan: RegisterPlan, i: number): FtmEntityData | null {
  const random = rngFor(plan.seed, STREAM.tie, 0xe, i);
  if (random() >= 0.25) return null;
  const employer = ids.company(scatter(plan, plan.companies, 0xe1, i));
  return ftmEntity(`emp-${i}`, 'Employment', {
    employee: ids.person(i),
    employer,
    role: 'medewerker',
    startDate: randomDate(random, intBetween(random, 2000, 2024)),
  });
}
