import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';

const PEM_BLOCK = /-----BEGIN [A-Z0-9 ]+-----[\s\S]+?-----END [A-Z0-9 ]+-----/g;

/**
 * PEM text as given, or the text of the file a value names. A PEM passed through an
 * environment variable on one line often carries `\n` escapes instead of line breaks.
 */
function pemSources(value: string, several: boolean): string[] {
  if (value.includes('-----BEGIN ')) return [value.replace(/\\n/g, '\n')];
  const paths = several ? value.split(',').map((path) => path.trim()) : [value.trim()];
  return paths.filter(Boolean).map((path) => readFileSync(path, 'utf8'));
}

function ed25519(key: KeyObject): KeyObject {
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`an ${key.asymmetricKeyType ?? 'unknown'} key, not Ed25519`);
  return key;
}

/** An Ed25519 private key from PKCS#8 PEM text, or from the file a path names. Throws if it is anything else. */
export function readEd25519PrivateKey(value: string): KeyObject {
  const [block, ...more] = pemSources(value, false).flatMap((text) => text.match(PEM_BLOCK) ?? []);
  if (!block || more.length > 0) throw new Error('expected exactly one PEM block');
  return ed25519(createPrivateKey(block));
}

/**
 * Ed25519 public keys (SPKI PEM), from PEM text holding one or more blocks, or from
 * comma-separated paths of files that each hold one or more. Throws if any is not one.
 */
export function readEd25519PublicKeys(value: string): KeyObject[] {
  const blocks = pemSources(value, true).flatMap((text) => text.match(PEM_BLOCK) ?? []);
  if (blocks.length === 0) throw new Error('no PEM block found');
  return blocks.map((block) => ed25519(createPublicKey(block)));
}

/** Whether `read` takes the value without throwing. */
export function readable(read: (value: string) => unknown, value: unknown): boolean {
  if (typeof value !== 'string' || value.trim() === '') return false;
  try {
    read(value);
    return true;
  } catch {
    return false;
  }
}
