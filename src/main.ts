import 'reflect-metadata';
import { type AppConfig, loadConfig } from './core/config/app.config.js';
import { lowerCpuPriority } from './core/lifecycle/cpu-priority.js';

/** Time allowed, beyond the jobs' grace period, for closing the server, queues and connections. */
const CLOSE_MARGIN_MS = 10000;

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    // A bad setting stops the service before anything starts, naming the variable.
    console.error((error as Error).message);
    process.exit(1);
  }
  // Before the application starts its threads (connections, libuv's pool): they take this value.
  if (config.SERVICE_MODE === 'worker' && config.WORKER_NICENESS > 0) lowerCpuPriority(config.WORKER_NICENESS);
  // Loaded only once the configuration holds, so that a refused one stops the process at once,
  // before the whole application (Nest, the drivers, the queues) has been read from disk.
  const [{ createApp }, { Logger }] = await Promise.all([import('./app.factory.js'), import('@nestjs/common')]);
  const app = await createApp(config);
  await app.listen({ port: config.PORT, host: '0.0.0.0' });

  // SIGTERM or SIGINT: stop taking work, let jobs under way finish within SHUTDOWN_GRACE_MS,
  // close queues and connections, and exit; a second signal, or a close that hangs, ends it at once.
  const logger = new Logger('Shutdown');
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.log({ signal }, 'Shutting down');
    setTimeout(() => {
      logger.error('Shutdown did not finish in time; exiting');
      process.exit(1);
    }, config.SHUTDOWN_GRACE_MS + CLOSE_MARGIN_MS).unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ error: (error as Error).name }, 'Shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
