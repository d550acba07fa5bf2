import { hash } from 'node:crypto';

/** What an event's seal covers: every field but the hash itself, the previous hash included. */
export interface SealedContent {
  sequence: number;
  at: string;
  actor: string;
  role: string;
  action: string;
  applicationId: string | null;
  correlationId: string;
  outcome: string;
  previousHash: string;
}

/** A sealed event: one link of the chain. */
export interface SealedEvent extends SealedContent {
  hash: string;
}

/** The hash the first event links to. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The SHA-256 that seals an event, in hex: over the canonical JSON (keys in code-point order,
 * no whitespace) of its content. The JSON is written out field by field rather than through a
 * generic canonicaliser: verifying a million events spends most of its time here. It gives the
 * same bytes as `canonicalJson` (audit-chain.spec.ts holds them to it).
 */
export function sealHash(event: SealedContent): string {
  const text =
    `{"action":${JSON.stringify(event.action)},"actor":${JSON.stringify(event.actor)}` +
    `,"applicationId":${JSON.stringify(event.applicationId)}` +
    `,"at":${JSON.stringify(event.at)},"correlationId":${JSON.stringify(event.correlationId)}` +
    `,"outcome":${JSON.stringify(event.outcome)},"previousHash":${JSON.stringify(event.previousHash)}` +
    `,"role":${JSON.stringify(event.role)},"sequence":${event.sequence}}`;
  // The one-shot hash: a quarter faster than createHash for inputs this small.
  return hash('sha256', text, 'hex');
}

/** Why a walk stopped: a missing or reordered sequence, a link to the wrong hash, or content that no longer matches its hash. */
export type ChainFault = 'SEQUENCE_GAP' | 'LINK_BROKEN' | 'HASH_MISMATCH';

export interface ChainBreak {
  firstBadSequence: number;
  reason: ChainFault;
}

/**
 * Walks a chain in sequence order, slice by slice, from a point taken as verified (the genesis,
 * or an event checked earlier). An event is bad when its sequence is not the next one (a
 * removed or reordered row), when it does not link to the previous hash, or when its own hash
 * does not match its content.
 */
export class ChainWalker {
  private expectedSequence: number;
  private previousHash: string;

  constructor(from: { sequence: number; hash: string } = { sequence: 0, hash: GENESIS_HASH }) {
    this.expectedSequence = from.sequence + 1;
    this.previousHash = from.hash;
  }

  /** The first bad event of this slice, or null when the slice continues the chain. */
  check(slice: readonly SealedEvent[]): ChainBreak | null {
    for (const event of slice) {
      const bad = this.next(event);
      if (bad) return bad;
    }
    return null;
  }

  /** Takes one event; answers why it is bad, or null. */
  next(event: SealedEvent): ChainBreak | null {
    if (event.sequence !== this.expectedSequence) {
      return { firstBadSequence: Math.min(event.sequence, this.expectedSequence), reason: 'SEQUENCE_GAP' };
    }
    if (event.previousHash !== this.previousHash) return { firstBadSequence: event.sequence, reason: 'LINK_BROKEN' };
    if (sealHash(event) !== event.hash) return { firstBadSequence: event.sequence, reason: 'HASH_MISMATCH' };
    this.previousHash = event.hash;
    this.expectedSequence += 1;
    return null;
  }

  /** The sequence of the last event taken (that of the starting point before any). */
  get sequence(): number {
    return this.expectedSequence - 1;
  }

  get lastHash(): string {
    return this.previousHash;
  }
}
