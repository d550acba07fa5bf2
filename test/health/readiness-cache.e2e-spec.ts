import { DataSource } from 'typeorm';
import { Clock } from '../../src/core/time/clock.js';
import { DatabaseHealthIndicator } from '../../src/modules/health/database.health-indicator.js';
import { RedisHealthIndicator } from '../../src/modules/health/redis.health-indicator.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * /health/ready answers from a result at most one second old: a flood of probes costs at most
 * one database ping (and one Redis ping) a second, counted here on the indicators and on the
 * database's own queries, on a clock that stands still until the test moves it.
 */
describe.each(['sqlite', 'postgres'] as const)('readiness from a recent result on %s', (kind) => {
  let t: TestApp;
  let now: number;
  let databasePings: jest.SpyInstance;
  let redisPings: jest.SpyInstance;
  let selectOnes: number;
  /** While true, the database refuses every query as if it were unreachable. */
  let databaseDown = false;

  const probe = () => t.request('GET', '/health/ready');
  const flood = async (count: number) => (await Promise.all(Array.from({ length: count }, probe))).map((response) => response.status);

  beforeAll(async () => {
    t = await startTestApp(kind);
    now = Date.parse('2026-11-28T10:00:00.000Z');
    jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => new Date(now));
    databasePings = jest.spyOn(t.app.get(DatabaseHealthIndicator), 'ping');
    redisPings = jest.spyOn(t.app.get(RedisHealthIndicator), 'ping');
    const dataSource = t.app.get(DataSource);
    const query = dataSource.query.bind(dataSource);
    selectOnes = 0;
    jest.spyOn(dataSource, 'query').mockImplementation((sql: string, ...rest: unknown[]) => {
      if (sql === 'SELECT 1') selectOnes += 1;
      if (databaseDown) return Promise.reject(Object.assign(new Error('down'), { code: 'ECONNREFUSED' }));
      return (query as (...args: unknown[]) => Promise<unknown>)(sql, ...rest);
    });
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await t.close();
  });

  it('answers a flood of 100 probes, at once and one after another, with one ping of each dependency', async () => {
    expect(await flood(50)).toEqual(Array(50).fill(200));
    for (let i = 0; i < 50; i++) expect((await probe()).status).toBe(200);
    expect({ database: databasePings.mock.calls.length, redis: redisPings.mock.calls.length, selectOnes }).toEqual({
      database: 1,
      redis: 1,
      selectOnes: 1,
    });
  });

  it('still answers from that result 999 ms later, and pings again once it is a second old', async () => {
    now += 999;
    expect(await flood(20)).toEqual(Array(20).fill(200));
    expect(databasePings).toHaveBeenCalledTimes(1);
    now += 1;
    expect(await flood(20)).toEqual(Array(20).fill(200));
    expect({ database: databasePings.mock.calls.length, redis: redisPings.mock.calls.length, selectOnes }).toEqual({
      database: 2,
      redis: 2,
      selectOnes: 2,
    });
  });

  it('holds a failed result for the second too: a flood while the database is down costs one ping', async () => {
    now += 1000;
    const failing = jest
      .spyOn(t.app.get(DataSource), 'query')
      .mockRejectedValue(Object.assign(new Error('down'), { code: 'ECONNREFUSED' }));
    try {
      const statuses = await flood(30);
      expect(statuses).toEqual(Array(30).fill(503));
      expect(databasePings).toHaveBeenCalledTimes(3);
    } finally {
      failing.mockRestore();
    }
    // Within the second the answer is still the failed one; after it, the database is asked again.
    expect((await probe()).status).toBe(503);
    now += 1000;
    expect((await probe()).status).toBe(200);
    expect(databasePings).toHaveBeenCalledTimes(4);
  });
});
