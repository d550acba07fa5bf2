import { writeFileSync } from 'node:fs';
import pg from 'pg';

/**
 * Preloaded into a service process the bench starts (`node --import`): counts every statement
 * its `pg` clients send, BEGIN and COMMIT included, and writes `<reports> <statements>` to
 * BENCH_SQL_COUNT_FILE each time the process gets SIGUSR2, so that the bench can take the
 * difference over a phase without touching the service's code.
 */
const file = process.env.BENCH_SQL_COUNT_FILE;
if (file) {
  let statements = 0;
  let reports = 0;
  const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function countedQuery(this: pg.Client, ...args: unknown[]) {
    statements += 1;
    return original.apply(this, args);
  } as never;
  process.on('SIGUSR2', () => {
    reports += 1;
    writeFileSync(file, `${reports} ${statements}`);
  });
}
