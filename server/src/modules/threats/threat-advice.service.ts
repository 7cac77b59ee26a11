import type { AppContext } from '../../platform/context.js';
import { incidentFactsOfOfficeholder, type IncidentFact } from '../incidents/incident-facts.service.js';
import { perpetratorIdsByIncident } from '../pois/pois.service.js';
import { assessThreat, type ThreatAdvice } from './engine/assess-threat.js';
import type { FactorCoding, ThreatIncident } from './engine/threat-input.js';

/** An incident fact as the threat engine reads it; incidents without a form cannot be scored and are left out. */
export function toThreatIncident(fact: IncidentFact, perpetratorIds: readonly string[] = []): ThreatIncident | null {
  const [firstForm, ...otherForms] = fact.forms;
  if (!firstForm) return null;
  return {
    id: fact.id,
    occurredAt: fact.occurredAt,
    forms: [firstForm, ...otherForms],
    channel: fact.channel,
    targets: fact.targets.length > 0 ? fact.targets : ['person'],
    severity: fact.severity,
    ...(perpetratorIds.length > 0 ? { perpetratorIds: [...perpetratorIds] } : {}),
  };
}

/** The officeholder's incidents (with linked perpetrators) as engine input. */
export async function threatIncidentsOf(
  ctx: AppContext,
  organisationId: string,
  officeholderId: string,
): Promise<ThreatIncident[]> {
  const facts = await incidentFactsOfOfficeholder(ctx, organisationId, officeholderId);
  const perpetrators = await perpetratorIdsByIncident(
    ctx,
    organisationId,
    facts.map((f) => f.id),
  );
  return facts.flatMap((f) => toThreatIncident(f, perpetrators.get(f.id)) ?? []);
}

/** The engine's explained advice for an officeholder now, from the incident pattern and the factor coding. */
export async function adviseLevel(
  ctx: AppContext,
  organisationId: string,
  officeholderId: string,
  factors: FactorCoding,
): Promise<ThreatAdvice> {
  const incidents = await threatIncidentsOf(ctx, organisationId, officeholderId);
  return assessThreat({ incidents, factors, asOf: ctx.clock.now().toISOString() });
}
