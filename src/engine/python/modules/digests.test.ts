import { createHash } from 'node:crypto';
import { crc32 as zlibCrc32 } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Blake2 } from './blake2digest';
import { adler32, crc32, hex, newDigest } from './digests';

/** The hand-written digests against Node's OpenSSL (the test runs in Node; the engine cannot). */
describe('digests: the same bytes as OpenSSL', () => {
  for (const name of ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512']) {
    it(`${name} of any bytes, fed in any chunks`, () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 700 }), fc.integer({ min: 1, max: 300 }), (data, step) => {
          const d = newDigest(name)!;
          for (let i = 0; i < data.length; i += step) d.update(data.subarray(i, i + step));
          const before = hex(d.digest());
          expect(before).toBe(createHash(name).update(data).digest('hex'));
          expect(hex(d.digest())).toBe(before); // digest() leaves the state as it was
        }),
        { numRuns: 60 },
      );
    });
  }
  it('crc32 and adler32 as zlib computes them', () => {
    const data = new TextEncoder().encode('hello world'.repeat(1000));
    if (typeof zlibCrc32 === 'function') expect(crc32(data, 0)).toBe(zlibCrc32(data));
    expect(crc32(new TextEncoder().encode('hello'), 0)).toBe(907060870);
    expect(adler32(new TextEncoder().encode('hello'), 1)).toBe(103547413);
  });
  const enc = (t: string): Uint8Array => new TextEncoder().encode(t);
  const none = new Uint8Array(0);
  for (const [name, node] of [
    ['blake2b', 'blake2b512'],
    ['blake2s', 'blake2s256'],
  ] as const) {
    it(`${name} of any bytes, fed in any chunks`, () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 700 }), fc.integer({ min: 1, max: 300 }), (data, step) => {
          const d = new Blake2(name, {
            digestSize: name === 'blake2b' ? 64 : 32,
            key: none,
            salt: none,
            person: none,
          });
          for (let i = 0; i < data.length; i += step) d.update(data.subarray(i, i + step));
          expect(hex(d.digest())).toBe(createHash(node).update(data).digest('hex'));
        }),
        { numRuns: 60 },
      );
    });
  }
  it('blake2 with digest_size, key, salt and person as CPython 3.11.7 printed them', () => {
    const p = { key: enc('secret'), salt: enc('NaCl'), person: enc('me') };
    const b = new Blake2('blake2b', { digestSize: 16, ...p });
    b.update(enc('hello world'.repeat(30)));
    expect(hex(b.digest())).toBe('2adb5d5a783fa30e6fddb846c2117f50');
    const s = new Blake2('blake2s', { digestSize: 20, ...p });
    s.update(enc('hello world'.repeat(30)));
    expect(hex(s.digest())).toBe('9f555c6434154e6a175d267da6c9706d804d45ed');
  });
});
