import type { AppContext, RequestContext } from '../../platform/context.js';
import { addMeasure, changeMeasureStatus, upsertPlan } from '../../modules/measures/measures.service.js';

const dayMs = 86_400_000;

/**
 * A measure plan made four months ago for a wethouder whose car was vandalised at home, with a
 * review that fell due a month ago: the threat board shows it as overdue. It is made with the
 * clock of that day, as the adviser made it then.
 */
export async function seedDemoPlan(
  adviser: RequestContext,
  officeholderId: string,
  securityCompanyId: string,
): Promise<void> {
  const now = adviser.clock.now().getTime();
  const then: AppContext['clock'] = { now: () => new Date(now - 120 * dayMs) };
  const past: RequestContext = { ...adviser, clock: then };
  await upsertPlan(past, officeholderId, {
    executingOrganisationId: securityCompanyId,
    contact: { name: 'Sanne de Wit', phone: '013 542 00 00' },
    homeAddress: { street: 'Lindenlaan', houseNumber: '14', postcode: '5041 KD', city: 'Tilburg' },
    household: [{ name: 'Els Kuijpers', relation: 'partner' }],
    reviewDueAt: new Date(now - 30 * dayMs).toISOString().slice(0, 10),
  });
  const plan = await addMeasure(past, officeholderId, { code: 'W-CAMERA' });
  const camera = plan.measures.find((m) => m.code === 'W-CAMERA');
  if (!camera) throw new Error('demo plan: camera measure missing');
  for (const status of ['besloten', 'in_uitvoering', 'actief'] as const) {
    await changeMeasureStatus(past, officeholderId, camera.id, { status });
  }
}
