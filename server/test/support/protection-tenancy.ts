import type { AppContext } from '../../src/platform/context.js';
import { buildOrganisation } from './factories.js';
import type { Municipality } from './scenario.js';
import { upsertPlan, addMeasure } from '../../src/modules/measures/measures.service.js';
import { createPoi } from '../../src/modules/pois/pois.service.js';
import { createPoiGroup } from '../../src/modules/pois/poi-groups.service.js';
import { createWebhook, listMyNotifications } from '../../src/modules/notifications/notifications.service.js';
import { listMyTasks } from '../../src/modules/tasks/tasks.service.js';
import { setThreatFactors } from '../../src/modules/threats/threat-triggers.service.js';

const someId = '00000000-0000-4000-8000-000000000001';

/** Valid bodies for the protective-intelligence routes, so a refusal is about tenancy, not input. */
export const protectionBodies: Record<string, unknown> = {
  'PATCH /api/v1/pois/{poiId}': { version: 1, notes: 'overschreven' },
  'POST /api/v1/pois/{poiId}/incidents': { incidentId: someId, role: 'dader' },
  'POST /api/v1/poi-groups/{groupId}/members': { poiId: someId },
  'PUT /api/v1/officeholders/{officeholderId}/measure-plan': { household: [] },
  'POST /api/v1/officeholders/{officeholderId}/measure-plan/measures': { code: 'W-CAMERA' },
  'PATCH /api/v1/officeholders/{officeholderId}/measure-plan/measures/{measureId}': { costEuro: 1 },
  'POST /api/v1/officeholders/{officeholderId}/measure-plan/measures/{measureId}/status': { status: 'besloten' },
  'POST /api/v1/officeholders/{officeholderId}/threat-assessments': {
    decidedLevel: 'laag',
    decisionReason: 'overschreven',
    product: 'dreigingsmelding',
    authority: 'burgemeester',
    validUntil: '2030-01-01',
  },
  'PUT /api/v1/officeholders/{officeholderId}/threat-factors': { factors: {} },
  'PATCH /api/v1/work-orders/{workOrderId}': { progress: 'uitgevoerd' },
};

/** Records of organisation B behind every protective-intelligence route that names a record. */
export async function protectionRecordsOf(ctx: AppContext, b: Municipality): Promise<Record<string, string>> {
  const security = await buildOrganisation(ctx, { type: 'beveiligingsbedrijf' });
  await upsertPlan(b.rc, b.wethouder.id, { executingOrganisationId: security.id });
  const plan = await addMeasure(b.rc, b.wethouder.id, { code: 'W-CAMERA' });
  const poi = await createPoi(b.rc, {
    displayName: 'Breda POI',
    names: [],
    birthDate: null,
    addresses: [],
    onlineHandles: [],
    notes: '',
  });
  const group = await createPoiGroup(b.rc, { name: 'Breda groep', description: '', poiIds: [poi.id] });
  const webhook = await createWebhook(b.rc, { url: 'http://127.0.0.1:9/none', description: '' });
  await setThreatFactors(b.rc, b.wethouder.id, { direct_threat: 'present' });
  const [task] = await listMyTasks(b.rc);
  const [notification] = await listMyNotifications(b.rc, false);
  return {
    poiId: poi.id,
    groupId: group.id,
    measureId: plan.measures[0]?.id ?? '',
    workOrderId: plan.measures[0]?.workOrder?.id ?? '',
    webhookId: webhook.id,
    taskId: task?.id ?? '',
    notificationId: notification?.id ?? '',
  };
}
