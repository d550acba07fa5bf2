import { Module } from '@nestjs/common';
import { ApplicationRecords } from './application-records.repository.js';

/**
 * The applications' rows and life cycle alone, for the modules that read applications or move
 * their status in their own transactions (verification, review) without importing the whole
 * applications module, which itself depends on verification.
 */
@Module({
  providers: [ApplicationRecords],
  exports: [ApplicationRecords],
})
export class ApplicationRecordsModule {}
