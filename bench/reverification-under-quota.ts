import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { loadConfig } from '../src/core/config/app.config.js';
import { dataSourceOptions } from '../src/core/database/data-source.options.js';
import { ENTITIES } from '../src/entities.js';
import { ApplicationMemberEntity } from '../src/modules/applications/entities/application-member.entity.js';
import { ApplicationEntity } from '../src/modules/applications/entities/application.entity.js';
import { TokenService } from '../src/modules/auth/token.service.js';
import { MAX_IDENTIFIERS_PER_CALL } from '../src/modules/registries/contract/registry-search.js';
import type { RegistrySource } from '../src/modules/registries/registry.types.js';
import { type RegistryCallStats, startRegistrySimulator } from '../src/modules/registries/sandbox/registry-simulator.server.js';
import { type GeneratedHousehold, generatePopulation, mergeDatasets } from '../src/modules/registries/sandbox/sandbox-population.js';
import { loadSandboxDataset } from '../src/modules/registries/sandbox/sandbox-registry.handler.js';
import { DeterminationEntity } from '../src/modules/verification/entities/determination.entity.js';
import { VerificationEntity } from '../src/modules/verification/entities/verification.entity.js';
import { startServiceProcesses } from './service-processes.js';

export interface QuotaRunSettings {
  databaseUrl: string;
  redisUrl: string;
  prefix: string;
  households: number;
  /** Calls a second each registry takes, and how long each call takes it. */
  quotaPerSecond: number;
  latencyMs: number;
  timeoutMs: number;
}

export interface QuotaRunResult {
  households: number;
  quotaPerSecond: number;
  latencyMs: number;
  /** From the run's start to its completion. */
  runSeconds: number;
  /** The slowest registry's time had every call carried 50 identifiers: max of identifiers / 50 / quota. */
  boundSeconds: number;
  /** bound / run: 1 is calls always full and the quota always used. */
  ratio: number;
  /** What each registry was asked, and how many calls it refused for the quota. */
  registries: Record<RegistrySource, RegistryCallStats & { mustAsk: number }>;
  rateLimited: number;
  determined: number;
  /** The run's registry checks that did not succeed: each is a household sent to review for want of an answer. */
  failedChecks: number;
  completed: boolean;
}

const PROGRAM = 'MINIMUM_LIVING_ALLOWANCE';
/** Ngari prefecture: every generated household lives in one of its counties. */
const REGION = '542500';
const POLICY = '5425@2023-01-01';
const REGISTRY_TOKEN = 'bench-registry-token';

/**
 * A re-verification run over `households` enrolled households against registries that each take
 * `quotaPerSecond` calls a second and answer in `latencyMs` (the registry simulator serving a
 * generated population), with the service as deployed (one API process, one worker process)
 * and its call quota set to the registries' own. The households are stored as enrolled
 * (determined ELIGIBLE a year ago) straight into the database; the run then re-verifies each
 * through the registries.
 */
