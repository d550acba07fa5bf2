import type { AppConfig } from '../../core/config/app.config.js';
import type { UnitOfWork } from '../../core/database/unit-of-work.js';
import type { Clock } from '../../core/time/clock.js';
import type { ApplicationRecords } from '../applications/application-records.repository.js';
import type { ApplicationsRepository } from '../applications/applications.repository.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { Principal } from '../auth/principal.js';
import type { NotificationService } from '../notifications/notification.service.js';
import type { VerificationRecords } from '../verification/verification-records.repository.js';
import type { DecisionRequestDto } from './dto/review.dto.js';
import type { ReviewQueueRepository } from './review-queue.repository.js';
import { ReviewService } from './review.service.js';

const NOW = new Date('2026-03-01T08:00:00Z');
const SUBMITTER = 'staff-7';

/** The ports of the review service, each doing the least a claim needs, and noting what was written. */
function reviewServiceFor() {
  const written: string[] = [];
  const manager = {};
  const applications = {
    findReachable: jest.fn(async (id: string) => ({ id, submittedBy: SUBMITTER, regionCode: '542521', status: 'IN_REVIEW' })),
  };
  const queue = {
    findPending: jest.fn(async () => ({ id: 'item-1', claimedBy: null, claimExpiresAt: null, determinationId: 'd-1' })),
    claim: jest.fn(async (_manager: unknown, itemId: string, claimant: string, _now: string, expiresAt: string) => {
      written.push(`claim ${itemId} by ${claimant} until ${expiresAt}`);
      return true;
    }),
    closeDecided: jest.fn(async () => true),
  };
  const unitOfWork = { run: jest.fn(async <T>(work: (manager: unknown) => Promise<T>) => work(manager)) };
  const auditLog = {
    append: jest.fn(async (_manager: unknown, record: { action: string }) => void written.push(`audit ${record.action}`)),
  };
  const service = new ReviewService(
    queue as unknown as ReviewQueueRepository,
    applications as unknown as ApplicationsRepository,
    unitOfWork as unknown as UnitOfWork,
    auditLog as unknown as AuditLog,
    { now: () => NOW } as Clock,
    { REVIEW_CLAIM_MINUTES: 30 } as AppConfig,
    {} as NotificationService,
    {} as ApplicationRecords,
    {} as VerificationRecords,
  );
  return { service, written, unitOfWork };
}

const staff = (sub: string, roles: Principal['roles']): Principal => ({ sub, roles });

describe('ReviewService: four eyes', () => {
  it.each([
    ['a reviewer', staff(SUBMITTER, ['reviewer'])],
    ['an admin', staff(SUBMITTER, ['admin'])],
    ['an intake officer who is also a reviewer', staff(SUBMITTER, ['intake', 'reviewer'])],
  ])('refuses to let the submitter claim their own application, as %s, and writes nothing', async (_case, principal) => {
    const { service, written, unitOfWork } = reviewServiceFor();
    await expect(service.claim(principal, 'a-1', 'c-1')).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'Four eyes: whoever submitted an application may not review it.',
    });
    expect(unitOfWork.run).not.toHaveBeenCalled();
    expect(written).toEqual([]);
  });

  it('refuses to let the submitter decide their own application, even holding a claim', async () => {
    const { service, written, unitOfWork } = reviewServiceFor();
    const decision: DecisionRequestDto = { decision: 'APPROVED', reason: 'Household checked against every registry.' };
    await expect(service.decide(staff(SUBMITTER, ['reviewer']), 'a-1', decision, 'c-1')).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(unitOfWork.run).not.toHaveBeenCalled();
    expect(written).toEqual([]);
  });

  it('lets another reviewer claim it, for REVIEW_CLAIM_MINUTES, with its audit event', async () => {
    const { service, written } = reviewServiceFor();
    await expect(service.claim(staff('staff-9', ['reviewer']), 'a-1', 'c-1')).resolves.toEqual({
      applicationId: 'a-1',
      claimedBy: 'staff-9',
      claimExpiresAt: '2026-03-01T08:30:00.000Z',
    });
    expect(written).toEqual(['claim item-1 by staff-9 until 2026-03-01T08:30:00.000Z', 'audit REVIEW_CLAIMED']);
  });
});
