import { demoAddresses, demoCompanies, demoPersons, demoTies } from './demo-register.js';
import type { FtmEntityData } from './ftm-entity.js';
import { realEstateEntities, vehicleEntities } from './register-assets.js';
import {
  companyData,
  companyDirectorships,
  companyEntity,
  companyOwnership,
  shellEntities,
} from './register-companies.js';
import { clusterNodes, clusterTies, hubAddressEntity, strawManEntity } from './register-network.js';
import {
  addressData,
  addressEntity,
  associateEntity,
  employmentEntity,
  familyEntity,
  personData,
  personEntity,
} from './register-people.js';
import { ids, planRegister, shellsAtHub } from './register-plan.js';
import type { RegisterOptions, RegisterPlan } from './register-plan.js';

function* nodes(plan: RegisterPlan): Generator<FtmEntityData> {
  for (let a = 0; a < plan.addresses; a++) yield addressEntity(ids.address(a), addressData(plan, a));
  for (let h = 0; h < plan.hubs; h++) yield hubAddressEntity(plan, h);
  yield* demoAddresses();
  for (let i = 0; i < plan.persons; i++) yield personEntity(personData(plan, i));
  for (let k = 0; k < plan.strawMen; k++) yield strawManEntity(plan, k);
  yield* demoPersons();
  for (let j = 0; j < plan.companies; j++) yield companyEntity(companyData(plan, j));
  for (let c = 0; c < plan.clusters; c++) yield* clusterNodes(plan, c);
  yield* demoCompanies();
}

function* ties(plan: RegisterPlan): Generator<FtmEntityData> {
  for (let j = 0; j < plan.companies; j++) {
    yield* companyDirectorships(plan, j);
    const ownership = companyOwnership(plan, j);
    if (ownership) yield ownership;
  }
  // Shell companies are nodes, but each comes with its directorships; emitting them here
  // keeps one random stream per shell.
  for (let h = 0; h < plan.hubs; h++) for (let k = 0; k < shellsAtHub(plan, h); k++) yield* shellEntities(plan, h, k);
  for (let i = 0; i < plan.persons; i++) {
    const family = familyEntity(plan, i);
    if (family) yield family;
    const employment = employmentEntity(plan, i);
    if (employment) yield employment;
  }
  for (let k = 0; k < plan.associates; k++) yield associateEntity(plan, k);
  for (let c = 0; c < plan.clusters; c++) yield* clusterTies(plan, c);
  yield* demoTies();
}

function* assets(plan: RegisterPlan): Generator<FtmEntityData> {
  for (let k = 0; k < plan.realEstate; k++) yield* realEstateEntities(plan, k);
  for (let k = 0; k < plan.vehicles; k++) yield* vehicleEntities(plan, k);
}

/**
 * A deterministic synthetic Dutch register as a stream of FtM entities: addresses, persons,
 * companies, then ties and assets. Memory stays constant: every entity is regenerated
 * from (seed, kind, index), never looked up.
 */
export function* generateRegister(options: RegisterOptions): Generator<FtmEntityData> {
  const plan = planRegister(options);
  yield* nodes(plan);
  yield* ties(plan);
  yield* assets(plan);
}
