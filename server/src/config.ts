import path from 'node:path';
import { z } from 'zod';
import { parseFieldKeys, type FieldKey } from './platform/crypto/field-encryption.js';
import { developmentKeyFile, loadOrCreateDevelopmentKeys } from './platform/crypto/development-key.js';

/** The one reader of process.env: parses and validates configuration once at boot. */
const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    DATABASE_URL: z.string().min(1).default('sqlite:./data/weerbaar.db'),
    DATABASE_APP_ROLE: z
      .string()
      .regex(/^[a-z_][a-z0-9_]*$/, 'must be a plain PostgreSQL role name')
      .optional(),
    SESSION_SECRET: z.string().optional(),
    SESSION_IDLE_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(15),
    SESSION_ABSOLUTE_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 7)
      .default(12),
    TRUST_PROXY: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    SEED_DEMO: z.enum(['auto', 'never']).default('auto'),
    WEB_DIST: z.string().default(path.resolve('dist/web')),
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
    LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(20),
    LOGIN_LOCK_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(15),
    ATTACHMENT_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(10 * 1024 * 1024),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
      .optional(),
    MAIL_FROM: z.string().min(3).default('Weerbaar <noreply@weerbaar.invalid>'),
    JOB_POLL_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
    WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
    ENCRYPTION_KEYS: z
      .string()
      .transform((text, ctx) => {
        const parsed = parseFieldKeys(text);
        if ('keys' in parsed) return parsed.keys;
        for (const message of parsed.problems) ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      })
      .optional(),
    RETENTION_INCIDENTS_DAYS: z.coerce.number().int().min(1).default(2555),
    RETENTION_SCREENINGS_DAYS: z.coerce.number().int().min(1).default(1825),
    RETENTION_SUPPORT_REQUESTS_DAYS: z.coerce.number().int().min(1).default(730),
    RETENTION_POIS_DAYS: z.coerce.number().int().min(1).default(1825),
    RETENTION_ACCESS_REASONS_DAYS: z.coerce.number().int().min(1).default(730),
    RETENTION_NOTIFICATIONS_DAYS: z.coerce.number().int().min(1).default(365),
    RETENTION_TASKS_DAYS: z.coerce.number().int().min(1).default(365),
    RETENTION_GRANTS_DAYS: z.coerce.number().int().min(1).default(730),
    SNAPSHOT_DIR: z.string().min(1).optional(),
    SCREENING_MAX_HOPS: z.coerce.number().int().min(1).max(6).default(4),
    FLAGGED_TOPICS: z
      .string()
      .default('crime,crime.fin,crime.traffick,crime.boss,sanction,poi')
      .transform((v) =>
        v
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean),
      ),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== 'production') return;
    if (!env.ENCRYPTION_KEYS) {
      ctx.addIssue({
        code: 'custom',
        path: ['ENCRYPTION_KEYS'],
        message: 'production needs ENCRYPTION_KEYS (keyId:base64 of 32 bytes; `weerbaar keys generate` makes one)',
      });
    }
    if (!env.SESSION_SECRET || env.SESSION_SECRET.length < 32) {
      ctx.addIssue({
        code: 'custom',
        path: ['SESSION_SECRET'],
        message: 'production needs a SESSION_SECRET of at least 32 characters',
      });
    }
    if (env.SEED_DEMO !== 'never') {
      ctx.addIssue({
        code: 'custom',
        path: ['SEED_DEMO'],
        message: 'production never seeds demo accounts: set SEED_DEMO=never',
      });
    }
  });

