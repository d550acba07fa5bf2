import type { ValidateFunction } from 'ajv';
import { RegistryError } from '../registry.error.js';
import type { RegistryLookup, RegistrySource } from '../registry.types.js';
import { ContractViolation, distinctSorted } from './registry-mapping.js';
import { describeSchemaErrors } from './registry-validation.js';

/** The contract's limit of identifiers per request. */
export const MAX_IDENTIFIERS_PER_CALL = 50;

/** Where one search of the contract is sent, and how errors about it are labelled. */
export interface SearchEndpoint {
  source: RegistrySource;
  /** The contract's operationId, used in messages. */
  operationId: string;
  path: string;
}

/** What every search answers besides its records. */
export interface WireSearchAnswer {
  notFound: string[];
}

/** One search of the contract, and how its answers become the project's types. */
export interface RegistrySearch<Wire extends WireSearchAnswer, Answer> extends SearchEndpoint {
  /** The request body's field that carries the identifiers. */
  identifiersField: 'idNumbers' | 'householdNumbers';
  validate: ValidateFunction<Wire>;
  /** The identifiers that the answer's records account for; `notFound` accounts for the rest. */
  accountedFor(wire: Wire): string[];
  /**
   * The part of an answer that concerns `identifiers` only: what the registry would have
   * answered a call that asked for just them. One call may serve several applications, and
   * each may keep only what concerns its own household.
   */
  restrict(wire: Wire, identifiers: ReadonlySet<string>): Wire;
  /** Merges the validated answers of every call into one answer, in a deterministic order. */
  toAnswer(wires: Wire[]): Answer;
}

/** The 200 answer to one request, with the request ids and the attempts it took. */
export interface TransportAnswer {
  body: unknown;
  requestIds: string[];
  attempts: number;
}

/** A call slot of the registry's quota, taken before the call's contents were chosen: its first attempt goes at once. */
export interface CallSlot {
  requestId: string;
}

/** Carries one request to a registry: over HTTP, or in-process to the sandbox. */
export interface RegistryTransport {
  /**
   * Sends one request and returns its 200 answer. Anything other than a 200 with JSON is
   * thrown as a RegistryError that carries the attempts and request ids of this call.
   * With `slot`, the first attempt uses that slot instead of waiting for one.
   */
  post(endpoint: SearchEndpoint, body: object, slot?: CallSlot): Promise<TransportAnswer>;
  /**
   * Waits until the registry may take a call (its quota, a `Retry-After` hold) and reserves
   * that slot, so that what the call asks can be chosen then rather than when it queued.
   * Absent where calls wait for nothing.
   */
  takeSlot?(endpoint: SearchEndpoint): Promise<CallSlot>;
}

export function searchLabel(endpoint: SearchEndpoint): string {
  return `${endpoint.source} ${endpoint.operationId}`;
}

/** Distinct identifiers in a stable order, in slices the contract accepts. */
export function chunkIdentifiers(identifiers: readonly string[]): string[][] {
  const distinct = distinctSorted(identifiers);
  const chunks: string[][] = [];
  for (let start = 0; start < distinct.length; start += MAX_IDENTIFIERS_PER_CALL) {
    chunks.push(distinct.slice(start, start + MAX_IDENTIFIERS_PER_CALL));
  }
  return chunks;
}

/**
 * Runs a search for any number of identifiers: one call per 50, one after the other so that
 * a lookup never holds more than one request of the registry's quota, each answer checked
 * against the contract and against what that call asked, then merged. A failure is thrown
 * with the attempts and request ids of the whole lookup so far.
 */
export async function searchInChunks<Wire extends WireSearchAnswer, Answer>(
  search: RegistrySearch<Wire, Answer>,
  identifiers: readonly string[],
  transport: RegistryTransport,
): Promise<RegistryLookup<Answer>> {
  const wires: Wire[] = [];
  const requestIds: string[] = [];
  let attempts = 0;
  try {
    for (const asked of chunkIdentifiers(identifiers)) {
      const call = await transport.post(search, { [search.identifiersField]: asked });
      requestIds.push(...call.requestIds);
      attempts += call.attempts;
      wires.push(checkAnswer(search, call.body, asked));
    }
    return { answer: search.toAnswer(wires), requestIds, attempts };
  } catch (error) {
    throw withLookupTotals(search, error, attempts, requestIds);
  }
}

/** The body as the contract's answer to `asked`, or a ContractViolation saying why not. */
export function checkAnswer<Wire extends WireSearchAnswer>(
  search: RegistrySearch<Wire, unknown>,
  body: unknown,
  asked: readonly string[],
): Wire {
  if (!search.validate(body)) {
    throw new ContractViolation(`does not match the contract: ${describeSchemaErrors(search.validate.errors)}`);
  }
  const problem = accountingProblem(asked, search.accountedFor(body), body.notFound);
  if (problem) throw new ContractViolation(problem);
  return body;
}

/**
 * The contract promises that each identifier asked is either in the records or in
 * `notFound`. An answer that leaves one out, or speaks of one not asked, cannot be told
 * apart from a mix-up with someone else's answer, so it is not used at all.
 */
export function accountingProblem(asked: readonly string[], found: readonly string[], notFound: readonly string[]): string | undefined {
  const askedSet = new Set(asked);
  const foundSet = new Set(found);
  const notFoundSet = new Set(notFound);
  if ([...foundSet, ...notFoundSet].some((identifier) => !askedSet.has(identifier))) {
    return 'mentions identifiers that were not asked';
  }
  if ([...notFoundSet].some((identifier) => foundSet.has(identifier))) {
    return 'lists identifiers both as found and as not found';
  }
  const missing = asked.filter((identifier) => !foundSet.has(identifier) && !notFoundSet.has(identifier)).length;
  return missing > 0 ? `does not account for ${missing} of the ${asked.length} identifiers asked` : undefined;
}

function withLookupTotals(endpoint: SearchEndpoint, error: unknown, attempts: number, requestIds: string[]): unknown {
  if (error instanceof ContractViolation) {
    return new RegistryError('INVALID_RESPONSE', `${searchLabel(endpoint)}: the answer ${error.message}`, { attempts, requestIds });
  }
  if (error instanceof RegistryError) {
    return new RegistryError(error.code, error.message, {
      ...error.options,
      attempts: attempts + (error.options.attempts ?? 0),
      requestIds: [...requestIds, ...(error.options.requestIds ?? [])],
    });
  }
  return error;
}
