import type { AppContext } from '../../src/platform/context.js';
import { buildOrganisation } from './factories.js';
import type { Municipality } from './scenario.js';
import { answerScan, startScan } from '../../src/modules/scans/scans.service.js';
import { createSupportRequest } from '../../src/modules/support/support.service.js';

const someId = '00000000-0000-4000-8000-000000000001';

/** Valid bodies for the scan, support and duplicate routes, so a refusal is about tenancy, not input. */
export const scanSupportBodies: Record<string, unknown> = {
  'POST /api/v1/officeholders/{officeholderId}/security-scans': { areas: ['woning'] },
  'PUT /api/v1/security-scans/{scanId}/answers': {
    answers: [{ questionCode: 'woning.verlichting', answerCode: 'ja' }],
  },
  'POST /api/v1/support-requests/{requestId}/status': { status: 'in_behandeling', version: 1 },
  'POST /api/v1/support-requests/{requestId}/withdraw': { version: 1 },
  'POST /api/v1/support-requests/{requestId}/notes': { body: 'overschreven' },
  'POST /api/v1/support-requests/{requestId}/shares': { userIds: [someId], expiresAt: '2027-01-01T00:00:00Z' },
  'POST /api/v1/pois/{poiId}/duplicate-decisions': { otherPoiId: someId, decision: 'same' },
};

/** Records of organisation B behind every scan and support route that names a record. */
export async function scanSupportRecordsOf(ctx: AppContext, b: Municipality): Promise<Record<string, string>> {
  const scan = await startScan(b.rc, b.wethouder.id, { areas: ['woning'] });
  const answered = await answerScan(b.rc, scan.id, {
    answers: [{ questionCode: 'woning.alarm', answerCode: 'nee' }],
  });
  const supportOrg = await buildOrganisation(ctx, { type: 'ondersteuningsteam' });
  const request = await createSupportRequest(b.rc, {
    officeholderId: b.wethouder.id,
    supportOrganisationId: supportOrg.id,
    kind: 'vertrouwelijk_advies',
    forWhom: 'ambtsdrager',
    summary: 'Breda ondersteuning',
    details: '',
  });
  return { scanId: scan.id, findingId: answered.findings[0]?.id ?? '', requestId: request.id };
}
