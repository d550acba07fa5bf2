import { isValidCreditCode } from '../../../core/identity/credit-code.js';
import { idNumberProblem } from '../../../core/identity/id-number.js';
import { shanghaiDate } from '../../../core/time/clock.js';
import { FINDING_CODES, OUTCOMES, PROGRAMS, type FindingCode, type Program, type Severity } from '../../eligibility/eligibility.types.js';
import {
  validateEntitiesAnswer,
  validateHouseholdsAnswer,
  validatePersonsAnswer,
  validateVehiclesAnswer,
} from '../contract/registry-validation.js';
import type { WireEntitiesAnswer, WireHouseholdsAnswer, WirePersonsAnswer, WireVehiclesAnswer } from '../contract/registry.wire.js';
import { RELATIONSHIPS } from '../registry.types.js';
import { SANDBOX_CASES, type SandboxCase } from './sandbox-cases.js';
import { loadSandboxDataset, SandboxRegistry, type SandboxPath } from './sandbox-registry.handler.js';

const PERSONS = '/household-registration/v1/persons/search';
const HOUSEHOLDS = '/household-registration/v1/households/search';
const VEHICLES = '/vehicle-registration/v1/owners/search';
const ENTITIES = '/business-registration/v1/persons/search';

const dataset = loadSandboxDataset();
const registry = new SandboxRegistry(dataset);
const UNKNOWN_ID = '11010519491231002X';

function ok<T>(path: SandboxPath, body: object): T {
  const answer = registry.handle(path, body);
  expect(answer.status).toBe(200);
  return answer.body as T;
}

const memberOf = (key: string, relationship: string) =>
  SANDBOX_CASES.find((c) => c.key === key)!.application.members.find((m) => m.relationship === relationship)!.idNumber;

