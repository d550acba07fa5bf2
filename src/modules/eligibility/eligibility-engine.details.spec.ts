import { evaluate } from './eligibility-engine.js';
import {
  CHILD,
  HEAD,
  HOUSEHOLD_NUMBER,
  OUTSIDER,
  SPOUSE,
  application,
  applicationRegion,
  declaredAs,
  entity,
  fails,
  householdIs,
  income,
  legalRepresentative,
  notInRegistry,
  program,
  registeredAs,
  resident,
  shareholder,
  summarise,
  vehicle,
  withMember,
} from './eligibility.fixtures.js';
import type { Evaluation, FindingCode } from './eligibility.types.js';
import { PolicyCatalog } from './policy/policy-catalog.js';

const catalog = PolicyCatalog.shipped();
const V2023 = catalog.get('5425@2023-01-01')!;

function only(evaluation: Evaluation, code: FindingCode) {
  const found = evaluation.findings.filter((finding) => finding.code === code);
  expect(found).toHaveLength(1);
  return found[0];
}

describe('evaluate: what each finding records', () => {
  it('lists every counted vehicle of the member as evidence, and only those', () => {
    const input = application(
      vehicle(HEAD, { plateNumber: '藏F20002', status: 'SEIZED' }),
      vehicle(HEAD, { plateNumber: '藏F20001' }),
      vehicle(HEAD, { plateNumber: '藏F20003', vehicleType: 'M21' }),
      vehicle(HEAD, { plateNumber: '藏F20004', status: 'SCRAPPED' }),
    );
    const finding = only(evaluate(input, V2023), 'VEHICLE_OWNED');
    expect(finding).toMatchObject({ memberIdNumber: HEAD, source: null, severity: 'DISQUALIFYING', figures: { countedVehicles: 2 } });
    expect(finding.evidence).toEqual([
      { source: 'VEHICLE_REGISTRATION', recordKey: '藏F20001' },
      { source: 'VEHICLE_REGISTRATION', recordKey: '藏F20002' },
    ]);
  });

  it('records the enterprise capital, rounded term by term, and the enterprises counted', () => {
    const input = application(
      entity([shareholder(HEAD, '0.5'), shareholder(SPOUSE, '0.5')], { registeredCapital: '200000.01' }),
      entity([legalRepresentative(SPOUSE)], { registeredCapital: '0.5' }),
      entity([shareholder(HEAD)], { status: 'REVOKED', registeredCapital: '900000' }),
    );
    const evaluation = evaluate(input, V2023);
    const finding = only(evaluation, 'BUSINESS_ENTERPRISE_ROLE');
    // 200000.01 × 0.5 = 100000.005 yuan = 10000000.5 fen, rounded up in each of the two terms.
    expect(finding.figures).toEqual({
      enterpriseCapitalFen: 20000052,
      allowanceFen: 10000000,
      countedEnterprises: 2,
      anyRoleCounts: false,
    });
    expect(finding.memberIdNumber).toBeNull();
    expect(finding.evidence.map((item) => item.recordKey)).toEqual(['91542521MA00000001', '91542521MA00000002']);
    expect(evaluation.facts.enterpriseCapitalFen).toBe(20000052);
  });

  it('records the income comparison in fen', () => {
    const finding = only(
      evaluate(application(householdIs({ householdType: 'RURAL' }), income(HEAD, 88584)), V2023),
      'INCOME_ABOVE_STANDARD',
    );
    expect(finding.figures).toEqual({
      householdType: 'RURAL',
      householdSize: 2,
      householdMonthlyIncomeFen: 88584,
      perCapitaMonthlyIncomeFen: 44292,
      monthlyStandardFen: 44292,
    });
    expect(finding.evidence).toEqual([{ source: 'HOUSEHOLD_REGISTRATION', recordKey: HOUSEHOLD_NUMBER }]);
  });

  it('records both relationships, and only that the names differ', () => {
    const evaluation = evaluate(application(declaredAs(SPOUSE, { relationship: 'CHILD', name: '其他人' })), V2023);
    expect(only(evaluation, 'HOUSEHOLD_RELATIONSHIP_MISMATCH').figures).toEqual({
      declaredRelationship: 'CHILD',
      registryRelationship: 'SPOUSE',
    });
    expect(only(evaluation, 'HOUSEHOLD_NAME_MISMATCH').figures).toEqual({ name: 'MISMATCH' });
    expect(only(evaluation, 'HOUSEHOLD_NAME_MISMATCH').evidence).toEqual([{ source: 'HOUSEHOLD_REGISTRATION', recordKey: SPOUSE }]);
  });

  it("points a split at the member's record and the HEAD's household", () => {
    const finding = only(evaluate(application(registeredAs(SPOUSE, { householdNumber: '5425210002' })), V2023), 'HOUSEHOLD_SPLIT');
    expect(finding.figures).toEqual({ memberHouseholdNumber: '5425210002', headHouseholdNumber: HOUSEHOLD_NUMBER });
    expect(finding.evidence).toEqual([
      { source: 'HOUSEHOLD_REGISTRATION', recordKey: HOUSEHOLD_NUMBER },
      { source: 'HOUSEHOLD_REGISTRATION', recordKey: SPOUSE },
    ]);
  });

  it('names the undeclared person, and the compared region digits', () => {
    const evaluation = evaluate(
      application(resident(OUTSIDER, 'ACTIVE'), applicationRegion('542500'), householdIs({ regionCode: '542600' })),
      V2023,
    );
    expect(only(evaluation, 'HOUSEHOLD_MEMBERS_UNDECLARED')).toMatchObject({
      memberIdNumber: OUTSIDER,
      evidence: [{ recordKey: HOUSEHOLD_NUMBER }],
    });
    expect(only(evaluation, 'HOUSEHOLD_OUTSIDE_REGION').figures).toEqual({
      householdRegionCode: '542600',
      applicationRegionCode: '542500',
      comparedDigits: 4,
    });
  });

  it('gives a registry failure its source and no member', () => {
    const finding = only(evaluate(application(fails('VEHICLE_REGISTRATION', 'UNAVAILABLE')), V2023), 'SOURCE_UNAVAILABLE');
    expect(finding).toMatchObject({ source: 'VEHICLE_REGISTRATION', memberIdNumber: null, severity: 'REVIEW', evidence: [] });
  });
});

