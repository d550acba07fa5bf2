import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { Logger } from '@nestjs/common';
import type { JWK } from 'jose';
import type { AppConfig } from '../../../core/config/app.config.js';
import { readEd25519PrivateKey, readEd25519PublicKeys } from '../../../core/crypto/ed25519-keys.js';
import { type CheckpointPayload, kidOf, publicJwk, signCheckpoint, verifyCheckpoint } from './checkpoint-jws.js';

type KeySettings = Pick<
  AppConfig,
  'NODE_ENV' | 'AUDIT_SIGNING_KEY' | 'AUDIT_PUBLIC_KEYS' | 'AUDIT_LOG_ORIGIN' | 'DATABASE_URL' | 'SQLITE_PATH'
>;

/**
 * The key that signs the audit log's checkpoints, and the public keys that verify them: the
 * signing key's own and the earlier ones of AUDIT_PUBLIC_KEYS, each under its thumbprint as
 * `kid`. The private key comes from configuration only, never from the database, so that
 * whoever can write to the database still cannot sign a checkpoint.
 */
export class AuditSigningKeys {
  private constructor(
    private readonly privateKey: KeyObject,
    readonly kid: string,
    /** The log's name, signed into every checkpoint. */
    readonly origin: string,
    private readonly publicKeys: ReadonlyMap<string, KeyObject>,
  ) {}

  static async load(config: KeySettings): Promise<AuditSigningKeys> {
    const privateKey = config.AUDIT_SIGNING_KEY ? readEd25519PrivateKey(config.AUDIT_SIGNING_KEY) : developmentKey(config);
    const current = createPublicKey(privateKey);
    const kid = await kidOf(current);
    const publicKeys = new Map<string, KeyObject>([[kid, current]]);
    for (const key of config.AUDIT_PUBLIC_KEYS ? readEd25519PublicKeys(config.AUDIT_PUBLIC_KEYS) : [])
      publicKeys.set(await kidOf(key), key);
    return new AuditSigningKeys(privateKey, kid, config.AUDIT_LOG_ORIGIN ?? defaultOrigin(config), publicKeys);
  }

  /** A checkpoint of this log, signed with the current key. */
  sign(head: Omit<CheckpointPayload, 'origin'>): Promise<string> {
    return signCheckpoint({ origin: this.origin, ...head }, this.privateKey, this.kid);
  }

  /** The payload of a checkpoint signed by any key this log knows; throws CheckpointError otherwise. */
  verify(jws: string): Promise<{ kid: string; payload: CheckpointPayload }> {
    return verifyCheckpoint(jws, this.publicKeys);
  }

  /** Every public key, the current one first, as a JWKS. */
  async jwks(): Promise<{ keys: JWK[] }> {
    return { keys: await Promise.all([...this.publicKeys.values()].map((key) => publicJwk(key))) };
  }
}

/**
 * Development and test only (configuration refuses to start elsewhere without a key): a key
 * generated once beside the SQLite file (`./data` by default) and kept there, created
 * exclusively so that two processes starting together end up with the same one.
 */
function developmentKey(config: KeySettings): KeyObject {
  if (config.NODE_ENV !== 'development' && config.NODE_ENV !== 'test') throw new Error('AUDIT_SIGNING_KEY is required');
  const folder = config.SQLITE_PATH === ':memory:' ? 'data' : dirname(config.SQLITE_PATH);
  const path = join(folder, 'audit-signing-key.pem');
  if (!existsSync(path)) {
    mkdirSync(folder, { recursive: true });
    const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    try {
      writeFileSync(path, pem, { flag: 'wx', mode: 0o600 });
      new Logger(AuditSigningKeys.name).warn(
        { path },
        'Generated an audit signing key for development; set AUDIT_SIGNING_KEY in production',
      );
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return readEd25519PrivateKey(readFileSync(path, 'utf8'));
}

/** The database the log lives in, without credentials: `postgres://host:port/name`, or `sqlite:<file name>`. */
function defaultOrigin(config: KeySettings): string {
  if (config.DATABASE_URL) {
    const url = new URL(config.DATABASE_URL);
    return `hedui:postgres://${url.host}${url.pathname}`;
  }
  return `hedui:sqlite:${config.SQLITE_PATH === ':memory:' ? 'memory' : basename(resolve(config.SQLITE_PATH))}`;
}