describe('SandboxRegistry: searches', () => {
  it('answers persons in the order asked, each once, the unknown ones in notFound', () => {
    const head = memberOf('dibao-eligible-urban', 'HEAD');
    const child = memberOf('dibao-eligible-urban', 'CHILD');
    const answer = ok<WirePersonsAnswer>(PERSONS, { idNumbers: [child, UNKNOWN_ID, head, child] });
    expect(validatePersonsAnswer(answer)).toBe(true);
    expect(answer.persons.map((p) => p.idNumber)).toEqual([child, head]);
    expect(answer.notFound).toEqual([UNKNOWN_ID]);
  });

  it('answers households with every member, whatever their status', () => {
    const head = dataset.persons.find((p) => p.idNumber === memberOf('household-members-undeclared', 'HEAD'))!;
    const answer = ok<WireHouseholdsAnswer>(HOUSEHOLDS, { householdNumbers: [head.householdNumber, 'SBX000000000'] });
    expect(validateHouseholdsAnswer(answer)).toBe(true);
    expect(answer.notFound).toEqual(['SBX000000000']);
    expect(answer.households).toHaveLength(1);
    expect(answer.households[0].members.map((m) => m.status)).toEqual(['ACTIVE', 'ACTIVE', 'ACTIVE', 'DECEASED']);
  });

  it('answers every vehicle of the owners asked, whatever its status; an owner with none is in notFound', () => {
    const head = memberOf('vehicle-scrapped-deregistered-transferred', 'HEAD');
    const spouse = memberOf('vehicle-scrapped-deregistered-transferred', 'SPOUSE');
    const nobody = memberOf('dibao-eligible-urban', 'HEAD');
    const answer = ok<WireVehiclesAnswer>(VEHICLES, { idNumbers: [nobody, head, spouse] });
    expect(validateVehiclesAnswer(answer)).toBe(true);
    expect(answer.vehicles.map((v) => [v.ownerIdNumber, v.status])).toEqual([
      [head, 'SCRAPPED'],
      [head, 'TRANSFERRED'],
      [spouse, 'DEREGISTERED'],
    ]);
    expect(answer.notFound).toEqual([nobody]);
  });

  it('answers each entity once, with only the roles of the persons asked', () => {
    const head = memberOf('enterprise-legal-representative-with-declared-shareholder', 'HEAD');
    const spouse = memberOf('enterprise-legal-representative-with-declared-shareholder', 'SPOUSE');
    const both = ok<WireEntitiesAnswer>(ENTITIES, { idNumbers: [head, spouse, UNKNOWN_ID] });
    expect(validateEntitiesAnswer(both)).toBe(true);
    expect(both.entities).toHaveLength(1);
    expect(both.entities[0].roles).toEqual([
      { idNumber: head, role: 'LEGAL_REPRESENTATIVE' },
      { idNumber: spouse, role: 'SHAREHOLDER', shareRatio: 0.5 },
    ]);
    expect(both.notFound).toEqual([UNKNOWN_ID]);

    const one = ok<WireEntitiesAnswer>(ENTITIES, { idNumbers: [spouse] });
    expect(one.entities[0].roles).toEqual([{ idNumber: spouse, role: 'SHAREHOLDER', shareRatio: 0.5 }]);
    const inDataset = dataset.entities.find((e) => e.creditCode === one.entities[0].creditCode)!;
    expect(inDataset.roles).toHaveLength(3);
  });

  it('accounts for every identifier asked of every case, in answers that match the contract', () => {
    for (const { application } of SANDBOX_CASES) {
      const idNumbers = application.members.map((m) => m.idNumber);
      const persons = ok<WirePersonsAnswer>(PERSONS, { idNumbers });
      const vehicles = ok<WireVehiclesAnswer>(VEHICLES, { idNumbers });
      const entities = ok<WireEntitiesAnswer>(ENTITIES, { idNumbers });
      expect([validatePersonsAnswer(persons), validateVehiclesAnswer(vehicles), validateEntitiesAnswer(entities)]).toEqual([
        true,
        true,
        true,
      ]);
      const accounted = (found: string[], notFound: string[]) => [...new Set([...found, ...notFound])].sort();
      expect(
        accounted(
          persons.persons.map((p) => p.idNumber),
          persons.notFound,
        ),
      ).toEqual([...idNumbers].sort());
      expect(
        accounted(
          vehicles.vehicles.map((v) => v.ownerIdNumber),
          vehicles.notFound,
        ),
      ).toEqual([...idNumbers].sort());
      const roleHolders = entities.entities.flatMap((e) => e.roles.map((r) => r.idNumber));
      expect(roleHolders.every((id) => idNumbers.includes(id))).toBe(true);
      expect(accounted(roleHolders, entities.notFound)).toEqual([...idNumbers].sort());
    }
  });

  it('gives the same answer to the same question', () => {
    const idNumbers = SANDBOX_CASES.flatMap((c) => c.application.members.map((m) => m.idNumber)).slice(0, 50);
    expect(registry.handle(ENTITIES, { idNumbers })).toEqual(new SandboxRegistry(dataset).handle(ENTITIES, { idNumbers }));
  });
});