describe('evaluate: household facts', () => {
  it('computes the facts from the registry and the declared incomes', () => {
    const input = application(
      withMember(CHILD, 'CHILD', 1),
      income(HEAD, 100000),
      income(SPOUSE, 0),
      registeredAs(SPOUSE, { status: 'MIGRATED_OUT' }),
    );
    expect(evaluate(input, V2023).facts).toEqual({
      declaredMembers: 3,
      householdType: 'URBAN',
      householdSize: 2,
      householdMonthlyIncomeFen: 100001,
      perCapitaMonthlyIncomeFen: 50001,
      monthlyStandardFen: 99000,
      enterpriseCapitalFen: 0,
      enterpriseCapitalAllowanceFen: 10000000,
    });
  });

  it('leaves null what a failed registry would have given', () => {
    const facts = evaluate(
      application(fails('HOUSEHOLD_REGISTRATION', 'UNAVAILABLE'), fails('BUSINESS_REGISTRATION', 'INVALID_RESPONSE')),
      V2023,
    ).facts;
    expect(facts).toEqual({
      declaredMembers: 2,
      householdType: null,
      householdSize: null,
      householdMonthlyIncomeFen: null,
      perCapitaMonthlyIncomeFen: null,
      monthlyStandardFen: null,
      enterpriseCapitalFen: null,
      enterpriseCapitalAllowanceFen: 10000000,
    });
  });

  it('has no household type or standard when the HEAD is not found, and no standard for 临时救助', () => {
    expect(evaluate(application(notInRegistry(HEAD)), V2023).facts).toMatchObject({
      householdType: null,
      monthlyStandardFen: null,
      householdSize: 1,
    });
    const temporary = application(program('TEMPORARY_ASSISTANCE'));
    expect(evaluate(temporary, V2023).facts).toMatchObject({ householdType: 'URBAN', monthlyStandardFen: null });
  });
});

