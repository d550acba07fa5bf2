import { randomUUID } from 'node:crypto';
import { searchLabel, type RegistryTransport, type SearchEndpoint, type TransportAnswer } from '../contract/registry-search.js';
import { errorForStatus } from '../contract/registry-status.js';
import { loadSandboxDataset, SandboxRegistry } from './sandbox-registry.handler.js';

/**
 * Carries requests in-process to the sandbox registry, the built-in stand-in used where a
 * registry has no URL configured. Its answers go through the same contract checks and
 * mappers as the HTTP ones, so that the sandbox adapters answer exactly as HTTP adapters
 * over the same data would. One instance serves the three registries; the sandbox indexes
 * its dataset on first use, so that a deployment with three real registries never does.
 */
export class SandboxRegistryTransport implements RegistryTransport {
  private registry?: SandboxRegistry;

  constructor(private readonly createRegistry: () => SandboxRegistry = () => new SandboxRegistry(loadSandboxDataset())) {}

  async post(endpoint: SearchEndpoint, body: object): Promise<TransportAnswer> {
    const requestId = randomUUID();
    this.registry ??= this.createRegistry();
    const answer = this.registry.handle(endpoint.path, body);
    // A round trip through JSON hands the checks exactly what HTTP would have carried,
    // rather than the sandbox's own (frozen, shared) records.
    const answerBody = answer.body === undefined ? undefined : (JSON.parse(JSON.stringify(answer.body)) as unknown);
    if (answer.status !== 200) {
      throw errorForStatus(searchLabel(endpoint), answer.status, answerBody, { attempts: 1, requestIds: [requestId] });
    }
    return { body: answerBody, requestIds: [requestId], attempts: 1 };
  }
}
