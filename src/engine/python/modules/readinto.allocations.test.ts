import { describe, expect, it } from 'vitest';
import { runScript } from '../runscript';
import { callsOf } from '../testing';
import expected from '../testdata/readinto_expected.json';

/**
 * BufferedReader.readinto call by call as CPython 3.11.7 allocates (record_allocations.py readinto
 * --clear-type-cache): a small read fills the 8192-byte buffer by one raw call (its 128/184-byte
 * transients and the count's int), the next small one is served from the read-ahead with nothing
 * allocated; a read over the buffer size goes straight into the caller's memory, then a raw read
 * of 0 at the end of the file.
 */
describe('file readinto, call by call as CPython 3.11.7 allocates', () => {
  for (const c of expected.cases) {
    it(`${c.setup.split('\n').slice(-1)[0]} ⟶ ${c.statement.split('\n').slice(-1)[0]}`, () => {
      expect(callsOf(c.setup, c.statement)).toEqual(c.calls);
    });
  }
});

/** What python3.11.7 printed for this script (readinto into bytearrays and views of a file's bytes). */
const SCRIPT = `p = "/tmp/hw_readinto_case.bin"
with open(p, "wb") as g:
    g.write(bytes(range(256)) * 100)
with open(p, "rb") as f:
    b = bytearray(1000)
    print(f.readinto(b), b[:3], b[-2:], f.tell())
    print(f.readinto(memoryview(b)[10:20]), b[10:13])
    big = bytearray(30000)
    print(f.readinto(big), big[:2], big[24586:24590])
    print(f.readinto(b))
with open(p, "rb", buffering=0) as r:
    print(type(r).__name__, r.readinto(b), b[:2])
try:
    open(p, "rb").readinto(b"abc")
except TypeError as e:
    print(e)
with open(p, "r") as t:
    print(hasattr(t, "readinto"))
`;
const PRINTED =
  "1000 bytearray(b'\\x00\\x01\\x02') bytearray(b'\\xe6\\xe7') 1000\n10 bytearray(b'\\xe8\\xe9\\xea')\n24590 bytearray(b'\\xf2\\xf3') bytearray(b'\\xfc\\xfd\\xfe\\xff')\n0\nFileIO 1000 bytearray(b'\\x00\\x01')\nreadinto() argument must be read-write bytes-like object, not bytes\nFalse\n";

describe('readinto as a script sees it', () => {
  it('prints what python3.11 printed', () => {
    const r = runScript(SCRIPT);
    expect(r.error ?? null).toBeNull();
    expect(r.output).toBe(PRINTED);
  });
});
