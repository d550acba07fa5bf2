import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import type { RawResult } from './raw-ceiling.js';
import type { QuotaRunResult } from './reverification-under-quota.js';
import type { ServiceResult } from './service-throughput.js';

/** The product's goals, reported, never enforced: the service as a share of the raw ceiling, */
export const GOAL_PERCENT = 10;
/** the submit latency's p99 at the open loop's rate, */
export const GOAL_OPEN_LOOP_P99_MS = 50;
/** and a re-verification run's time against its bound under the registries' quotas. */
export const GOAL_QUOTA_RATIO = 0.8;
/** Above this, something else was using the machine when the run began. */
const BUSY_WARNING_PERCENT = 15;

export interface BenchReport {
  at: string;
  machine: { cpus: number; node: string; busyBeforePercent: number };
  settings: Record<string, string | number>;
  raw: RawResult;
  service: ServiceResult;
  quotaRun?: QuotaRunResult;
  ratioPercent: number;
  goalPercent: number;
  failures: string[];
  warnings: string[];
}

/** Nearest-rank percentile of ascending values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

export function buildReport(
  settings: BenchReport['settings'],
  busyBeforePercent: number,
  raw: RawResult,
  service: ServiceResult,
  quotaRun?: QuotaRunResult,
): BenchReport {
  const failures: string[] = [];
  const warnings: string[] = [];
  if (busyBeforePercent > BUSY_WARNING_PERCENT) {
    warnings.push(`the machine was ${busyBeforePercent.toFixed(0)} % busy before the run: other work skews these figures`);
  }
  if (raw.timedOut) failures.push(`raw ceiling: ${raw.completed} of ${raw.flows} flows completed in time`);
  if (service.accepted !== service.applications) {
    failures.push(`submits not accepted: ${JSON.stringify(service.rejected)}; first errors: ${service.firstErrors.join(' | ')}`);
  }
  if (service.timedOut)
    failures.push(
      `lost determinations: ${service.accepted - service.determined} of ${service.accepted} accepted not determined (stalled 15 s or past the phase's time limit)`,
    );
  if (service.acceptedButNotStored > 0) failures.push(`${service.acceptedButNotStored} accepted applications not stored`);
  if (service.applicationsWithoutExactlyOneDetermination > 0) {
    failures.push(`${service.applicationsWithoutExactlyOneDetermination} applications without exactly one determination`);
  }
  if (service.failedJobs > 0) failures.push(`${service.failedJobs} jobs failed for good`);
  if (quotaRun && !quotaRun.completed)
    failures.push(`re-verification run: ${quotaRun.determined} of ${quotaRun.households} determined in time`);
  if (quotaRun && quotaRun.failedChecks > 0) failures.push(`re-verification run: ${quotaRun.failedChecks} registry checks not SUCCEEDED`);
  if (service.refusedCases.length > 0) warnings.push(`sandbox cases refused by the API, left out: ${service.refusedCases.join('; ')}`);
  if (service.failedChecks > 0) warnings.push(`${service.failedChecks} registry checks not SUCCEEDED against the sandbox`);
  if (service.outcomeMismatches > 0)
    warnings.push(`${service.outcomeMismatches} determinations differ from their sandbox case's expected outcome`);
  return {
    at: new Date().toISOString(),
    machine: { cpus: availableParallelism(), node: process.version, busyBeforePercent },
    settings,
    raw,
    service,
    quotaRun,
    ratioPercent: (service.determinationsPerSecond / raw.flowsPerSecond) * 100,
    goalPercent: GOAL_PERCENT,
    failures,
    warnings,
  };
}

export function printReport(report: BenchReport): void {
  const { raw, service, settings } = report;
  const rows: Array<[string, string]> = [
    ['raw ceiling', `${fixed(raw.flowsPerSecond, 0)} flows/s`],
    ['  flows completed', `${raw.completed} of ${raw.flows} in ${seconds(raw.elapsedMs)}`],
    ['  shape', `1 parent + 3 trivial children, ${settings.concurrency}/queue, ${settings.clients} producers`],
    ['  Redis commands per flow', fixed(raw.redisCommandsPerFlow, 1)],
    ['  Node CPU / event loop busy', `${fixed(raw.cpuPercent, 0)} % / ${fixed(raw.eventLoopUtilisation * 100, 0)} %`],
    ['service, sustained', `${fixed(service.determinationsPerSecond, 0)} determinations/s`],
    ['  determinations', `${service.determined} of ${service.accepted} accepted in ${seconds(service.elapsedMs)}`],
    ['  shape', `PostgreSQL, sandbox registries, ${settings.clients} HTTP clients, ${settings.concurrency}/queue`],
    [
      '  submit latency p50 / p99',
      `${fixed(service.submitP50Ms, 1)} / ${fixed(service.submitP99Ms, 1)} ms (max ${fixed(service.submitMaxMs, 0)})`,
    ],
    ['  submits', `${service.accepted} × 202 of ${service.applications}, ${fixed(service.submitsPerSecond, 0)}/s`],
    ['  backlog drained after last submit', seconds(service.drainAfterLastSubmitMs)],
    ['  SQL statements per application', fixed(service.sqlStatementsPerApplication, 1)],
    ['  Redis commands per application', fixed(service.redisCommandsPerApplication, 1)],
    ['  Redis memory before / after', `${megabytes(service.redisMemoryBeforeBytes)} / ${megabytes(service.redisMemoryAfterBytes)}`],
    ['  bench process CPU / event loop busy', `${fixed(service.cpuPercent, 0)} % / ${fixed(service.eventLoopUtilisation * 100, 0)} %`],
    ['ratio service / raw', `${fixed(report.ratioPercent, 1)} % (goal ≥ ${report.goalPercent} %)`],
    [
      `submit latency at ${service.openLoop.perSecond}/s, open loop`,
      `p50 ${fixed(service.openLoop.p50Ms, 1)} / p99 ${fixed(service.openLoop.p99Ms, 1)} ms (max ${fixed(service.openLoop.maxMs, 0)}; goal p99 ≤ ${GOAL_OPEN_LOOP_P99_MS} ms)`,
    ],
    [
      '  submits',
      `${service.openLoop.accepted} × 202 of ${service.openLoop.submissions}, all determined after ${seconds(service.openLoop.drainedAfterMs)}`,
    ],
    ...quotaRows(report.quotaRun),
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  const { cpus, node, busyBeforePercent } = report.machine;
  console.log(`\nHedui benchmark, ${cpus} CPUs (${busyBeforePercent.toFixed(0)} % busy before the run), Node ${node}\n`);
  for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
  for (const warning of report.warnings) console.log(`\n  warning: ${warning}`);
  for (const failure of report.failures) console.log(`\n  FAILED: ${failure}`);
  console.log('');
}

function quotaRows(run: QuotaRunResult | undefined): Array<[string, string]> {
  if (!run) return [];
  return [
    [
      're-verification under quotas',
      `${run.households} households in ${fixed(run.runSeconds, 1)} s, bound ${fixed(run.boundSeconds, 1)} s: ratio ${fixed(run.ratio, 2)} (goal ≥ ${GOAL_QUOTA_RATIO})`,
    ],
    ['  registries', `${run.quotaPerSecond} calls/s each, ${run.latencyMs} ms a call; 429s received: ${run.rateLimited} (goal 0)`],
    ...Object.entries(run.registries).map(([source, stats]): [string, string] => [
      `  ${source}`,
      `${stats.calls} calls, ${stats.identifiers} identifiers (${fixed(stats.identifiers / Math.max(stats.calls, 1), 1)} a call; ${stats.mustAsk} to ask)`,
    ]),
    [
      '  determinations',
      `${run.determined} of ${run.households}${run.completed ? '' : ' (run not completed in time)'}; checks not SUCCEEDED: ${run.failedChecks}`,
    ],
  ];
}

export function writeReport(report: BenchReport, path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(report, (_, value) => (typeof value === 'number' ? round(value) : value), 2)}\n`);
}

const fixed = (value: number, digits: number) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const seconds = (ms: number) => `${fixed(ms / 1000, 2)} s`;
const megabytes = (bytes: number) => `${fixed(bytes / 1024 / 1024, 1)} MB`;
const round = (value: number) => (Number.isInteger(value) || !Number.isFinite(value) ? value : Math.round(value * 1000) / 1000);