describe('SandboxRegistry: requests', () => {
  const fifty = (n: number) => Array.from({ length: n }, () => UNKNOWN_ID);

  it('takes 50 identifiers and refuses 51 with TOO_MANY_IDENTIFIERS', () => {
    expect(registry.handle(PERSONS, { idNumbers: fifty(50) }).status).toBe(200);
    expect(registry.handle(PERSONS, { idNumbers: fifty(51) })).toEqual({
      status: 400,
      body: { error: { code: 'TOO_MANY_IDENTIFIERS', message: expect.any(String) } },
    });
    expect(registry.handle(HOUSEHOLDS, { householdNumbers: Array(51).fill('SBX542523001') }).body).toMatchObject({
      error: { code: 'TOO_MANY_IDENTIFIERS' },
    });
  });

  it.each([
    ['no body', PERSONS, undefined],
    ['an array', PERSONS, [UNKNOWN_ID]],
    ['no idNumbers', PERSONS, { householdNumbers: ['SBX542523001'] }],
    ['idNumbers not an array', PERSONS, { idNumbers: UNKNOWN_ID }],
    ['no identifier', VEHICLES, { idNumbers: [] }],
    ['a lower-case x', ENTITIES, { idNumbers: ['11010519491231002x'] }],
    ['17 digits', PERSONS, { idNumbers: ['11010519491231002'] }],
    ['a number', PERSONS, { idNumbers: [110105194912310020] }],
    ['a lower-case household number', HOUSEHOLDS, { householdNumbers: ['sbx542523001'] }],
    ['a short household number', HOUSEHOLDS, { householdNumbers: ['SBX54'] }],
  ])('refuses %s with 400 INVALID_REQUEST, quoting no identifier', (_label, path, body) => {
    const answer = registry.handle(path, body);
    expect(answer).toEqual({ status: 400, body: { error: { code: 'INVALID_REQUEST', message: expect.any(String) } } });
    expect(JSON.stringify(answer.body)).not.toMatch(/1101051949|SBX54/i);
  });

  it('answers 404 for any other path', () => {
    expect(registry.handle('/household-registration/v1/persons', { idNumbers: [UNKNOWN_ID] }).status).toBe(404);
  });
});

describe('sandbox dataset', () => {
  const ids = [
    ...dataset.persons.map((p) => p.idNumber),
    ...dataset.households.flatMap((h) => h.members.map((m) => m.idNumber)),
    ...dataset.vehicles.map((v) => v.ownerIdNumber),
    ...dataset.entities.flatMap((e) => e.roles.map((r) => r.idNumber)),
  ];

  it('holds only valid, synthetic identity numbers and credit codes, in Ngari prefecture', () => {
    expect(ids.filter((id) => idNumberProblem(id) !== null)).toEqual([]);
    expect(dataset.entities.filter((e) => !isValidCreditCode(e.creditCode))).toEqual([]);
    expect(dataset.persons.every((p) => /^(测试|样例)/.test(p.name))).toBe(true);
    expect(dataset.entities.every((e) => /测试|样例/.test(e.name))).toBe(true);
    expect(dataset.households.every((h) => /^54252[1-7]$/.test(h.regionCode))).toBe(true);
  });

  it('keys every record uniquely', () => {
    const unique = (keys: string[]) => new Set(keys).size === keys.length;
    expect(unique(dataset.persons.map((p) => p.idNumber))).toBe(true);
    expect(unique(dataset.households.map((h) => h.householdNumber))).toBe(true);
    expect(unique(dataset.vehicles.map((v) => v.plateNumber))).toBe(true);
    expect(unique(dataset.entities.map((e) => e.creditCode))).toBe(true);
  });

  it('lists in each household exactly the persons registered in it, as their records say', () => {
    for (const household of dataset.households) {
      const registered = dataset.persons.filter((p) => p.householdNumber === household.householdNumber);
      expect(household.members).toEqual(
        registered.map(({ idNumber, name, relationshipToHead, status }) => ({ idNumber, name, relationshipToHead, status })),
      );
      expect(registered.every((p) => p.regionCode === household.regionCode)).toBe(true);
    }
  });

  it('leaves out a household record only where a case expects SOURCE_INVALID_RESPONSE for it', () => {
    const known = new Set(dataset.households.map((h) => h.householdNumber));
    const orphans = dataset.persons.filter((p) => !known.has(p.householdNumber)).map((p) => p.idNumber);
    const expecting = SANDBOX_CASES.filter((c) => c.expected.findings.some((f) => f.code === 'SOURCE_INVALID_RESPONSE'));
    expect(expecting.length).toBeGreaterThan(0);
    expect(orphans.sort()).toEqual(expecting.flatMap((c) => c.application.members.map((m) => m.idNumber)).sort());
  });

  it('is frozen, so that no caller can change what later lookups see', () => {
    expect(loadSandboxDataset()).toBe(dataset);
    expect(Object.isFrozen(dataset.persons[0])).toBe(true);
  });
});

