import { ChainWalker, sealHash } from './audit-chain.js';
import type { AuditEventEntity } from './audit-event.entity.js';
import { GENESIS_HASH } from './audit.types.js';

function chain(length: number): AuditEventEntity[] {
  const events: AuditEventEntity[] = [];
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

const walk = (events: AuditEventEntity[], pageSize = 2) => {
  const walker = new ChainWalker(GENESIS_HASH);
  for (let i = 0; i < events.length; i += pageSize) {
    const bad = walker.check(events.slice(i, i + pageSize));
    if (bad !== null) return bad;
  }
  return walker.events;
};

describe('audit chain', () => {
  it('accepts an intact chain across pages', () => {
    expect(walk(chain(5))).toBe(5);
  });

  it('names an event whose content was changed', () => {
    const events = chain(5);
    events[2] = { ...events[2], outcome: 'NOT_FOUND' };
    expect(walk(events)).toBe(3);
  });

  it('names the next event when a changed event was also re-sealed', () => {
    const events = chain(5);
    const changed = { ...events[1], actor: 'someone-else' };
    events[1] = { ...changed, hash: sealHash(changed) };
    expect(walk(events)).toBe(3);
  });

  it('names a removed event by its missing sequence', () => {
    const events = chain(5);
    events.splice(3, 1);
    expect(walk(events)).toBe(4);
  });

  it('names the first of two swapped events', () => {
    const events = chain(5);
    [events[1], events[3]] = [
      { ...events[3], sequence: 2 },
      { ...events[1], sequence: 4 },
    ];
    expect(walk(events)).toBe(2);
  });

  it('seals every field: a different correlation id gives a different hash', () => {
    const [event] = chain(1);
    expect(sealHash({ ...event, correlationId: 'other' })).not.toBe(event.hash);
    expect(event.hash).toMatch(/^[0-9a-f]{64}$/);
  });
});
