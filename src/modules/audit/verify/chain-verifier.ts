import { performance } from 'node:perf_hooks';
import { type ChainFault, ChainWalker, GENESIS_HASH, sealHash } from '../audit-chain.js';
import type { ChainSession } from './chain-session.js';

/** A point of the chain: an event's sequence and hash (sequence 0 and the genesis hash before the first). */
export interface ChainPoint {
  sequence: number;
  hash: string;
}

export const GENESIS: ChainPoint = { sequence: 0, hash: GENESIS_HASH };

/** Why a verification failed. */
export type VerifyFailure =
  | ChainFault
  /** The log no longer holds, at the checkpoint's sequence, the hash the checkpoint signed: rewritten (and re-sealed) or rebuilt. */
  | 'CHECKPOINT_MISMATCH'
  /** The log ends before the checkpoint's sequence: its tail was cut. */
  | 'CHECKPOINT_NOT_REACHED'
  /** The event where the last verification stopped no longer has the hash it had then. */
  | 'VERIFIED_POINT_CHANGED';

export type ChainVerdict =
  | { valid: true; events: number; head: ChainPoint; from: number; checked: number }
  | { valid: false; firstBadSequence: number; reason: VerifyFailure; lastGood: ChainPoint };

export interface VerifyChainOptions {
  /** Where to start: a point verified before (its event must still have its hash), or the genesis. */
  from?: ChainPoint;
  /** Checkpoints the log must still hold: a signed one given by the caller, the newest stored one. */
  checkpoints?: ChainPoint[];
  /**
   * Rows fetched per slice. Small enough that parsing one (a quarter of a megabyte) is a short
   * step of the event loop, and that little of the garbage survives into the old generation.
   */
  sliceRows?: number;
  /** The longest the walk holds the event loop before it lets other work run. */
  budgetMs?: number;
}

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Walks the chain from `from` to its end and checks the checkpoints against it. The next slice
 * is fetched while the current one is hashed, and the hashing gives the event loop back every
 * `budgetMs`, so that a walk of a million events keeps the API answering.
 */
export async function verifyChain(session: ChainSession, options: VerifyChainOptions = {}): Promise<ChainVerdict> {
  const from = options.from ?? GENESIS;
  const sliceRows = options.sliceRows ?? 1000;
  const budgetMs = options.budgetMs ?? 20;
  if (from.sequence > 0) {
    // The event it starts after is checked whole: its hash as remembered, and its content (the link to the one before included) as sealed.
    const point = await session.eventAt(from.sequence);
    if (!point || point.hash !== from.hash || sealHash(point) !== point.hash) {
      return { valid: false, firstBadSequence: from.sequence, reason: 'VERIFIED_POINT_CHANGED', lastGood: GENESIS };
    }
  }
  const pending = new Map((options.checkpoints ?? []).map((checkpoint) => [checkpoint.sequence, checkpoint.hash]));
  const walker = new ChainWalker(from);
  const reader = session.read(from.sequence);
  let next = reader.next(sliceRows);
  let sliceStarted = performance.now();
  for (;;) {
    const events = await next;
    if (events.length === 0) break;
    next = reader.next(sliceRows);
    for (let index = 0; index < events.length; index++) {
      const good = { sequence: walker.sequence, hash: walker.lastHash };
      const fault = walker.next(events[index]);
      if (fault) {
        await next.catch(() => undefined);
        return { valid: false, ...fault, lastGood: good };
      }
      const signed = pending.get(walker.sequence);
      if (signed !== undefined) {
        if (signed !== walker.lastHash) {
          await next.catch(() => undefined);
          return { valid: false, firstBadSequence: walker.sequence, reason: 'CHECKPOINT_MISMATCH', lastGood: GENESIS };
        }
        pending.delete(walker.sequence);
      }
      if ((index & 255) === 255 && performance.now() - sliceStarted > budgetMs) {
        await yieldToLoop();
        sliceStarted = performance.now();
      }
    }
    await yieldToLoop();
    sliceStarted = performance.now();
  }
  const head = { sequence: walker.sequence, hash: walker.lastHash };
  // Checkpoints at or before the starting point were not walked past: their events are looked up.
  for (const [sequence, hash] of [...pending].sort(([a], [b]) => a - b)) {
    if (sequence > head.sequence)
      return { valid: false, firstBadSequence: head.sequence + 1, reason: 'CHECKPOINT_NOT_REACHED', lastGood: GENESIS };
    const held = sequence === 0 ? GENESIS_HASH : ((await session.eventAt(sequence))?.hash ?? null);
    if (held !== hash) return { valid: false, firstBadSequence: sequence, reason: 'CHECKPOINT_MISMATCH', lastGood: GENESIS };
  }
  return { valid: true, events: head.sequence, head, from: from.sequence, checked: head.sequence - from.sequence };
}
