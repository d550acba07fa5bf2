const SHANGHAI_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date (YYYY-MM-DD) in Asia/Shanghai, where every date of the policy is counted. */
export function shanghaiDate(at: Date): string {
  return SHANGHAI_DATE.format(at);
}

/** The time source of the service; a class so that tests can provide a fixed one. */
export class Clock {
  now(): Date {
    return new Date();
  }

  today(): string {
    return shanghaiDate(this.now());
  }
}
