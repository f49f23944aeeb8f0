import { describe, expect, it } from 'vitest';
import { runScript } from '../runscript';

/**
 * Searching big bytes kept as a fill (bytes(n), bytearray(n) past 1 MiB) and big stores written in
 * places: count/find/rfind/index/rindex give what 3.11.7 printed for the same lines (it printed the
 * same on 3.12.1), where the simulator used to stop at "not supported".
 */
const script = `big = bytes(3_000_000)
print(big.count(0), big.count(b"\\0\\0"), big.count(b"\\0\\0\\0", 10, 100), big.count(1), big.count(b""), big.count(b"", 5, 9))
print(big.find(b"\\0", 5), big.rfind(b"\\0"), big.rfind(b"\\0\\0", 0, 10), big.find(b"\\x01"), big.find(b"", 7), big.rfind(b""))
print(big.index(0, -5), big.rindex(b"\\0\\0\\0"), big.find(0, 2_999_999), big.find(b"\\0\\0", 2_999_999))
ba = bytearray(2_000_000)
print(ba.count(0), ba.find(b"\\0" * 10, 100), ba.count(b"\\0" * 7))
ba[5] = 1
print(ba.count(0), ba.find(1))
`;

const real = [
  '3000000 1500000 30 0 3000001 5',
  '5 2999999 8 -1 7 3000000',
  '2999995 2999997 2999999 -1',
  '2000000 100 285714',
  '1999999 5',
  '',
];

describe('searching big bytes', () => {
  it('counts and finds over a fill and over a store written in places as python3.11 does', () => {
    const r = runScript(script);
    expect(r.error ?? null).toBeNull();
    expect((r.output ?? '').split('\n')).toEqual(real);
  });
});
