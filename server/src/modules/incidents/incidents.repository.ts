import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import { openColumns, sealColumns } from '../../platform/crypto/encrypted-columns.js';
import type { FieldKeys } from '../../platform/crypto/field-encryption.js';
import type { IncidentAttachmentsTable, IncidentEventsTable, IncidentsTable } from './incidents.table.js';

export type IncidentRow = Selectable<IncidentsTable>;
export type IncidentEventRow = Selectable<IncidentEventsTable>;
export type AttachmentMeta = Omit<Selectable<IncidentAttachmentsTable>, 'data'>;
export type IncidentListRow = IncidentRow & {
  officeholder_name: string;
  officeholder_office: string;
  officeholder_user_id: string | null;
};

// Perpetrator identities are sealed here on write and opened on read, so no caller sees ciphertext.
const opened = <R extends IncidentRow>(keys: FieldKeys, row: R): R =>
  openColumns(keys, 'incidents', { rowId: row.id, organisationId: row.organisation_id }, row);

export type IncidentFilter = {
  organisationId: string;
  /** Narrows the own organisation's incidents to these officeholders (an officeholder's own view). */
  officeholderIds?: string[];
  /** The reader: TLP:RED incidents of the own organisation show only to their reporter, their subject and named people. */
  userId: string;
  /** Incidents shared with the reader by a live grant (other organisations', or own TLP:RED ones naming the reader). */
  sharedIds: string[];
  officeholderId?: string;
  from?: string;
  to?: string;
  forms?: string[];
  channels?: string[];
  statuses?: string[];
  processes?: string[];
  text?: string;
  limit: number;
  offset: number;
};

