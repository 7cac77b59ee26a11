import { randomCompanyName, randomLegalForm } from './company-names.js';
import type { LegalForm } from './company-names.js';
import { ftmEntity } from './ftm-entity.js';
import type { FtmEntityData } from './ftm-entity.js';
import { intBetween, rngFor, STREAM } from './prng.js';
import { householdOf, ids, kvkNumber, scatter } from './register-plan.js';
import type { RegisterPlan } from './register-plan.js';
import { randomDate } from './register-people.js';

/** What a regular company is, regenerated from its index. */
export interface CompanyData {
  id: string;
  name: string;
  form: LegalForm;
  kvk: string;
  incorporationDate: string;
  addressId: string;
  /** Person indices of the directors (first one usually also owner). */
  directors: number[];
}

const roleFor = (form: LegalForm): string =>
  form.suffix === 'V.O.F.' ? 'vennoot' : form.suffix === 'Stichting' ? 'voorzitter' : 'bestuurder';

/** Company j. Most small companies are registered at their director's home, as in the KvK. */
export function companyData(plan: RegisterPlan, j: number): CompanyData {
  const random = rngFor(plan.seed, STREAM.company, j);
  const form = randomLegalForm(random);
  const first = scatter(plan, plan.persons, 0xd1, j);
  const directors = random() < 0.3 ? [first, scatter(plan, plan.persons, 0xd2, j)] : [first];
  const home = random() < 0.7 ? householdOf(first) : scatter(plan, plan.addresses, 0xadd, j);
  const r = random();
  const year = 2025 - Math.floor(r * r * 35);
  return {
    id: ids.company(j),
    name: randomCompanyName(random, form),
    form,
    kvk: kvkNumber(j),
    incorporationDate: randomDate(random, year),
    addressId: ids.address(home),
    directors,
  };
}

/** FtM Company entity. */
export function companyEntity(c: Omit<CompanyData, 'directors'>, topics?: string[]): FtmEntityData {
  return ftmEntity(c.id, 'Company', {
    name: c.name,
    legalForm: c.form.name,
    registrationNumber: c.kvk,
    incorporationDate: c.incorporationDate,
    jurisdiction: 'nl',
    addressEntity: c.addressId,
    topics,
  });
}

/** Directorships of company j. */
export function companyDirectorships(plan: RegisterPlan, j: number): FtmEntityData[] {
  const c = companyData(plan, j);
  return c.directors.map((d, k) =>
    ftmEntity(`dir-${j}-${k}`, 'Directorship', {
      director: ids.person(d),
      organization: c.id,
      role: roleFor(c.form),
      startDate: c.incorporationDate,
    }),
  );
}

/** Ownership of company j: its first director, or for some, a holding company. */
export function companyOwnership(plan: RegisterPlan, j: number): FtmEntityData | null {
  const c = companyData(plan, j);
  if (c.form.suffix === 'Stichting') return null;
  const random = rngFor(plan.seed, STREAM.tie, 0x0, j);
  const holding = scatter(plan, plan.companies, 0x401, j);
  if (random() < 0.15 && holding !== j && companyData(plan, holding).form.suffix === 'Holding B.V.') {
    return ftmEntity(`own-${j}`, 'Ownership', {
      owner: ids.company(holding),
      asset: c.id,
      percentage: '100',
      role: 'aandeelhouder',
      startDate: c.incorporationDate,
    });
  }
  const percentage = c.directors.length > 1 ? '50' : '100';
  return ftmEntity(`own-${j}`, 'Ownership', {
    owner: ids.person(c.directors[0]!),
    asset: c.id,
    percentage,
    role: 'aandeelhouder',
    startDate: c.incorporationDate,
  });
}

/** A shell company at hub h: recently founded, directed by a straw man with churn. */
export function shellEntities(plan: RegisterPlan, h: number, k: number): FtmEntityData[] {
  const random = rngFor(plan.seed, STREAM.shell, h, k);
  const form =
    random() < 0.8
      ? { suffix: 'B.V.', name: 'Besloten Vennootschap' }
      : { suffix: 'Holding B.V.', name: 'Besloten Vennootschap' };
  const id = ids.shell(h, k);
  const founded = randomDate(random, intBetween(random, 2019, 2025));
  const strawMan = ids.strawMan((h * 7 + k) % plan.strawMen);
  const company = companyEntity({
    id,
    name: randomCompanyName(random, form),
    form,
    kvk: String(90_000_000 + h * 1_000 + k),
    incorporationDate: founded,
    addressId: ids.hubAddress(h),
  });
  const entities = [
    company,
    ftmEntity(`dirs-${h}-${k}`, 'Directorship', {
      director: strawMan,
      organization: id,
      role: 'bestuurder',
      startDate: founded,
    }),
  ];
  if (random() < 0.3) {
    // An earlier straw man who left again: the churn that "frequent director changes" looks for.
    const previous = ids.strawMan((h * 7 + k + 1) % plan.strawMen);
    entities.push(
      ftmEntity(`dirx-${h}-${k}`, 'Directorship', {
        director: previous,
        organization: id,
        role: 'bestuurder',
        startDate: founded,
        endDate: '2025-01-15',
      }),
    );
  }
  return entities;
}
