import { Ajv, type ErrorObject } from 'ajv';
import { isCalendarDate } from '../../../core/time/calendar-date.js';
import {
  ENTITIES_ANSWER_SCHEMA,
  ERROR_SCHEMA,
  HOUSEHOLDS_ANSWER_SCHEMA,
  PERSONS_ANSWER_SCHEMA,
  VEHICLES_ANSWER_SCHEMA,
} from './registry.schemas.js';
import type { WireEntitiesAnswer, WireError, WireHouseholdsAnswer, WirePersonsAnswer, WireVehiclesAnswer } from './registry.wire.js';

// Strict mode makes a mistake in the schemas themselves fail at start-up instead of
// silently validating nothing. `date` is the only format the contract uses.
const ajv = new Ajv({ strict: true, allErrors: false });
ajv.addFormat('date', { type: 'string', validate: isCalendarDate });

export const validatePersonsAnswer = ajv.compile<WirePersonsAnswer>(PERSONS_ANSWER_SCHEMA);
export const validateHouseholdsAnswer = ajv.compile<WireHouseholdsAnswer>(HOUSEHOLDS_ANSWER_SCHEMA);
export const validateVehiclesAnswer = ajv.compile<WireVehiclesAnswer>(VEHICLES_ANSWER_SCHEMA);
export const validateEntitiesAnswer = ajv.compile<WireEntitiesAnswer>(ENTITIES_ANSWER_SCHEMA);
export const isErrorBody = ajv.compile<WireError>(ERROR_SCHEMA);

/**
 * Where and how an answer broke the schema, e.g. `/persons/3/status must be equal to one of
 * the allowed values`. Ajv's messages name the rule, never the offending value, so this is
 * safe to log: it carries no personal data.
 */
export function describeSchemaErrors(errors: ErrorObject[] | null | undefined): string {
  const first = errors?.[0];
  if (!first) return 'does not match the contract';
  return `${first.instancePath || '(body)'} ${first.message ?? 'is invalid'}`;
}
