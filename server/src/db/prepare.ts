import { openDatabase, type DatabaseHandle, type OpenOptions } from './database.js';
import { migrateToLatest } from './migrate.js';
import { ensureAppRole } from './app-role.js';

/**
 * Migrates as the connecting (owner) role, then opens the handle the application uses: on
 * PostgreSQL with an app role that role owns nothing and bypasses no row-level security.
 */
export async function prepareDatabase(
  url: string,
  options: OpenOptions = {},
): Promise<{ handle: DatabaseHandle; applied: string[] }> {
  const owner = openDatabase(url, options.schema ? { schema: options.schema } : {});
  try {
    const applied = await migrateToLatest(owner.db);
    if (owner.dialect === 'postgres' && options.appRole) await ensureAppRole(owner.db, options.appRole);
    if (owner.dialect === 'sqlite' || !options.appRole) return { handle: owner, applied };
    await owner.close();
    return { handle: openDatabase(url, options), applied };
  } catch (error) {
    await owner.close();
    throw error;
  }
}
