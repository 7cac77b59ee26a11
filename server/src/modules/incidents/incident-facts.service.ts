import type { AppContext } from '../../platform/context.js';
import type { IncidentChannel, IncidentForm, IncidentTarget } from './incident-taxonomy.js';
import { findIncidentFacts } from './incident-facts.repository.js';

/** An incident as plain data for other modules' engines (threat scoring, POI history): no free text, no names. */
export type IncidentFact = {
  id: string;
  officeholderId: string;
  occurredAt: string;
  forms: IncidentForm[];
  channel: IncidentChannel;
  targets: IncidentTarget[];
  severity: number;
};

async function facts(
  ctx: AppContext,
  organisationId: string,
  filter: { officeholderId?: string; incidentIds?: readonly string[] },
): Promise<IncidentFact[]> {
  const { rows, forms } = await findIncidentFacts(ctx.db, organisationId, filter);
  const formsOf = new Map<string, IncidentForm[]>();
  for (const f of forms) formsOf.set(f.incident_id, [...(formsOf.get(f.incident_id) ?? []), f.form as IncidentForm]);
  return rows.map((r) => ({
    id: r.id,
    officeholderId: r.officeholder_id,
    occurredAt: r.occurred_at,
    forms: formsOf.get(r.id) ?? [],
    channel: r.channel as IncidentChannel,
    targets: JSON.parse(r.targets) as IncidentTarget[],
    severity: r.severity,
  }));
}

/** Every incident about one officeholder of the organisation, oldest first, as engine input. */
export const incidentFactsOfOfficeholder = (
  ctx: AppContext,
  organisationId: string,
  officeholderId: string,
): Promise<IncidentFact[]> => facts(ctx, organisationId, { officeholderId });

/** The given incidents of the organisation (others are left out), oldest first. */
export const incidentFactsByIds = (
  ctx: AppContext,
  organisationId: string,
  incidentIds: readonly string[],
): Promise<IncidentFact[]> => facts(ctx, organisationId, { incidentIds });
