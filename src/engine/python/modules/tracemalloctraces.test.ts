import { describe, expect, it } from 'vitest';
import { runScript } from '../runscript';

/**
 * Snapshot.traces (Lib/tracemalloc.py, 3.11): one _Traces per snapshot (the same object each time),
 * a new Trace per index, slices as tuples, str/repr/eq/hash/`in` as the Python classes define them.
 * python3.11.7 printed the same lines (sys.getsizeof 56 and 40 included).
 */
const SCRIPT = [
  'import tracemalloc, sys',
  'tracemalloc.start()',
  'x = [bytes(100) for _ in range(3)]',
  's = tracemalloc.take_snapshot()',
  'tr = s.traces',
  'print(sys.getsizeof(tr), tr is s.traces, repr(tr).startswith("<Traces len="), len(tr) == len(tr._traces))',
  't = [t for t in tr if t.size == 133][0]',
  'print(sys.getsizeof(t), type(t).__name__, t.domain, t.size, str(t).endswith("3: 133 B"), repr(t)[:28])',
  'print(t.traceback[0].lineno, t == tr[tr._traces.index(t._trace)], t in tr, hash(t) == hash(t._trace), t != t)',
  'print(type(tr[0:2]).__name__, len(tr[0:2]), tr[-1] == tr[len(tr) - 1], sum(u.size == 133 for u in tr))',
  'try:',
  '    tr[len(tr)]',
  'except IndexError as e:',
  '    print(e)',
].join('\n');

describe('tracemalloc Snapshot.traces', () => {
  it('is the _Traces sequence of Trace objects python3.11 gives', () => {
    const r = runScript(SCRIPT);
    expect(r.error ?? null).toBeNull();
    expect(r.output).toBe(
      '56 True True True\n40 Trace 0 133 True <Trace domain=0 size=133 B, \n3 True True True False\n' +
        'tuple 2 True 3\nlist index out of range\n',
    );
  });
});
