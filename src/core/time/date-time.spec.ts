import { parseDateTime, toStoredInstant } from './date-time.js';

describe('RFC 3339 date-times', () => {
  it.each([
    ['2026-11-28T10:00:00Z', '2026-11-28T10:00:00.000Z'],
    ['2026-11-28T18:00:00+08:00', '2026-11-28T10:00:00.000Z'],
    ['2026-11-28T05:30:00-04:30', '2026-11-28T10:00:00.000Z'],
    ['2026-11-28t10:00:00z', '2026-11-28T10:00:00.000Z'],
    ['2026-11-28T10:00:00.5Z', '2026-11-28T10:00:00.500Z'],
    ['2026-11-28T10:00:00.123456789Z', '2026-11-28T10:00:00.123Z'],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00.000Z'],
    ['2000-02-29T23:59:59+00:00', '2000-02-29T23:59:59.000Z'],
    ['0050-06-01T00:00:00Z', '0050-06-01T00:00:00.000Z'],
    ['0000-01-01T00:00:00+01:00', '0000-01-01T00:00:00.000Z'],
    ['9999-12-31T23:59:59-01:00', '9999-12-31T23:59:59.999Z'],
  ])('reads %s as %s', (value, stored) => {
    expect(parseDateTime(value)).not.toBeNull();
    expect(toStoredInstant(value)).toBe(stored);
  });

  it.each([
    ['an ISO week date', '2026-W01-1'],
    ['an ordinal date', '2026-332'],
    ['a date alone', '2026-11-28'],
    ['no offset', '2026-11-28T10:00:00'],
    ['no seconds', '2026-11-28T10:00Z'],
    ['the basic format', '20261128T100000Z'],
    ['a space for T', '2026-11-28 10:00:00Z'],
    ['an offset without a colon', '2026-11-28T10:00:00+0800'],
    ['an hour offset alone', '2026-11-28T10:00:00+08'],
    ['a month 13', '2026-13-01T00:00:00Z'],
    ['a month 00', '2026-00-10T00:00:00Z'],
    ['30 February', '2026-02-30T00:00:00Z'],
    ['29 February of a common year', '2100-02-29T00:00:00Z'],
    ['hour 24', '2026-11-28T24:00:00Z'],
    ['a leap second', '2026-12-31T23:59:60Z'],
    ['an offset of 24 hours', '2026-11-28T10:00:00+24:00'],
    ['an offset minute 60', '2026-11-28T10:00:00+08:60'],
    ['ten fraction digits', '2026-11-28T10:00:00.1234567890Z'],
    ['an empty fraction', '2026-11-28T10:00:00.Z'],
    ['an extended year', '+002026-11-28T10:00:00Z'],
    ['a trailing newline', '2026-11-28T10:00:00Z\n'],
    ['full-width digits', '２０２６-11-28T10:00:00Z'],
    ['an empty string', ''],
    ['a number', 1764324000000],
    ['an array', ['2026-11-28T10:00:00Z']],
  ])('refuses %s (%s)', (_label, value) => {
    expect(parseDateTime(value)).toBeNull();
    expect(toStoredInstant(value)).toBeNull();
  });
});
