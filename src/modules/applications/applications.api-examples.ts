import { SANDBOX_CASES } from '../registries/sandbox/sandbox-cases.js';
import type { ApplicationResponseDto } from './dto/application.response.dto.js';
import type { DeterminationResponseDto } from './dto/determination.response.dto.js';

/**
 * Examples for the OpenAPI document, drawn from the sandbox dataset so that a reader can submit
 * them as they stand: the first sandbox case (an urban household of three in Gar county,
 * determined ELIGIBLE) and what reading it back answers.
 */
const FIRST_CASE = SANDBOX_CASES[0];

export const APPLICATION_BODY_EXAMPLES = {
  [FIRST_CASE.key]: { summary: FIRST_CASE.description, value: FIRST_CASE.application },
};

export const APPLICATION_ID_EXAMPLE = '1f1621d8-8240-4d08-924b-7131234024f3';
const VERIFICATION_ID_EXAMPLE = 'f27ae3cf-b8ca-4394-9c49-f98e77b6ef4c';

const ELIGIBLE_DETERMINATION: DeterminationResponseDto = {
  verificationId: VERIFICATION_ID_EXAMPLE,
  outcome: 'ELIGIBLE',
  findings: [],
  policyVersion: '5425@2023-01-01',
  facts: {
    declaredMembers: 3,
    householdType: 'URBAN',
    householdSize: 3,
    householdMonthlyIncomeFen: 200000,
    perCapitaMonthlyIncomeFen: 66667,
    monthlyStandardFen: 99000,
    enterpriseCapitalFen: 0,
    enterpriseCapitalAllowanceFen: 10000000,
  },
  determinedAt: '2026-11-28T14:09:06.481Z',
};

/** A rural household of two whose members each own a counted vehicle (sandbox case `vehicle-seized-and-mortgaged`). */
export const INELIGIBLE_DETERMINATION_EXAMPLE: DeterminationResponseDto = {
  verificationId: 'aec2205b-5f7a-4b77-b104-3987a245f759',
  outcome: 'INELIGIBLE',
  findings: [
    {
      code: 'VEHICLE_OWNED',
      severity: 'DISQUALIFYING',
      memberIdNumber: '542525198203149111',
      source: null,
      reason:
        'This member owns a vehicle that counts as an asset: in use, seized or mortgaged, of a class that is not exempt, not adapted for a disabled driver.',
      figures: { countedVehicles: 1 },
      evidence: [{ source: 'VEHICLE_REGISTRATION', recordKey: '藏F90004' }],
    },
    {
      code: 'VEHICLE_OWNED',
      severity: 'DISQUALIFYING',
      memberIdNumber: '542525198410099129',
      source: null,
      reason:
        'This member owns a vehicle that counts as an asset: in use, seized or mortgaged, of a class that is not exempt, not adapted for a disabled driver.',
      figures: { countedVehicles: 1 },
      evidence: [{ source: 'VEHICLE_REGISTRATION', recordKey: '藏F90005' }],
    },
  ],
  policyVersion: '5425@2023-01-01',
  facts: {
    declaredMembers: 2,
    householdType: 'RURAL',
    householdSize: 2,
    householdMonthlyIncomeFen: 60000,
    perCapitaMonthlyIncomeFen: 30000,
    monthlyStandardFen: 44292,
    enterpriseCapitalFen: 0,
    enterpriseCapitalAllowanceFen: 10000000,
  },
  determinedAt: '2026-11-28T14:09:06.571Z',
};

export const APPLICATION_EXAMPLE: ApplicationResponseDto = {
  id: APPLICATION_ID_EXAMPLE,
  status: 'DETERMINED',
  program: FIRST_CASE.application.program,
  regionCode: FIRST_CASE.application.regionCode,
  applicationDate: FIRST_CASE.application.applicationDate,
  submittedBy: 'alice',
  createdAt: '2026-11-28T14:09:06.372Z',
  updatedAt: '2026-11-28T14:09:06.481Z',
  verificationId: VERIFICATION_ID_EXAMPLE,
  members: FIRST_CASE.application.members,
  checks: [
    {
      source: 'BUSINESS_REGISTRATION',
      status: 'SUCCEEDED',
      attempts: 1,
      failure: null,
      requestIds: ['d3618549-a51d-4594-972b-25346cf5c44f'],
      answerSha256: 'f6c3956e8737df9f121f9bfc458c2aefb34b6ffc682ee33395fad86464729832',
      startedAt: '2026-11-28T14:09:06.457Z',
      finishedAt: '2026-11-28T14:09:06.459Z',
      durationMs: 2,
    },
    {
      source: 'HOUSEHOLD_REGISTRATION',
      status: 'SUCCEEDED',
      attempts: 2,
      failure: null,
      requestIds: ['23214aae-9f82-4740-8eef-4590a80ce2e7', 'ce8cb999-f8ab-4fdb-89e4-d3bdb2fb7512'],
      answerSha256: '0b298d22ec502195cabcfbfedeedcc1845b9d5165c3bc278cabf1b08a12485f5',
      startedAt: '2026-11-28T14:09:06.435Z',
      finishedAt: '2026-11-28T14:09:06.443Z',
      durationMs: 8,
    },
    {
      source: 'VEHICLE_REGISTRATION',
      status: 'SUCCEEDED',
      attempts: 1,
      failure: null,
      requestIds: ['51565b73-8280-4aee-8f5c-f8685ad966f3'],
      answerSha256: '03fa29f7ad88c4fb0e75f8ad7c4e5639c89781e4c264e16712e9814f89a1cbd0',
      startedAt: '2026-11-28T14:09:06.448Z',
      finishedAt: '2026-11-28T14:09:06.449Z',
      durationMs: 1,
    },
  ],
  determination: ELIGIBLE_DETERMINATION,
  decision: null,
  decisions: [],
};

const REJECTION = {
  decision: 'REJECTED' as const,
  reason: 'Household visited; the head runs a shop that is not registered.',
  decidedBy: 'bob',
  decidedAt: '2026-11-29T09:12:44.102Z',
};

/** The same application after a reviewer pulled it into the queue on an objection and rejected it: the decision in force, and on record. */
export const DECIDED_APPLICATION_EXAMPLE: ApplicationResponseDto = {
  ...APPLICATION_EXAMPLE,
  status: 'DECIDED',
  updatedAt: REJECTION.decidedAt,
  decision: REJECTION,
  decisions: [{ ...REJECTION, verificationId: VERIFICATION_ID_EXAMPLE, determinationId: 'a5f0c1d2-6e3b-4f7a-9c8d-2b1e0f3a4d5c' }],
};
