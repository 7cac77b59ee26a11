import { Migrator, sql, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './database.js';
import * as foundation from './migrations/20261129-0001-foundation.js';
import * as sharing from './migrations/20261129-0002-sharing.js';
import * as protection from './migrations/20261129-0003-protection.js';
import * as encryptedFields from './migrations/20261129-0004-encrypted-fields.js';
import * as entities from './migrations/20261129-0005-entities.js';
import * as rowLevelSecurity from './migrations/20261129-0006-row-level-security.js';
import * as scansSupport from './migrations/20261129-0007-scans-support.js';
import * as auditRecordOwner from './migrations/20261129-0008-audit-record-owner.js';
import * as screenings from './migrations/20261129-0009-screenings.js';
import * as rlsProtectionEntities from './migrations/20261129-0010-row-level-security-protection-entities.js';
import * as officeholderSharing from './migrations/20261129-0011-officeholder-sharing.js';
import * as poiEntityLinks from './migrations/20261129-0012-poi-entity-links.js';
import * as poiSharing from './migrations/20261129-0013-poi-sharing.js';
import * as poiPhotos from './migrations/20261129-0014-poi-photos.js';
import * as tlpMarkings from './migrations/20261129-0015-tlp-markings.js';
import * as cacheVersion from './migrations/20261129-0016-cache-version.js';
import * as screeningConclusions from './migrations/20261129-0017-screening-conclusions.js';
import * as entityChanges from './migrations/20261129-0018-entity-changes.js';
import * as cacheVersionAtCommit from './migrations/20261129-0019-cache-version-at-commit.js';

// Migrations are imported statically so the built app and tests need no file-system scanning.
const migrations: Record<string, Migration> = {
  '20261129-0001-foundation': foundation,
  '20261129-0002-sharing': sharing,
  '20261129-0003-protection': protection,
  '20261129-0004-encrypted-fields': encryptedFields,
  '20261129-0005-entities': entities,
  '20261129-0006-row-level-security': rowLevelSecurity,
  '20261129-0007-scans-support': scansSupport,
  '20261129-0008-audit-record-owner': auditRecordOwner,
  '20261129-0009-screenings': screenings,
  '20261129-0010-row-level-security-protection-entities': rlsProtectionEntities,
  '20261129-0011-officeholder-sharing': officeholderSharing,
  '20261129-0012-poi-entity-links': poiEntityLinks,
  '20261129-0013-poi-sharing': poiSharing,
  '20261129-0014-poi-photos': poiPhotos,
  '20261129-0015-tlp-markings': tlpMarkings,
  '20261129-0016-cache-version': cacheVersion,
  '20261129-0017-screening-conclusions': screeningConclusions,
  '20261129-0018-entity-changes': entityChanges,
  '20261129-0019-cache-version-at-commit': cacheVersionAtCommit,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the schema to the newest migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  // Kysely looks for its own tables in every schema unless told which; name the current one so
  // databases holding several schemas (tests run one per file, in parallel) never confuse it.
  const schema = await currentPostgresSchema(db);
  const migrator = new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${message}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

async function currentPostgresSchema(db: Db): Promise<string | null> {
  try {
    const result = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
    return result.rows[0]?.schema ?? null;
  } catch {
    return null; // SQLite has no schemas
  }
}
