import { evaluate } from './eligibility-engine.js';
import {
  CHILD,
  HEAD,
  NAMES,
  OUTSIDER,
  SPOUSE,
  application,
  applicationRegion,
  declaredAs,
  entity,
  executive,
  fails,
  headHouseholdNotFound,
  householdIs,
  income,
  legalRepresentative,
  notInRegistry,
  operator,
  program,
  registeredAs,
  resident,
  shareholder,
  summarise,
  unaccountedFor,
  vehicle,
  withMember,
} from './eligibility.fixtures.js';
import type { EvaluationInput, Outcome } from './eligibility.types.js';
import { normaliseName } from './name-normalisation.js';
import { PolicyCatalog } from './policy/policy-catalog.js';
import type { PolicyVersion } from './policy/policy-version.types.js';

const catalog = PolicyCatalog.shipped();
const version = (id: string): PolicyVersion => catalog.get(id)!;
const V2022 = version('5425@2022-01-01');
const V2023 = version('5425@2023-01-01');

const EPS = program('EXTREME_POVERTY_SUPPORT');
const TEMPORARY = program('TEMPORARY_ASSISTANCE');
const both = (fen: number) => [income(HEAD, fen), income(SPOUSE, fen)];
/** Facts that the household-level rules would flag, to show that they did not run. */
const householdRuleBait = [resident(OUTSIDER, 'ACTIVE'), householdIs({ regionCode: '530102' }), ...both(500000)];
const BIG = { registeredCapital: '1000000' };

type Row = [title: string, input: EvaluationInput, outcome: Outcome, findings: string[], policy?: PolicyVersion];

