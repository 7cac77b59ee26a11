import type { Command } from 'commander';
import type { AppContext } from '../platform/context.js';
import { runRetention } from '../platform/retention/retention.service.js';

type WithContext = (fn: (ctx: AppContext) => Promise<void>) => Promise<void>;

/** `weerbaar retention run`: the daily retention job on demand (the server also runs it daily). */
export function registerRetentionCommands(program: Command, withContext: WithContext): void {
  program
    .command('retention')
    .description('deletion of records past their retention period')
    .command('run')
    .description('delete expired records now, leaving a tombstone in the audit trail for each')
    .action(() =>
      withContext(async (ctx) => {
        const summary = await runRetention(ctx);
        for (const r of summary.rules) {
          process.stdout.write(
            `Retention rule ${r.rule} (${r.retentionDays} days, last change before ${r.cutoff}): ` +
              `${r.deleted} ${r.objectType} record(s) deleted.\n`,
          );
        }
        process.stdout.write(`${summary.deleted} record(s) deleted in total.\n`);
      }),
    );
}
