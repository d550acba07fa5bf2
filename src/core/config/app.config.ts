import { plainToInstance, Transform } from 'class-transformer';
import {
  getMetadataStorage,
  IsBoolean,
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
import {
  DEFAULT_MAX_TOKEN_TTL_S,
  DEVELOPMENT_JWT_SECRET,
  hs256Secret,
  isDevelopmentEnvironment,
  MIN_JWT_SECRET_BYTES,
} from './deployment-environment.js';
import { outboundUrlProblem } from './outbound-url.js';

export { DEVELOPMENT_JWT_SECRET } from './deployment-environment.js';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);
/** `true` or `false`; empty (what compose passes for an unset variable) is false. */
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' || value === '' ? false : value);
const URL_OPTIONS = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };
const REGISTRIES = ['HOUSEHOLD', 'VEHICLE', 'BUSINESS'] as const;

/**
 * The service's whole configuration, read from the environment once at boot. Nothing else
 * reads `process.env`. Names follow `shared/API.md`; the rest are the service's own knobs.
 */
export class AppConfig {
  /** `development` or `test`; anything else, unset included, is production (see isDevelopmentEnvironment). */
  @Transform(({ value }: { value: unknown }) => (value === '' ? 'production' : value))
  @IsString()
  NODE_ENV = 'production';

  /** Whether this is a development or test run, where the development secret and the sandbox registries are the defaults. */
  get developmentOrTest(): boolean {
    return isDevelopmentEnvironment(this.NODE_ENV);
  }

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

  /**
   * The HS256 secret of staff tokens. Unset: the development secret in development and test
   * (unless AUTH_JWKS_URL is set); elsewhere it, AUTH_JWKS_URL or both must be set.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  AUTH_JWT_SECRET?: string;

  /** An identity provider's JWKS (RS256 and ES256 keys); tokens whose `kid` it does not know fetch it again, at most once per AUTH_JWKS_COOLDOWN_MS. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl(URL_OPTIONS, { message: 'AUTH_JWKS_URL must be an http(s) URL' })
  AUTH_JWKS_URL?: string;

  /** The `iss` every token must carry; unset: not checked. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  AUTH_JWT_ISSUER?: string;

  /** An `aud` every token must include; unset: not checked. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  AUTH_JWT_AUDIENCE?: string;

  /** The longest lifetime of a token: one whose `exp` lies further ahead, or whose `exp - iat` is longer, is refused. */
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(30 * 24 * 3600)
  AUTH_MAX_TOKEN_TTL_S = DEFAULT_MAX_TOKEN_TTL_S;

  /** How long after fetching the JWKS a token with an unknown `kid` may make it be fetched again: a flood of made-up kids costs the provider one fetch per period. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  AUTH_JWKS_COOLDOWN_MS = 30000;

  /** How long one JWKS fetch may take; a token that needs it is refused (401) when it fails. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60000)
  AUTH_JWKS_TIMEOUT_MS = 5000;

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

  /**
   * Outside development and test a registry without a URL stops the start, unless this is
   * `true`: a training deployment, whose determinations and readiness then say that the
   * built-in sandbox answered.
   */
  @Transform(toBoolean)
  @IsBoolean({ message: 'REGISTRY_SANDBOX must be true or false' })
  REGISTRY_SANDBOX = false;

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

  /** The largest registry answer read; a longer one is cut off as it streams in and counts as malformed (INVALID_RESPONSE). */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  REGISTRY_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

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

