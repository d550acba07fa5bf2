import type { Evaluation, EvaluationInput, Finding, HouseholdFacts, Outcome, Severity } from './eligibility.types.js';
import { enterpriseHoldings } from './facts/enterprise-capital.js';
import { headOf, householdFacts, registeredHead } from './facts/household-facts.js';
import type { PolicyVersion } from './policy/policy-version.types.js';
import { businessRules } from './rules/business.rules.js';
import { compareNullableText, type FindingDraft } from './rules/finding-draft.js';
import { householdMemberRules } from './rules/household-member.rules.js';
import { householdRules } from './rules/household.rules.js';
import { incomeRule } from './rules/income.rule.js';
import { type RegistryRules, registryPolicyOf } from './registry-rules.js';
import { checkSources, pluginRegistryFindings } from './rules/source.rules.js';
import { vehicleRule } from './rules/vehicle.rule.js';

function compareFindings(a: Finding, b: Finding): number {
  return (
    compareNullableText(a.code, b.code) ||
    compareNullableText(a.memberIdNumber, b.memberIdNumber) ||
    compareNullableText(a.source, b.source)
  );
}

/** No negative determination on incomplete evidence: a missing registry answer always goes to review. */
function decideOutcome(findings: readonly Finding[]): Outcome {
  if (findings.some((finding) => finding.source !== null)) return 'NEEDS_REVIEW';
  if (findings.some((finding) => finding.severity === 'DISQUALIFYING')) return 'INELIGIBLE';
  if (findings.some((finding) => finding.severity === 'REVIEW')) return 'NEEDS_REVIEW';
  return 'ELIGIBLE';
}

/**
 * Applies one policy version to one application's registry answers (POLICY.md). Pure and
 * deterministic: the same input and version give the same evaluation, byte for byte, so that
 * an auditor can re-derive a stored determination.
 *
 * `registries`: the rules of the registries added as plugins (registry-plugins.ts), applied
 * after the built-in ones; a code of theirs that the policy version does not rate takes the
 * severity the plugin's own policy gives it.
 */
export function evaluate(input: EvaluationInput, policy: PolicyVersion, registries: readonly RegistryRules[] = []): Evaluation {
  const { members } = input;
  const program = policy.programs[input.program];
  const declaredHead = headOf(members);

  const { findings: sourceFindings, view } = checkSources(input, declaredHead);
  const head = registeredHead(declaredHead, view.household);
  const holdings = view.entities && enterpriseHoldings(view.entities, new Set(members.map((member) => member.idNumber)));
  const facts: HouseholdFacts = {
    ...householdFacts(members, program, view.household, holdings),
    // Absent rather than false otherwise, so that determinations stored before the flag existed re-evaluate unchanged.
    ...(input.registrySandbox ? { registrySandbox: true as const } : {}),
  };

  const drafts: FindingDraft[] = [
    ...sourceFindings,
    ...(view.household ? householdMemberRules(members, view.household) : []),
    ...(view.household && head ? householdRules(members, input.regionCode, view.household, head) : []),
    ...(head && program.standards ? incomeRule(facts, head) : []),
    ...(view.vehicles ? vehicleRule(members, view.vehicles, policy.exemptVehicleClasses) : []),
    ...(view.entities && holdings ? businessRules(members, view.entities, holdings, facts.enterpriseCapitalAllowanceFen, program) : []),
    ...registries.flatMap((registry) => pluginRegistryFindings(input, registry, registryPolicyOf(registry, policy).thresholds)),
  ];
  const pluginSeverities = new Map<string, Severity>(
    registries.flatMap((registry) => Object.entries(registryPolicyOf(registry, policy).severities[input.program] ?? {})),
  );

  const findings = drafts
    .map(({ code, memberIdNumber, source, reason, figures, evidence }): Finding => {
      const severity = program.severities[code] ?? pluginSeverities.get(code);
      if (!severity) throw new Error(`policy version "${policy.id}" has no severity for ${code} in ${input.program}`);
      return { code, severity, memberIdNumber, source, reason, figures, evidence };
    })
    .sort(compareFindings);

  return { outcome: decideOutcome(findings), policyVersion: policy.id, findings, facts };
}
