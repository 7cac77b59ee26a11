import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import { openColumns, sealColumns } from '../../platform/crypto/encrypted-columns.js';
import type { FieldKeys } from '../../platform/crypto/field-encryption.js';
import type { SupportRequestNotesTable, SupportRequestsTable } from './support.table.js';

export type SupportRequestRow = Selectable<SupportRequestsTable>;
export type SupportNoteRow = Selectable<SupportRequestNotesTable>;

// Summary, details and note bodies are sealed here on write and opened on read.
const openedRequest = (keys: FieldKeys, row: SupportRequestRow): SupportRequestRow =>
  openColumns(keys, 'support_requests', { rowId: row.id, organisationId: row.organisation_id }, row);

export async function insertRequest(db: Db, keys: FieldKeys, row: Insertable<SupportRequestsTable>): Promise<void> {
  const ids = { rowId: row.id, organisationId: row.organisation_id };
  await db
    .insertInto('support_requests')
    .values(sealColumns(keys, 'support_requests', ids, row))
    .execute();
}

/** A request whatever its organisation: only for deciding access (requester, support team, grant). */
export async function findRequestForAccessCheck(
  db: Db,
  keys: FieldKeys,
  id: string,
): Promise<SupportRequestRow | undefined> {
  const row = await db.selectFrom('support_requests').selectAll().where('id', '=', id).executeTakeFirst();
  return row && openedRequest(keys, row);
}

export type VisibleFilter = {
  organisationId: string;
  userId: string;
  ownOfficeholderId: string | null;
  /** Set when the reader handles requests for a support organisation. */
  supportOrganisationId: string | null;
  grantedIds: string[];
};

/** The requests the reader is party to, newest first. */
export async function listVisibleRequests(db: Db, keys: FieldKeys, f: VisibleFilter): Promise<SupportRequestRow[]> {
  const rows = await db
    .selectFrom('support_requests')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('organisation_id', '=', f.organisationId), eb('requester_user_id', '=', f.userId)]),
        eb.and([eb('organisation_id', '=', f.organisationId), eb('officeholder_id', '=', f.ownOfficeholderId ?? '')]),
        eb('support_organisation_id', '=', f.supportOrganisationId ?? ''),
        eb('id', 'in', f.grantedIds.length > 0 ? f.grantedIds : ['']),
      ]),
    )
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(500)
    .execute();
  return rows.map((r) => openedRequest(keys, r));
}

/** Applies a change only at the given version; returns whether a row changed. */
export async function updateRequestAtVersion(
  db: Db,
  id: string,
  version: number,
  patch: Updateable<SupportRequestsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('support_requests')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertNote(db: Db, keys: FieldKeys, row: Insertable<SupportRequestNotesTable>): Promise<void> {
  const ids = { rowId: row.id, organisationId: row.organisation_id };
  await db
    .insertInto('support_request_notes')
    .values(sealColumns(keys, 'support_request_notes', ids, row))
    .execute();
}

export const notesOf = async (db: Db, keys: FieldKeys, requestId: string): Promise<SupportNoteRow[]> =>
  (
    await db
      .selectFrom('support_request_notes')
      .selectAll()
      .where('request_id', '=', requestId)
      .orderBy('created_at')
      .orderBy('id')
      .execute()
  ).map((r) => openColumns(keys, 'support_request_notes', { rowId: r.id, organisationId: r.organisation_id }, r));