  /**
   * How long a registry lookup waits for others to share its call (at most 50 identifiers)
   * before the call goes with fewer: a lone new application waits this plus one call.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(10000)
  REGISTRY_BATCH_LINGER_MS = 100;

  /** Calls of one registry search under way at once from one process; lookups beyond them share later calls. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  REGISTRY_CALLS_IN_FLIGHT = 4;

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

  /** HTTP calls per second to the household registry, retries included, across every process; 0: no limit. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  HOUSEHOLD_REGISTRY_RATE_LIMIT = 0;

  /** HTTP calls per second to the vehicle registry, retries included, across every process; 0: no limit. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  VEHICLE_REGISTRY_RATE_LIMIT = 0;

  /** HTTP calls per second to the business registry, retries included, across every process; 0: no limit. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  BUSINESS_REGISTRY_RATE_LIMIT = 0;

  /**
   * How many times a check whose attempts all met 429 is put back on its queue, delayed by the
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
   * The nice value a worker process (SERVICE_MODE=worker) lowers itself to, every thread of it:
   * on a host it shares with an API process, submissions are answered first and the workers
   * take the CPU the API leaves. 0 leaves the priority alone; a process never raises its own.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(19)
  WORKER_NICENESS = 10;

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

  /**
   * The reviewer console's built files (`npm run build` writes them to `dist/console`), served at
   * `/console`; relative to the working directory. Missing: the service starts without the console.
   */
  @IsString()
  CONSOLE_DIR = 'dist/console';

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

  /** When set, /metrics is served on this port only, not on PORT: a port that only the scraper's network reaches. */
  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(65535)
  METRICS_PORT?: number;

  /** When set, /metrics asks for `Authorization: Bearer <METRICS_TOKEN>` (Prometheus: `authorization` in the scrape config). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'METRICS_TOKEN must be at least 16 characters' })
  METRICS_TOKEN?: string;

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
  problems.push(...deploymentProblems(config));
  config.AUTH_JWT_SECRET = hs256Secret(config);
  if (problems.length > 0) {
    throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  return config;
}

/**
 * What production asks beyond each variable's own rules: a secret of its own or an identity
 * provider, real registries (or REGISTRY_SANDBOX=true said out loud), and TLS to whatever the
 * service calls or trusts keys from. Development and test keep their zero-setup defaults.
 */
function deploymentProblems(config: AppConfig): string[] {
  const problems: string[] = [];
  const secret = config.AUTH_JWT_SECRET;
  if (secret !== undefined && Buffer.byteLength(secret, 'utf8') < MIN_JWT_SECRET_BYTES) {
    problems.push(`AUTH_JWT_SECRET: must be at least ${MIN_JWT_SECRET_BYTES} bytes`);
  }
  if (config.METRICS_PORT !== undefined && config.METRICS_PORT === config.PORT) {
    problems.push('METRICS_PORT: must differ from PORT (unset it to serve /metrics on PORT)');
  }
  if (config.developmentOrTest) return problems;

  const where = `outside development and test (NODE_ENV=${config.NODE_ENV})`;
  if (secret === DEVELOPMENT_JWT_SECRET) {
    problems.push(`AUTH_JWT_SECRET: the published development secret is refused ${where}`);
  }
  if (secret === undefined && config.AUTH_JWKS_URL === undefined) {
    problems.push(
      `AUTH_JWT_SECRET: required ${where}, at least ${MIN_JWT_SECRET_BYTES} bytes, unless AUTH_JWKS_URL names an identity provider's keys`,
    );
  }
  if (config.AUDIT_SIGNING_KEY === undefined) {
    problems.push(`AUDIT_SIGNING_KEY: required ${where}: an Ed25519 private key (PKCS#8 PEM text, or the path of a file holding it)`);
  }
  for (const registry of REGISTRIES) {
    if (config[`${registry}_REGISTRY_URL`] === undefined && !config.REGISTRY_SANDBOX) {
      problems.push(
        `${registry}_REGISTRY_URL: required ${where}; set REGISTRY_SANDBOX=true to use the built-in sandbox registry instead (training only)`,
      );
    }
  }
  for (const name of [...REGISTRIES.map((registry) => `${registry}_REGISTRY_URL` as const), 'WEBHOOK_URL', 'AUTH_JWKS_URL'] as const) {
    const url = config[name];
    const problem = url === undefined ? undefined : outboundUrlProblem(url);
    if (problem) problems.push(`${name}: ${problem} ${where}`);
  }
  return problems;
}

/** Every variable the service reads: each property of AppConfig that carries a validation rule. */
export function configVariables(): string[] {
  const rules = getMetadataStorage().getTargetValidationMetadatas(AppConfig, '', true, false);
  return [...new Set(rules.map((rule) => rule.propertyName))];
}
