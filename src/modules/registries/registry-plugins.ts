import { QueueName } from '../../core/queue/queue.types.js';
import { BusinessRegistryCheck } from '../verification/checks/business-registry.check.js';
import { HouseholdRegistryCheck } from '../verification/checks/household-registry.check.js';
import { VehicleRegistryCheck } from '../verification/checks/vehicle-registry.check.js';
import { BusinessRegistryHttpAdapter } from './business/business-registry.http-adapter.js';
import { BusinessRegistry } from './business/business-registry.port.js';
import { BusinessRegistrySandboxAdapter } from './business/business-registry.sandbox-adapter.js';
import { HouseholdRegistryHttpAdapter } from './household/household-registry.http-adapter.js';
import { HouseholdRegistry } from './household/household-registry.port.js';
import { HouseholdRegistrySandboxAdapter } from './household/household-registry.sandbox-adapter.js';
import { registryHttpClient } from './http/registry-http-config.js';
import type { RegistryPlugin } from './registry-plugin.js';
import { VehicleRegistryHttpAdapter } from './vehicle/vehicle-registry.http-adapter.js';
import { VehicleRegistry } from './vehicle/vehicle-registry.port.js';
import { VehicleRegistrySandboxAdapter } from './vehicle/vehicle-registry.sandbox-adapter.js';

/** A registry's entry, its port's type checked against its adapter and its check. */
const registry = <P>(plugin: RegistryPlugin<P>): RegistryPlugin => plugin;

/**
 * The registries the service consults, in one place. Adding one means a folder of its own
 * (port, HTTP and sandbox adapters, mapper, check, rules), its policy, and one entry here;
 * a deployment or a test can also add one without editing this list (AppModule.forRoot's
 * `registries`).
 */
export const BUILT_IN_REGISTRIES: readonly RegistryPlugin[] = [
  registry({
    source: 'HOUSEHOLD_REGISTRATION',
    port: HouseholdRegistry,
    queue: QueueName.HouseholdRegistry,
    healthCheck: 'householdRegistry',
    httpClient: (config, observer, quota) => registryHttpClient(config, 'HOUSEHOLD', observer, quota),
    adapter: ({ client, sandbox, batching }) =>
      client ? new HouseholdRegistryHttpAdapter(client, batching) : new HouseholdRegistrySandboxAdapter(sandbox),
    check: (port) => new HouseholdRegistryCheck(port),
  }),
  registry({
    source: 'VEHICLE_REGISTRATION',
    port: VehicleRegistry,
    queue: QueueName.VehicleRegistry,
    healthCheck: 'vehicleRegistry',
    httpClient: (config, observer, quota) => registryHttpClient(config, 'VEHICLE', observer, quota),
    adapter: ({ client, sandbox, batching }) =>
      client ? new VehicleRegistryHttpAdapter(client, batching) : new VehicleRegistrySandboxAdapter(sandbox),
    check: (port) => new VehicleRegistryCheck(port),
  }),
  registry({
    source: 'BUSINESS_REGISTRATION',
    port: BusinessRegistry,
    queue: QueueName.BusinessRegistry,
    healthCheck: 'businessRegistry',
    httpClient: (config, observer, quota) => registryHttpClient(config, 'BUSINESS', observer, quota),
    adapter: ({ client, sandbox, batching }) =>
      client ? new BusinessRegistryHttpAdapter(client, batching) : new BusinessRegistrySandboxAdapter(sandbox),
    check: (port) => new BusinessRegistryCheck(port),
  }),
];

/** The built-in registries followed by those added, refusing a source or queue named twice. */
export function registryList(added: readonly RegistryPlugin[] = []): readonly RegistryPlugin[] {
  const all = [...BUILT_IN_REGISTRIES, ...added];
  for (const key of ['source', 'queue', 'healthCheck'] as const) {
    const names = all.map((entry) => entry[key]);
    const twice = names.find((name, index) => names.indexOf(name) !== index);
    if (twice) throw new Error(`two registries have the ${key} ${twice}`);
  }
  return all;
}

/** The registry list the application was given (REGISTRY_PLUGINS), or the built-in one where there is none (a module's own tests). */
export function registriesOf(provided?: readonly RegistryPlugin[]): readonly RegistryPlugin[] {
  return provided ?? BUILT_IN_REGISTRIES;
}
