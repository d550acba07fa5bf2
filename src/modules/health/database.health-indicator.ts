import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../core/config/app.config.js';
import { databaseUnavailable } from '../../core/database/database-unavailable.js';

/**
 * Pings the database (PostgreSQL or SQLite) with `SELECT 1`. The readiness answer is public,
 * so a failure is reported by kind only: a driver message can name the host, port or user.
 */
@Injectable()
export class DatabaseHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  ping() {
    return this.indicators
      .check('database')
      .attempt(async () => {
        try {
          await this.dataSource.query('SELECT 1');
        } catch (error) {
          throw new Error(databaseUnavailable(error) ? 'unreachable' : 'query failed');
        }
      })
      .withTimeout(this.config.HEALTH_CHECK_TIMEOUT_MS);
  }
}
