import { isCalendarDate } from './calendar-date.js';

describe('isCalendarDate', () => {
  it.each(['2026-11-20', '2024-02-29', '2000-02-29', '1880-01-01'])('accepts %s', (date) => expect(isCalendarDate(date)).toBe(true));
  it.each(['2026-02-29', '1900-02-29', '2026-13-01', '2026-04-31', '2026-1-01', '20261120', '2026-11-20T00:00:00Z', 20261120, null])(
    'refuses %s',
    (date) => expect(isCalendarDate(date)).toBe(false),
  );
});
