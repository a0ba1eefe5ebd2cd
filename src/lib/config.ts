import path from 'node:path';
import { z } from 'zod';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  PUBLIC_URL: z.url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_HOURS: z.coerce.number().positive().max(24 * 90).default(12),
  INVITATION_TTL_HOURS: z.coerce.number().positive().max(24 * 30).default(72),
  RESET_TTL_HOURS: z.coerce.number().positive().max(24 * 7).default(2),
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576),
  IMPORT_LIMIT_BYTES: z.coerce.number().int().positive().default(50 * 1_048_576),
  APPRAISAL_FILE_LIMIT_BYTES: z.coerce.number().int().positive().default(10 * 1_048_576),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(5),
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().positive().default(20),
  LOGIN_WINDOW_MINUTES: z.coerce.number().positive().default(15),
  SURVEY_MIN_GROUP: z.coerce.number().int().min(3, { message: 'must be at least 3 (anonymity)' }).max(1000).default(3),
  SURVEY_LINK_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().positive().default(30),
  TRUST_PROXY: booleanFromEnv.default(false),
  SEED_DEMO: booleanFromEnv.default(true),
  WEB_DIST_DIR: z.string().min(1).default('./dist/web'),
  SEARCH_INDEX_MAX_ORGANIZATIONS: z.coerce.number().int().min(0).default(500_000),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** Folder of the embedded database; ignored when databaseUrl is set. */
  dataDir: string;
  databaseUrl: string | undefined;
  publicUrl: string | undefined;
  logLevel: string;
  sessionTtlMs: number;
  invitationTtlMs: number;
  resetTtlMs: number;
  bodyLimitBytes: number;
  importLimitBytes: number;
  /** Largest evidence file accepted on an appraisal (stored in the database). */
  appraisalFileLimitBytes: number;
  login: { maxFailuresPerAccount: number; maxFailuresPerAddress: number; windowMs: number };
  /** Surveys: the smallest group whose answers are shown (rounds may ask more), and link-guessing throttling. */
  surveys: { minGroupSize: number; maxLinkFailuresPerAddress: number; linkWindowMs: number };
  trustProxy: boolean;
  seedDemo: boolean;
  webDistDir: string;
  /** The directory search keeps its index in process memory up to this many organizations (0: never); above, the database answers. */
  searchIndexMaxOrganizations: number;
};

export class ConfigError extends Error {}

const HOUR = 3_600_000;

/** Parses the environment once; throws ConfigError naming every bad variable. */
export function loadConfig(environment: Record<string, string | undefined> = process.env): Config {
  const relevant = Object.fromEntries(
    Object.keys(environmentSchema.shape).map((key) => [key, emptyToUndefined(environment[key])]),
  );
  const parsed = environmentSchema.safeParse(relevant);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (issue) => `  ${issue.path.join('.')}: ${issue.message} (got ${JSON.stringify(relevant[String(issue.path[0])])})`,
    );
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const value = parsed.data;
  return {
    env: value.NODE_ENV,
    port: value.PORT,
    host: value.HOST,
    dataDir: path.resolve(value.DATA_DIR),
    databaseUrl: value.DATABASE_URL,
    publicUrl: value.PUBLIC_URL?.replace(/\/$/, ''),
    logLevel: value.LOG_LEVEL,
    sessionTtlMs: value.SESSION_TTL_HOURS * HOUR,
    invitationTtlMs: value.INVITATION_TTL_HOURS * HOUR,
    resetTtlMs: value.RESET_TTL_HOURS * HOUR,
    bodyLimitBytes: value.BODY_LIMIT_BYTES,
    importLimitBytes: value.IMPORT_LIMIT_BYTES,
    appraisalFileLimitBytes: value.APPRAISAL_FILE_LIMIT_BYTES,
    login: {
      maxFailuresPerAccount: value.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      maxFailuresPerAddress: value.LOGIN_MAX_FAILURES_PER_ADDRESS,
      windowMs: value.LOGIN_WINDOW_MINUTES * 60_000,
    },
    surveys: {
      minGroupSize: value.SURVEY_MIN_GROUP,
      maxLinkFailuresPerAddress: value.SURVEY_LINK_MAX_FAILURES_PER_ADDRESS,
      linkWindowMs: value.LOGIN_WINDOW_MINUTES * 60_000,
    },
    trustProxy: value.TRUST_PROXY,
    seedDemo: value.SEED_DEMO,
    webDistDir: path.resolve(value.WEB_DIST_DIR),
    searchIndexMaxOrganizations: value.SEARCH_INDEX_MAX_ORGANIZATIONS,
  };
}

function emptyToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
