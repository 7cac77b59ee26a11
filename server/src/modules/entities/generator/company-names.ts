import { COMMON_SURNAMES, splitSurname } from './dutch-names.js';
import { PLACES } from './dutch-places.js';
import { pick, pickSkewed } from './prng.js';
import type { Random } from './prng.js';

export interface LegalForm {
  suffix: string;
  /** FtM legalForm text. */
  name: string;
}

const BV: LegalForm = { suffix: 'B.V.', name: 'Besloten Vennootschap' };
const HOLDING: LegalForm = { suffix: 'Holding B.V.', name: 'Besloten Vennootschap' };
const VOF: LegalForm = { suffix: 'V.O.F.', name: 'Vennootschap onder firma' };
const STICHTING: LegalForm = { suffix: 'Stichting', name: 'Stichting' };

const SECTORS = [
  'Bouw',
  'Installatietechniek',
  'Transport',
  'Logistiek',
  'Handelsonderneming',
  'Vastgoed',
  'Beheer',
  'Consultancy',
  'Schoonmaak',
  'Horeca',
  'Cafetaria',
  'Autohandel',
  'Kapsalon',
  'Nagelstudio',
  'Import Export',
  'Trading',
  'Groothandel',
  'IT Services',
  'Uitzendbureau',
  'Beveiliging',
  'Klussenbedrijf',
  'Bloemen',
  'Bakkerij',
  'Slagerij',
  'Administratiekantoor',
  'Hoveniers',
  'Schilders',
  'Loodgieters',
  'Fietsen',
  'Koeriers',
  'Zonnepanelen',
  'Belwinkel',
] as const;

const WORDS = [
  'Noordzee',
  'Zuidwest',
  'Oranje',
  'Polder',
  'Delta',
  'Randstad',
  'Kempen',
  'Veluwe',
  'Maas',
  'Rijn',
  'Waal',
  'IJssel',
  'Horizon',
  'Vitaal',
  'Prima',
  'Eurostar',
  'Gouden',
  'Zilveren',
  'Nova',
  'Atlas',
] as const;

/** Legal form mix of the Dutch register, simplified: B.V. most common. */
export function randomLegalForm(random: Random): LegalForm {
  const r = random();
  if (r < 0.6) return BV;
  if (r < 0.72) return HOLDING;
  if (r < 0.9) return VOF;
  return STICHTING;
}

/** A company name: family name, place or brand word plus sector, with its legal form. */
export function randomCompanyName(random: Random, form: LegalForm): string {
  const style = random();
  let base: string;
  if (style < 0.4) {
    const { prefix, core } = splitSurname(pickSkewed(random, COMMON_SURNAMES));
    const family = prefix ? `${prefix.charAt(0).toUpperCase()}${prefix.slice(1)} ${core}` : core;
    base = form === HOLDING ? family : `${family} ${pick(random, SECTORS)}`;
  } else if (style < 0.7) {
    base = `${pick(random, SECTORS)} ${pickSkewed(random, PLACES).city}`;
  } else {
    base = `${pick(random, WORDS)} ${pick(random, SECTORS)}`;
  }
  return form === STICHTING ? `Stichting ${base}` : `${base} ${form.suffix}`;
}
