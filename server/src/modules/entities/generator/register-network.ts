import { randomFirstName, randomSurname } from './dutch-names.js';
import { randomAddress } from './dutch-places.js';
import { ftmEntity } from './ftm-entity.js';
import type { FtmEntityData } from './ftm-entity.js';
import { intBetween, pick, rngFor, STREAM } from './prng.js';
import { companyEntity } from './register-companies.js';
import { ids, membersOfCluster, scatter } from './register-plan.js';
import type { RegisterPlan } from './register-plan.js';
import { addressEntity, personEntity, randomDate } from './register-people.js';

/** Hub address h: a business address that collects hundreds of letterbox companies. */
export function hubAddressEntity(plan: RegisterPlan, h: number): FtmEntityData {
  const parts = randomAddress(rngFor(plan.seed, STREAM.hub, h));
  return addressEntity(ids.hubAddress(h), {
    ...parts,
    street: pick(rngFor(plan.seed, STREAM.hub, h, 1), ['Industrieweg', 'Handelsweg', 'Ambachtsweg', 'Energieweg']),
    number: String(1 + (h % 20)),
  });
}

/** Straw man k: young, registered at a hub address, on paper the director of many companies. */
export function strawManEntity(plan: RegisterPlan, k: number): FtmEntityData {
  const random = rngFor(plan.seed, STREAM.strawMan, k);
  const female = random() < 0.25;
  return personEntity({
    id: ids.strawMan(k),
    firstName: randomFirstName(random, female),
    surname: randomSurname(random),
    female,
    birthDate: randomDate(random, intBetween(random, 1999, 2005)),
    addressId: ids.hubAddress(k % plan.hubs),
  });
}

const MEMBER_TOPICS: readonly string[][] = [['crime.traffick'], ['poi'], ['crime']];
const COMPANY_TOPICS: readonly string[][] = [['crime.fin'], ['crime.traffick'], ['sanction']];

/** Persons and companies of criminal cluster c, flagged with FtM topics. */
export function clusterNodes(plan: RegisterPlan, c: number): FtmEntityData[] {
  const entities: FtmEntityData[] = [];
  for (let m = 0; m < membersOfCluster(plan, c); m++) {
    const random = rngFor(plan.seed, STREAM.cluster, c, m);
    const home = scatter(plan, plan.addresses, 0xc0, c, m);
    const topics = m === 0 ? ['crime', 'crime.boss'] : pick(random, MEMBER_TOPICS);
    entities.push(
      personEntity(
        {
          id: ids.member(c, m),
          firstName: randomFirstName(random, false),
          surname: randomSurname(random),
          female: false,
          birthDate: randomDate(random, intBetween(random, 1965, 1998)),
          addressId: ids.address(home),
        },
        topics,
      ),
    );
  }
  COMPANY_TOPICS.forEach((topics, q) => {
    const random = rngFor(plan.seed, STREAM.cluster, c, 100 + q);
    const form = { suffix: 'B.V.', name: 'Besloten Vennootschap' };
    const name = `${pick(random, ['Delta', 'Atlas', 'Nova', 'Haven', 'Polder'])} ${pick(random, ['Trading', 'Import Export', 'Logistiek', 'Vastgoed'])} B.V.`;
    entities.push(
      companyEntity(
        {
          id: ids.crimeCompany(c, q),
          name,
          form,
          kvk: String(95_000_000 + c * 10 + q),
          incorporationDate: randomDate(random, intBetween(random, 2012, 2024)),
          addressId: ids.hubAddress(c % plan.hubs),
        },
        topics,
      ),
    );
  });
  return entities;
}

/**
 * Ties of cluster c, and the bridge that puts ordinary applicants two straw-man hops away:
 * the cluster's straw man also sits on the board of a few ordinary companies.
 */
export function clusterTies(plan: RegisterPlan, c: number): FtmEntityData[] {
  const boss = ids.member(c, 0);
  const strawMan = ids.strawMan(c % plan.strawMen);
  const ties: FtmEntityData[] = [];
  for (let m = 1; m < membersOfCluster(plan, c); m++) {
    ties.push(
      ftmEntity(`cxa-${c}-${m}`, 'Associate', {
        person: boss,
        associate: ids.member(c, m),
        relationship: 'zakenpartner',
      }),
    );
  }
  ties.push(
    ftmEntity(`cxf-${c}`, 'Family', { person: ids.member(c, 1), relative: ids.member(c, 2), relationship: 'broer' }),
  );
  COMPANY_TOPICS.forEach((_, q) =>
    ties.push(
      ftmEntity(`cxo-${c}-${q}`, 'Ownership', {
        owner: boss,
        asset: ids.crimeCompany(c, q),
        percentage: '100',
        role: 'uiteindelijk belanghebbende',
      }),
    ),
  );
  ties.push(
    ftmEntity(`cxd-${c}`, 'Directorship', {
      director: strawMan,
      organization: ids.crimeCompany(c, 0),
      role: 'bestuurder',
      startDate: '2023-02-01',
    }),
  );
  for (let b = 0; b < plan.bridgesPerCluster; b++) {
    const company = ids.company(bridgeCompany(plan, c, b));
    ties.push(
      ftmEntity(`bridge-${c}-${b}`, 'Directorship', {
        director: strawMan,
        organization: company,
        role: 'bestuurder',
        startDate: '2024-05-01',
      }),
    );
  }
  return ties;
}

/** Index of the b-th ordinary company whose board the cluster's straw man joined. */
export function bridgeCompany(plan: RegisterPlan, c: number, b: number): number {
  return scatter(plan, plan.companies, 0xb1, c, b);
}
