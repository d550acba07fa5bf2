import { QueryFailedError } from 'typeorm';
import { databaseUnavailable } from './database-unavailable.js';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('databaseUnavailable', () => {
  it.each([
    ['a refused connection', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ["pg's connect timeout", new Error('Connection terminated due to connection timeout')],
    ['a connection dropped mid-query', new Error('Connection terminated unexpectedly')],
    ["pg-pool's wait for a free connection", new Error('timeout exceeded when trying to connect')],
    ["the client's query timeout", new Error('Query read timeout')],
    [
      'a server shutting down',
      new QueryFailedError('SELECT 1', [], withCode('terminating connection due to administrator command', '57P01')),
    ],
    ['a statement timeout', new QueryFailedError('SELECT 1', [], withCode('canceling statement due to statement timeout', '57014'))],
    ['a connection exception (class 08)', withCode('connection failure', '08006')],
    ['every address refused', Object.assign(new AggregateError([withCode('refused', 'ECONNREFUSED')]), { code: undefined })],
    ['a SQLite file locked past busy_timeout', withCode('database is locked', 'SQLITE_BUSY')],
  ])('is true for %s', (_label, error) => {
    expect(databaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique-key violation', new QueryFailedError('INSERT …', [], withCode('duplicate key value', '23505'))],
    ['a syntax error', new QueryFailedError('SELEC 1', [], withCode('syntax error', '42601'))],
    ['a plain error', new Error('something else')],
    ['a non-error', 'ECONNREFUSED'],
    ['nothing', undefined],
  ])('is false for %s', (_label, error) => {
    expect(databaseUnavailable(error)).toBe(false);
  });
});