export type Config = {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  databaseUrl: string;
  /** PostgreSQL: the role the app acts as (created if missing; row-level security applies to it). */
  databaseAppRole: string | null;
  sessionSecret: string;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  trustProxy: boolean;
  logLevel: string;
  seedDemo: boolean;
  webDist: string;
  loginMaxFailures: number;
  loginLockMinutes: number;
  /** Login attempts per client address per minute (password and second-factor steps each). */
  loginRateLimitPerMinute: number;
  attachmentMaxBytes: number;
  /** Outgoing mail server; without it notifications stay in-app (and webhooks). */
  smtpUrl: string | null;
  mailFrom: string;
  jobPollMs: number;
  webhookTimeoutMs: number;
  /** Field-encryption keyring: the first key seals new values, all keys open old ones. */
  encryptionKeys: readonly FieldKey[];
  /** Closed incidents are deleted this many days after their last change. */
  retentionIncidentsDays: number;
  /** Retention periods in days of the other record classes (see platform/retention). */
  retentionDays: {
    screenings: number;
    supportRequests: number;
    pois: number;
    accessReasons: number;
    notifications: number;
    tasks: number;
    grants: number;
  };
  /** FtM topics that mark an entity as flagged (a sub-topic such as crime.traffick.drug counts too). */
  flaggedTopics: readonly string[];
  /** Where the screening engines keep their binary snapshots (default: beside the SQLite file, or ./data/snapshots). */
  snapshotDir: string;
  /** Screening: longest path (in hops) searched from a candidate to a flagged entity. */
  screeningMaxHops: number;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses an environment record into a Config, or throws ConfigError listing every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    databaseAppRole: e.DATABASE_APP_ROLE ?? null,
    // Development falls back to a per-process random secret; production requires one (checked above).
    sessionSecret: e.SESSION_SECRET ?? randomDevSecret(),
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: e.SESSION_ABSOLUTE_HOURS,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    seedDemo: e.NODE_ENV !== 'production' && e.SEED_DEMO === 'auto',
    webDist: e.WEB_DIST,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockMinutes: e.LOGIN_LOCK_MINUTES,
    loginRateLimitPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
    attachmentMaxBytes: e.ATTACHMENT_MAX_BYTES,
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.MAIL_FROM,
    jobPollMs: e.JOB_POLL_MS,
    webhookTimeoutMs: e.WEBHOOK_TIMEOUT_MS,
    encryptionKeys: e.ENCRYPTION_KEYS ?? defaultEncryptionKeys(e.NODE_ENV, e.DATABASE_URL),
    retentionIncidentsDays: e.RETENTION_INCIDENTS_DAYS,
    retentionDays: {
      screenings: e.RETENTION_SCREENINGS_DAYS,
      supportRequests: e.RETENTION_SUPPORT_REQUESTS_DAYS,
      pois: e.RETENTION_POIS_DAYS,
      accessReasons: e.RETENTION_ACCESS_REASONS_DAYS,
      notifications: e.RETENTION_NOTIFICATIONS_DAYS,
      tasks: e.RETENTION_TASKS_DAYS,
      grants: e.RETENTION_GRANTS_DAYS,
    },
    flaggedTopics: e.FLAGGED_TOPICS,
    snapshotDir: e.SNAPSHOT_DIR ?? defaultSnapshotDir(e.DATABASE_URL),
    screeningMaxHops: e.SCREENING_MAX_HOPS,
  };
}

// Production never gets here (checked above). Tests get a throwaway key; development keeps a
// random key in a file beside the database so a restart can still open what it sealed.
function defaultEncryptionKeys(env: Config['env'], databaseUrl: string): FieldKey[] {
  const file = env === 'development' ? developmentKeyFile(databaseUrl) : null;
  if (file) return loadOrCreateDevelopmentKeys(file);
  return [{ id: 'ephemeral', key: Buffer.from(crypto.getRandomValues(new Uint8Array(32))) }];
}

// Snapshots sit in the data directory next to the SQLite file; PostgreSQL has none, so ./data.
function defaultSnapshotDir(databaseUrl: string): string {
  const file = databaseUrl.startsWith('sqlite:') ? databaseUrl.slice('sqlite:'.length) : '';
  const base = file && file !== ':memory:' ? path.dirname(path.resolve(file)) : path.resolve('data');
  return path.join(base, 'snapshots');
}

function randomDevSecret(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('hex');
}