// One row per case of POLICY.md: kept on one line each, as a table.
// prettier-ignore
const rows: Row[] = [
  // Baseline
  ['a consistent household with no income, vehicle or business', application(), 'ELIGIBLE', []],

  // Members against the household registry
  ['a member the registry does not know', application(notInRegistry(SPOUSE)), 'NEEDS_REVIEW', ['HOUSEHOLD_MEMBER_NOT_FOUND REVIEW spouse']],
  ['a deceased member', application(registeredAs(SPOUSE, { status: 'DECEASED' })), 'NEEDS_REVIEW', ['HOUSEHOLD_MEMBER_DECEASED REVIEW spouse']],
  ['a member migrated out', application(registeredAs(SPOUSE, { status: 'MIGRATED_OUT' })), 'NEEDS_REVIEW', ['HOUSEHOLD_MEMBER_NOT_ACTIVE REVIEW spouse']],
  ['a member whose registration is cancelled', application(registeredAs(SPOUSE, { status: 'CANCELLED' })), 'NEEDS_REVIEW', ['HOUSEHOLD_MEMBER_NOT_ACTIVE REVIEW spouse']],
  ['names equal after removing a middle dot (阿·扎西 / 阿扎西)', application(registeredAs(SPOUSE, { name: '阿扎西' })), 'ELIGIBLE', []],
  ['names equal with a katakana middle dot and spaces (阿・扎 西)', application(declaredAs(SPOUSE, { name: '阿・扎 西' })), 'ELIGIBLE', []],
  ['names equal in full-width and half-width letters', application(declaredAs(HEAD, { name: 'ＤＯＲＪＥ　Ｌｈａｍｏ' }), registeredAs(HEAD, { name: 'DORJE Lhamo' })), 'ELIGIBLE', []],
  ['a different name', application(registeredAs(SPOUSE, { name: '阿扎' })), 'NEEDS_REVIEW', ['HOUSEHOLD_NAME_MISMATCH REVIEW spouse']],
  ['a declared relationship the registry does not record', application(declaredAs(SPOUSE, { relationship: 'SIBLING' })), 'NEEDS_REVIEW', ['HOUSEHOLD_RELATIONSHIP_MISMATCH REVIEW spouse']],

  // The applicant household
  ['an active member registered in another household', application(registeredAs(SPOUSE, { householdNumber: '5425210002' })), 'NEEDS_REVIEW', ['HOUSEHOLD_SPLIT REVIEW spouse']],
  ['a deceased member registered in another household is not a split', application(registeredAs(SPOUSE, { status: 'DECEASED', householdNumber: '5425210002' })), 'NEEDS_REVIEW', ['HOUSEHOLD_MEMBER_DECEASED REVIEW spouse']],
  ['an active household member not on the application', application(resident(OUTSIDER, 'ACTIVE')), 'NEEDS_REVIEW', ['HOUSEHOLD_MEMBERS_UNDECLARED REVIEW outsider']],
  ['an undeclared household member who is deceased', application(resident(OUTSIDER, 'DECEASED')), 'ELIGIBLE', []],
  ['region: a county application compares all 6 digits', application(householdIs({ regionCode: '542522' })), 'INELIGIBLE', ['HOUSEHOLD_OUTSIDE_REGION DISQUALIFYING']],
  ['region: a prefecture application (..00) compares 4 digits, same prefecture', application(applicationRegion('542500'), householdIs({ regionCode: '542522' })), 'ELIGIBLE', []],
  ['region: a prefecture application (..00) compares 4 digits, other prefecture', application(applicationRegion('542600'), householdIs({ regionCode: '542522' })), 'INELIGIBLE', ['HOUSEHOLD_OUTSIDE_REGION DISQUALIFYING']],
  ['region: a province application (..0000) compares 2 digits, same province', application(applicationRegion('540000'), householdIs({ regionCode: '542522' })), 'ELIGIBLE', []],
  ['region: a province application (..0000) compares 2 digits, other province', application(applicationRegion('530000'), householdIs({ regionCode: '542522' })), 'INELIGIBLE', ['HOUSEHOLD_OUTSIDE_REGION DISQUALIFYING']],
  ['HEAD not found: the household-level rules do not run', application(notInRegistry(HEAD), ...householdRuleBait), 'NEEDS_REVIEW', ['HOUSEHOLD_MEMBER_NOT_FOUND REVIEW head']],
  ['HEAD deceased: the household-level rules do not run', application(registeredAs(HEAD, { status: 'DECEASED' }), ...householdRuleBait), 'NEEDS_REVIEW', ['HOUSEHOLD_MEMBER_DECEASED REVIEW head']],
  ['HEAD migrated out: no split for the others either', application(registeredAs(HEAD, { status: 'MIGRATED_OUT' }), registeredAs(SPOUSE, { householdNumber: '5425210002' })), 'NEEDS_REVIEW', ['HOUSEHOLD_MEMBER_NOT_ACTIVE REVIEW head']],
  ["HEAD found but the HEAD's household in householdsNotFound", application(registeredAs(SPOUSE, { status: 'DECEASED' }), vehicle(HEAD), headHouseholdNotFound()), 'NEEDS_REVIEW', ['SOURCE_INVALID_RESPONSE REVIEW HOUSEHOLD_REGISTRATION', 'VEHICLE_OWNED DISQUALIFYING head']],

  // Vehicles
  ['a car in use', application(vehicle(SPOUSE)), 'INELIGIBLE', ['VEHICLE_OWNED DISQUALIFYING spouse']],
  ['a seized car is still owned', application(vehicle(SPOUSE, { status: 'SEIZED' })), 'INELIGIBLE', ['VEHICLE_OWNED DISQUALIFYING spouse']],
  ['a mortgaged truck is still owned', application(vehicle(SPOUSE, { status: 'MORTGAGED', vehicleType: 'H21' })), 'INELIGIBLE', ['VEHICLE_OWNED DISQUALIFYING spouse']],
  ['a scrapped car', application(vehicle(SPOUSE, { status: 'SCRAPPED' })), 'ELIGIBLE', []],
  ['a deregistered car', application(vehicle(SPOUSE, { status: 'DEREGISTERED' })), 'ELIGIBLE', []],
  ['a transferred car', application(vehicle(SPOUSE, { status: 'TRANSFERRED' })), 'ELIGIBLE', []],
  ['a motorcycle (class M) is exempt', application(vehicle(SPOUSE, { vehicleType: 'M21' })), 'ELIGIBLE', []],
  ['a three-wheeler (class N) is exempt', application(vehicle(SPOUSE, { vehicleType: 'N11' })), 'ELIGIBLE', []],
  ['a tractor (class T) is exempt', application(vehicle(SPOUSE, { vehicleType: 'T21', usage: 'AGRICULTURAL' })), 'ELIGIBLE', []],
  ['a disability-adapted car', application(vehicle(SPOUSE, { disabilityAdapted: true })), 'ELIGIBLE', []],
  ["a deceased member's car still counts", application(registeredAs(SPOUSE, { status: 'DECEASED' }), vehicle(SPOUSE)), 'INELIGIBLE', ['HOUSEHOLD_MEMBER_DECEASED REVIEW spouse', 'VEHICLE_OWNED DISQUALIFYING spouse']],

  // Enterprises (低保 allowance 100000 yuan = 10000000 fen)
  ['a 0.3 share of 500000 yuan (150000 > 100000)', application(entity([shareholder(HEAD, '0.3')], { registeredCapital: '500000' })), 'INELIGIBLE', ['BUSINESS_ENTERPRISE_ROLE DISQUALIFYING']],
  ['capital exactly the allowance (missing ratio counts as 1)', application(entity([shareholder(HEAD)], { registeredCapital: '100000' })), 'ELIGIBLE', []],
  ['capital one fen above the allowance', application(entity([shareholder(HEAD)], { registeredCapital: '100000.01' })), 'INELIGIBLE', ['BUSINESS_ENTERPRISE_ROLE DISQUALIFYING']],
  ['333333.35 × 0.3 is exactly 100000.005, half up to one fen above', application(entity([shareholder(HEAD, '0.3')], { registeredCapital: '333333.35' })), 'INELIGIBLE', ['BUSINESS_ENTERPRISE_ROLE DISQUALIFYING']],
  ['333333.33 × 0.3 = 99999.999 rounds to the allowance exactly', application(entity([shareholder(HEAD, '0.3')], { registeredCapital: '333333.33' })), 'ELIGIBLE', []],
  ['terms rounded one by one: 5000000.5 + 4999999.5 fen = 10000001', application(entity([shareholder(HEAD, '0.50000005'), shareholder(SPOUSE, '0.49999995')], { registeredCapital: '100000' })), 'INELIGIBLE', ['BUSINESS_ENTERPRISE_ROLE DISQUALIFYING']],
  ['holdings in two enterprises add up', application(entity([shareholder(HEAD)], { registeredCapital: '60000' }), entity([shareholder(SPOUSE)], { registeredCapital: '40000.01' })), 'INELIGIBLE', ['BUSINESS_ENTERPRISE_ROLE DISQUALIFYING']],
  ['a revoked enterprise', application(entity([shareholder(HEAD)], { ...BIG, status: 'REVOKED' })), 'ELIGIBLE', []],
  ['a cancelled enterprise', application(entity([shareholder(HEAD)], { ...BIG, status: 'CANCELLED' })), 'ELIGIBLE', []],
  ['an executive role never counts', application(entity([executive(HEAD)], BIG)), 'ELIGIBLE', []],
  ['a farmer cooperative is not an enterprise', application(entity([shareholder(HEAD)], { ...BIG, entityType: 'FARMER_COOPERATIVE' })), 'ELIGIBLE', []],
  ['a legal representative with no declared shareholder counts the full capital', application(entity([legalRepresentative(HEAD)], { registeredCapital: '100000.01' })), 'INELIGIBLE', ['BUSINESS_ENTERPRISE_ROLE DISQUALIFYING']],
  ['two legal representatives count the capital once', application(entity([legalRepresentative(HEAD), legalRepresentative(SPOUSE)], { registeredCapital: '60000' })), 'ELIGIBLE', []],
  ['a legal representative beside a declared shareholder counts only the share', application(entity([legalRepresentative(HEAD), shareholder(SPOUSE, '0.1')], BIG)), 'ELIGIBLE', []],
  ['a missing registered capital counts as 0', application(entity([legalRepresentative(HEAD)], { registeredCapital: undefined })), 'ELIGIBLE', []],

  // Individual businesses
  ['the operator of an active individual business', application(entity([operator(SPOUSE)], { entityType: 'INDIVIDUAL_BUSINESS', ...BIG })), 'NEEDS_REVIEW', ['BUSINESS_INDIVIDUAL_ACTIVE REVIEW spouse']],
  ['the legal representative of an active individual business', application(entity([legalRepresentative(SPOUSE)], { entityType: 'INDIVIDUAL_BUSINESS' })), 'NEEDS_REVIEW', ['BUSINESS_INDIVIDUAL_ACTIVE REVIEW spouse']],
  ['a revoked individual business', application(entity([operator(SPOUSE)], { entityType: 'INDIVIDUAL_BUSINESS', status: 'REVOKED' })), 'ELIGIBLE', []],
  ['an executive of an individual business', application(entity([executive(SPOUSE)], { entityType: 'INDIVIDUAL_BUSINESS' })), 'ELIGIBLE', []],

  // Income, 2023 urban 低保 standard 990 yuan a month
  ['per-capita income equal to the standard', application(...both(99000)), 'INELIGIBLE', ['INCOME_ABOVE_STANDARD DISQUALIFYING']],
  ['per-capita 98999.5 fen rounds half up to the standard', application(income(HEAD, 99000), income(SPOUSE, 98999)), 'INELIGIBLE', ['INCOME_ABOVE_STANDARD DISQUALIFYING']],
  ['per-capita one fen below the standard', application(...both(98999)), 'ELIGIBLE', []],
  ['980 a month passes the 2023 urban standard (990)', application(...both(98000)), 'ELIGIBLE', []],
  ['980 a month fails the 2022 urban standard (970)', application(...both(98000)), 'INELIGIBLE', ['INCOME_ABOVE_STANDARD DISQUALIFYING'], V2022],
  ['rural 2023: 5315 / 12 = 44292 fen, equal', application(householdIs({ householdType: 'RURAL' }), ...both(44292)), 'INELIGIBLE', ['INCOME_ABOVE_STANDARD DISQUALIFYING']],
  ['rural 2023: one fen below 44292', application(householdIs({ householdType: 'RURAL' }), ...both(44291)), 'ELIGIBLE', []],
  ['rural 2022: 5135 / 12 = 42792 fen, equal', application(householdIs({ householdType: 'RURAL' }), ...both(42792)), 'INELIGIBLE', ['INCOME_ABOVE_STANDARD DISQUALIFYING'], V2022],
  ['rural 2022: one fen below 42792', application(householdIs({ householdType: 'RURAL' }), ...both(42791)), 'ELIGIBLE', [], V2022],
  ['the registry household type decides: 500 a month is above the rural standard', application(householdIs({ householdType: 'RURAL' }), ...both(50000)), 'INELIGIBLE', ['INCOME_ABOVE_STANDARD DISQUALIFYING']],
  ['the registry household type decides: 500 a month is below the urban standard', application(...both(50000)), 'ELIGIBLE', []],
  ['only ACTIVE members count: a deceased member neither earns nor divides', application(income(HEAD, 99000), registeredAs(SPOUSE, { status: 'DECEASED' })), 'INELIGIBLE', ['HOUSEHOLD_MEMBER_DECEASED REVIEW spouse', 'INCOME_ABOVE_STANDARD DISQUALIFYING']],
  ['three members: 297000 / 3 = 99000, equal', application(withMember(CHILD, 'CHILD', 99000), ...both(99000)), 'INELIGIBLE', ['INCOME_ABOVE_STANDARD DISQUALIFYING']],

  // 特困
  ['特困 urban: 13317 / 12 = 110975 fen, equal', application(EPS, ...both(110975)), 'INELIGIBLE', ['INCOME_ABOVE_STANDARD DISQUALIFYING']],
  ['特困 urban: one fen below', application(EPS, ...both(110974)), 'ELIGIBLE', []],
  ['特困 rural: 6970 / 12 = 58083 fen, equal', application(EPS, householdIs({ householdType: 'RURAL' }), ...both(58083)), 'INELIGIBLE', ['INCOME_ABOVE_STANDARD DISQUALIFYING']],
  ['特困: a 0.01 share of 1000 yuan', application(EPS, entity([shareholder(HEAD, '0.01')], { registeredCapital: '1000' })), 'INELIGIBLE', ['BUSINESS_ENTERPRISE_ROLE DISQUALIFYING']],
  ['特困: a legal representative of an enterprise with no capital', application(EPS, entity([legalRepresentative(HEAD)], { registeredCapital: undefined })), 'INELIGIBLE', ['BUSINESS_ENTERPRISE_ROLE DISQUALIFYING']],
  ['特困: an executive role', application(EPS, entity([executive(HEAD)], BIG)), 'ELIGIBLE', []],
  ['特困: a role in a revoked enterprise', application(EPS, entity([shareholder(HEAD)], { status: 'REVOKED' })), 'ELIGIBLE', []],
  ['特困: an active individual business disqualifies', application(EPS, entity([operator(SPOUSE)], { entityType: 'INDIVIDUAL_BUSINESS' })), 'INELIGIBLE', ['BUSINESS_INDIVIDUAL_ACTIVE DISQUALIFYING spouse']],

  // 临时救助
  ['临时救助: a car is recorded only', application(TEMPORARY, vehicle(HEAD)), 'ELIGIBLE', ['VEHICLE_OWNED INFO head']],
  ['临时救助: no income test', application(TEMPORARY, ...both(500000)), 'ELIGIBLE', []],
  ['临时救助: enterprise and individual business are recorded only', application(TEMPORARY, entity([shareholder(HEAD)], BIG), entity([operator(SPOUSE)], { entityType: 'INDIVIDUAL_BUSINESS' })), 'ELIGIBLE', ['BUSINESS_ENTERPRISE_ROLE INFO', 'BUSINESS_INDIVIDUAL_ACTIVE INFO spouse']],
  ['临时救助: relationship, split and undeclared are recorded only', application(TEMPORARY, declaredAs(SPOUSE, { relationship: 'CHILD' }), registeredAs(SPOUSE, { householdNumber: '5425210002' }), resident(OUTSIDER, 'ACTIVE')), 'ELIGIBLE', ['HOUSEHOLD_MEMBERS_UNDECLARED INFO outsider', 'HOUSEHOLD_RELATIONSHIP_MISMATCH INFO spouse', 'HOUSEHOLD_SPLIT INFO spouse']],
  ['临时救助: outside the region goes to review', application(TEMPORARY, householdIs({ regionCode: '542522' })), 'NEEDS_REVIEW', ['HOUSEHOLD_OUTSIDE_REGION REVIEW']],

  // Registries failing: their rules are suspended, the others run, and the outcome is review
  ['household registry unavailable', application(registeredAs(SPOUSE, { status: 'DECEASED' }), ...householdRuleBait, vehicle(HEAD), fails('HOUSEHOLD_REGISTRATION', 'UNAVAILABLE')), 'NEEDS_REVIEW', ['SOURCE_UNAVAILABLE REVIEW HOUSEHOLD_REGISTRATION', 'VEHICLE_OWNED DISQUALIFYING head']],
  ['household registry answer invalid', application(...householdRuleBait, entity([shareholder(HEAD)], BIG), fails('HOUSEHOLD_REGISTRATION', 'INVALID_RESPONSE')), 'NEEDS_REVIEW', ['BUSINESS_ENTERPRISE_ROLE DISQUALIFYING', 'SOURCE_INVALID_RESPONSE REVIEW HOUSEHOLD_REGISTRATION']],
  ['household registry silent about a member', application(unaccountedFor('HOUSEHOLD_REGISTRATION', SPOUSE), vehicle(HEAD)), 'NEEDS_REVIEW', ['SOURCE_INVALID_RESPONSE REVIEW HOUSEHOLD_REGISTRATION', 'VEHICLE_OWNED DISQUALIFYING head']],
  ['vehicle registry unavailable', application(householdIs({ regionCode: '542522' }), fails('VEHICLE_REGISTRATION', 'UNAVAILABLE')), 'NEEDS_REVIEW', ['HOUSEHOLD_OUTSIDE_REGION DISQUALIFYING', 'SOURCE_UNAVAILABLE REVIEW VEHICLE_REGISTRATION']],
  ['vehicle registry answer invalid', application(...both(99000), fails('VEHICLE_REGISTRATION', 'INVALID_RESPONSE')), 'NEEDS_REVIEW', ['INCOME_ABOVE_STANDARD DISQUALIFYING', 'SOURCE_INVALID_RESPONSE REVIEW VEHICLE_REGISTRATION']],
  ['vehicle registry silent about a member', application(unaccountedFor('VEHICLE_REGISTRATION', SPOUSE), entity([shareholder(HEAD)], BIG)), 'NEEDS_REVIEW', ['BUSINESS_ENTERPRISE_ROLE DISQUALIFYING', 'SOURCE_INVALID_RESPONSE REVIEW VEHICLE_REGISTRATION']],
  ['business registry unavailable', application(entity([shareholder(HEAD)], BIG), vehicle(SPOUSE), fails('BUSINESS_REGISTRATION', 'UNAVAILABLE')), 'NEEDS_REVIEW', ['SOURCE_UNAVAILABLE REVIEW BUSINESS_REGISTRATION', 'VEHICLE_OWNED DISQUALIFYING spouse']],
  ['business registry answer invalid', application(registeredAs(SPOUSE, { status: 'DECEASED' }), fails('BUSINESS_REGISTRATION', 'INVALID_RESPONSE')), 'NEEDS_REVIEW', ['HOUSEHOLD_MEMBER_DECEASED REVIEW spouse', 'SOURCE_INVALID_RESPONSE REVIEW BUSINESS_REGISTRATION']],
  ['business registry silent about a member', application(unaccountedFor('BUSINESS_REGISTRATION', HEAD)), 'NEEDS_REVIEW', ['SOURCE_INVALID_RESPONSE REVIEW BUSINESS_REGISTRATION']],
  ['every registry failing, sorted by source', application(fails('VEHICLE_REGISTRATION', 'INVALID_RESPONSE'), fails('HOUSEHOLD_REGISTRATION', 'INVALID_RESPONSE'), fails('BUSINESS_REGISTRATION', 'UNAVAILABLE')), 'NEEDS_REVIEW', ['SOURCE_INVALID_RESPONSE REVIEW HOUSEHOLD_REGISTRATION', 'SOURCE_INVALID_RESPONSE REVIEW VEHICLE_REGISTRATION', 'SOURCE_UNAVAILABLE REVIEW BUSINESS_REGISTRATION']],
];

const personalData = [
  HEAD,
  SPOUSE,
  CHILD,
  OUTSIDER,
  ...Object.values(NAMES).flatMap((name) => [name, normaliseName(name)]),
  'DORJE',
  'Lhamo',
];

describe('evaluate', () => {
  it.each(rows)('%s', (_title, input, outcome, findings, policy = V2023) => {
    const evaluation = evaluate(input, policy);

    expect(summarise(evaluation)).toEqual(findings);
    expect(evaluation.outcome).toBe(outcome);
    expect(evaluation.policyVersion).toBe(policy.id);
    for (const finding of evaluation.findings) {
      const said = JSON.stringify([finding.reason, finding.figures]);
      expect(personalData.filter((data) => said.includes(data))).toEqual([]);
      expect(finding.source !== null).toBe(finding.code.startsWith('SOURCE_'));
    }
  });
});
