import { describe, expect, it } from 'vitest';
import { runAll, valueOf } from '../testing';

/**
 * copy.deepcopy / copy.copy of date, datetime and timedelta (copydatetime.ts): their reduction is
 * (type, args), and _reconstruct's call tuple ends on the tuple free list (copyreconstruct.ts).
 * Measured on 3.11.7 (sys._debugmallocstats' free n-sized PyTupleObjects, 50 deep copies after
 * one): date and datetime +50 1-tuples (the state bytes), timedelta +50 3-tuples.
 */
const SETUP = `
import copy
from datetime import date, datetime, timedelta
`;

const REAL: [string, number, number][] = [
  ['date(2024, 3, 5)', 1, 50],
  ['datetime(2024, 3, 5, 1, 2)', 1, 50],
  ['timedelta(3, 4)', 3, 50],
];

describe('deepcopy of datetime values reconstructs them as 3.11.7 does', () => {
  for (const [expr, arity, want] of REAL)
    it(`copy.deepcopy(${expr}) × 50: ${want} more ${arity}-tuples on the free list`, () => {
      const p = runAll(`${SETUP}\no = ${expr}\ncopy.deepcopy(o)\n`);
      const run = p.prepare(`for _ in range(50):\n    copy.deepcopy(o)\n`);
      const before = p.vm.free.tuples[arity - 1].length;
      run();
      expect(p.vm.free.tuples[arity - 1].length - before).toBe(want);
    });

  it('copies are equal, new objects, and shared within one deepcopy (values 3.11.7 printed)', () => {
    const p = runAll(`${SETUP}
class P:
    def __init__(self, v):
        self.v = v
    def __reduce__(self):
        return (P, (self.v,))
class G:
    def __reduce__(self):
        return "G"
d = date(2024, 3, 5)
c = copy.copy(d)
dc = copy.deepcopy({"a": d, "b": [d, timedelta(3)], "c": datetime(2020, 1, 2, 3, 4, 5, 123456)})
ps = copy.deepcopy([P([1, 2]), P("x")])
out = [str(c), c == d, c is d, dc["a"] is dc["b"][0], dc["a"] is d, repr(dc["c"]), repr(dc["b"][1]),
       ps[0].v, ps[0].v is not None, type(copy.copy(G())).__name__]
`);
    expect(valueOf(p, 'out')).toBe(
      "['2024-03-05', True, False, True, False, 'datetime.datetime(2020, 1, 2, 3, 4, 5, 123456)', " +
        "'datetime.timedelta(days=3)', [1, 2], True, 'G']",
    );
  });
});
