import type { OfficeholderDto } from './officeholders.schema.js';

/**
 * The parts of an officeholder a grant can share. `kern` (who, which office) comes with every
 * grant; `contact` (e-mail, phone) and `woning` (home address, household) only when named: the
 * police liaison may need `contact`, the security company carrying out a measure `woning`.
 */
export const officeholderParts = ['kern', 'contact', 'woning'] as const;
export type OfficeholderPart = (typeof officeholderParts)[number];

const fieldsOfPart = {
  contact: ['email', 'phone'],
  woning: ['homeAddress', 'familyMembers'],
} as const satisfies Record<Exclude<OfficeholderPart, 'kern'>, readonly (keyof OfficeholderDto)[]>;

/**
 * Masks an officeholder for a reader outside the owner organisation: every field outside the
 * granted parts becomes null and is listed in `masked`; the linked account and the owner's
 * incident statistics are never shown to another organisation.
 */
export function maskOfficeholderForGrant(dto: OfficeholderDto, parts: readonly string[]): OfficeholderDto {
  const copy: OfficeholderDto = { ...dto, userId: null, incidentCount: 0, lastIncidentAt: null };
  const masked: string[] = [];
  for (const [part, fields] of Object.entries(fieldsOfPart)) {
    if (parts.includes(part)) continue;
    for (const field of fields) {
      copy[field] = null;
      masked.push(field);
    }
  }
  return { ...copy, masked };
}
