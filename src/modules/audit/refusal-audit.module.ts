import { Global, Module } from '@nestjs/common';
import { RefusalRecorder } from '../../core/errors/refusal-recorder.js';
import { ApplicationsCoreModule } from '../applications/applications-core.module.js';
import { RefusalAuditor } from './refusal-auditor.js';

/** Refusals of the HTTP API as audit events: the RefusalRecorder the exception filter calls (global, so that core's filter finds it). */
@Global()
@Module({
  imports: [ApplicationsCoreModule],
  providers: [{ provide: RefusalRecorder, useClass: RefusalAuditor }],
  exports: [RefusalRecorder],
})
export class RefusalAuditModule {}
