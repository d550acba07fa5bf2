import { RegistryError } from '../registry.error.js';
import type { RegistryLookup } from '../registry.types.js';
import { ContractViolation, distinctSorted } from './registry-mapping.js';
import {
  accountingProblem,
  type CallSlot,
  MAX_IDENTIFIERS_PER_CALL,
  type RegistrySearch,
  type RegistryTransport,
  searchLabel,
  type TransportAnswer,
  type WireSearchAnswer,
} from './registry-search.js';
import { describeSchemaErrors } from './registry-validation.js';

/**
 * Whose lookup it is: a new application's (`intake`) or a periodic re-verification's
 * (`background`). A call takes intake identifiers first, so that a run never holds up intake.
 */
export type LookupLane = 'intake' | 'background';

export interface LookupOptions {
  lane?: LookupLane;
}

export interface SearchBatcherOptions {
  /** How long an identifier waits for others to share its call before the call goes with fewer than 50. */
  lingerMs: number;
  /** Calls of this search under way at once from this process; more identifiers wait for the next. */
  maxInFlight: number;
}

/** One caller's lookup, answered as the calls that carry its identifiers come back. */
interface Waiter<Wire> {
  identifiers: ReadonlySet<string>;
  unanswered: Set<string>;
  wires: Wire[];
  /** The calls that served it, for their request ids and attempts. */
  calls: TransportAnswer[];
  settled: boolean;
  resolve(wires: Wire[], calls: TransportAnswer[]): void;
  reject(error: unknown): void;
}

/**
 * Gathers the lookups of any number of callers (the checks of many applications) into calls
 * of at most 50 identifiers: a call goes when it is full, or when its first identifier has
 * waited `lingerMs`, at most `maxInFlight` at a time. An identifier asked by several callers
 * is asked once.
 *
 * Each caller gets only its own answer: what the registry said of its identifiers, restricted
 * as if they had been asked alone, so that its stored answer (and the hash over it) never holds
 * a neighbour's records. A failure fails only the callers it concerns: an identifier the
 * registry left unaccounted for fails those who asked for it; a 400 (a bad identifier) splits
 * the call in halves until it is isolated; a call that failed outright (5xx, timeouts, 429,
 * after the transport's retries, under its circuit breaker) fails everyone it carried.
 */
export class SearchBatcher<Wire extends WireSearchAnswer, Answer> {
  /** Identifiers not yet in a call, by lane, each with the callers waiting for it; insertion-ordered. */
  private readonly waiting: Record<LookupLane, Map<string, Waiter<Wire>[]>> = { intake: new Map(), background: new Map() };
  private inFlight = 0;
  /** Calls waiting for their slot of the registry's quota: each will take up to 50 of what waits when it comes. */
  private awaitingSlot = 0;
  private linger?: NodeJS.Timeout;
  /** Whether the oldest waiting identifier has waited its linger: what waits goes as soon as a call may. */
  private overdue = false;

  constructor(
    private readonly search: RegistrySearch<Wire, Answer>,
    private readonly transport: RegistryTransport,
    private readonly options: SearchBatcherOptions,
  ) {}

  lookup(identifiers: readonly string[], options: LookupOptions = {}): Promise<RegistryLookup<Answer>> {
    const asked = distinctSorted(identifiers);
    if (asked.length === 0) return Promise.resolve({ answer: this.search.toAnswer([]), requestIds: [], attempts: 0 });
    return new Promise<RegistryLookup<Answer>>((resolve, reject) => {
      const waiter: Waiter<Wire> = {
        identifiers: new Set(asked),
        unanswered: new Set(asked),
        wires: [],
        calls: [],
        settled: false,
        resolve: (wires, calls) => {
          try {
            resolve({ answer: this.search.toAnswer(wires), ...totals(calls) });
          } catch (error) {
            // Answers of two calls that contradict each other (one entity described two ways).
            reject(error instanceof ContractViolation ? this.invalid(error.message, calls) : error);
          }
        },
        reject,
      };
      const lane = this.waiting[options.lane ?? 'intake'];
      for (const identifier of asked) listAt(lane, identifier).push(waiter);
      this.schedule();
    });
  }

