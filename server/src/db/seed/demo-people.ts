import type { OrganisationType } from '../../modules/organisations/organisations.table.js';
import type { Role } from '../../platform/access/roles.js';
import type { Office } from '../../modules/officeholders/officeholders.table.js';

// Fictitious people and organisations for the demo; any likeness to real officeholders is unintended.
export const demoPassword = 'Weerbaar-demo-2026';

export const demoOrganisations: { slug: string; name: string; type: OrganisationType }[] = [
  { slug: 'weerbaar-beheer', name: 'Weerbaar platformbeheer', type: 'beheer' },
  { slug: 'gemeente-tilburg', name: 'Gemeente Tilburg', type: 'gemeente' },
  { slug: 'gemeente-breda', name: 'Gemeente Breda', type: 'gemeente' },
  { slug: 'politie-zwb', name: 'Politie Eenheid Zeeland-West-Brabant', type: 'politie' },
  { slug: 'riec-zwb', name: 'RIEC Zeeland-West-Brabant', type: 'riec' },
  { slug: 'beveiliging-zuid', name: 'Beveiliging Zuid B.V.', type: 'beveiligingsbedrijf' },
  { slug: 'ondersteuningsteam', name: 'Ondersteuningsteam Weerbaar Bestuur', type: 'ondersteuningsteam' },
];

export const demoUsers: { org: string; email: string; name: string; roles: Role[]; description: string }[] = [
  {
    org: 'weerbaar-beheer',
    email: 'beheer@weerbaar.demo',
    name: 'Platformbeheerder',
    roles: ['platform_admin'],
    description: 'platformbeheer: organisaties en accounts',
  },
  {
    org: 'gemeente-tilburg',
    email: 'adviseur@tilburg.demo',
    name: 'Sanne de Wit',
    roles: ['oov_adviseur'],
    description: 'OOV-adviseur Tilburg: alle meldingen',
  },
  {
    org: 'gemeente-tilburg',
    email: 'wethouder@tilburg.demo',
    name: 'Karim El Idrissi',
    roles: ['officeholder'],
    description: 'wethouder Tilburg: eigen meldingen',
  },
  {
    org: 'gemeente-tilburg',
    email: 'burgemeester@tilburg.demo',
    name: 'Marleen Verhoeven',
    roles: ['officeholder'],
    description: 'burgemeester Tilburg: eigen meldingen',
  },
  {
    org: 'gemeente-tilburg',
    email: 'beheerder@tilburg.demo',
    name: 'Joost van Dongen',
    roles: ['org_admin'],
    description: 'accountbeheer Tilburg',
  },
  {
    org: 'gemeente-tilburg',
    email: 'fg@tilburg.demo',
    name: 'Fatima Bakkali',
    roles: ['dpo'],
    description: 'functionaris gegevensbescherming Tilburg',
  },
  {
    org: 'gemeente-tilburg',
    email: 'bibob@tilburg.demo',
    name: 'Lotte van Beek',
    roles: ['bibob_coordinator'],
    description: 'Bibob-coördinator Tilburg: screent aanvragers tegen het gedeelde KvK-uittreksel',
  },
  {
    org: 'gemeente-breda',
    email: 'adviseur@breda.demo',
    name: 'Pieter Hendriks',
    roles: ['oov_adviseur'],
    description: 'OOV-adviseur Breda (andere organisatie)',
  },
  {
    org: 'riec-zwb',
    email: 'analist@riec.demo',
    name: 'Ruud Mertens',
    roles: ['riec_analyst'],
    description: 'RIEC-analist: entiteitennetwerk, deelt het KvK-uittreksel',
  },
  {
    org: 'beveiliging-zuid',
    email: 'monteur@beveiliging.demo',
    name: 'Dennis Verschuren',
    roles: ['security_provider'],
    description: 'monteur Beveiliging Zuid: alleen eigen werkorders',
  },
  {
    org: 'ondersteuningsteam',
    email: 'steun@ondersteuning.demo',
    name: 'Wilma Koster',
    roles: ['support_team'],
    description: 'ondersteuningsteam: vertrouwelijke hulpvragen',
  },
];

export const demoOfficeholders: {
  org: string;
  fullName: string;
  office: Office;
  party?: string;
  portfolio?: string;
  userEmail?: string;
}[] = [
  {
    org: 'gemeente-tilburg',
    fullName: 'Marleen Verhoeven',
    office: 'burgemeester',
    portfolio: 'Openbare orde en veiligheid',
    userEmail: 'burgemeester@tilburg.demo',
  },
  {
    org: 'gemeente-tilburg',
    fullName: 'Karim El Idrissi',
    office: 'wethouder',
    party: 'Lokaal Tilburg',
    portfolio: 'Ruimtelijke ordening, vergunningen',
    userEmail: 'wethouder@tilburg.demo',
  },
  {
    org: 'gemeente-tilburg',
    fullName: 'Ingrid van der Linden',
    office: 'wethouder',
    party: 'Groen Links-PvdA',
    portfolio: 'Sociaal domein',
  },
  {
    org: 'gemeente-tilburg',
    fullName: 'Bram Kuijpers',
    office: 'wethouder',
    party: 'VVD',
    portfolio: 'Financiën, handhaving',
  },
  { org: 'gemeente-tilburg', fullName: 'Noor Yilmaz', office: 'raadslid', party: 'D66' },
  { org: 'gemeente-tilburg', fullName: 'Henk Vermeulen', office: 'raadslid', party: 'CDA' },
  { org: 'gemeente-tilburg', fullName: 'Lotte Smits', office: 'raadslid', party: 'SP' },
  {
    org: 'gemeente-breda',
    fullName: 'Erik Bastiaansen',
    office: 'burgemeester',
    portfolio: 'Openbare orde en veiligheid',
  },
  { org: 'gemeente-breda', fullName: 'Miriam de Graaf', office: 'wethouder', party: 'Breda95', portfolio: 'Wonen' },
];
