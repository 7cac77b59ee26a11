import type { ShareableRecordType } from '../../src/modules/sharing/sharing.table.js';
import type { SupportStatus } from '../../src/modules/support/support.table.js';
import { newId } from '../../src/platform/ids.js';
import type { TestApp } from './test-app.js';
import type { Municipality } from './scenario.js';

// Rows for the retention tests, written straight to the database at the clock's now: retention
// only looks at timestamps, statuses and links, so the services' validation is not needed here.

export const reasonNote = 'Onderzoek naar buurman Pietersen';
export const notificationTitle = 'Nieuwe melding over Pietersen';
export const taskTitle = 'Bel Pietersen terug';
export const legalBasis = 'Art. 8 Wpg, zaak Pietersen';

const now = (t: TestApp): string => t.clock.now().toISOString();
const farFuture = (t: TestApp): string => new Date(t.clock.now().getTime() + 9000 * 86_400_000).toISOString();

export async function screening(t: TestApp, m: Municipality, caption: string): Promise<string> {
  const id = newId();
  await t.ctx.db
    .insertInto('screenings')
    .values({
      id,
      organisation_id: m.org.id,
      created_by_user_id: m.adviserUser.id,
      created_at: now(t),
      purpose: 'bibob_onderzoek',
      case_reference: null,
      subject_schema: 'Company',
      subject_caption: caption,
      subject: JSON.stringify({ schema: 'Company', properties: { name: [caption] } }),
      datasets: '[]',
      result: '{"candidates":[]}',
      candidate_count: 0,
      red_flag_count: 0,
      conclusion_outcome: 'geen_bezwaar',
      conclusion_text: `Geen bezwaar tegen ${caption}`,
      concluded_by_user_id: m.adviserUser.id,
      concluded_at: now(t),
    })
    .execute();
  return id;
}

/** The organisation's dataset of screened applicants, holding the applicants of `screeningIds`. */
export async function subjectDataset(t: TestApp, m: Municipality, screeningIds: string[]): Promise<string> {
  const id = newId();
  await t.ctx.db
    .insertInto('datasets')
    .values({
      id,
      organisation_id: m.org.id,
      name: 'gescreende-aanvragers',
      title: 'Gescreende aanvragers',
      kind: 'eigen_registratie',
      entity_count: screeningIds.length,
      created_at: now(t),
      updated_at: now(t),
    })
    .execute();
  for (const screeningId of screeningIds) {
    await t.ctx.db
      .insertInto('entities')
      .values({
        dataset_id: id,
        id: `screening-${screeningId}`,
        schema: 'Company',
        caption: 'Aanvrager',
        caption_key: 'aanvrager',
        properties: '{}',
        topics: '[]',
        first_seen: now(t),
        last_seen: now(t),
        changed_at: now(t),
      })
      .execute();
  }
  return id;
}

export async function matchDecision(t: TestApp, m: Municipality, datasetId: string, screeningId: string) {
  await t.ctx.db
    .insertInto('match_decisions')
    .values({
      id: newId(),
      organisation_id: m.org.id,
      left_dataset_id: datasetId,
      left_entity_id: `screening-${screeningId}`,
      right_dataset_id: newId(),
      right_entity_id: 'kvk-123',
      decision: 'same',
      note: null,
      decided_by_user_id: m.adviserUser.id,
      decided_at: now(t),
    })
    .execute();
}

export async function supportRequest(t: TestApp, m: Municipality, summary: string, status: SupportStatus) {
  const id = newId();
  const closed = status === 'afgerond' || status === 'ingetrokken';
  await t.ctx.db
    .insertInto('support_requests')
    .values({
      id,
      organisation_id: m.org.id,
      support_organisation_id: m.org.id,
      requester_user_id: m.adviserUser.id,
      officeholder_id: m.wethouder.id,
      kind: 'psychosociale_zorg',
      for_whom: 'naasten',
      summary,
      details: summary,
      status,
      status_reason: null,
      version: 1,
      created_at: now(t),
      updated_at: now(t),
      closed_at: closed ? now(t) : null,
    })
    .execute();
  return id;
}

export async function supportNote(t: TestApp, m: Municipality, requestId: string, body: string) {
  await t.ctx.db
    .insertInto('support_request_notes')
    .values({
      id: newId(),
      request_id: requestId,
      organisation_id: m.org.id,
      author_user_id: m.adviserUser.id,
      author_role: 'support_team',
      body,
      created_at: now(t),
    })
    .execute();
}

