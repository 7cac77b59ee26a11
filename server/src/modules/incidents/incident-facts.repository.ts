import type { Db } from '../../db/database.js';

export type IncidentFactRow = {
  id: string;
  officeholder_id: string;
  occurred_at: string;
  channel: string;
  targets: string;
  severity: number;
};

/** Incidents of an organisation by officeholder or by id, with only the fields threat analysis needs. */
export async function findIncidentFacts(
  db: Db,
  organisationId: string,
  filter: { officeholderId?: string; incidentIds?: readonly string[] },
): Promise<{ rows: IncidentFactRow[]; forms: { incident_id: string; form: string }[] }> {
  let q = db
    .selectFrom('incidents')
    .select(['id', 'officeholder_id', 'occurred_at', 'channel', 'targets', 'severity'])
    .where('organisation_id', '=', organisationId);
  if (filter.officeholderId) q = q.where('officeholder_id', '=', filter.officeholderId);
  if (filter.incidentIds) q = q.where('id', 'in', filter.incidentIds.length ? [...filter.incidentIds] : ['']);
  const rows = await q.orderBy('occurred_at').orderBy('id').execute();
  const ids = rows.map((r) => r.id);
  const forms =
    ids.length === 0
      ? []
      : await db
          .selectFrom('incident_forms')
          .select(['incident_id', 'form'])
          .where('incident_id', 'in', ids)
          .orderBy('form')
          .execute();
  return { rows, forms };
}
