import { z } from 'zod';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { KEY_ID_PATTERN, parseOldKeys } from './services/personalData.js';

/** The repository root, so relative defaults work whatever the working directory. */
export const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Where the embedded database and uploaded files live. */
  DATA_DIR: z.string().default(path.join(ROOT_DIR, 'data')),
  /** PostgreSQL connection string; without it the embedded PGlite database under DATA_DIR is used. */
  DATABASE_URL: z.string().url().optional(),
  /** The public address of the site, used in the PDF's verification QR code. */
  PUBLIC_URL: z.string().url().optional(),
  /** Create the demo round, accounts and registry entries when the database is empty. */
  SEED_DEMO: bool.default(false),
  /** SM4 key (32 hex characters) for personal data at rest. */
  PERSONAL_DATA_KEY: z.string().regex(/^[0-9a-fA-F]{32}$/).optional(),
  /** The id stored with values encrypted under PERSONAL_DATA_KEY (rotation: a new key gets a new id). */
  PERSONAL_DATA_KEY_ID: z.string().regex(KEY_ID_PATTERN, '1–16 letters, digits, _ or -').default('k1'),
  /** Earlier SM4 keys, to read values not yet re-encrypted: `k1:<32 hex>,k0:<32 hex>`. */
  PERSONAL_DATA_OLD_KEYS: z
    .string()
    .optional()
    .transform((v, c) => {
      try {
        return parseOldKeys(v);
      } catch (err) {
        c.addIssue({ code: 'custom', message: (err as Error).message });
        return z.NEVER;
      }
    }),
  /** Key (≥ 32 hex characters) of the keyed SM3 blind index used to look up personal data. */
  BLIND_INDEX_KEY: z.string().regex(/^[0-9a-fA-F]{32,}$/).optional(),
  /** keys:rotate only: the blind-index key being replaced, so the indexes are recomputed under BLIND_INDEX_KEY. */
  BLIND_INDEX_OLD_KEY: z.string().regex(/^[0-9a-fA-F]{32,}$/).optional(),
  /** outbox (local, default) | aliyun | tencent */
  SMS_PROVIDER: z.enum(['outbox', 'aliyun', 'tencent']).default('outbox'),
  SMS_ACCESS_KEY_ID: z.string().optional(),
  SMS_ACCESS_KEY_SECRET: z.string().optional(),
  SMS_SIGN_NAME: z.string().optional(),
  SMS_TEMPLATE_CODE: z.string().optional(),
  SMS_SDK_APP_ID: z.string().optional(),
  /** aliyun / tencent: template of decision notices (入选/未入选), variables round and outcome. */
  SMS_TEMPLATE_DECISION: z.string().optional(),
  /** outbox (local files DATA_DIR/mail-outbox/*.eml, default) | smtp (SMTP_URL) */
  EMAIL_PROVIDER: z.enum(['outbox', 'smtp']).default('outbox'),
  /** smtp(s)://user:password@host:port */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://').optional(),
  EMAIL_FROM: z.string().default('服务型制造示范遴选 <noreply@localhost>'),
  /** Show the SMS outbox page (/dev/outbox); never in production. */
  DEV_OUTBOX: bool.optional(),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  SMS_CODE_TTL_MINUTES: z.coerce.number().positive().default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Serve the built web app from this folder. */
  WEB_DIST: z.string().default(path.join(ROOT_DIR, 'apps/web/dist')),
  /** Redis for rate-limit counters shared by several app instances; in-memory per instance without it. */
  REDIS_URL: z.string().url().optional(),
  /** Where uploaded files live: local (DATA_DIR/files) or s3 (an S3-compatible bucket, shared by several instances). */
  FILE_STORE: z.enum(['local', 's3']).default('local'),
  /** The S3 service's address (MinIO, OSS, COS …); absent means AWS S3. */
  S3_ENDPOINT: z.string().url().regex(/^https?:\/\//, 'an http:// or https:// URL').optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'S3 bucket name: 3–63 lower-case letters, digits, dots, hyphens').optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** The bucket in the path (host/bucket/key) instead of the host name; MinIO usually needs it. */
  S3_FORCE_PATH_STYLE: bool.default(false),
  /**
   * Which proxies may set X-Forwarded-For (Fastify trustProxy): true | false | a comma list of addresses,
   * CIDRs or 'loopback'. Trusting any sender would let a client pick its own IP and dodge rate limits.
   */
  TRUST_PROXY: z
    .string()
    .default('loopback')
    .transform((v): boolean | string => (v === 'true' ? true : v === 'false' ? false : v)),
});

export type Env = z.infer<typeof envSchema> & { devOutbox: boolean; publicUrl: string };

const DEV_KEY = '0123456789abcdeffedcba9876543210';

/** Reads and validates the environment once; every other module receives the typed result. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env, overrides: Partial<Env> = {}): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${lines}`);
  }
  const e = { ...parsed.data, ...overrides };
  if (e.FILE_STORE === 's3') {
    const missing = (['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const).filter((k) => !e[k]);
    if (missing.length) throw new Error(`Invalid configuration:\n  FILE_STORE=s3 needs ${missing.join(', ')}`);
  }
  const reused = (e.PERSONAL_DATA_OLD_KEYS ?? {})[e.PERSONAL_DATA_KEY_ID];
  if (reused && e.PERSONAL_DATA_KEY && reused.toLowerCase() !== e.PERSONAL_DATA_KEY.toLowerCase()) {
    throw new Error(`Invalid configuration:\n  PERSONAL_DATA_OLD_KEYS: key id "${e.PERSONAL_DATA_KEY_ID}" is the current key's id (PERSONAL_DATA_KEY_ID); give the new key a new id`);
  }
  if (e.NODE_ENV === 'production' && (!e.PERSONAL_DATA_KEY || !e.BLIND_INDEX_KEY)) {
    throw new Error('PERSONAL_DATA_KEY and BLIND_INDEX_KEY must be set in production');
  }
  return {
    ...e,
    PERSONAL_DATA_KEY: e.PERSONAL_DATA_KEY ?? DEV_KEY,
    BLIND_INDEX_KEY: e.BLIND_INDEX_KEY ?? DEV_KEY + DEV_KEY,
    devOutbox: e.DEV_OUTBOX ?? e.NODE_ENV !== 'production',
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
  };
}
