import { Command, InvalidArgumentError } from 'commander';
import { ConfigError, loadConfig } from './config.js';
import { boot } from './boot.js';
import { AppError } from './platform/errors.js';
import { createLogger } from './platform/logger.js';
import { roles, type Role } from './platform/access/roles.js';
import { organisationTypes, type OrganisationType } from './modules/organisations/organisations.table.js';
import { createOrganisation, requireOrganisationBySlug } from './modules/organisations/organisations.service.js';
import { enrolTotpForUser, createUser } from './modules/users/users.service.js';
import { seedDemoData } from './db/seed/demo-seed.js';
import { readSecret } from './cli/read-secret.js';
import { registerAuditCommands } from './cli/audit-commands.js';
import { registerKeyCommands } from './cli/key-commands.js';
import { registerRetentionCommands } from './cli/retention-commands.js';
import { registerEntityCommands } from './cli/entity-commands.js';
import type { AppContext } from './platform/context.js';

const program = new Command('weerbaar')
  .description('Weerbaar command line: administration, import, export and audit')
  .showHelpAfterError();

const oneOf =
  <T extends string>(values: readonly T[], what: string) =>
  (value: string): T => {
    if (!values.includes(value as T))
      throw new InvalidArgumentError(`unknown ${what} "${value}"; choose one of: ${values.join(', ')}`);
    return value as T;
  };
const collectRoles = (value: string, previous: Role[] = []): Role[] => [
  ...previous,
  ...value.split(',').map((r) => oneOf(roles, 'role')(r.trim())),
];

/** Runs `fn` with a booted context and always closes the database. */
async function withContext(fn: (ctx: AppContext) => Promise<void>): Promise<void> {
  const config = loadConfig();
  // The CLI speaks through its own output; only warnings from the app belong in it.
  const { ctx, handle } = await boot(config, {
    logger: createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel),
  });
  try {
    await fn(ctx);
  } finally {
    await handle.close();
  }
}

const db = program.command('db').description('database');
db.command('migrate')
  .description('bring the database schema to the newest version')
  .action(() =>
    withContext(async () => {
      process.stdout.write('Database is up to date.\n');
    }),
  );
db.command('seed')
  .description('fill an empty database with demo data (never in production)')
  .action(() =>
    withContext(async (ctx) => {
      if (!ctx.config.seedDemo)
        throw new AppError('forbidden', 'demo data is disabled here (production or SEED_DEMO=never)');
      const isSeeded = await seedDemoData(ctx);
      process.stdout.write(isSeeded ? 'Demo data seeded.\n' : 'The database is not empty; nothing seeded.\n');
    }),
  );

const orgs = program.command('organisations').description('organisations');
orgs
  .command('create')
  .requiredOption('--slug <slug>', 'short name used in URLs and the CLI')
  .requiredOption('--name <name>', 'display name')
  .requiredOption(
    '--type <type>',
    `one of ${organisationTypes.join(', ')}`,
    oneOf(organisationTypes, 'organisation type'),
  )
  .action((opts: { slug: string; name: string; type: OrganisationType }) =>
    withContext(async (ctx) => {
      const org = await createOrganisation(ctx, opts);
      process.stdout.write(`Created organisation ${org.slug} (${org.id}).\n`);
    }),
  );

const users = program.command('users').description('accounts');
users
  .command('create')
  .description('create an account; the password is read from standard input; prints the TOTP secret once')
  .requiredOption('--org <slug>', 'organisation slug')
  .requiredOption('--role <role>', `role (repeat or comma-separate): ${roles.join(', ')}`, collectRoles)
  .requiredOption('--email <email>', 'e-mail address (the login name)')
  .option('--name <name>', 'display name (default: the e-mail address)')
  .action((opts: { org: string; role: Role[]; email: string; name?: string }) =>
    withContext(async (ctx) => {
      const organisation = await requireOrganisationBySlug(ctx, opts.org);
      const password = await readSecret('Password: ');
      const user = await createUser(ctx, {
        organisationId: organisation.id,
        email: opts.email.trim().toLowerCase(),
        displayName: opts.name ?? opts.email,
        roles: opts.role,
        password,
        locale: 'nl',
      });
      const totp = await enrolTotpForUser(ctx, user.id);
      process.stdout.write(
        [
          `Created ${user.email} in ${organisation.slug} with roles ${user.roles.join(', ')}.`,
          `TOTP secret (shown once): ${totp.secret}`,
          `otpauth URI: ${totp.uri}`,
          '',
        ].join('\n'),
      );
    }),
  );

registerAuditCommands(program, withContext);
registerKeyCommands(program, withContext);
registerRetentionCommands(program, withContext);
registerEntityCommands(program, withContext);

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`weerbaar: ${describe(error)}\n`);
  process.exit(1);
});

function describe(error: unknown): string {
  if (error instanceof ConfigError) return error.message;
  if (error instanceof AppError) {
    return error.details.issues?.length
      ? error.details.issues.map((i) => `${i.path}: ${i.message}`).join('; ')
      : error.userMessage;
  }
  if (error instanceof Error && error.name === 'ZodError') return error.message;
  return error instanceof Error ? error.message : String(error);
}
