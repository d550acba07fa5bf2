import { loadConfig } from '../config/app.config.js';
import { isCronPattern } from './cron-pattern.js';

describe('isCronPattern', () => {
  it.each(['0 2 * * *', '30 1 * * 1-5', '*/10 * * * * *', '0 0 2 1,15 * *'])('accepts %j', (pattern) => {
    expect(isCronPattern(pattern)).toBe(true);
  });

  it.each(['', 'nonsense', '0 2 * *', '0 2 * * * * *', '99 * * * *', '0 25 * * *', '@daily', 2])('refuses %j', (pattern) => {
    expect(isCronPattern(pattern)).toBe(false);
  });
});

describe('re-verification settings', () => {
  it('run nightly at 02:00 by default, and an empty schedule turns it off', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).REVERIFICATION_SCHEDULE).toBe('0 2 * * *');
    expect(loadConfig({ NODE_ENV: 'test', REVERIFICATION_SCHEDULE: '' }).REVERIFICATION_SCHEDULE).toBe('');
    expect(loadConfig({ NODE_ENV: 'test' }).REVERIFICATION_BATCH_SIZE).toBe(200);
    expect(loadConfig({ NODE_ENV: 'test' }).REVERIFICATION_MAX_PENDING).toBe(2000);
  });

  it.each([
    ['REVERIFICATION_SCHEDULE', '0 26 * * *'],
    ['REVERIFICATION_SCHEDULE', 'nightly'],
    ['REVERIFICATION_BATCH_SIZE', '0'],
    ['REVERIFICATION_BATCH_SIZE', '5001'],
    ['REVERIFICATION_MAX_PENDING', '0'],
  ])('refuses %s=%j and names it', (name, value) => {
    expect(() => loadConfig({ NODE_ENV: 'test', [name]: value })).toThrow(new RegExp(`${name}:`));
  });
});
