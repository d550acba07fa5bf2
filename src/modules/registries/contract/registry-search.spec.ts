import { PERSONS_SEARCH } from '../household/household-registry.mapper.js';
import { RegistryError } from '../registry.error.js';
import { wirePerson } from './registry-wire.fixtures.js';
import { accountingProblem, chunkIdentifiers, searchInChunks, type RegistryTransport } from './registry-search.js';

const ids = (count: number, from = 0) => Array.from({ length: count }, (_, i) => `5425211980010${String(from + i).padStart(5, '0')}`);

/** A registry that knows the even-numbered persons, answers in reverse order, and can be told to misbehave. */
function fakeTransport(misbehave: (asked: string[], call: number) => unknown = () => undefined): RegistryTransport & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    calls,
    post: async (_endpoint, body) => {
      const asked = (body as { idNumbers: string[] }).idNumbers;
      calls.push(asked);
      const call = calls.length;
      const failure = misbehave(asked, call);
      if (failure instanceof RegistryError) throw failure;
      const known = asked.filter((id) => Number(id.slice(-1)) % 2 === 0);
      const answer = failure ?? {
        persons: known.map((id) => wirePerson(id)).reverse(),
        notFound: asked.filter((id) => !known.includes(id)),
      };
      return { body: answer, requestIds: [`request-${call}`], attempts: call === 1 ? 2 : 1 };
    },
  };
}

describe('chunkIdentifiers', () => {
  it('asks each identifier once, in order, 50 at most per call', () => {
    const chunks = chunkIdentifiers([...ids(120)].reverse().concat(ids(10)));
    expect(chunks.map((chunk) => chunk.length)).toEqual([50, 50, 20]);
    expect(chunks.flat()).toEqual(ids(120));
  });

  it('makes no call for no identifiers', () => {
    expect(chunkIdentifiers([])).toEqual([]);
  });
});

describe('accountingProblem', () => {
  it('accepts an answer that accounts for every identifier asked', () => {
    expect(accountingProblem(['a', 'b', 'c'], ['a', 'a', 'b'], ['c'])).toBeUndefined();
  });

  it.each([
    ['one left out', ['a'], ['c'], 'does not account for 1 of the 3 identifiers asked'],
    ['one not asked', ['a', 'b', 'x'], ['c'], 'mentions identifiers that were not asked'],
    ['one not asked in notFound', ['a', 'b'], ['c', 'x'], 'mentions identifiers that were not asked'],
    ['one both found and not found', ['a', 'b'], ['b', 'c'], 'lists identifiers both as found and as not found'],
  ])('refuses %s', (_case, found, notFound, problem) => {
    expect(accountingProblem(['a', 'b', 'c'], found, notFound)).toBe(problem);
  });
});

describe('searchInChunks', () => {
  it('merges the calls into one ordered answer, with the attempts and request ids of all', async () => {
    const transport = fakeTransport();
    const lookup = await searchInChunks(PERSONS_SEARCH, [...ids(120)].reverse(), transport);
    expect(transport.calls.map((asked) => asked.length)).toEqual([50, 50, 20]);
    expect(lookup.answer.persons.map((person) => person.idNumber)).toEqual(ids(120).filter((id) => Number(id.slice(-1)) % 2 === 0));
    expect(lookup.answer.notFound).toEqual(ids(120).filter((id) => Number(id.slice(-1)) % 2 === 1));
    expect(lookup).toMatchObject({ attempts: 4, requestIds: ['request-1', 'request-2', 'request-3'] });
  });

  it('answers no identifiers with an empty answer and no call', async () => {
    const transport = fakeTransport();
    await expect(searchInChunks(PERSONS_SEARCH, [], transport)).resolves.toEqual({
      answer: { persons: [], notFound: [] },
      requestIds: [],
      attempts: 0,
    });
    expect(transport.calls).toEqual([]);
  });

  it('refuses a call answered for fewer identifiers than asked, as INVALID_RESPONSE of the whole lookup', async () => {
    const transport = fakeTransport((asked, call) => (call === 2 ? { persons: [], notFound: asked.slice(1) } : undefined));
    const error = await searchInChunks(PERSONS_SEARCH, ids(120), transport).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RegistryError);
    expect(error).toMatchObject({
      code: 'INVALID_RESPONSE',
      message: 'HOUSEHOLD_REGISTRATION searchPersons: the answer does not account for 1 of the 50 identifiers asked',
      options: { attempts: 3, requestIds: ['request-1', 'request-2'] },
    });
    expect(transport.calls).toHaveLength(2);
  });

  it('refuses an answer that breaks the schema, without quoting it', async () => {
    const transport = fakeTransport((asked) => ({ persons: asked.map((id) => ({ ...wirePerson(id), gender: 'X' })), notFound: [] }));
    const error = (await searchInChunks(PERSONS_SEARCH, ids(2), transport).catch((caught: unknown) => caught)) as RegistryError;
    expect(error.code).toBe('INVALID_RESPONSE');
    expect(error.message).toBe(
      'HOUSEHOLD_REGISTRATION searchPersons: the answer does not match the contract: /persons/0/gender must be equal to one of the allowed values',
    );
  });

  it('passes a transport failure on with the attempts and request ids of the calls before it', async () => {
    const transport = fakeTransport((_asked, call) =>
      call === 3 ? new RegistryError('UNAVAILABLE', 'down', { attempts: 4, requestIds: ['a', 'b', 'c', 'd'], retryAfterMs: 5 }) : undefined,
    );
    const error = await searchInChunks(PERSONS_SEARCH, ids(101), transport).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      code: 'UNAVAILABLE',
      message: 'down',
      options: { attempts: 7, retryAfterMs: 5, requestIds: ['request-1', 'request-2', 'a', 'b', 'c', 'd'] },
    });
  });
});
