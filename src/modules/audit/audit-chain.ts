import { canonicalJson, sha256Hex } from '../../core/json/canonical-json.js';
import type { AuditEventEntity } from './audit-event.entity.js';

/** The SHA-256 that seals an event: over every field but the hash itself, the previous hash included. */
export function sealHash(event: Omit<AuditEventEntity, 'hash'>): string {
  const { sequence, at, actor, role, action, applicationId, correlationId, outcome, previousHash } = event;
  return sha256Hex(canonicalJson({ sequence, at, actor, role, action, applicationId, correlationId, outcome, previousHash }));
}

export type ChainVerdict = { valid: true; events: number } | { valid: false; firstBadSequence: number };

/**
 * Walks a chain page by page, in sequence order. An event is bad when its sequence is not
 * the next one (a removed or reordered row), when it does not link to the previous hash, or
 * when its own hash does not match its content.
 */
export class ChainWalker {
  private expectedSequence = 1;
  private previousHash: string;

  constructor(genesisHash: string) {
    this.previousHash = genesisHash;
  }

  /** The first bad sequence in this page, or null when the page continues the chain. */
  check(page: AuditEventEntity[]): number | null {
    for (const event of page) {
      if (event.sequence !== this.expectedSequence) return Math.min(event.sequence, this.expectedSequence);
      if (event.previousHash !== this.previousHash || sealHash(event) !== event.hash) return event.sequence;
      this.previousHash = event.hash;
      this.expectedSequence += 1;
    }
    return null;
  }

  get events(): number {
    return this.expectedSequence - 1;
  }

  get lastHash(): string {
    return this.previousHash;
  }
}
