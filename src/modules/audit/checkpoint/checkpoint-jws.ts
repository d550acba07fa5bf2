import type { KeyObject } from 'node:crypto';
import { calculateJwkThumbprint, CompactSign, compactVerify, decodeProtectedHeader, exportJWK, type JWK } from 'jose';

/** What a checkpoint says: the log named `origin` held `sequence` events, the last with `hash`, at `at`. */
export interface CheckpointPayload {
  origin: string;
  sequence: number;
  hash: string;
  at: string;
}

/** The JWS `typ` of a checkpoint, so that no other signed object (a token, say) passes for one. */
export const CHECKPOINT_TYPE = 'hedui-audit-checkpoint';
const ALGORITHM = 'EdDSA';

/** Why a compact JWS is not a checkpoint of ours. */
export class CheckpointError extends Error {
  override readonly name = 'CheckpointError';
}

/** A public key's id: its RFC 7638 thumbprint, so that the same key has the same `kid` everywhere without being told. */
export async function kidOf(publicKey: KeyObject): Promise<string> {
  return calculateJwkThumbprint(await exportJWK(publicKey), 'sha256');
}

/** A public key as a JWKS member. */
export async function publicJwk(publicKey: KeyObject): Promise<JWK> {
  const jwk = await exportJWK(publicKey);
  return { ...jwk, kid: await kidOf(publicKey), alg: ALGORITHM, use: 'sig' };
}

/** The payload's bytes: its keys in a fixed order, so that equal checkpoints sign equal bytes. */
function payloadBytes(payload: CheckpointPayload): Uint8Array {
  const { origin, sequence, hash, at } = payload;
  return new TextEncoder().encode(JSON.stringify({ origin, sequence, hash, at }));
}

/** Signs a checkpoint with Ed25519 as a compact JWS whose header names the key (`kid`). */
export function signCheckpoint(payload: CheckpointPayload, privateKey: KeyObject, kid: string): Promise<string> {
  return new CompactSign(payloadBytes(payload)).setProtectedHeader({ alg: ALGORITHM, kid, typ: CHECKPOINT_TYPE }).sign(privateKey);
}

/**
 * The payload of a checkpoint whose signature verifies with the key its `kid` names among
 * `keys`; throws CheckpointError for anything else (malformed, unknown kid, bad signature,
 * another type, a payload that is not a checkpoint).
 */
export async function verifyCheckpoint(
  jws: string,
  keys: ReadonlyMap<string, KeyObject>,
): Promise<{ kid: string; payload: CheckpointPayload }> {
  let kid: string | undefined;
  try {
    const header = decodeProtectedHeader(jws);
    if (header.typ !== CHECKPOINT_TYPE) throw new CheckpointError(`its type is not ${CHECKPOINT_TYPE}`);
    kid = header.kid;
  } catch (error) {
    if (error instanceof CheckpointError) throw error;
    throw new CheckpointError('it is not a compact JWS');
  }
  const key = kid === undefined ? undefined : keys.get(kid);
  if (!key) throw new CheckpointError('it is signed with a key this log does not know (kid)');
  let payload: Uint8Array;
  try {
    ({ payload } = await compactVerify(jws, key, { algorithms: [ALGORITHM, 'Ed25519'] }));
  } catch {
    throw new CheckpointError('its signature does not verify');
  }
  return { kid: kid!, payload: parsePayload(payload) };
}

function parsePayload(bytes: Uint8Array): CheckpointPayload {
  let value: Partial<CheckpointPayload>;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new CheckpointError('its payload is not JSON');
  }
  const { origin, sequence, hash, at } = value ?? {};
  if (
    typeof origin !== 'string' ||
    !Number.isInteger(sequence) ||
    (sequence as number) < 0 ||
    typeof hash !== 'string' ||
    !/^[0-9a-f]{64}$/.test(hash) ||
    typeof at !== 'string'
  ) {
    throw new CheckpointError('its payload is not a checkpoint');
  }
  return { origin, sequence: sequence as number, hash, at };
}
