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
 * The whole machine, one row per event, one column per status: the status the event leads to,
 * or '—' where the machine refuses it. Every status × event pair below is checked.
 */
const _ = '—';
const TABLE: Record<ApplicationEvent, Record<ApplicationStatus, ApplicationStatus | typeof _>> = {
  //                                   RECEIVED      VERIFYING     DETERMINED    IN_REVIEW     DECIDED
  VERIFICATION_STARTED: /*          */ { RECEIVED: 'VERIFYING', VERIFYING: _, DETERMINED: _, IN_REVIEW: _, DECIDED: _ },
  DETERMINED_WITHOUT_REVIEW: /*     */ { RECEIVED: 'DETERMINED', VERIFYING: 'DETERMINED', DETERMINED: _, IN_REVIEW: 'DETERMINED', DECIDED: _ },
  DETERMINED_FOR_REVIEW: /*         */ { RECEIVED: 'IN_REVIEW', VERIFYING: 'IN_REVIEW', DETERMINED: _, IN_REVIEW: 'IN_REVIEW', DECIDED: _ },
  DETERMINATION_CONFIRMED_DECISION: { RECEIVED: 'DECIDED', VERIFYING: 'DECIDED', DETERMINED: _, IN_REVIEW: 'DECIDED', DECIDED: _ },
  DETERMINATION_CONTRADICTED_DECISION: { RECEIVED: 'IN_REVIEW', VERIFYING: 'IN_REVIEW', DETERMINED: _, IN_REVIEW: 'IN_REVIEW', DECIDED: _ },
  VERIFICATION_FAILED: /*           */ { RECEIVED: 'IN_REVIEW', VERIFYING: 'IN_REVIEW', DETERMINED: _, IN_REVIEW: _, DECIDED: _ },
  REVIEW_REQUESTED: /*              */ { RECEIVED: _, VERIFYING: _, DETERMINED: 'IN_REVIEW', IN_REVIEW: _, DECIDED: _ },
  DECISION_RECORDED: /*             */ { RECEIVED: _, VERIFYING: _, DETERMINED: _, IN_REVIEW: 'DECIDED', DECIDED: _ },
  REVERIFICATION_REQUESTED: /*      */ { RECEIVED: _, VERIFYING: _, DETERMINED: 'RECEIVED', IN_REVIEW: 'RECEIVED', DECIDED: 'RECEIVED' },
};

const cases = APPLICATION_EVENTS.flatMap((event) => APPLICATION_STATUSES.map((status) => [status, event, TABLE[event][status]] as const));

describe('the application life cycle', () => {
  it('has a row for every event and a column for every status', () => {
    expect(Object.keys(TABLE).sort()).toEqual([...APPLICATION_EVENTS].sort());
    for (const row of Object.values(TABLE)) expect(Object.keys(row).sort()).toEqual([...APPLICATION_STATUSES].sort());
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
