import { Module } from '@nestjs/common';
import { PolicyCatalog } from './policy/policy-catalog.js';

/** The rules engine itself is plain functions; the module only shares the policy catalogue. */
@Module({
  providers: [{ provide: PolicyCatalog, useFactory: () => PolicyCatalog.shipped() }],
  exports: [PolicyCatalog],
})
export class EligibilityModule {}
