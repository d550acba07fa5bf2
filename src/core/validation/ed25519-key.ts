import { registerDecorator, type ValidationOptions } from 'class-validator';
import { readable, readEd25519PrivateKey, readEd25519PublicKeys } from '../crypto/ed25519-keys.js';

/** An Ed25519 private key (PKCS#8 PEM, or a file path), or one or more public keys (SPKI PEM, or file paths). */
export const IsEd25519Key = (kind: 'private' | 'public', options?: ValidationOptions) => (target: object, propertyName: string) =>
  registerDecorator({
    name: `isEd25519${kind === 'private' ? 'PrivateKey' : 'PublicKeys'}`,
    target: target.constructor,
    propertyName,
    options,
    validator: { validate: (value: unknown) => readable(kind === 'private' ? readEd25519PrivateKey : readEd25519PublicKeys, value) },
  });
