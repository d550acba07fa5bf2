import { plainToInstance, Transform } from 'class-transformer';
import {
  getMetadataStorage,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  validateSync,
} from 'class-validator';
import { IsCronPatternOrEmpty } from '../validation/cron-pattern.js';
import { IsEd25519Key } from '../validation/ed25519-key.js';

export const DEVELOPMENT_JWT_SECRET = 'hedui-development-secret-do-not-use-in-production';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);
const URL_OPTIONS = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

/**
 * The service's whole configuration, read from the environment once at boot. Nothing else
 * reads `process.env`. Names follow `shared/API.md`; the rest are the service's own knobs.
 */
export class AppConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /**
   * What this process runs: `api` (the HTTP API, which only enqueues), `worker` (the queue
   * workers and the sweeper, with only /health over HTTP) or `all` (both). Any number of each
   * may share one Redis and one database.
   */
  @IsIn(['all', 'api', 'worker'])
  SERVICE_MODE: 'all' | 'api' | 'worker' = 'all';

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  /** Where the embedded SQLite file lives when DATABASE_URL is unset. */
  @IsString()
  @MinLength(1)
  SQLITE_PATH = 'data/hedui.sqlite';

  @Matches(/^rediss?:\/\/\S+$/, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Prefix of every BullMQ key, so that several deployments (or test runs) can share one Redis. */
  @IsString()
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'QUEUE_PREFIX must be letters, digits, _ or -' })
  QUEUE_PREFIX = 'hedui';

  @IsString()
  @MinLength(16, { message: 'AUTH_JWT_SECRET must be at least 16 characters' })
  AUTH_JWT_SECRET = DEVELOPMENT_JWT_SECRET;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl(URL_OPTIONS, { message: 'HOUSEHOLD_REGISTRY_URL must be an http(s) URL' })
  HOUSEHOLD_REGISTRY_URL?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl(URL_OPTIONS, { message: 'VEHICLE_REGISTRY_URL must be an http(s) URL' })
  VEHICLE_REGISTRY_URL?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl(URL_OPTIONS, { message: 'BUSINESS_REGISTRY_URL must be an http(s) URL' })
  BUSINESS_REGISTRY_URL?: string;

  @IsOptional()
  @IsString()
  HOUSEHOLD_REGISTRY_TOKEN?: string;

  @IsOptional()
  @IsString()
  VEHICLE_REGISTRY_TOKEN?: string;

  @IsOptional()
  @IsString()
  BUSINESS_REGISTRY_TOKEN?: string;

  /** How long one registry call may take before it counts as a timeout. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  REGISTRY_TIMEOUT_MS = 5000;

  /** Attempts per registry call, the first included (POLICY.md: 4). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(20)
  REGISTRY_MAX_ATTEMPTS = 4;

  /** First backoff step between attempts; it doubles each time, with jitter. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  REGISTRY_RETRY_BASE_MS = 500;

  /** The longest wait a `Retry-After` may impose (POLICY.md: 30 s). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  REGISTRY_RETRY_AFTER_CAP_MS = 30000;

  /** Consecutive failed calls (after their retries) to one registry that open its circuit breaker. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  REGISTRY_BREAKER_THRESHOLD = 5;

  /** How long an open breaker refuses calls before it lets one through to probe the registry. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  REGISTRY_BREAKER_HALF_OPEN_MS = 30000;

  /** Household registry checks started per second, across every process; 0: no limit. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  HOUSEHOLD_REGISTRY_RATE_LIMIT = 0;

  /** Vehicle registry checks started per second, across every process; 0: no limit. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  VEHICLE_REGISTRY_RATE_LIMIT = 0;

  /** Business registry checks started per second, across every process; 0: no limit. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  BUSINESS_REGISTRY_RATE_LIMIT = 0;

  /**
   * How many times a check whose attempts all met 429 is put back on its queue to wait out the
   * registry's `Retry-After`, before it is recorded as unavailable.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(100)
  REGISTRY_RATE_LIMIT_DEFERRALS = 3;

  /** Jobs one worker process runs at once, per queue. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  WORKER_CONCURRENCY = 50;

  /**
   * How long a worker's hold on a job lasts before it must renew it. A job whose process died
   * is found stalled, and run again by another worker, within about twice this.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  JOB_LOCK_MS = 30000;

  /** On SIGTERM: how long jobs under way get to finish before the process leaves them to their locks and exits. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  SHUTDOWN_GRACE_MS = 25000;

  /** How long a submission waits for Redis to take its verification before leaving it to the sweeper. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  ENQUEUE_WAIT_MS = 1000;

  /** A verification still pending after this long is enqueued again (idempotently) by the sweeper. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  VERIFICATION_REQUEUE_AFTER_MS = 60000;

  /** How often each process sweeps for verifications that were never queued or were lost from Redis. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  VERIFICATION_SWEEP_INTERVAL_MS = 15000;

  /** How long a reviewer's claim on a case holds before it returns to the queue. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  REVIEW_CLAIM_MINUTES = 30;

  /** How long a request waits for a PostgreSQL connection before it answers 503 instead of hanging. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  DATABASE_CONNECT_TIMEOUT_MS = 1500;

  /** PostgreSQL cancels any statement running longer (a lock wait included), so no request holds a connection for ever; 0: no limit. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  DATABASE_STATEMENT_TIMEOUT_MS = 30000;

  /** How long /health/ready waits for each dependency before it counts it as down. */
  @Transform(toInt)
  @IsInt()
  @Min(50)
  @Max(1000)
  HEALTH_CHECK_TIMEOUT_MS = 1000;

  /**
   * Requests per API_RATE_LIMIT_WINDOW_MS that one staff member (the token's `sub`) may make, or
   * one client IP without a valid token; 0: no limit. Health, metrics and docs are never limited.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  API_RATE_LIMIT = 600;

  /** The sliding window of API_RATE_LIMIT, in milliseconds. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  API_RATE_LIMIT_WINDOW_MS = 60000;

  /** Browser origins (exact, comma-separated, e.g. `https://intake.example.gov.cn`) that may call the API cross-origin; empty: CORS off. */
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((origin) => origin.trim())
          .filter(Boolean)
      : value,
  )
  @Matches(/^https?:\/\/[^/\s?#,]+$/, { each: true, message: 'CORS_ORIGINS must be comma-separated origins such as https://host:port' })
  CORS_ORIGINS: string[] = [];

  /** Where determinations and reviewers' decisions are announced (an HTTP POST per event); unset: no notifications. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl(URL_OPTIONS, { message: 'WEBHOOK_URL must be an http(s) URL' })
  WEBHOOK_URL?: string;

  /** The HMAC-SHA256 key that signs every webhook call; required, at least 32 characters, when WEBHOOK_URL is set. */
  @Transform(emptyToUndefined)
  @ValidateIf((config: AppConfig) => config.WEBHOOK_URL !== undefined)
  @MinLength(32, { message: 'WEBHOOK_SECRET must be set, at least 32 characters, when WEBHOOK_URL is set' })
  WEBHOOK_SECRET?: string;

  /** How long one webhook call may take, answer included, before it counts as failed and is retried. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60000)
  WEBHOOK_TIMEOUT_MS = 5000;

  /** Calls per event, the first included, before an event whose receiver keeps failing is given up. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  WEBHOOK_MAX_ATTEMPTS = 12;

  /** First wait between webhook calls; it doubles with each retry, with jitter (half to all of it). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  WEBHOOK_RETRY_BASE_MS = 1000;

  /** How long a /metrics scrape waits for each queue's job counts before it leaves them out (`hedui_queue_counts_up` 0), so that a scrape never hangs on a Redis that is down. */
  @Transform(toInt)
  @IsInt()
  @Min(50)
  @Max(10000)
  METRICS_QUEUE_TIMEOUT_MS = 1000;

  /**
   * When enrolled households are checked for periodic re-verification: a cron pattern (five
   * fields, or six with seconds first) in Asia/Shanghai time. Each firing starts one run per
   * programme for the households whose last verification is older than their policy's
   * interval. Empty: no schedule (worker processes remove it at start-up).
   */
  @IsCronPatternOrEmpty({ message: 'REVERIFICATION_SCHEDULE must be a cron pattern (5 or 6 fields) or empty' })
  REVERIFICATION_SCHEDULE = '0 2 * * *';

  /** Households a re-verification run selects, records and enqueues per step; each household in its own transaction. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(5000)
  REVERIFICATION_BATCH_SIZE = 200;

  /** A re-verification run takes no more households while this many of its verifications are still pending. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  REVERIFICATION_MAX_PENDING = 2000;

  /**
   * The Ed25519 private key that signs the audit log's checkpoints: PKCS#8 PEM text, or the path
   * of a file holding it. Never stored in the database. Required outside development and test;
   * there, unset, one is generated once in the folder of SQLITE_PATH (`./data`).
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsEd25519Key('private', {
    message: 'AUDIT_SIGNING_KEY must be an Ed25519 private key: PKCS#8 PEM text, or the path of a file holding one',
  })
  AUDIT_SIGNING_KEY?: string;

  /** Earlier signing keys' public halves (SPKI PEM text, or comma-separated file paths), so that checkpoints they signed still verify after a rotation. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsEd25519Key('public', {
    message: 'AUDIT_PUBLIC_KEYS must be Ed25519 public keys: SPKI PEM text, or comma-separated paths of files holding them',
  })
  AUDIT_PUBLIC_KEYS?: string;

  /** The name of this deployment's audit log, signed into every checkpoint; unset: derived from the database (its host and name, or the SQLite file). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @MaxLength(200)
  @Matches(/^[\x21-\x7e]+$/, { message: 'AUDIT_LOG_ORIGIN must be printable ASCII without spaces' })
  AUDIT_LOG_ORIGIN?: string;

  /** Where each signed audit checkpoint is also sent (a signed POST, as webhook events are), so that a copy lives outside the deployment; unset: nowhere. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl(URL_OPTIONS, { message: 'AUDIT_WITNESS_URL must be an http(s) URL' })
  AUDIT_WITNESS_URL?: string;

  /** The HMAC-SHA256 key that signs each call to AUDIT_WITNESS_URL; required, at least 32 characters, when it is set. */
  @Transform(emptyToUndefined)
  @ValidateIf((config: AppConfig) => config.AUDIT_WITNESS_URL !== undefined)
  @MinLength(32, { message: 'AUDIT_WITNESS_SECRET must be set, at least 32 characters, when AUDIT_WITNESS_URL is set' })
  AUDIT_WITNESS_SECRET?: string;

  /** How often each process looks for committed audit events to seal (one process seals at a time). */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(60000)
  AUDIT_SEAL_INTERVAL_MS = 200;

  /** Audit events sealed per transaction at most. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(20000)
  AUDIT_SEAL_BATCH = 5000;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';
}

/** Validates the environment; throws one error naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const known = Object.fromEntries(configVariables().map((key) => [key, env[key]]));
  const defined = Object.fromEntries(Object.entries(known).filter(([, value]) => value !== undefined));
  const config = plainToInstance(AppConfig, defined);
  const problems = validateSync(config, { forbidUnknownValues: true }).flatMap((error) =>
    Object.values(error.constraints ?? {}).map((message) => `${error.property}: ${message}`),
  );
  if (config.NODE_ENV === 'production' && config.AUTH_JWT_SECRET === DEVELOPMENT_JWT_SECRET) {
    problems.push('AUTH_JWT_SECRET: the development secret is refused when NODE_ENV=production');
  }
  if (config.NODE_ENV !== 'development' && config.NODE_ENV !== 'test' && config.AUDIT_SIGNING_KEY === undefined) {
    problems.push(
      'AUDIT_SIGNING_KEY: required outside development and test: an Ed25519 private key (PKCS#8 PEM text, or the path of a file holding it)',
    );
  }
  if (problems.length > 0) {
    throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  return config;
}

/** Every variable the service reads: each property of AppConfig that carries a validation rule. */
export function configVariables(): string[] {
  const rules = getMetadataStorage().getTargetValidationMetadatas(AppConfig, '', true, false);
  return [...new Set(rules.map((rule) => rule.propertyName))];
}
