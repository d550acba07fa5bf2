import { Global, Module } from '@nestjs/common';
import { AppConfig, loadConfig } from './app.config.js';

/** Provides the validated `AppConfig` everywhere; the only reader of `process.env`. */
@Global()
@Module({
  providers: [{ provide: AppConfig, useFactory: () => loadConfig(process.env) }],
  exports: [AppConfig],
})
export class ConfigModule {}
