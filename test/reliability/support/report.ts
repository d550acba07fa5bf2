import { appendFileSync, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where each run's results go, one Markdown file per run (git-ignored). */
export const RESULTS_DIR = resolve('test/reliability/results');

/** Set by jest.reliability.cjs once per run, so that every scenario file of the run writes to one file. */
const run = (globalThis as { RELIABILITY_RUN?: string }).RELIABILITY_RUN ?? new Date().toISOString().replace(/[:.]/g, '-');

/** Appends one table row for a scenario to the run's results file and prints it. */
export function report(scenario: string, figures: object): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${run}.md`);
  if (!existsSync(file)) appendFileSync(file, `# Reliability run ${run}\n\n| scenario | figures |\n| --- | --- |\n`);
  const line = `| ${scenario} | \`${JSON.stringify(figures)}\` |`;
  appendFileSync(file, `${line}\n`);
  console.log(`${scenario}: ${JSON.stringify(figures)}`);
}
