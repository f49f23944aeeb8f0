import { describe, expect, it } from 'vitest';
import { runScript } from '../runscript';
import { callsOf } from '../testing';
import expected from '../testdata/memoryview_expected.json';

/**
 * memoryview shapes call by call as CPython 3.11.7 allocates (record_allocations.py memoryview
 * --clear-type-cache): a slice is one view (184 bytes for 1-D), a cast to n dimensions one view of
 * 144 + 24·n bytes (a '@i' format also makes its 2-character bytes for the while), tolist a list per
 * row, and tobytes/hex/bytes() of a view that is not C-contiguous PyBuffer_ToContiguous's
 * Py_buffer_full, strides and row buffer around the copy.
 */
describe('memoryview, call by call as CPython 3.11.7 allocates', () => {
  for (const c of expected.cases) {
    it(`${c.setup.split('\n').slice(-1)[0]} ⟶ ${c.statement}`, () => {
      expect(callsOf(c.setup, c.statement)).toEqual(c.calls);
    });
  }
});

/** What python3.11.7 printed for a script that reads a byte matrix through views. */
const SCRIPT = `b = bytearray(range(24))
m = memoryview(b)
grid = m.cast("B", (4, 6))
print(grid.tolist()[2], grid[3, 1], grid.strides)
col = m[1::6]
print(col.tolist(), col.tobytes().hex(), col.c_contiguous, bytes(col))
evens = m.cast("H")[::2]
print(evens.tolist()[:3], evens.nbytes, evens.strides)
try:
    evens.cast("B")
except TypeError as e:
    print(e)
`;
const PRINTED = `[12, 13, 14, 15, 16, 17] 19 (6, 1)
[1, 7, 13, 19] 01070d13 False b'\\x01\\x07\\r\\x13'
[256, 1284, 2312] 12 (4,)
memoryview: casts are restricted to C-contiguous views
`;

describe('memoryview shapes as a script sees them', () => {
  it('prints what python3.11 printed', () => {
    const r = runScript(SCRIPT);
    expect(r.error ?? null).toBeNull();
    expect(r.output).toBe(PRINTED);
  });
});
