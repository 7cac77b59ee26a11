import type { Config } from './config.js';
import type { DatabaseHandle } from './db/database.js';
import { prepareDatabase } from './db/prepare.js';
import { systemClock, type Clock } from './platform/clock.js';
import { createLogger, type Logger } from './platform/logger.js';
import type { AppContext } from './platform/context.js';

/** Opens and migrates the database and assembles the AppContext the server and CLI share. */
export async function boot(
  config: Config,
  options: { clock?: Clock; logger?: Logger } = {},
): Promise<{ ctx: AppContext; handle: DatabaseHandle }> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const { handle, applied } = await prepareDatabase(
    config.databaseUrl,
    config.databaseAppRole ? { appRole: config.databaseAppRole } : {},
  );
  if (applied.length > 0) logger.info({ applied }, 'migrations applied');
  return {
    ctx: { db: handle.db, dialect: handle.dialect, config, clock: options.clock ?? systemClock, logger },
    handle,
  };
}
