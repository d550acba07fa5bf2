import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditCheckpointEntity } from './audit-checkpoint.entity.js';

/** The signed checkpoints: the sealer adds one, readers take the newest. */
@Injectable()
export class AuditCheckpointsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inside the sealer's transaction. */
  async add(manager: EntityManager, checkpoint: AuditCheckpointEntity): Promise<void> {
    await manager.insert(AuditCheckpointEntity, checkpoint);
  }

  /** The newest checkpoint, through `manager` when given (a transaction's snapshot). */
  newest(manager: EntityManager = this.dataSource.manager): Promise<AuditCheckpointEntity | null> {
    return manager.getRepository(AuditCheckpointEntity).createQueryBuilder('c').orderBy('c.sequence', 'DESC').limit(1).getOne();
  }

  findById(id: string): Promise<AuditCheckpointEntity | null> {
    return this.dataSource.getRepository(AuditCheckpointEntity).findOneBy({ id });
  }
}