describe('evaluate: order and reproducibility', () => {
  const busy = () =>
    application(
      withMember(CHILD, 'CHILD'),
      vehicle(SPOUSE),
      vehicle(HEAD),
      vehicle(CHILD),
      resident(OUTSIDER, 'ACTIVE'),
      declaredAs(CHILD, { relationship: 'GRANDCHILD' }),
      declaredAs(HEAD, { name: '别人' }),
      householdIs({ regionCode: '542522' }),
      entity([shareholder(SPOUSE)], { registeredCapital: '200000' }),
      income(HEAD, 300000),
    );

  it('sorts findings by code, then by person', () => {
    expect(summarise(evaluate(busy(), V2023))).toEqual([
      'BUSINESS_ENTERPRISE_ROLE DISQUALIFYING',
      'HOUSEHOLD_MEMBERS_UNDECLARED REVIEW outsider',
      'HOUSEHOLD_NAME_MISMATCH REVIEW head',
      'HOUSEHOLD_OUTSIDE_REGION DISQUALIFYING',
      'HOUSEHOLD_RELATIONSHIP_MISMATCH REVIEW child',
      'INCOME_ABOVE_STANDARD DISQUALIFYING',
      'VEHICLE_OWNED DISQUALIFYING head',
      'VEHICLE_OWNED DISQUALIFYING spouse',
      'VEHICLE_OWNED DISQUALIFYING child',
    ]);
  });

  it('gives byte-identical output for the same input, whatever the order of members and records', () => {
    const first = JSON.stringify(evaluate(busy(), V2023));
    expect(JSON.stringify(evaluate(busy(), V2023))).toBe(first);

    const reordered = busy();
    reordered.members.reverse();
    for (const outcome of Object.values(reordered.sources)) {
      if (!outcome.ok) continue;
      for (const list of Object.values(outcome.answer)) (list as unknown[]).reverse();
    }
    expect(JSON.stringify(evaluate(reordered, V2023))).toBe(first);
  });

  it('does not change its input', () => {
    const input = busy();
    const before = structuredClone(input);
    evaluate(input, V2023);
    expect(input).toEqual(before);
  });

  it('refuses an application without exactly one HEAD', () => {
    expect(() => evaluate(application(declaredAs(HEAD, { relationship: 'SPOUSE' })), V2023)).toThrow(/exactly one declared HEAD/);
  });
});

describe('evaluate with the version the catalog selects', () => {
  it.each([
    ['542521', '2022-12-31', '5425@2022-01-01', 'INELIGIBLE'],
    ['542521', '2023-01-01', '5425@2023-01-01', 'ELIGIBLE'],
    ['110101', '2023-06-01', 'national@2023-01-01', 'ELIGIBLE'],
  ])('region %s on %s uses %s', (regionCode, date, id, outcome) => {
    const input = application(applicationRegion(regionCode), householdIs({ regionCode }), income(HEAD, 98000), income(SPOUSE, 98000));
    const evaluation = evaluate(input, catalog.select(regionCode, date)!);
    expect(evaluation.policyVersion).toBe(id);
    expect(evaluation.outcome).toBe(outcome);
  });
});

describe('evaluate: the sandbox flag', () => {
  it('says in the facts that the sandbox answered, and changes nothing else', () => {
    const real = evaluate(application(), V2023);
    const sandboxed = evaluate({ ...application(), registrySandbox: true }, V2023);
    expect(sandboxed.facts.registrySandbox).toBe(true);
    const { registrySandbox: _flag, ...facts } = sandboxed.facts;
    expect({ ...sandboxed, facts }).toEqual(real);
  });

  it('leaves the member out altogether otherwise, so that evaluations stored before it re-derive unchanged', () => {
    expect(evaluate(application(), V2023).facts).not.toHaveProperty('registrySandbox');
    expect(evaluate({ ...application(), registrySandbox: false }, V2023).facts).not.toHaveProperty('registrySandbox');
  });
});
