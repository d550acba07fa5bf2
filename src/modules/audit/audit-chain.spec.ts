import fc from 'fast-check';
import { canonicalJson, sha256Hex } from '../../core/json/canonical-json.js';
import { ChainWalker, GENESIS_HASH, type SealedEvent, sealHash } from './audit-chain.js';

function chain(length: number): SealedEvent[] {
  const events: SealedEvent[] = [];
  let previousHash = GENESIS_HASH;
  for (let sequence = 1; sequence <= length; sequence++) {
    const unsealed = {
      sequence,
      at: `2026-11-28T10:00:0${sequence % 10}.000Z`,
      actor: `staff-${sequence}`,
      role: 'reviewer',
      action: 'APPLICATION_READ',
      applicationId: null,
      correlationId: `c-${sequence}`,
      outcome: 'SUCCEEDED',
      previousHash,
    };
    previousHash = sealHash(unsealed);
    events.push({ ...unsealed, hash: previousHash });
  }
  return events;
}

const walk = (events: SealedEvent[], sliceSize = 2) => {
  const walker = new ChainWalker();
  for (let i = 0; i < events.length; i += sliceSize) {
    const bad = walker.check(events.slice(i, i + sliceSize));
    if (bad !== null) return bad;
  }
  return walker.sequence;
};

describe('audit chain', () => {
  it('accepts an intact chain across slices', () => {
    expect(walk(chain(5))).toBe(5);
  });

  it('names an event whose content was changed', () => {
    const events = chain(5);
    events[2] = { ...events[2], outcome: 'NOT_FOUND' };
    expect(walk(events)).toEqual({ firstBadSequence: 3, reason: 'HASH_MISMATCH' });
  });

  it('names the next event when a changed event was also re-sealed', () => {
    const events = chain(5);
    const changed = { ...events[1], actor: 'someone-else' };
    events[1] = { ...changed, hash: sealHash(changed) };
    expect(walk(events)).toEqual({ firstBadSequence: 3, reason: 'LINK_BROKEN' });
  });

  it('names a removed event by its missing sequence', () => {
    const events = chain(5);
    events.splice(3, 1);
    expect(walk(events)).toEqual({ firstBadSequence: 4, reason: 'SEQUENCE_GAP' });
  });

  it('names the first of two swapped events', () => {
    const events = chain(5);
    [events[1], events[3]] = [
      { ...events[3], sequence: 2 },
      { ...events[1], sequence: 4 },
    ];
    expect(walk(events)).toEqual({ firstBadSequence: 2, reason: 'LINK_BROKEN' });
  });

  it('continues from a point verified before', () => {
    const events = chain(6);
    const walker = new ChainWalker({ sequence: 3, hash: events[2].hash });
    expect(walker.check(events.slice(3))).toBeNull();
    expect(walker.sequence).toBe(6);
    expect(new ChainWalker({ sequence: 3, hash: events[1].hash }).check(events.slice(3))).toEqual({
      firstBadSequence: 4,
      reason: 'LINK_BROKEN',
    });
  });

  it('seals every field: a different correlation id gives a different hash', () => {
    const [event] = chain(1);
    expect(sealHash({ ...event, correlationId: 'other' })).not.toBe(event.hash);
    expect(event.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('hashes the same bytes as the canonical JSON of the event, whatever the strings hold', () => {
    const text = fc.string({ unit: 'binary', maxLength: 40 });
    fc.assert(
      fc.property(
        fc.record({
          sequence: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
          at: text,
          actor: text,
          role: text,
          action: text,
          applicationId: fc.option(text, { nil: null }),
          correlationId: text,
          outcome: text,
          previousHash: text,
        }),
        (content) => sealHash(content) === sha256Hex(canonicalJson(content)),
      ),
      { numRuns: 500 },
    );
  });
});
