import { InvalidArgumentError, type Command } from 'commander';
import type { AppContext } from '../platform/context.js';
import { generateFieldKeyLine } from '../platform/crypto/field-encryption.js';
import { rotateFieldKeys } from '../platform/crypto/key-rotation.service.js';

type WithContext = (fn: (ctx: AppContext) => Promise<void>) => Promise<void>;

const positiveInteger = (value: string): number => {
  const n = Number.parseInt(value, 10);
  if (!Number.isInteger(n) || n < 1 || n > 10_000) throw new InvalidArgumentError('a whole number from 1 to 10000');
  return n;
};

/** `weerbaar keys …`: field-encryption keys for home addresses and perpetrator identities. */
export function registerKeyCommands(program: Command, withContext: WithContext): void {
  const keys = program.command('keys').description('encryption at rest of sensitive fields');

  keys
    .command('generate')
    .description('print a new random key as an ENCRYPTION_KEYS entry (put it first to make it current)')
    .option(
      '--id <id>',
      'key id stored with every value it seals',
      `k${new Date().toISOString().slice(0, 10).replaceAll('-', '')}`,
    )
    .action((opts: { id: string }) => {
      process.stdout.write(`${generateFieldKeyLine(opts.id)}\n`);
    });

  keys
    .command('rotate')
    .description('re-encrypt every encrypted field with the current (first) key; safe to interrupt and rerun')
    .option('--batch-size <n>', 'rows per transaction', positiveInteger, 200)
    .action((opts: { batchSize: number }) =>
      withContext(async (ctx) => {
        const summary = await rotateFieldKeys(ctx, {
          batchSize: opts.batchSize,
          onBatch: (p) =>
            process.stdout.write(`${p.table}: ${p.rows} rows (${p.reencrypted} re-encrypted, ${p.sealed} sealed)\n`),
        });
        process.stdout.write(
          `Done: ${summary.rows} rows in ${summary.batches} batches now use key "${summary.currentKeyId}" ` +
            `(${summary.reencrypted} values re-encrypted, ${summary.sealed} values in clear sealed).\n` +
            'Older keys can be removed from ENCRYPTION_KEYS once every instance runs with the new first key.\n',
        );
      }),
    );
}
