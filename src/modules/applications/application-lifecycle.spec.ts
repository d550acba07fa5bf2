import { afterDetermination } from './application-lifecycle.js';

describe('afterDetermination', () => {
  it.each([
    ['ELIGIBLE', null, 'DETERMINED', null],
    ['INELIGIBLE', null, 'DETERMINED', null],
    ['NEEDS_REVIEW', null, 'IN_REVIEW', 'DETERMINATION'],
    ['ELIGIBLE', 'APPROVED', 'DECIDED', null],
    ['INELIGIBLE', 'REJECTED', 'DECIDED', null],
    ['ELIGIBLE', 'REJECTED', 'IN_REVIEW', 'DECISION_CONTRADICTED'],
    ['INELIGIBLE', 'APPROVED', 'IN_REVIEW', 'DECISION_CONTRADICTED'],
    ['NEEDS_REVIEW', 'APPROVED', 'IN_REVIEW', 'DETERMINATION'],
    ['NEEDS_REVIEW', 'REJECTED', 'IN_REVIEW', 'DETERMINATION'],
  ] as const)('%s with the decision %s in force: %s, queued as %s', (outcome, inForce, status, review) => {
    expect(afterDetermination(outcome, inForce)).toEqual({ status, review });
  });
});
