import { APPLICATION_STATUSES, type ApplicationStatus } from './entities/application.entity.js';
import {
  afterDetermination,
  allowedFrom,
  APPLICATION_EVENTS,
  type ApplicationEvent,
  next,
  TransitionRefused,
} from './application-lifecycle.js';

/**
 * The whole machine, one row per event, one column per status (in APPLICATION_STATUSES' order):
 * the status the event leads to, or '—' where the machine refuses it. Every pair is checked.
 */
const _ = '—';
const COLUMNS = ['RECEIVED', 'VERIFYING', 'DETERMINED', 'IN_REVIEW', 'DECIDED'] as const;
type Cell = ApplicationStatus | typeof _;
const TABLE: Record<ApplicationEvent, readonly [Cell, Cell, Cell, Cell, Cell]> = {
  VERIFICATION_STARTED: ['VERIFYING', _, _, _, _],
  DETERMINED_WITHOUT_REVIEW: ['DETERMINED', 'DETERMINED', _, 'DETERMINED', _],
  DETERMINED_FOR_REVIEW: ['IN_REVIEW', 'IN_REVIEW', _, 'IN_REVIEW', _],
  DETERMINATION_CONFIRMED_DECISION: ['DECIDED', 'DECIDED', _, 'DECIDED', _],
  DETERMINATION_CONTRADICTED_DECISION: ['IN_REVIEW', 'IN_REVIEW', _, 'IN_REVIEW', _],
  VERIFICATION_FAILED: ['IN_REVIEW', 'IN_REVIEW', _, _, _],
  REVIEW_REQUESTED: [_, _, 'IN_REVIEW', _, _],
  DECISION_RECORDED: [_, _, _, 'DECIDED', _],
  REVERIFICATION_REQUESTED: [_, _, 'RECEIVED', 'RECEIVED', 'RECEIVED'],
};

const cases = APPLICATION_EVENTS.flatMap((event) => COLUMNS.map((status, column) => [status, event, TABLE[event][column]] as const));

describe('the application life cycle', () => {
  it('has a row for every event and a column for every status', () => {
    expect(Object.keys(TABLE).sort()).toEqual([...APPLICATION_EVENTS].sort());
    expect(COLUMNS).toEqual(APPLICATION_STATUSES);
  });

  it.each(cases.filter(([, , to]) => to !== _))('%s on %s → %s', (status, event, to) => {
    expect(next(status, event)).toBe(to);
    expect(allowedFrom(event)).toContain(status);
  });

  it.each(cases.filter(([, , to]) => to === _))('%s on %s is refused', (status, event) => {
    expect(() => next(status, event)).toThrow(TransitionRefused);
    expect(() => next(status, event)).toThrow(expect.objectContaining({ code: 'CONFLICT', status, event }));
    expect(allowedFrom(event)).not.toContain(status);
  });

  it('lets no event leave DECIDED but a re-verification', () => {
    expect(APPLICATION_EVENTS.filter((event) => allowedFrom(event).includes('DECIDED'))).toEqual(['REVERIFICATION_REQUESTED']);
  });
});

describe('afterDetermination', () => {
  it.each([
    ['ELIGIBLE', null, 'DETERMINED_WITHOUT_REVIEW', 'DETERMINED', null],
    ['INELIGIBLE', null, 'DETERMINED_WITHOUT_REVIEW', 'DETERMINED', null],
    ['NEEDS_REVIEW', null, 'DETERMINED_FOR_REVIEW', 'IN_REVIEW', 'DETERMINATION'],
    ['ELIGIBLE', 'APPROVED', 'DETERMINATION_CONFIRMED_DECISION', 'DECIDED', null],
    ['INELIGIBLE', 'REJECTED', 'DETERMINATION_CONFIRMED_DECISION', 'DECIDED', null],
    ['ELIGIBLE', 'REJECTED', 'DETERMINATION_CONTRADICTED_DECISION', 'IN_REVIEW', 'DECISION_CONTRADICTED'],
    ['INELIGIBLE', 'APPROVED', 'DETERMINATION_CONTRADICTED_DECISION', 'IN_REVIEW', 'DECISION_CONTRADICTED'],
    ['NEEDS_REVIEW', 'APPROVED', 'DETERMINED_FOR_REVIEW', 'IN_REVIEW', 'DETERMINATION'],
    ['NEEDS_REVIEW', 'REJECTED', 'DETERMINED_FOR_REVIEW', 'IN_REVIEW', 'DETERMINATION'],
  ] as const)('%s with the decision %s in force: %s (from VERIFYING to %s), queued as %s', (outcome, inForce, event, status, review) => {
    expect(afterDetermination(outcome, inForce)).toEqual({ event, review });
    expect(next('VERIFYING', event)).toBe(status);
  });
});