  /** Starts the calls that may go now, and sets the linger for what must wait. */
  private schedule(): void {
    while (this.inFlight < this.options.maxInFlight && this.unclaimed() > 0) {
      if (!this.overdue && this.unclaimed() < MAX_IDENTIFIERS_PER_CALL) break;
      this.inFlight += 1;
      this.awaitingSlot += 1;
      void this.dispatch().finally(() => {
        this.inFlight -= 1;
        this.schedule();
      });
    }
    if (this.pendingCount() === 0) {
      this.overdue = false;
      clearTimeout(this.linger);
      this.linger = undefined;
    } else if (this.unclaimed() > 0 && !this.overdue && this.linger === undefined) {
      this.linger = setTimeout(() => {
        this.linger = undefined;
        this.overdue = true;
        this.schedule();
      }, this.options.lingerMs);
      this.linger.unref();
    }
  }

  private pendingCount(): number {
    return this.waiting.intake.size + this.waiting.background.size;
  }

  /** Waiting identifiers that no call waiting for its slot will take. */
  private unclaimed(): number {
    return this.pendingCount() - this.awaitingSlot * MAX_IDENTIFIERS_PER_CALL;
  }

  /**
   * One call: first its slot of the registry's quota, then what it asks, chosen when the slot
   * comes, so that under a quota a call carries what gathered while it waited rather than what
   * there was when it queued.
   */
  private async dispatch(): Promise<void> {
    let slot: CallSlot | undefined;
    let slotError: unknown;
    try {
      slot = await this.transport.takeSlot?.(this.search);
    } catch (error) {
      slotError = error;
    } finally {
      this.awaitingSlot -= 1;
    }
    const { identifiers, waiters } = this.take();
    // What remains gets its linger or its call.
    this.schedule();
    if (identifiers.length === 0) return;
    if (slotError !== undefined) {
      for (const waiter of distinctWaiters(waiters)) this.fail(waiter, slotError);
      return;
    }
    await this.send(identifiers, waiters, [], slot);
  }

  /** The next call's identifiers (intake first) and, for each, who waits for it in either lane. */
  private take(): { identifiers: string[]; waiters: Map<string, Waiter<Wire>[]> } {
    const waiters = new Map<string, Waiter<Wire>[]>();
    for (const lane of [this.waiting.intake, this.waiting.background]) {
      for (const identifier of lane.keys()) {
        if (waiters.size === MAX_IDENTIFIERS_PER_CALL) break;
        waiters.set(identifier, [...(this.waiting.intake.get(identifier) ?? []), ...(this.waiting.background.get(identifier) ?? [])]);
      }
    }
    for (const identifier of waiters.keys()) {
      this.waiting.intake.delete(identifier);
      this.waiting.background.delete(identifier);
    }
    return { identifiers: distinctSorted([...waiters.keys()]), waiters };
  }

