import { retryableStatus } from './webhook.client.js';

describe('retryableStatus', () => {
  it.each([408, 429, 500, 502, 503, 504])('retries %i', (status) => expect(retryableStatus(status)).toBe(true));
  it.each([301, 302, 400, 401, 403, 404, 410, 413, 422])('gives up on %i', (status) => expect(retryableStatus(status)).toBe(false));
});
