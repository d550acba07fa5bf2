import { parseArgs } from 'node:util';
import { startRegistrySimulator } from '../modules/registries/sandbox/registry-simulator.server.js';
import { generatePopulation, mergeDatasets } from '../modules/registries/sandbox/sandbox-population.js';
import { loadSandboxDataset } from '../modules/registries/sandbox/sandbox-registry.handler.js';

const USAGE = `Serves the three sandbox registries over HTTP, as contracts/registries.openapi.yaml says.

usage: npm run registries -- [options]
  --host <address>          default 127.0.0.1
  --port <port>             default 8701 (0: any free port)
  --latency-ms <ms>         added before every answer
  --quota <calls/s>         calls a second each registry takes; past it, 429 with Retry-After
  --population <N>          also serve N generated households (seeded by --seed): valid
                            identity numbers, some with a car or a business
  --token <token>           bearer token required of every request (default: any)
  --error-rate <p>          share of answers that are 500, 502 or 503
  --rate-limit-rate <p>     share of answers that are 429
  --retry-after <seconds>   Retry-After of a 429 (default 1) and of a 503
  --malformed-rate <p>      share of 200 answers whose body breaks the contract
  --incomplete-rate <p>     share of 200 answers that leave one identifier out
  --hang-rate <p>           share of requests never answered
  --seed <n>                seed of the random faults and the population, so that a run repeats (default 1)
  --help`;

const REGISTRIES = ['HOUSEHOLD', 'VEHICLE', 'BUSINESS'];

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '8701' },
      'latency-ms': { type: 'string' },
      quota: { type: 'string' },
      population: { type: 'string' },
      token: { type: 'string' },
      'error-rate': { type: 'string' },
      'rate-limit-rate': { type: 'string' },
      'retry-after': { type: 'string' },
      'malformed-rate': { type: 'string' },
      'incomplete-rate': { type: 'string' },
      'hang-rate': { type: 'string' },
      seed: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return console.log(USAGE);

  const port = number('port', values.port, 65535);
  if (!Number.isInteger(port)) fail('--port must be an integer from 0 to 65535');
  const faults = {
    errorRate: number('error-rate', values['error-rate'], 1),
    rateLimitRate: number('rate-limit-rate', values['rate-limit-rate'], 1),
    retryAfterSeconds: number('retry-after', values['retry-after']),
    malformedRate: number('malformed-rate', values['malformed-rate'], 1),
    incompleteRate: number('incomplete-rate', values['incomplete-rate'], 1),
    hangRate: number('hang-rate', values['hang-rate'], 1),
  };
  const rates = [faults.errorRate, faults.rateLimitRate, faults.malformedRate, faults.incompleteRate, faults.hangRate];
  if (rates.reduce((sum: number, rate) => sum + (rate ?? 0), 0) > 1) fail('the rates together must be at most 1');

  const seed = number('seed', values.seed);
  const population = number('population', values.population, 1_000_000);
  if (population !== undefined && !Number.isInteger(population)) fail('--population must be a whole number of households');
  const simulator = await startRegistrySimulator({
    host: values.host,
    port,
    latencyMs: number('latency-ms', values['latency-ms']),
    quota: number('quota', values.quota),
    seed,
    token: values.token,
    faults,
    ...(population ? { dataset: mergeDatasets(loadSandboxDataset(), generatePopulation({ households: population, seed }).dataset) } : {}),
  });
  console.log(`Registry simulator on ${simulator.url}, serving all three registries.`);
  console.log('Point the service at it with:');
  for (const name of REGISTRIES) console.log(`${name}_REGISTRY_URL=${simulator.url}`);
  if (values.token !== undefined) for (const name of REGISTRIES) console.log(`${name}_REGISTRY_TOKEN=${values.token}`);

  const stop = async () => {
    await simulator.close();
    console.log(`Stopped after ${simulator.requests()} requests.`);
    for (const [source, stats] of Object.entries(simulator.stats())) {
      console.log(`${source}: ${stats.calls} calls, ${stats.identifiers} identifiers, ${stats.rateLimited} refused over the quota`);
    }
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

/** A flag's value as a number from 0 to `max`, or undefined when the flag was not given. */
function number(flag: string, text: string | undefined, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0 || value > max) fail(`--${flag} must be a number from 0 to ${max}`);
  return value;
}

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
