import type { DeclaredMember, Program, Severity } from './eligibility.types.js';
import type { FindingDraft } from './rules/finding-draft.js';

/**
 * A finding of a registry added as a plugin: its code is the registry's own, outside
 * FINDING_CODES, and its evidence points into that registry.
 */
export type RegistryFindingDraft = Omit<FindingDraft, 'code' | 'source' | 'evidence'> & {
  code: string;
  source: null;
  evidence: { source: string; recordKey: string }[];
};

/** A plugin registry's parameters: the thresholds its rules compare with, and the severity of each code it raises, per programme. */
export interface RegistryPolicy {
  readonly thresholds: Readonly<Record<string, string | number | boolean>>;
  readonly severities: Readonly<Record<Program, Readonly<Record<string, Severity>>>>;
}

/**
 * The rules of a registry added as a plugin, applied by the engine after the built-in ones.
 * Pure, like the engine: the same members and answer give the same findings. The engine
 * itself turns a missing or broken answer into SOURCE_UNAVAILABLE or SOURCE_INVALID_RESPONSE
 * for the registry, so that the rules only ever see an answer the registry gave.
 */
export interface RegistryRules<A = unknown> {
  readonly source: string;
  /** Its parameters where a policy version does not give them (PolicyVersion.registries). */
  readonly policy: RegistryPolicy;
  /**
   * The members the answer does not account for (each asked identifier must be in the records
   * or listed as not found): more than none makes the answer SOURCE_INVALID_RESPONSE.
   */
  unaccounted(members: readonly DeclaredMember[], answer: A): number;
  apply(members: readonly DeclaredMember[], answer: A, thresholds: RegistryPolicy['thresholds']): RegistryFindingDraft[];
}

/** The parameters of a plugin registry under `version`: the version's own, or the plugin's. */
export function registryPolicyOf(
  registry: RegistryRules,
  version: { registries?: Readonly<Record<string, RegistryPolicy>> },
): RegistryPolicy {
  return version.registries?.[registry.source] ?? registry.policy;
}
