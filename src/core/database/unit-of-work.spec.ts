import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { UnitOfWork } from './unit-of-work.js';

describe('UnitOfWork.afterCommit', () => {
  let dataSource: DataSource;
  let unitOfWork: UnitOfWork;
  const rows = async () => Number((await dataSource.query('SELECT COUNT(*) AS n FROM t'))[0].n);

  beforeAll(async () => {
    dataSource = await new DataSource({ type: 'better-sqlite3', database: ':memory:' }).initialize();
    await dataSource.query('CREATE TABLE t (x INTEGER)');
    unitOfWork = new UnitOfWork(dataSource);
  });
  afterAll(() => dataSource.destroy());

  it('runs the callbacks once the transaction has committed, in order, after its writes are in', async () => {
    const seen: string[] = [];
    await unitOfWork.run(async (manager) => {
      await manager.query('INSERT INTO t (x) VALUES (1)');
      unitOfWork.afterCommit(manager, () => seen.push('first'));
      unitOfWork.afterCommit(manager, () => seen.push('second'));
      expect(seen).toEqual([]);
    });
    expect(seen).toEqual(['first', 'second']);
    expect(await rows()).toBe(1);
  });

  it('never runs them when the transaction rolls back', async () => {
    const seen: string[] = [];
    await expect(
      unitOfWork.run(async (manager) => {
        await manager.query('INSERT INTO t (x) VALUES (2)');
        unitOfWork.afterCommit(manager, () => seen.push('rolled back'));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(seen).toEqual([]);
    expect(await rows()).toBe(1);
    // The next transaction (SQLite hands it the same manager) does not inherit them.
    await unitOfWork.run(async (manager) => unitOfWork.afterCommit(manager, () => seen.push('next')));
    expect(seen).toEqual(['next']);
  });

  it('runs a callback at once for a manager outside run, whose writes are already in', () => {
    const seen: string[] = [];
    unitOfWork.afterCommit(dataSource.manager, () => seen.push('now'));
    expect(seen).toEqual(['now']);
  });
});
