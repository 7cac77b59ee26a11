import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { AppContext } from '../platform/context.js';
import {
  generateCheckpointKeyPair,
  proveAuditEvent,
  signAuditCheckpoint,
  verifyAuditLog,
} from '../platform/audit/audit-log.service.js';

type WithContext = (fn: (ctx: AppContext) => Promise<void>) => Promise<void>;

const readText = (file: string, what: string): string => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    throw new Error(`cannot read the ${what} file ${file}`);
  }
};

/** `weerbaar audit …`: keys, signed checkpoints, verification and inclusion proofs. */
export function registerAuditCommands(program: Command, withContext: WithContext): void {
  const audit = program.command('audit').description('the tamper-evident audit trail');

  audit
    .command('keygen')
    .description('create an Ed25519 key pair for signing checkpoints (keep the private key outside the database)')
    .requiredOption('--out <dir>', 'folder for audit-signing.key and audit-signing.pub')
    .action((opts: { out: string }) => {
      const pair = generateCheckpointKeyPair();
      fs.mkdirSync(opts.out, { recursive: true });
      fs.writeFileSync(path.join(opts.out, 'audit-signing.key'), pair.privateKeyPem, { mode: 0o600 });
      fs.writeFileSync(path.join(opts.out, 'audit-signing.pub'), pair.publicKeyPem);
      process.stdout.write(`Wrote ${opts.out}/audit-signing.key (private) and audit-signing.pub (public).\n`);
    });

  audit
    .command('checkpoint')
    .description('recompute the log and print a signed checkpoint of its size and root')
    .requiredOption('--key <file>', 'private key (PEM)')
    .option('--out <file>', 'write the checkpoint to this file instead of standard output')
    .action((opts: { key: string; out?: string }) =>
      withContext(async (ctx) => {
        const text = await signAuditCheckpoint(ctx, readText(opts.key, 'private key'));
        if (opts.out) fs.writeFileSync(opts.out, text);
        else process.stdout.write(text);
      }),
    );

  audit
    .command('verify')
    .description('recompute the whole log; check it against a checkpoint and an earlier one; exit 1 on any problem')
    .option('--checkpoint <file>', 'signed checkpoint to check the log against')
    .option('--previous <file>', 'an earlier checkpoint that must be consistent with the newer one')
    .option('--public-key <file>', 'public key (PEM) that signed the checkpoints')
    .option('--prove <seq>', 'also print an inclusion proof of this event (needs --checkpoint)', (v) =>
      Number.parseInt(v, 10),
    )
    .action((opts: { checkpoint?: string; previous?: string; publicKey?: string; prove?: number }) =>
      withContext(async (ctx) => {
        const checkpoint = opts.checkpoint ? readText(opts.checkpoint, 'checkpoint') : undefined;
        const result = await verifyAuditLog(ctx, {
          ...(checkpoint ? { checkpoint } : {}),
          ...(opts.previous ? { previousCheckpoint: readText(opts.previous, 'previous checkpoint') } : {}),
          ...(opts.publicKey ? { publicKeyPem: readText(opts.publicKey, 'public key') } : {}),
        });
        if (!result.isValid) {
          const lines = result.problems.map(
            (p) => `  - ${p.kind}${p.sequence !== undefined ? ` (event ${p.sequence})` : ''}: ${p.message}`,
          );
          throw new Error(`the audit log FAILED verification: ${result.problemCount} problem(s)\n${lines.join('\n')}`);
        }
        process.stdout.write(
          `Audit log intact: ${result.eventCount} events, root ${result.rootHash}${checkpoint ? ', matches the checkpoint' : ''}.\n`,
        );
        if (opts.prove !== undefined) {
          if (!checkpoint) throw new Error('--prove needs --checkpoint');
          process.stdout.write(`${JSON.stringify(await proveAuditEvent(ctx, opts.prove, checkpoint), null, 2)}\n`);
        }
      }),
    );
}
