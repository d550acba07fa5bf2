import 'reflect-metadata';
import { createApp } from './app.factory.js';
import { type AppConfig, loadConfig } from './core/config/app.config.js';

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    // A bad setting stops the service before anything starts, naming the variable.
    console.error((error as Error).message);
    process.exit(1);
  }
  const app = await createApp(config);
  await app.listen({ port: config.PORT, host: '0.0.0.0' });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
