import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';
import { DeterminationEntity } from './entities/determination.entity.js';
import { SourceCheckEntity } from './entities/source-check.entity.js';
import { VerificationEntity } from './entities/verification.entity.js';

/**
 * The verification module's tables (`verifications`, `source_checks`, `determinations`) as the
 * other modules may read them: an application's record, the review queue, the webhook's facts,
 * a re-verification run's pace. Methods that take an EntityManager read inside the caller's
 * transaction (its snapshot), one query each.
 */
@Injectable()
export class VerificationRecords {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The application's newest verification (the highest sequence), if any. */
  findLatestVerification(applicationId: string): Promise<VerificationEntity | null> {
    return this.dataSource.getRepository(VerificationEntity).findOne({ where: { applicationId }, order: { sequence: 'DESC' } });
  }

  /** The checks of one verification, by registry. */
  findChecks(manager: EntityManager, verificationId: string): Promise<SourceCheckEntity[]> {
    return manager.getRepository(SourceCheckEntity).find({ where: { verificationId }, order: { source: 'ASC' } });
  }

  /** The application's newest determination: the current one. */
  findLatestDetermination(manager: EntityManager, applicationId: string): Promise<DeterminationEntity | null> {
    return manager.getRepository(DeterminationEntity).findOne({ where: { applicationId }, order: { determinedAt: 'DESC', id: 'DESC' } });
  }

  findDetermination(id: string): Promise<DeterminationEntity | null> {
    return this.dataSource.getRepository(DeterminationEntity).findOneBy({ id });
  }

  /** The determinations asked for, in one query (through `manager` when given); absent ones left out. */
  findDeterminations(ids: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<DeterminationEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return manager.getRepository(DeterminationEntity).findBy({ id: In([...ids]) });
  }

  findDeterminationOf(verificationId: string): Promise<DeterminationEntity | null> {
    return this.dataSource.getRepository(DeterminationEntity).findOneBy({ verificationId });
  }

  /** How many of a re-verification run's verifications are not determined yet. */
  countPendingOfRun(runId: string): Promise<number> {
    return this.dataSource.getRepository(VerificationEntity).countBy({ runId, status: 'PENDING' });
  }
}