describe.each(SANDBOX_CASES.map((c) => [c.key, c] as const))('sandbox case %s', (_key, sandboxCase) => {
  const { application, expected } = sandboxCase;

  it('is an application that API.md accepts', () => {
    expect(PROGRAMS).toContain(application.program);
    expect(application.regionCode).toMatch(/^\d{6}$/);
    expect(application.applicationDate <= shanghaiDate(new Date())).toBe(true);
    expect(application.members.length).toBeGreaterThanOrEqual(1);
    expect(application.members.length).toBeLessThanOrEqual(5);
    expect(application.members.filter((m) => m.relationship === 'HEAD')).toHaveLength(1);
    expect(new Set(application.members.map((m) => m.idNumber)).size).toBe(application.members.length);
    for (const member of application.members) {
      expect(member.name).toMatch(/^(测试|样例)./);
      expect(idNumberProblem(member.idNumber, application.applicationDate)).toBeNull();
      expect(RELATIONSHIPS).toContain(member.relationship);
      expect(member.declaredMonthlyIncome).toBeGreaterThanOrEqual(0);
      expect(String(member.declaredMonthlyIncome)).toMatch(/^\d+(\.\d{1,2})?$/);
      expect(member.consent).toEqual({
        documentRef: expect.stringMatching(/^AUTH-\d{4}-\d{6}$/),
        signedOn: application.applicationDate,
        signedBy: expect.stringMatching(/^(SELF|GUARDIAN)$/),
      });
    }
  });

  it('expects findings in POLICY.md order, with the default severities, and the outcome they give', () => {
    const key = (f: { code: string; memberIdNumber: string | null }) => `${f.code} ${f.memberIdNumber ?? ''}`;
    expect(expected.findings.map(key)).toEqual(expected.findings.map(key).sort());
    for (const finding of expected.findings) {
      expect(finding.severity).toBe(DEFAULT_SEVERITIES[finding.code][application.program]);
    }
    expect(expected.outcome).toBe(outcomeOf(expected.findings));
    expect(sandboxCase.description.length).toBeGreaterThan(40);
  });

  it('names in its findings a declared member, an undeclared registered person, or nobody, as the code calls for', () => {
    const declared = new Set(application.members.map((m) => m.idNumber));
    const registered = new Set(dataset.persons.map((p) => p.idNumber));
    for (const { code, memberIdNumber } of expected.findings) {
      if (HOUSEHOLD_LEVEL.has(code)) expect(memberIdNumber).toBeNull();
      else if (code === 'HOUSEHOLD_MEMBERS_UNDECLARED')
        expect(registered.has(memberIdNumber!) && !declared.has(memberIdNumber!)).toBe(true);
      else expect(declared.has(memberIdNumber!)).toBe(true);
    }
    const unknown = application.members.filter((m) => !registered.has(m.idNumber)).map((m) => m.idNumber);
    const expectedUnknown = expected.findings.filter((f) => f.code === 'HOUSEHOLD_MEMBER_NOT_FOUND').map((f) => f.memberIdNumber);
    expect(unknown.sort()).toEqual(expectedUnknown);
  });
});

