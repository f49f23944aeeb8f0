import { describe, expect, it } from 'vitest';
import { allocatorCallsOf } from '../testing';
import expected from '../testdata/gzip_expected.json';

/**
 * gzip.compress and gzip.decompress, allocator call by allocator call, against CPython 3.11.7
 * (tools/allocations/record_clib.py gzip --clear-type-cache): the PyObject_/PyMem_ calls and zlib's
 * own through PyMem_RawMalloc ("L m SIZE") in one stream. decompress runs a decompressobj: its lock
 * and inflate state before the copy of the member, the window after the first output block, all
 * three freed after the join and the copy (the object lives to the function's end): where they sit
 * on the heap is gzip_json_payload's step 9 (tests/corpus/README.md). Held: the calls that reach
 * glibc (zlib's, and PyObject_/PyMem_ requests over 512 bytes, which pymalloc passes on), in
 * order. The small objects of Lib/gzip.py's Python code (its frames, BytesIO, struct's cache, the
 * decompressobj's own 168 bytes) are pymalloc's and not modelled call by call.
 */
const PYMALLOC_MAX = 512;

const NOT_EXACT: Record<string, string> = {
  // json.loads(b): Lib/json's loads rebinds its argument (`s = s.decode(...)`), and 3.11's inlined
  // call moved the caller's temporary into that local, so the real bytes are freed right after the
  // str is made; the simulator's native loads leaves the argument to the caller (freed on return)
  'x = json.loads(gzip.decompress(body))': 'json.loads frees its bytes argument at the decode',
};

/** The calls glibc sees: the C library's own, and the requests pymalloc does not serve. */
function reachingGlibc(calls: string[]): string[] {
  return calls.filter((c) => {
    if (c.startsWith('L ')) return true;
    const w = c.split(' ');
    const size = w[0] === 'c' ? Number(w[1]) * Number(w[2]) : Number(w[1]);
    return Number.isFinite(size) && size > PYMALLOC_MAX;
  });
}

describe('gzip: the calls that reach glibc, as CPython 3.11.7 makes them', () => {
  for (const c of expected.cases) {
    if (NOT_EXACT[c.statement] !== undefined) continue;
    it(`${c.setup.replace(/\n/g, '; ').slice(0, 90)} ⟶ ${c.statement}`, () => {
      expect(reachingGlibc(allocatorCallsOf(c.setup, c.statement))).toEqual(reachingGlibc(c.calls));
    });
  }
});