export async function measureReverificationUnderQuota(settings: QuotaRunSettings): Promise<QuotaRunResult> {
  const population = generatePopulation({ households: settings.households, seed: 20261205 });
  const simulator = await startRegistrySimulator({
    token: REGISTRY_TOKEN,
    quota: settings.quotaPerSecond,
    latencyMs: settings.latencyMs,
    dataset: mergeDatasets(loadSandboxDataset(), population.dataset),
  });
  const processes = await startServiceProcesses(
    {
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATABASE_URL: settings.databaseUrl,
      REDIS_URL: settings.redisUrl,
      QUEUE_PREFIX: settings.prefix,
      API_RATE_LIMIT: '0',
      REVERIFICATION_SCHEDULE: '',
      AUDIT_SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
      WORKER_CONCURRENCY: '300',
      REVERIFICATION_BATCH_SIZE: '500',
      REVERIFICATION_MAX_PENDING: '3000',
      ...Object.fromEntries(
        ['HOUSEHOLD', 'VEHICLE', 'BUSINESS'].flatMap((name) => [
          [`${name}_REGISTRY_URL`, simulator.url],
          [`${name}_REGISTRY_TOKEN`, REGISTRY_TOKEN],
          [`${name}_REGISTRY_RATE_LIMIT`, String(settings.quotaPerSecond)],
        ]),
      ),
    },
    1,
  );
  const database = await new DataSource(
    dataSourceOptions(loadConfig({ NODE_ENV: 'test', DATABASE_URL: settings.databaseUrl }), ENTITIES),
  ).initialize();
  try {
    await enrol(database, population.households);
    simulator.resetCounters();
    const admin = new TokenService(loadConfig({ NODE_ENV: 'test' })).sign({ sub: 'bench-admin', roles: ['admin'] });
    const started = performance.now();
    const run = await fetch(`${processes.api.url}/v1/reverification-runs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ regionCode: REGION, program: PROGRAM }),
    });
    if (run.status !== 202) throw new Error(`run not started: ${run.status} ${await run.text()}`);
    const { id } = (await run.json()) as { id: string };
    const completed = await runCompleted(`${processes.api.url}/v1/reverification-runs/${id}`, admin, started + settings.timeoutMs);
    const runSeconds = (performance.now() - started) / 1000;

    const stats = simulator.stats();
    const persons = population.households.reduce((sum, household) => sum + household.members.length, 0);
    const mustAsk: Record<RegistrySource, number> = {
      HOUSEHOLD_REGISTRATION: persons + population.households.length,
      VEHICLE_REGISTRATION: persons,
      BUSINESS_REGISTRATION: persons,
    };
    const boundSeconds = Math.max(
      ...Object.values(mustAsk).map((identifiers) => identifiers / MAX_IDENTIFIERS_PER_CALL / settings.quotaPerSecond),
    );
    const ofRun = 'verification_id IN (SELECT id FROM verifications WHERE run_id IS NOT NULL)';
    const [{ n }] = await database.query(`SELECT COUNT(*)::int AS n FROM determinations WHERE ${ofRun}`);
    const [{ failed }] = await database.query(`SELECT COUNT(*)::int AS failed FROM source_checks WHERE status <> 'SUCCEEDED' AND ${ofRun}`);
    return {
      households: settings.households,
      quotaPerSecond: settings.quotaPerSecond,
      latencyMs: settings.latencyMs,
      runSeconds,
      boundSeconds,
      ratio: boundSeconds / runSeconds,
      registries: Object.fromEntries(
        (Object.keys(mustAsk) as RegistrySource[]).map((source) => [source, { ...stats[source], mustAsk: mustAsk[source] }]),
      ) as QuotaRunResult['registries'],
      rateLimited: Object.values(stats).reduce((sum, registry) => sum + registry.rateLimited, 0),
      determined: n,
      failedChecks: failed,
      completed,
    };
  } finally {
    await database.destroy();
    await processes.stop();
    await simulator.close();
  }
}

/** Stores each household as enrolled: its application, determined ELIGIBLE a year ago, in batches of a thousand. */
async function enrol(database: DataSource, households: readonly GeneratedHousehold[]): Promise<void> {
  const yearAgo = new Date(Date.now() - 366 * 24 * 3600_000).toISOString();
  for (let start = 0; start < households.length; start += 1000) {
    const rows = households.slice(start, start + 1000).map((household) => {
      const applicationId = randomUUID();
      const verificationId = randomUUID();
      return {
        application: {
          id: applicationId,
          program: PROGRAM,
          regionCode: household.regionCode,
          applicationDate: yearAgo.slice(0, 10),
          status: 'DETERMINED',
          submittedBy: 'bench-intake',
          idempotencyKey: null,
          requestSha256: '0'.repeat(64),
          currentVerificationId: verificationId,
          createdAt: yearAgo,
          updatedAt: yearAgo,
        } satisfies ApplicationEntity,
        members: household.members.map((member, position): ApplicationMemberEntity => ({
          applicationId,
          position,
          name: member.name,
          idNumber: member.idNumber,
          relationship: member.relationship,
          declaredMonthlyIncomeFen: member.declaredMonthlyIncome * 100,
          consentDocumentRef: `BENCH-${applicationId.slice(0, 8)}-${position}`,
          consentSignedOn: yearAgo.slice(0, 10),
          consentSignedBy: 'SELF',
        })),
        verification: {
          id: verificationId,
          applicationId,
          sequence: 1,
          policyVersion: POLICY,
          status: 'DETERMINED',
          requestedBy: 'bench-intake',
          correlationId: randomUUID(),
          createdAt: yearAgo,
          completedAt: yearAgo,
          runId: null,
        } satisfies VerificationEntity,
        determination: {
          id: randomUUID(),
          verificationId,
          applicationId,
          outcome: 'ELIGIBLE',
          policyVersion: POLICY,
          evaluation: '{"outcome":"ELIGIBLE"}',
          determinedAt: yearAgo,
        } satisfies DeterminationEntity,
      };
    });
    await database.transaction(async (manager) => {
      await manager.insert(
        ApplicationEntity,
        rows.map((row) => row.application),
      );
      await manager.insert(
        ApplicationMemberEntity,
        rows.flatMap((row) => row.members),
      );
      await manager.insert(
        VerificationEntity,
        rows.map((row) => row.verification),
      );
      await manager.insert(
        DeterminationEntity,
        rows.map((row) => row.determination),
      );
    });
  }
}

async function runCompleted(url: string, token: string, deadline: number): Promise<boolean> {
  while (performance.now() < deadline) {
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    const body = (await response.json()) as { status?: string };
    if (body.status === 'COMPLETED') return true;
    await sleep(250);
  }
  return false;
}
