/**
 * The answer schemas of `contracts/registries.openapi.yaml`, as JSON Schema for Ajv. They
 * follow the contract field by field: required fields, enums, patterns and types are
 * enforced; unknown properties are allowed, as OpenAPI allows them, so that a registry may
 * add fields without breaking the service. registry-contract.spec.ts compiles the YAML's own
 * schemas and checks that these give the same verdicts on valid and broken answers.
 */

const PERSON_STATUS = { type: 'string', enum: ['ACTIVE', 'DECEASED', 'MIGRATED_OUT', 'CANCELLED'] } as const;
const REGION_CODE = { type: 'string', pattern: '^[0-9]{6}$' } as const;
const DATE = { type: 'string', format: 'date' } as const;
const STRING = { type: 'string' } as const;
const NOT_FOUND = { type: 'array', items: STRING } as const;

const REGISTERED_PERSON = {
  type: 'object',
  required: ['idNumber', 'name', 'gender', 'birthDate', 'status', 'householdNumber', 'relationshipToHead', 'regionCode'],
  properties: {
    idNumber: STRING,
    name: STRING,
    gender: { type: 'string', enum: ['M', 'F'] },
    birthDate: DATE,
    status: PERSON_STATUS,
    householdNumber: STRING,
    relationshipToHead: {
      type: 'string',
      enum: ['HEAD', 'SPOUSE', 'CHILD', 'PARENT', 'GRANDPARENT', 'GRANDCHILD', 'SIBLING', 'CHILD_IN_LAW', 'OTHER'],
    },
    regionCode: REGION_CODE,
    address: STRING,
  },
} as const;

const REGISTERED_HOUSEHOLD = {
  type: 'object',
  required: ['householdNumber', 'regionCode', 'householdType', 'members'],
  properties: {
    householdNumber: STRING,
    regionCode: REGION_CODE,
    householdType: { type: 'string', enum: ['URBAN', 'RURAL'] },
    address: STRING,
    members: {
      type: 'array',
      items: {
        type: 'object',
        required: ['idNumber', 'name', 'relationshipToHead', 'status'],
        properties: { idNumber: STRING, name: STRING, relationshipToHead: STRING, status: PERSON_STATUS },
      },
    },
  },
} as const;

const VEHICLE = {
  type: 'object',
  required: ['plateNumber', 'ownerIdNumber', 'vehicleType', 'usage', 'registeredOn', 'status'],
  properties: {
    plateNumber: STRING,
    ownerIdNumber: STRING,
    vehicleType: { type: 'string', pattern: '^[A-Z][0-9A-Z]{1,3}$' },
    usage: { type: 'string', enum: ['NON_COMMERCIAL', 'COMMERCIAL', 'AGRICULTURAL'] },
    registeredOn: DATE,
    status: { type: 'string', enum: ['NORMAL', 'SCRAPPED', 'DEREGISTERED', 'TRANSFERRED', 'SEIZED', 'MORTGAGED'] },
    disabilityAdapted: { type: 'boolean' },
    assessedValue: { type: 'number', minimum: 0 },
  },
} as const;

const MARKET_ENTITY = {
  type: 'object',
  required: ['creditCode', 'name', 'entityType', 'status', 'roles'],
  properties: {
    creditCode: { type: 'string', pattern: '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$' },
    name: STRING,
    entityType: { type: 'string', enum: ['ENTERPRISE', 'INDIVIDUAL_BUSINESS', 'FARMER_COOPERATIVE', 'OTHER'] },
    status: { type: 'string', enum: ['ACTIVE', 'REVOKED', 'CANCELLED'] },
    registeredCapital: { type: 'number', minimum: 0 },
    establishedOn: DATE,
    roles: {
      type: 'array',
      items: {
        type: 'object',
        required: ['idNumber', 'role'],
        properties: {
          idNumber: STRING,
          role: { type: 'string', enum: ['LEGAL_REPRESENTATIVE', 'SHAREHOLDER', 'OPERATOR', 'EXECUTIVE'] },
          shareRatio: { type: 'number', minimum: 0, maximum: 1 },
        },
      },
    },
  },
} as const;

function searchAnswer(resultsField: string, item: object) {
  return {
    type: 'object',
    required: [resultsField, 'notFound'],
    properties: { [resultsField]: { type: 'array', items: item }, notFound: NOT_FOUND },
  } as const;
}

export const PERSONS_ANSWER_SCHEMA = searchAnswer('persons', REGISTERED_PERSON);
export const HOUSEHOLDS_ANSWER_SCHEMA = searchAnswer('households', REGISTERED_HOUSEHOLD);
export const VEHICLES_ANSWER_SCHEMA = searchAnswer('vehicles', VEHICLE);
export const ENTITIES_ANSWER_SCHEMA = searchAnswer('entities', MARKET_ENTITY);

/** The body of every error answer. */
export const ERROR_SCHEMA = {
  type: 'object',
  required: ['error'],
  properties: {
    error: { type: 'object', required: ['code', 'message'], properties: { code: STRING, message: STRING } },
  },
} as const;
