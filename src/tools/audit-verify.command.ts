import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { readEd25519PublicKeys } from '../core/crypto/ed25519-keys.js';
import { CheckpointError, type CheckpointPayload, kidOf, verifyCheckpoint } from '../modules/audit/checkpoint/checkpoint-jws.js';
import { type ChainSession, sqliteChain, withPostgresChain } from '../modules/audit/verify/chain-session.js';
import { type ChainVerdict, verifyChain } from '../modules/audit/verify/chain-verifier.js';

export const AUDIT_VERIFY_USAGE = `usage: npm run audit:verify -- --database-url <postgres://… | sqlite:<file> | <file>> [--checkpoint <file> --public-key <file>] [--origin <name>]

Walks the whole audit chain in the database, and with a signed checkpoint (the compact JWS of
GET /v1/audit-events/checkpoint, kept outside the deployment) proves that the log still holds
exactly the prefix it names. --public-key: PEM (one or more keys) or a JWKS (GET /v1/audit-events/keys).
Needs read access to the database only. Exit status: 0 valid, 1 not valid, 2 unusable input.`;

export interface AuditVerifyOutcome {
  code: 0 | 1 | 2;
  /** JSON of the verdict, or a message. */
  output: string;
}

class UsageError extends Error {}

/**
 * `npm run audit:verify`: the verification of GET /v1/audit-events/verify?checkpoint=…, offline,
 * with the service's own chain code but neither the service nor its configuration: an
 * auditor needs a read-only database login, the checkpoint and the public key.
 */
export async function runAuditVerify(args: string[]): Promise<AuditVerifyOutcome> {
  try {
    const { values } = parseArgs({
      args,
      options: {
        'database-url': { type: 'string' },
        checkpoint: { type: 'string' },
        'public-key': { type: 'string' },
        origin: { type: 'string' },
        help: { type: 'boolean' },
      },
    });
    if (values.help) return { code: 0, output: AUDIT_VERIFY_USAGE };
    const databaseUrl = values['database-url'];
    if (!databaseUrl) throw new UsageError(AUDIT_VERIFY_USAGE);
    if ((values.checkpoint === undefined) !== (values['public-key'] === undefined)) {
      throw new UsageError('--checkpoint and --public-key go together');
    }
    let checkpoint: CheckpointPayload | undefined;
    if (values.checkpoint && values['public-key']) {
      const keys = await publicKeys(readText(values['public-key'], '--public-key'));
      ({ payload: checkpoint } = await verifyCheckpoint(readText(values.checkpoint, '--checkpoint').trim(), keys));
      if (values.origin !== undefined && checkpoint.origin !== values.origin) {
        throw new UsageError(`the checkpoint is one of ${checkpoint.origin}, not of ${values.origin}`);
      }
    }
    const verdict = await withChain(databaseUrl, (session) =>
      verifyChain(session, { checkpoints: checkpoint ? [{ sequence: checkpoint.sequence, hash: checkpoint.hash }] : [] }),
    );
    return { code: verdict.valid ? 0 : 1, output: JSON.stringify(answerOf(verdict, checkpoint), null, 2) };
  } catch (error) {
    if (error instanceof CheckpointError) return { code: 2, output: `The checkpoint is not usable: ${error.message}` };
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      return { code: 2, output: (error as Error).message };
    }
    throw error;
  }
}

function answerOf(verdict: ChainVerdict, checkpoint: CheckpointPayload | undefined) {
  const context = checkpoint ? { checkpoint } : {};
  return verdict.valid
    ? { valid: true, events: verdict.events, head: verdict.head, ...context }
    : { valid: false, firstBadSequence: verdict.firstBadSequence, reason: verdict.reason, ...context };
}

function readText(path: string, option: string): string {
  if (!existsSync(path)) throw new UsageError(`${option}: no file ${path}`);
  return readFileSync(path, 'utf8');
}

/** Public keys by kid, from PEM text (one or more keys) or a JWKS. */
async function publicKeys(text: string): Promise<Map<string, KeyObject>> {
  let keys: KeyObject[];
  if (text.trimStart().startsWith('{')) {
    const jwks = JSON.parse(text) as { keys?: JsonWebKey[] };
    keys = (jwks.keys ?? []).map((jwk) => createPublicKey({ key: jwk, format: 'jwk' }));
  } else {
    keys = readEd25519PublicKeys(text);
  }
  if (keys.length === 0) throw new UsageError('--public-key: no key in the file');
  return new Map(await Promise.all(keys.map(async (key) => [await kidOf(key), key] as const)));
}

/** A read of the chain in the database the URL names: PostgreSQL, or a SQLite file opened read-only. */
async function withChain<T>(databaseUrl: string, work: (session: ChainSession) => Promise<T>): Promise<T> {
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return await withPostgresChain(client, work);
    } finally {
      await client.end();
    }
  }
  const path = databaseUrl.replace(/^sqlite:(\/\/)?/, '').replace(/^file:(\/\/)?/, '');
  if (!existsSync(path)) throw new UsageError(`--database-url: no SQLite file ${path}`);
  const database = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return await work(sqliteChain(database));
  } finally {
    database.close();
  }
}