export async function grant(
  t: TestApp,
  m: Municipality,
  recordType: ShareableRecordType,
  recordId: string,
  opts: { expiresAt?: string; revoked?: boolean; users?: string[] },
): Promise<string> {
  const id = newId();
  await t.ctx.db
    .insertInto('grants')
    .values({
      id,
      organisation_id: m.org.id,
      record_type: recordType,
      record_id: recordId,
      grantee_organisation_id: m.org.id,
      purpose: 'riec_casus',
      legal_basis: legalBasis,
      parts: '["kern"]',
      expires_at: opts.expiresAt ?? farFuture(t),
      created_by_user_id: m.adviserUser.id,
      created_at: now(t),
      revoked_at: opts.revoked ? now(t) : null,
      revoked_by_user_id: opts.revoked ? m.adviserUser.id : null,
    })
    .execute();
  for (const userId of opts.users ?? [m.adviserUser.id]) {
    await t.ctx.db.insertInto('grant_users').values({ grant_id: id, user_id: userId }).execute();
  }
  return id;
}

/** A photo, entity link, group membership and a duplicate decision with `otherPoiId` for `poiId`; a photo for the other. */
export async function poiChildren(t: TestApp, m: Municipality, poiId: string, otherPoiId: string) {
  const db = t.ctx.db;
  const photo = (id: string) => ({
    id: newId(),
    organisation_id: m.org.id,
    poi_id: id,
    file_name: 'foto.jpg',
    content_type: 'image/jpeg',
    size_bytes: 3,
    sha256: 'abc',
    data: Buffer.from('abc'),
    uploaded_by_user_id: m.adviserUser.id,
    created_at: now(t),
  });
  await db
    .insertInto('poi_photos')
    .values([photo(poiId), photo(otherPoiId)])
    .execute();
  await db
    .insertInto('poi_entity_links')
    .values({
      id: newId(),
      organisation_id: m.org.id,
      poi_id: poiId,
      dataset_id: newId(),
      entity_id: 'NK-123',
      note: null,
      created_by_user_id: m.adviserUser.id,
      created_at: now(t),
    })
    .execute();
  const groupId = newId();
  await db
    .insertInto('poi_groups')
    .values({ id: groupId, organisation_id: m.org.id, name: 'Groep', description: '', created_at: now(t) })
    .execute();
  await db
    .insertInto('poi_group_members')
    .values({ group_id: groupId, poi_id: poiId, organisation_id: m.org.id })
    .execute();
  const [left, right] = [poiId, otherPoiId].sort();
  await db
    .insertInto('poi_duplicate_decisions')
    .values({
      id: newId(),
      organisation_id: m.org.id,
      left_poi_id: left ?? poiId,
      right_poi_id: right ?? otherPoiId,
      decision: 'different',
      note: null,
      decided_by_user_id: m.adviserUser.id,
      decided_at: now(t),
    })
    .execute();
}

export async function accessReason(t: TestApp, m: Municipality): Promise<string> {
  const id = newId();
  await t.ctx.db
    .insertInto('access_reasons')
    .values({
      id,
      credential_id: newId(),
      user_id: m.adviserUser.id,
      organisation_id: m.org.id,
      record_type: 'incident',
      record_id: newId(),
      purpose: 'riec_casus',
      note: reasonNote,
      created_at: now(t),
    })
    .execute();
  return id;
}

export async function notification(t: TestApp, m: Municipality, read: boolean): Promise<string> {
  const id = newId();
  await t.ctx.db
    .insertInto('notifications')
    .values({
      id,
      organisation_id: m.org.id,
      user_id: m.adviserUser.id,
      kind: 'test',
      title_nl: notificationTitle,
      title_en: notificationTitle,
      subject_type: 'incident',
      subject_id: newId(),
      created_at: now(t),
      read_at: read ? now(t) : null,
    })
    .execute();
  return id;
}

export async function task(t: TestApp, m: Municipality, done: boolean): Promise<string> {
  const id = newId();
  await t.ctx.db
    .insertInto('tasks')
    .values({
      id,
      organisation_id: m.org.id,
      assignee_user_id: m.adviserUser.id,
      kind: 'test',
      title_nl: taskTitle,
      title_en: taskTitle,
      subject_type: 'incident',
      subject_id: newId(),
      due_at: now(t),
      status: done ? 'done' : 'open',
      open_key: null,
      created_at: now(t),
      completed_at: done ? now(t) : null,
    })
    .execute();
  return id;
}
