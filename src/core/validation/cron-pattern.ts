import { getNextMillis } from 'bullmq';
import { registerDecorator, type ValidationOptions } from 'class-validator';

/** The time zone of every schedule: the policy counts its dates in Asia/Shanghai. */
export const SCHEDULE_TIME_ZONE = 'Asia/Shanghai';

/**
 * Whether BullMQ's job schedulers can run on `pattern`: five cron fields, or six with the
 * seconds first, that its own parser accepts in SCHEDULE_TIME_ZONE.
 */
export function isCronPattern(pattern: unknown): boolean {
  if (typeof pattern !== 'string') return false;
  const fields = pattern.trim().split(/\s+/).length;
  if (fields < 5 || fields > 6) return false;
  try {
    return getNextMillis(Date.now(), { pattern, tz: SCHEDULE_TIME_ZONE }) !== undefined;
  } catch {
    return false;
  }
}

/** A cron pattern (see isCronPattern), or the empty string, which turns the schedule off. */
export const IsCronPatternOrEmpty = (options?: ValidationOptions) => (target: object, propertyName: string) =>
  registerDecorator({
    name: 'isCronPatternOrEmpty',
    target: target.constructor,
    propertyName,
    options,
    validator: { validate: (value: unknown) => value === '' || isCronPattern(value) },
  });
