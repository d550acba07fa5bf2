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

  /**
   * Moves the point to `point`, found whole by a walk that started at `from`. A whole walk (from
   * the genesis) moves it forward only, so that a shorter walk finishing last cannot undo a
   * longer one; an incremental walk only if the point is still where it started, so that it
   * cannot undo a whole walk that meanwhile found damage and moved the point back.
   */
  advance(from: ChainPoint, point: ChainPoint): Promise<void> {
    if (from.sequence === 0) return this.save(point, 'WHERE audit_verified_points.sequence < excluded.sequence');
    const [sequence, hash] = this.postgres ? ['$5', '$6'] : ['?', '?'];
    return this.save(point, `WHERE audit_verified_points.sequence = ${sequence} AND audit_verified_points.hash = ${hash}`, [
      from.sequence,
      from.hash,
    ]);
  }

  /** Puts the point back to the last event known good, so that the next incremental verification walks the damage again. */
  moveBack(point: ChainPoint): Promise<void> {
    return this.save(point, 'WHERE audit_verified_points.sequence > excluded.sequence');
  }

  private async save(point: ChainPoint, condition: string, conditionParameters: unknown[] = []): Promise<void> {
    const [p1, p2, p3, p4] = this.postgres ? ['$1', '$2', '$3', '$4'] : ['?', '?', '?', '?'];
    await this.unitOfWork.write((manager) =>
      manager.query(
        `INSERT INTO audit_verified_points (name, sequence, hash, verified_at) VALUES (${p1}, ${p2}, ${p3}, ${p4})
         ON CONFLICT (name) DO UPDATE SET sequence = excluded.sequence, hash = excluded.hash, verified_at = excluded.verified_at
         ${condition}`,
        [NAME, point.sequence, point.hash, this.clock.now().toISOString(), ...conditionParameters],
      ),
    );
  }
}