function filtered(db: Db, f: IncidentFilter) {
  let q = db
    .selectFrom('incidents as i')
    .innerJoin('officeholders as o', 'o.id', 'i.officeholder_id')
    .where((eb) => {
      const own = [
        eb('i.organisation_id', '=', f.organisationId),
        eb.or([eb('i.tlp', '<>', 'RED'), eb('i.reported_by_user_id', '=', f.userId), eb('o.user_id', '=', f.userId)]),
      ];
      if (f.officeholderIds)
        own.push(eb('i.officeholder_id', 'in', f.officeholderIds.length ? f.officeholderIds : ['']));
      return eb.or([eb.and(own), eb('i.id', 'in', f.sharedIds.length ? f.sharedIds : [''])]);
    });
  if (f.officeholderId) q = q.where('i.officeholder_id', '=', f.officeholderId);
  if (f.from) q = q.where('i.occurred_at', '>=', f.from);
  if (f.to) q = q.where('i.occurred_at', '<', f.to);
  if (f.channels?.length) q = q.where('i.channel', 'in', f.channels as IncidentRow['channel'][]);
  if (f.statuses?.length) q = q.where('i.status', 'in', f.statuses as IncidentRow['status'][]);
  if (f.processes?.length) q = q.where('i.municipal_process', 'in', f.processes as IncidentRow['municipal_process'][]);
  if (f.forms?.length) {
    const forms = f.forms;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('incident_forms as f')
          .select('f.incident_id')
          .whereRef('f.incident_id', '=', 'i.id')
          .where('f.form', 'in', forms),
      ),
    );
  }
  if (f.text) {
    const pattern = `%${f.text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb(sql`lower(i.summary)`, 'like', sql`${pattern} escape '\\'`),
        eb(sql`lower(i.reference)`, 'like', sql`${pattern} escape '\\'`),
      ]),
    );
  }
  return q;
}

/** One page of incidents matching the filter, newest first, with the total count. */
export async function listIncidents(
  db: Db,
  keys: FieldKeys,
  f: IncidentFilter,
): Promise<{ rows: IncidentListRow[]; total: number }> {
  const rows = await filtered(db, f)
    .selectAll('i')
    .select([
      'o.full_name as officeholder_name',
      'o.office as officeholder_office',
      'o.user_id as officeholder_user_id',
    ])
    .orderBy('i.occurred_at', 'desc')
    .orderBy('i.id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  const count = await filtered(db, f)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return { rows: rows.map((r) => opened(keys, r)), total: Number(count.n) };
}

const selectIncident = (db: Db) =>
  db
    .selectFrom('incidents as i')
    .innerJoin('officeholders as o', 'o.id', 'i.officeholder_id')
    .selectAll('i')
    .select([
      'o.full_name as officeholder_name',
      'o.office as officeholder_office',
      'o.user_id as officeholder_user_id',
    ]);

export async function findIncident(
  db: Db,
  keys: FieldKeys,
  organisationId: string,
  id: string,
): Promise<IncidentListRow | undefined> {
  const row = await selectIncident(db)
    .where('i.organisation_id', '=', organisationId)
    .where('i.id', '=', id)
    .executeTakeFirst();
  return row && opened(keys, row);
}

/** An incident whatever its organisation: only for deciding access through a grant. */
export async function findIncidentForAccessCheck(
  db: Db,
  keys: FieldKeys,
  id: string,
): Promise<IncidentListRow | undefined> {
  const row = await selectIncident(db).where('i.id', '=', id).executeTakeFirst();
  return row && opened(keys, row);
}

/** Forms per incident id, for a page of incidents. */
export async function formsOf(db: Db, incidentIds: string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  if (incidentIds.length === 0) return result;
  const rows = await db
    .selectFrom('incident_forms')
    .select(['incident_id', 'form'])
    .where('incident_id', 'in', incidentIds)
    .orderBy('form')
    .execute();
  for (const r of rows) result.set(r.incident_id, [...(result.get(r.incident_id) ?? []), r.form]);
  return result;
}

export async function insertIncident(
  db: Db,
  keys: FieldKeys,
  row: Insertable<IncidentsTable>,
  forms: string[],
): Promise<void> {
  const ids = { rowId: row.id, organisationId: row.organisation_id };
  await db
    .insertInto('incidents')
    .values(sealColumns(keys, 'incidents', ids, row))
    .execute();
  await replaceForms(db, row.id, row.organisation_id, forms);
}

export async function replaceForms(db: Db, incidentId: string, organisationId: string, forms: string[]): Promise<void> {
  await db.deleteFrom('incident_forms').where('incident_id', '=', incidentId).execute();
  if (forms.length === 0) return;
  await db
    .insertInto('incident_forms')
    .values(forms.map((form) => ({ incident_id: incidentId, organisation_id: organisationId, form })))
    .execute();
}

/** Applies a change only if the stored version is `version`; returns whether a row changed. */
export async function updateIncidentAtVersion(
  db: Db,
  keys: FieldKeys,
  organisationId: string,
  id: string,
  version: number,
  patch: Updateable<IncidentsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('incidents')
    .set({ ...sealColumns(keys, 'incidents', { rowId: id, organisationId }, patch), version: version + 1 })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Appends a timeline entry at the next position of its incident (call inside the change's transaction). */
export async function insertEvent(db: Db, row: Omit<Insertable<IncidentEventsTable>, 'position'>): Promise<void> {
  const last = await db
    .selectFrom('incident_events')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('incident_id', '=', row.incident_id)
    .executeTakeFirst();
  await db
    .insertInto('incident_events')
    .values({ ...row, position: Number(last?.max ?? 0) + 1 })
    .execute();
}

export const listEvents = (db: Db, organisationId: string, incidentId: string): Promise<IncidentEventRow[]> =>
  db
    .selectFrom('incident_events')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('incident_id', '=', incidentId)
    .orderBy('position')
    .execute();

export const insertAttachment = async (db: Db, row: Insertable<IncidentAttachmentsTable>): Promise<void> => {
  await db.insertInto('incident_attachments').values(row).execute();
};

export const listAttachments = (db: Db, organisationId: string, incidentId: string): Promise<AttachmentMeta[]> =>
  db
    .selectFrom('incident_attachments')
    .select([
      'id',
      'incident_id',
      'organisation_id',
      'file_name',
      'content_type',
      'size_bytes',
      'sha256',
      'uploaded_by_user_id',
      'created_at',
    ])
    .where('organisation_id', '=', organisationId)
    .where('incident_id', '=', incidentId)
    .orderBy('created_at')
    .execute();

export const findAttachment = (
  db: Db,
  organisationId: string,
  incidentId: string,
  id: string,
): Promise<Selectable<IncidentAttachmentsTable> | undefined> =>
  db
    .selectFrom('incident_attachments')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('incident_id', '=', incidentId)
    .where('id', '=', id)
    .executeTakeFirst();
