import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UnitOfWork } from '../../../core/database/unit-of-work.js';
import { Clock } from '../../../core/time/clock.js';
import type { ChainPoint } from './chain-verifier.js';
import { AuditVerifiedPointEntity } from './audit-verified-point.entity.js';

const NAME = 'chain';

/** The newest point of the chain found whole, where the next incremental verification starts. */
@Injectable()
export class AuditVerifiedPointsRepository {
  private readonly postgres: boolean;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {
    this.postgres = dataSource.options.type === 'postgres';
  }

  async find(): Promise<ChainPoint | null> {
    const row = await this.dataSource.getRepository(AuditVerifiedPointEntity).findOneBy({ name: NAME });
    return row ? { sequence: Number(row.sequence), hash: row.hash } : null;
  }

  /** Moves the point forward to `point`; never back, so that a slower walk finishing last cannot undo a longer one. */
  advance(point: ChainPoint): Promise<void> {
    return this.save(point, 'WHERE audit_verified_points.sequence < excluded.sequence');
  }

  /** Puts the point back to the last event known good, so that the next incremental verification walks the damage again. */
  moveBack(point: ChainPoint): Promise<void> {
    return this.save(point, 'WHERE audit_verified_points.sequence > excluded.sequence');
  }

  private async save(point: ChainPoint, condition: string): Promise<void> {
    const [p1, p2, p3, p4] = this.postgres ? ['$1', '$2', '$3', '$4'] : ['?', '?', '?', '?'];
    await this.unitOfWork.write((manager) =>
      manager.query(
        `INSERT INTO audit_verified_points (name, sequence, hash, verified_at) VALUES (${p1}, ${p2}, ${p3}, ${p4})
         ON CONFLICT (name) DO UPDATE SET sequence = excluded.sequence, hash = excluded.hash, verified_at = excluded.verified_at
         ${condition}`,
        [NAME, point.sequence, point.hash, this.clock.now().toISOString()],
      ),
    );
  }
}
