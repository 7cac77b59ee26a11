import { ftmEntity } from './ftm-entity.js';
import type { FtmEntityData } from './ftm-entity.js';
import { companyEntity } from './register-companies.js';
import { ids } from './register-plan.js';
import { addressEntity, personEntity } from './register-people.js';

/**
 * Fixed ids of the demo story, present in every register: applicant "J. v.d. Berg, born
 * 3-4-1979, Kerkstraat 12 Tilburg" is Johannes van den Berg, who owns a horeca B.V. whose
 * co-director is a young straw man; that straw man also directs a company flagged for
 * money laundering and drug trafficking (path of 3 hops). A namesake in Breda, born
 * 4-3-1979 at the same house number, tests that screening does not confuse the two.
 */
export const DEMO = {
  applicantId: 'demo-person-johannes-van-den-berg',
  applicantAddressId: 'demo-addr-kerkstraat-12-tilburg',
  namesakeId: 'demo-person-jan-van-den-berg-breda',
  strawManId: 'demo-person-kevin-de-vries',
  applicantCompanyId: 'demo-company-van-den-berg-horeca',
  flaggedCompanyId: 'demo-company-zuidwest-trading',
  query: { name: 'J. v.d. Berg', birthDate: '3-4-1979', address: 'Kerkstraat 12 Tilburg' },
  shells: 10,
} as const;

const BV = { suffix: 'B.V.', name: 'Besloten Vennootschap' };
const VAN_DEN_BERG = { prefix: 'van den', core: 'Berg' };

/** Demo addresses. */
export function demoAddresses(): FtmEntityData[] {
  return [
    addressEntity(DEMO.applicantAddressId, {
      street: 'Kerkstraat',
      number: '12',
      postalCode: '5038 AB',
      city: 'Tilburg',
    }),
    addressEntity('demo-addr-kerkstraat-12-breda', {
      street: 'Kerkstraat',
      number: '12',
      postalCode: '4811 KN',
      city: 'Breda',
    }),
  ];
}

/** Demo persons. */
export function demoPersons(): FtmEntityData[] {
  return [
    personEntity({
      id: DEMO.applicantId,
      firstName: 'Johannes',
      surname: VAN_DEN_BERG,
      female: false,
      birthDate: '1979-04-03',
      addressId: DEMO.applicantAddressId,
    }),
    personEntity({
      id: DEMO.namesakeId,
      firstName: 'Jan',
      surname: VAN_DEN_BERG,
      female: false,
      birthDate: '1979-03-04',
      addressId: 'demo-addr-kerkstraat-12-breda',
    }),
    personEntity({
      id: DEMO.strawManId,
      firstName: 'Kevin',
      surname: { prefix: 'de', core: 'Vries' },
      female: false,
      birthDate: '2002-08-14',
      addressId: ids.hubAddress(0),
    }),
  ];
}

/** Demo companies: the applicant's B.V., the flagged one and the straw man's shells. */
export function demoCompanies(): FtmEntityData[] {
  const shells = Array.from({ length: DEMO.shells }, (_, k) =>
    companyEntity({
      id: `demo-company-shell-${k}`,
      name: `Demo Beheer ${k + 1} B.V.`,
      form: BV,
      kvk: String(99_000_100 + k),
      incorporationDate: '2024-10-01',
      addressId: ids.hubAddress(0),
    }),
  );
  return [
    companyEntity({
      id: DEMO.applicantCompanyId,
      name: 'Van den Berg Horeca B.V.',
      form: BV,
      kvk: '99000001',
      incorporationDate: '2015-03-01',
      addressId: DEMO.applicantAddressId,
    }),
    companyEntity(
      {
        id: DEMO.flaggedCompanyId,
        // A name the generator cannot make: the flagged company has no namesake in the demo register.
        name: 'Zuidwest Havenhandel B.V.',
        form: BV,
        kvk: '99000002',
        incorporationDate: '2023-11-20',
        addressId: ids.hubAddress(0),
      },
      ['crime.fin', 'crime.traffick.drug'],
    ),
    ...shells,
  ];
}

/** Demo ties (the straw man's shells included). */
export function demoTies(): FtmEntityData[] {
  const shellTies = Array.from({ length: DEMO.shells }, (_, k) =>
    ftmEntity(`demo-dir-kevin-shell-${k}`, 'Directorship', {
      director: DEMO.strawManId,
      organization: `demo-company-shell-${k}`,
      role: 'bestuurder',
      startDate: '2024-10-01',
    }),
  );
  return [
    ftmEntity('demo-dir-johannes-horeca', 'Directorship', {
      director: DEMO.applicantId,
      organization: DEMO.applicantCompanyId,
      role: 'bestuurder',
      startDate: '2015-03-01',
    }),
    ftmEntity('demo-own-johannes-horeca', 'Ownership', {
      owner: DEMO.applicantId,
      asset: DEMO.applicantCompanyId,
      percentage: '100',
      role: 'aandeelhouder',
      startDate: '2015-03-01',
    }),
    ftmEntity('demo-dir-kevin-horeca', 'Directorship', {
      director: DEMO.strawManId,
      organization: DEMO.applicantCompanyId,
      role: 'bestuurder',
      startDate: '2024-09-01',
    }),
    ftmEntity('demo-dir-kevin-zuidwest', 'Directorship', {
      director: DEMO.strawManId,
      organization: DEMO.flaggedCompanyId,
      role: 'bestuurder',
      startDate: '2023-11-20',
    }),
    ftmEntity('demo-own-boss-zuidwest', 'Ownership', {
      owner: ids.member(0, 0),
      asset: DEMO.flaggedCompanyId,
      percentage: '100',
      role: 'uiteindelijk belanghebbende',
    }),
    ...shellTies,
  ];
}
