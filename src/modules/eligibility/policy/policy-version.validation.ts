import { yuanTextToFen } from '../../../core/money/fen.js';
import { isCalendarDate } from '../../../core/time/calendar-date.js';
import { FINDING_CODES, PROGRAMS, SEVERITIES } from '../eligibility.types.js';
import { STANDARD_PERIODS } from './policy-version.types.js';
import type { RegistryPolicy } from '../registry-rules.js';
import type { PolicyVersion, ProgramPolicy } from './policy-version.types.js';

function isOneOf(list: readonly string[], value: unknown): boolean {
  return typeof value === 'string' && list.includes(value);
}

function fail(version: PolicyVersion, problem: string): never {
  throw new Error(`policy version "${version.id}": ${problem}`);
}

function isYuanText(text: unknown): boolean {
  if (typeof text !== 'string') return false;
  try {
    yuanTextToFen(text);
    return true;
  } catch {
    return false;
  }
}

function checkProgram(version: PolicyVersion, name: string, program: ProgramPolicy | undefined): void {
  if (!program) fail(version, `no parameters for ${name}`);
  if (program.standards !== null) {
    for (const type of ['URBAN', 'RURAL'] as const) {
      const standard = program.standards[type];
      if (!standard || !isYuanText(standard.amount) || !isOneOf(STANDARD_PERIODS, standard.period)) {
        fail(version, `${name} has no valid ${type} standard`);
      }
    }
  }
  if (!isYuanText(program.enterpriseCapitalAllowance)) fail(version, `${name} has no valid enterprise capital allowance`);
  if (typeof program.anyEnterpriseRoleCounts !== 'boolean') fail(version, `${name} must say whether any enterprise role counts`);
  const interval = program.reverificationIntervalMonths;
  if (interval !== undefined && !(Number.isInteger(interval) && interval >= 1 && interval <= 60)) {
    fail(version, `${name} reverificationIntervalMonths must be a whole number of months from 1 to 60`);
  }

  for (const [code, severity] of Object.entries(program.severities)) {
    if (!isOneOf(FINDING_CODES, code)) fail(version, `${name} has a severity for unknown code ${code}`);
    if (!isOneOf(SEVERITIES, severity)) fail(version, `${name} has unknown severity ${String(severity)} for ${code}`);
  }
  // Every code the rules can raise needs a severity; the income test exists only with standards.
  for (const code of FINDING_CODES) {
    const expected = code !== 'INCOME_ABOVE_STANDARD' || program.standards !== null;
    if ((program.severities[code] !== undefined) !== expected) {
      fail(version, `${name} ${expected ? 'has no' : 'must not have a'} severity for ${code}`);
    }
  }
}

function checkVersion(version: PolicyVersion): void {
  if (typeof version.id !== 'string' || version.id === '') throw new Error('a policy version has no id');
  if (!/^\d{0,6}$/.test(version.regionPrefix)) fail(version, 'region prefix must be up to 6 digits');
  if (!isCalendarDate(version.effectiveFrom)) fail(version, 'effectiveFrom is not a YYYY-MM-DD date');
  if (version.effectiveTo !== null && !(isCalendarDate(version.effectiveTo) && version.effectiveTo >= version.effectiveFrom)) {
    fail(version, 'effectiveTo must be null or a YYYY-MM-DD date not before effectiveFrom');
  }
  if (!version.exemptVehicleClasses.every((letter) => /^[A-Z]$/.test(letter))) {
    fail(version, 'exempt vehicle classes must be single capital letters');
  }
  for (const name of Object.keys(version.programs)) {
    if (!isOneOf(PROGRAMS, name)) fail(version, `unknown programme ${name}`);
  }
  for (const name of PROGRAMS) checkProgram(version, name, version.programs[name]);
  for (const [source, registry] of Object.entries(version.registries ?? {})) checkRegistry(version, source, registry);
}

/** A plugin registry's parameters: scalar thresholds, and for each programme valid severities of codes of its own. */
function checkRegistry(version: PolicyVersion, source: string, registry: RegistryPolicy): void {
  const thresholds = registry?.thresholds;
  if (typeof thresholds !== 'object' || thresholds === null) fail(version, `registry ${source} has no thresholds`);
  for (const [name, value] of Object.entries(thresholds)) {
    if (!['string', 'number', 'boolean'].includes(typeof value))
      fail(version, `registry ${source} threshold ${name} must be a string, number or boolean`);
  }
  for (const name of PROGRAMS) {
    const severities = registry.severities?.[name];
    if (typeof severities !== 'object' || severities === null) fail(version, `registry ${source} has no severities for ${name}`);
    for (const [code, severity] of Object.entries(severities)) {
      if (isOneOf(FINDING_CODES, code)) fail(version, `registry ${source} may not set the severity of built-in code ${code}`);
      if (!isOneOf(SEVERITIES, severity)) fail(version, `registry ${source} has unknown severity ${String(severity)} for ${code}`);
    }
  }
}

/** Throws on the first problem: a catalog that starts is a catalog the engine can trust. */
export function validatePolicyVersions(versions: readonly PolicyVersion[]): void {
  versions.forEach(checkVersion);

  const ids = new Set<string>();
  for (const version of versions) {
    if (ids.has(version.id)) fail(version, 'duplicate id');
    ids.add(version.id);
  }

  const byStart = [...versions].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0));
  for (const [index, earlier] of byStart.entries()) {
    const later = byStart.slice(index + 1).find((other) => other.regionPrefix === earlier.regionPrefix);
    if (later && (earlier.effectiveTo === null || earlier.effectiveTo >= later.effectiveFrom)) {
      fail(later, `overlaps "${earlier.id}" for region prefix "${earlier.regionPrefix}"`);
    }
  }
}
