import { Logger } from '@nestjs/common';
import type { Clock } from '../../core/time/clock.js';
import type { RegistryHealth } from '../registries/registry-health.js';
import { RegistryError } from '../registries/registry.error.js';
import type { RegistryCheck } from './checks/registry-check.js';
import { SourceCheckService } from './source-check.service.js';
import type { VerificationRepository } from './verification.repository.js';

const SOURCE = 'VEHICLE_REGISTRATION';
const MEMBERS = [{ idNumber: '542521198001010012', relationship: 'HEAD' as const }];

/** The verification store, behind the two calls the service makes: one pending check, and what is recorded. */
class FakeVerifications {
  recorded: { result: Record<string, unknown>; applicationId: string; correlationId: string }[] = [];
  constructor(private status: 'PENDING' | 'SUCCEEDED' = 'PENDING') {}
  async findCheckContext() {
    return { status: this.status, applicationId: 'a-1', members: MEMBERS };
  }
  async recordCheck(record: { result: Record<string, unknown>; applicationId: string; correlationId: string }) {
    this.recorded.push(record);
    return true;
  }
}

/** A registry check that answers, or fails, as told. */
class FakeCheck {
  readonly source = SOURCE;
  constructor(private readonly answer: () => unknown) {}
  async consult() {
    return { answer: this.answer(), attempts: 1, requestIds: ['r-1'] };
  }
}

function serviceWith(answer: () => unknown, verifications = new FakeVerifications()) {
  const clock = { now: () => new Date('2026-03-01T08:00:00Z') } as Clock;
  const health = { isSandbox: () => false } as unknown as RegistryHealth;
  const checks = new Map<string, RegistryCheck>([[SOURCE, new FakeCheck(answer) as unknown as RegistryCheck]]);
  return { service: new SourceCheckService(verifications as unknown as VerificationRepository, clock, health, checks), verifications };
}

const rateLimited = (retryAfterMs?: number) => () => {
  throw new RegistryError('RATE_LIMITED', 'HTTP 429', { attempts: 3, retryAfterMs, requestIds: ['r-1', 'r-2', 'r-3'] });
};

describe('SourceCheckService', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('leaves a check that met 429 with Retry-After pending when the caller may defer, and says how long to wait', async () => {
    const { service, verifications } = serviceWith(rateLimited(7_000));
    await expect(service.run('v-1', SOURCE, 'c-1', { mayDefer: true })).resolves.toEqual({ recorded: false, retryAfterMs: 7_000 });
    expect(verifications.recorded).toEqual([]);
  });

  it('records the check as unavailable when the caller may not defer any more', async () => {
    const { service, verifications } = serviceWith(rateLimited(7_000));
    await expect(service.run('v-1', SOURCE, 'c-1', { mayDefer: false })).resolves.toEqual({ recorded: true });
    expect(verifications.recorded.map(({ result }) => [result.status, result.failure, result.attempts])).toEqual([
      ['FAILED', 'UNAVAILABLE', 3],
    ]);
    expect(verifications.recorded[0]?.result.requestIds).toBe('["r-1","r-2","r-3"]');
  });

  it('records a 429 without Retry-After as unavailable: there is nothing to wait for', async () => {
    const { service, verifications } = serviceWith(rateLimited(undefined));
    await expect(service.run('v-1', SOURCE, 'c-1', { mayDefer: true })).resolves.toEqual({ recorded: true });
    expect(verifications.recorded[0]?.result).toMatchObject({ status: 'FAILED', failure: 'UNAVAILABLE' });
  });

  it('records a malformed answer as INVALID_RESPONSE, never deferred', async () => {
    const { service, verifications } = serviceWith(() => {
      throw new RegistryError('INVALID_RESPONSE', 'bad body', { attempts: 1 });
    });
    await expect(service.run('v-1', SOURCE, 'c-1', { mayDefer: true })).resolves.toEqual({ recorded: true });
    expect(verifications.recorded[0]?.result).toMatchObject({ status: 'FAILED', failure: 'INVALID_RESPONSE', answer: null });
  });

  it('records an answer with its digest', async () => {
    const { service, verifications } = serviceWith(() => ({ vehicles: [] }));
    await service.run('v-1', SOURCE, 'c-1');
    expect(verifications.recorded[0]).toMatchObject({
      applicationId: 'a-1',
      correlationId: 'c-1',
      result: { status: 'SUCCEEDED', answer: '{"vehicles":[]}', origin: 'HTTP', durationMs: 0 },
    });
    expect(verifications.recorded[0]?.result.answerSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lets an error of the service itself fail the job, so that BullMQ retries it', async () => {
    const { service, verifications } = serviceWith(() => {
      throw new Error('connection terminated');
    });
    await expect(service.run('v-1', SOURCE, 'c-1', { mayDefer: true })).rejects.toThrow('connection terminated');
    expect(verifications.recorded).toEqual([]);
  });

  it('does nothing for a check no longer pending (its job ran twice)', async () => {
    const { service, verifications } = serviceWith(rateLimited(7_000), new FakeVerifications('SUCCEEDED'));
    await expect(service.run('v-1', SOURCE, 'c-1', { mayDefer: true })).resolves.toEqual({ recorded: true });
    expect(verifications.recorded).toEqual([]);
  });
});
