import { errorForStatus } from './registry-status.js';

describe('errorForStatus', () => {
  const label = 'VEHICLE_REGISTRATION searchVehiclesByOwner';

  it.each([
    [429, 'RATE_LIMITED', true],
    [500, 'UNAVAILABLE', true],
    [503, 'UNAVAILABLE', true],
    [504, 'UNAVAILABLE', true],
    [400, 'REJECTED', false],
    [401, 'REJECTED', false],
    [403, 'REJECTED', false],
    [404, 'REJECTED', false],
    [204, 'INVALID_RESPONSE', false],
    [302, 'INVALID_RESPONSE', false],
  ])('maps %i to %s', (status, code, transient) => {
    const error = errorForStatus(label, status, undefined);
    expect(error.code).toBe(code);
    expect(error.transient).toBe(transient);
    expect(error.message).toContain(String(status));
  });

  it("quotes the error body's code but never its message, which may name a person", () => {
    const body = { error: { code: 'TOO_MANY_IDENTIFIERS', message: 'idNumber 542521198001010012 and 50 more' } };
    const error = errorForStatus(label, 400, body);
    expect(error.message).toBe(`${label}: refused the request with 400 TOO_MANY_IDENTIFIERS`);
  });

  it('leaves out a code that looks like free text', () => {
    expect(errorForStatus(label, 403, { error: { code: 'purpose 542521198001010012', message: '' } }).message).toBe(
      `${label}: refused the request with 403`,
    );
  });

  it('keeps the wait that a 429 or 503 asked for', () => {
    expect(errorForStatus(label, 429, undefined, { retryAfterMs: 2000 }).options.retryAfterMs).toBe(2000);
  });
});