  /**
   * One call for `identifiers`, its answer shared out to those who wait for them. Identifiers
   * nobody waits for any more (their callers failed meanwhile) are left out, and a call for
   * none is not made. `spent`: the calls already made for these identifiers (halving a 400).
   */
  private async send(asked: string[], waiting: Map<string, Waiter<Wire>[]>, spent: TransportAnswer[] = [], slot?: CallSlot): Promise<void> {
    const identifiers = asked.filter((identifier) => waiting.get(identifier)!.some((waiter) => !waiter.settled));
    if (identifiers.length === 0) return;
    const waiters = new Map(identifiers.map((identifier) => [identifier, waiting.get(identifier)!]));
    const everyone = distinctWaiters(waiters);
    let call: TransportAnswer;
    try {
      call = await this.transport.post(this.search, { [this.search.identifiersField]: identifiers }, slot);
    } catch (error) {
      if (!(error instanceof RegistryError)) {
        for (const waiter of everyone) this.fail(waiter, error);
        return;
      }
      const failed = { body: undefined, requestIds: error.options.requestIds ?? [], attempts: error.options.attempts ?? 0 };
      if (error.code === 'REJECTED' && error.options.status === 400 && identifiers.length > 1) {
        // A bad identifier among them: halve the call until it stands alone.
        const half = Math.ceil(identifiers.length / 2);
        await Promise.all(
          [identifiers.slice(0, half), identifiers.slice(half)].map((part) =>
            this.send(part, new Map(part.map((identifier) => [identifier, waiters.get(identifier)!])), [...spent, failed]),
          ),
        );
        return;
      }
      for (const waiter of everyone) this.fail(waiter, this.withCalls(error, waiter, [...spent, failed]));
      return;
    }
    const calls = [...spent, call];
    const body = call.body;
    if (!this.search.validate(body)) {
      const message = `does not match the contract: ${describeSchemaErrors(this.search.validate.errors)}`;
      for (const waiter of everyone) this.fail(waiter, this.invalid(message, [...waiter.calls, ...calls]));
      return;
    }
    const found = this.search.accountedFor(body);
    const inCall = new Set(identifiers);
    if ([...found, ...body.notFound].some((identifier) => !inCall.has(identifier))) {
      // An answer about someone nobody asked for cannot be shared out to anyone.
      for (const waiter of everyone)
        this.fail(waiter, this.invalid('mentions identifiers that were not asked', [...waiter.calls, ...calls]));
      return;
    }
    for (const waiter of everyone) {
      const mine = identifiers.filter((identifier) => waiter.identifiers.has(identifier));
      const concerns = (identifier: string) => waiter.identifiers.has(identifier);
      const problem = accountingProblem(mine, found.filter(concerns), body.notFound.filter(concerns));
      if (problem) {
        this.fail(waiter, this.invalid(problem, [...waiter.calls, ...calls]));
        continue;
      }
      this.answer(waiter, this.search.restrict(body, new Set(mine)), mine, calls);
    }
  }

  private answer(waiter: Waiter<Wire>, wire: Wire, identifiers: string[], calls: TransportAnswer[]): void {
    if (waiter.settled) return;
    waiter.wires.push(wire);
    for (const call of calls) if (!waiter.calls.includes(call)) waiter.calls.push(call);
    for (const identifier of identifiers) waiter.unanswered.delete(identifier);
    if (waiter.unanswered.size === 0) {
      waiter.settled = true;
      waiter.resolve(waiter.wires, waiter.calls);
    }
  }

  private fail(waiter: Waiter<Wire>, error: unknown): void {
    if (waiter.settled) return;
    waiter.settled = true;
    // Its identifiers still waiting for a call are no longer wanted by it.
    for (const lane of Object.values(this.waiting)) {
      for (const identifier of waiter.unanswered) {
        const rest = lane.get(identifier)?.filter((other) => other !== waiter);
        if (rest?.length) lane.set(identifier, rest);
        else lane.delete(identifier);
      }
    }
    waiter.reject(error);
  }

  /** The error of a failed call, carrying every request made for this waiter. */
  private withCalls(error: RegistryError, waiter: Waiter<Wire>, calls: TransportAnswer[]): RegistryError {
    const gone = [...waiter.calls, ...calls.filter((call) => !waiter.calls.includes(call))];
    return new RegistryError(error.code, error.message, { ...error.options, ...totals(gone) });
  }

  private invalid(problem: string, calls: TransportAnswer[]): RegistryError {
    return new RegistryError('INVALID_RESPONSE', `${searchLabel(this.search)}: the answer ${problem}`, totals(calls));
  }
}

function totals(calls: readonly TransportAnswer[]): { requestIds: string[]; attempts: number } {
  return { requestIds: calls.flatMap((call) => call.requestIds), attempts: calls.reduce((sum, call) => sum + call.attempts, 0) };
}

function distinctWaiters<Wire>(waiters: Map<string, Waiter<Wire>[]>): Waiter<Wire>[] {
  return [...new Set([...waiters.values()].flat())];
}

function listAt<T>(map: Map<string, T[]>, key: string): T[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}