describe('sandbox cases together', () => {
  it('have unique kebab-case keys', () => {
    const keys = SANDBOX_CASES.map((c) => c.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.every((k) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(k))).toBe(true);
  });

  it('exercise every finding code but SOURCE_UNAVAILABLE, which needs a registry that fails', () => {
    const seen = new Set(SANDBOX_CASES.flatMap((c) => c.expected.findings.map((f) => f.code)));
    expect(FINDING_CODES.filter((code) => !seen.has(code))).toEqual(['SOURCE_UNAVAILABLE']);
  });

  it('reach every outcome, and every outcome each programme can reach', () => {
    const outcomes = (program: Program) =>
      new Set(SANDBOX_CASES.filter((c) => c.application.program === program).map((c) => c.expected.outcome));
    expect(new Set(SANDBOX_CASES.map((c) => c.expected.outcome))).toEqual(new Set(OUTCOMES));
    expect(outcomes('MINIMUM_LIVING_ALLOWANCE')).toEqual(new Set(OUTCOMES));
    expect(outcomes('EXTREME_POVERTY_SUPPORT')).toEqual(new Set(OUTCOMES));
    // No default severity of 临时救助 is DISQUALIFYING, so it is never INELIGIBLE.
    expect(outcomes('TEMPORARY_ASSISTANCE')).toEqual(new Set(['ELIGIBLE', 'NEEDS_REVIEW']));
  });

  it('include applications under the 2022 version and under the prefecture code', () => {
    expect(SANDBOX_CASES.some((c) => c.application.applicationDate.startsWith('2022-'))).toBe(true);
    expect(SANDBOX_CASES.some((c) => c.application.regionCode === '542500')).toBe(true);
  });
});

const HOUSEHOLD_LEVEL = new Set<FindingCode>([
  'HOUSEHOLD_OUTSIDE_REGION',
  'BUSINESS_ENTERPRISE_ROLE',
  'INCOME_ABOVE_STANDARD',
  'SOURCE_UNAVAILABLE',
  'SOURCE_INVALID_RESPONSE',
]);

/** POLICY.md's default severity table, written out again here as the oracle's own copy. */
const DEFAULT_SEVERITIES: Record<FindingCode, Partial<Record<Program, Severity>>> = {
  HOUSEHOLD_MEMBER_NOT_FOUND: severities('REVIEW', 'REVIEW', 'REVIEW'),
  HOUSEHOLD_MEMBER_DECEASED: severities('REVIEW', 'REVIEW', 'REVIEW'),
  HOUSEHOLD_MEMBER_NOT_ACTIVE: severities('REVIEW', 'REVIEW', 'REVIEW'),
  HOUSEHOLD_NAME_MISMATCH: severities('REVIEW', 'REVIEW', 'REVIEW'),
  HOUSEHOLD_RELATIONSHIP_MISMATCH: severities('REVIEW', 'REVIEW', 'INFO'),
  HOUSEHOLD_SPLIT: severities('REVIEW', 'REVIEW', 'INFO'),
  HOUSEHOLD_MEMBERS_UNDECLARED: severities('REVIEW', 'REVIEW', 'INFO'),
  HOUSEHOLD_OUTSIDE_REGION: severities('DISQUALIFYING', 'DISQUALIFYING', 'REVIEW'),
  VEHICLE_OWNED: severities('DISQUALIFYING', 'DISQUALIFYING', 'INFO'),
  BUSINESS_ENTERPRISE_ROLE: severities('DISQUALIFYING', 'DISQUALIFYING', 'INFO'),
  BUSINESS_INDIVIDUAL_ACTIVE: severities('REVIEW', 'DISQUALIFYING', 'INFO'),
  INCOME_ABOVE_STANDARD: severities('DISQUALIFYING', 'DISQUALIFYING', undefined),
  SOURCE_UNAVAILABLE: severities('REVIEW', 'REVIEW', 'REVIEW'),
  SOURCE_INVALID_RESPONSE: severities('REVIEW', 'REVIEW', 'REVIEW'),
};

function severities(dibao: Severity, tekun: Severity, temporary: Severity | undefined): Partial<Record<Program, Severity>> {
  return { MINIMUM_LIVING_ALLOWANCE: dibao, EXTREME_POVERTY_SUPPORT: tekun, TEMPORARY_ASSISTANCE: temporary };
}

function outcomeOf(findings: SandboxCase['expected']['findings']): string {
  if (findings.some((f) => f.code.startsWith('SOURCE_'))) return 'NEEDS_REVIEW';
  if (findings.some((f) => f.severity === 'DISQUALIFYING')) return 'INELIGIBLE';
  return findings.some((f) => f.severity === 'REVIEW') ? 'NEEDS_REVIEW' : 'ELIGIBLE';
}
