import type { Municipality } from './scenario.js';
import { createScreening } from '../../src/modules/screening/screening.service.js';

const person = { schema: 'Person', properties: { name: ['Jan Jansen'] } };

/** Valid bodies for the screening and yente routes, so a refusal is about tenancy, not input. */
export const screeningBodies: Record<string, unknown> = {
  'POST /api/v1/screenings/{screeningId}/decisions': {
    datasetId: '00000000-0000-4000-8000-000000000001',
    entityId: 'geheim-1',
    decision: 'same',
  },
  'POST /api/v1/screenings/{screeningId}/conclusion': { outcome: 'geen_bezwaar', text: 'overschreven' },
  'POST /api/v1/screenings/{screeningId}/grants': {
    granteeOrganisationId: '00000000-0000-4000-8000-000000000001',
    purpose: 'bibob_onderzoek',
    legalBasis: 'art. 28 Wet Bibob',
    expiresAt: '2027-01-01T00:00:00Z',
  },
  'POST /api/yente/match/{dataset}': { queries: { q: person } },
};

/** A screening of organisation B (about `secret`) and the yente name of its dataset. */
export async function screeningRecordsOf(b: Municipality, secret: string): Promise<Record<string, string>> {
  const screening = await createScreening(b.rc, {
    subject: { schema: 'Person', properties: { name: [secret] } },
    purpose: secret,
  });
  return { screeningId: screening.id, dataset: 'geheim' };
}
