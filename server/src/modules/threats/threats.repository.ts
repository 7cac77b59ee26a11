import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ThreatAssessmentsTable, ThreatProfilesTable } from './threats.table.js';

export type AssessmentRow = Selectable<ThreatAssessmentsTable>;
export type ProfileRow = Selectable<ThreatProfilesTable>;

export async function insertAssessment(db: Db, row: Insertable<ThreatAssessmentsTable>): Promise<void> {
  await db.insertInto('threat_assessments').values(row).execute();
}

/** Assessments of one officeholder, newest first. */
export const listAssessments = (db: Db, organisationId: string, officeholderId: string): Promise<AssessmentRow[]> =>
  db
    .selectFrom('threat_assessments')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('officeholder_id', '=', officeholderId)
    .orderBy('assessed_at', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();

/** Level history of every officeholder of an organisation, newest first (for the board). */
export const listLevelsOfOrganisation = (db: Db, organisationId: string) =>
  db
    .selectFrom('threat_assessments')
    .select(['officeholder_id', 'decided_level', 'assessed_at', 'valid_until'])
    .where('organisation_id', '=', organisationId)
    .orderBy('assessed_at', 'desc')
    .orderBy('created_at', 'desc')
    .execute();

/** The newest assessment of every officeholder (all organisations) whose validity ends before `before`. */
export const latestExpiringBefore = (db: Db, before: string): Promise<AssessmentRow[]> =>
  db
    .selectFrom('threat_assessments as t')
    .selectAll('t')
    .where('t.valid_until', '<=', before)
    .where((eb) =>
      eb(
        't.assessed_at',
        '=',
        eb
          .selectFrom('threat_assessments as n')
          .select((x) => x.fn.max('n.assessed_at').as('m'))
          .whereRef('n.officeholder_id', '=', 't.officeholder_id'),
      ),
    )
    .execute();

export const findProfile = (db: Db, organisationId: string, officeholderId: string): Promise<ProfileRow | undefined> =>
  db
    .selectFrom('threat_profiles')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('officeholder_id', '=', officeholderId)
    .executeTakeFirst();

export async function upsertProfile(db: Db, row: Insertable<ThreatProfilesTable>): Promise<void> {
  await db
    .insertInto('threat_profiles')
    .values(row)
    .onConflict((oc) =>
      oc
        .column('officeholder_id')
        .doUpdateSet({ factors: row.factors, updated_by_user_id: row.updated_by_user_id, updated_at: row.updated_at }),
    )
    .execute();
}
