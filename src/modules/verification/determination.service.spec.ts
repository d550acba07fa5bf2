import { Logger } from '@nestjs/common';
import type { Clock } from '../../core/time/clock.js';
import type { Evaluation } from '../eligibility/eligibility.types.js';
import { PolicyCatalog } from '../eligibility/policy/policy-catalog.js';
import type { Metrics } from '../metrics/metrics.service.js';
import { DeterminationService, failureReason } from './determination.service.js';
import type { SourceCheckEntity } from './entities/source-check.entity.js';
import type { StoredVerification, VerificationRepository } from './verification.repository.js';

const NOW = '2026-03-01T08:00:00.000Z';
const REGION = '542521';
const SOURCES = ['HOUSEHOLD_REGISTRATION', 'VEHICLE_REGISTRATION', 'BUSINESS_REGISTRATION'];
const policies = PolicyCatalog.shipped();
const policyVersion = policies.select(REGION, '2026-03-01')!.id;

function check(source: string, fields: Partial<SourceCheckEntity> = {}): SourceCheckEntity {
  return {
    verificationId: 'v-1',
    source,
    status: 'PENDING',
    attempts: 0,
    failure: null,
    requestIds: null,
    answer: null,
    answerSha256: null,
    startedAt: null,
    finishedAt: null,
    durationMs: null,
    origin: null,
    ...fields,
  };
}

/** One verification as stored, its checks as `reads` says on each read (the store is read again after a lost race). */
class FakeVerifications {
  recorded: SourceCheckEntity[] = [];
  stored: { determination: { outcome: string; evaluation: string } }[] = [];
  reads = 0;
  constructor(
    private readonly readings: (() => SourceCheckEntity[])[],
    private readonly recordAnswers: boolean[] = [],
  ) {}
  async findForDetermination(ids: string[]): Promise<Map<string, StoredVerification>> {
    const checks = this.readings[Math.min(this.reads++, this.readings.length - 1)]!();
    const stored = {
      verification: { id: 'v-1', applicationId: 'a-1', status: 'PENDING', policyVersion },
      application: { id: 'a-1', program: 'MINIMUM_LIVING_ALLOWANCE', regionCode: REGION },
      members: [{ idNumber: '542521198001010012', name: '次仁', relationship: 'HEAD', declaredMonthlyIncomeFen: 0 }],
      checks,
    } as unknown as StoredVerification;
    return new Map(ids.map((id) => [id, stored]));
  }
  async recordCheck({ result }: { result: SourceCheckEntity }): Promise<boolean> {
    this.recorded.push({ ...result });
    return this.recordAnswers[this.recorded.length - 1] ?? true;
  }
  async storeDeterminations(made: { determination: { outcome: string; evaluation: string } }[]): Promise<void> {
    this.stored.push(...made);
  }
  failures: unknown[] = [];
  async storeFailure(failure: unknown): Promise<boolean> {
    this.failures.push(failure);
    return true;
  }
}

function serviceOver(verifications: FakeVerifications) {
  const clock = { now: () => new Date(NOW) } as Clock;
  const metrics = { determinationStored: jest.fn() } as unknown as Metrics;
  return new DeterminationService(verifications as unknown as VerificationRepository, policies, clock, metrics);
}

const findingsOf = (verifications: FakeVerifications) =>
  (JSON.parse(verifications.stored[0]!.determination.evaluation) as Evaluation).findings.map((finding) => finding.code).sort();

describe('DeterminationService: checks whose jobs gave up', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('closes each check still pending as unavailable, and the rules send the case to review', async () => {
    const verifications = new FakeVerifications([() => SOURCES.map((source) => check(source))]);
    await serviceOver(verifications).determine('v-1', 'c-1');
    expect(verifications.recorded.map(({ source, status, failure, finishedAt }) => [source, status, failure, finishedAt])).toEqual(
      SOURCES.map((source) => [source, 'FAILED', 'UNAVAILABLE', NOW]),
    );
    expect(verifications.stored.map(({ determination }) => determination.outcome)).toEqual(['NEEDS_REVIEW']);
    expect(findingsOf(verifications)).toEqual(['SOURCE_UNAVAILABLE', 'SOURCE_UNAVAILABLE', 'SOURCE_UNAVAILABLE']);
  });

  it("reads the checks again when a check's own job recorded it first, and rests on what that job recorded", async () => {
    const first = () => [
      check(SOURCES[0]!, { status: 'FAILED', failure: 'UNAVAILABLE' }),
      check(SOURCES[1]!),
      check(SOURCES[2]!, { status: 'FAILED', failure: 'UNAVAILABLE' }),
    ];
    const again = () => [first()[0]!, check(SOURCES[1]!, { status: 'FAILED', failure: 'INVALID_RESPONSE' }), first()[2]!];
    const verifications = new FakeVerifications([first, again], [false]);
    await serviceOver(verifications).determine('v-1', 'c-1');
    expect(verifications.recorded.map(({ source }) => source)).toEqual([SOURCES[1]]);
    expect(verifications.reads).toBe(2);
    expect(findingsOf(verifications)).toEqual(['SOURCE_INVALID_RESPONSE', 'SOURCE_UNAVAILABLE', 'SOURCE_UNAVAILABLE']);
  });

  it('closes nothing when every check finished', async () => {
    const verifications = new FakeVerifications([
      () => SOURCES.map((source) => check(source, { status: 'FAILED', failure: 'UNAVAILABLE' })),
    ]);
    await serviceOver(verifications).determine('v-1', 'c-1');
    expect(verifications.recorded).toEqual([]);
    expect(verifications.reads).toBe(1);
    expect(verifications.stored).toHaveLength(1);
  });

  it('sends a verification whose determination failed for good to review, with a reason that names the error kind only', async () => {
    const verifications = new FakeVerifications([() => []]);
    await serviceOver(verifications).abandon('v-1', 'c-1', failureReason(3, 'QueryFailedError'));
    expect(verifications.failures).toEqual([
      { verificationId: 'v-1', reason: 'The determination failed 3 time(s) (QueryFailedError); no determination was made.', at: NOW },
    ]);
  });
});
