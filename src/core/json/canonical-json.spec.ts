import { canonicalJson, sha256Hex } from './canonical-json.js';

describe('canonicalJson', () => {
  it('gives the same text whatever the key order', () => {
    const a = canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } });
    const b = canonicalJson({ a: { c: null, d: [2, { e: 0, f: 1 }] }, b: 1 });
    expect(a).toBe(b);
    expect(a).toBe('{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}');
  });

  it('keeps array order and leaves out undefined members', () => {
    expect(canonicalJson({ x: [3, 1, 2], y: undefined })).toBe('{"x":[3,1,2]}');
  });

  it('hashes UTF-8 text with SHA-256', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('户')).toHaveLength(64);
  });
});
