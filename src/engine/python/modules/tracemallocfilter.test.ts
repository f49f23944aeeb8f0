import { describe, expect, it } from 'vitest';
import { runScript } from '../runscript';

/**
 * Snapshot.filter_traces with tracemalloc.Filter (Lib/tracemalloc.py, 3.11): an inclusive filter on
 * a line keeps only that line's traces, exclusive filters drop theirs, a pattern nothing matches
 * keeps nothing, no filters keep everything. python3.11 printed the same lines and attributes
 * ([(3, …)], [(4, …)], [] True, False x.py False); the counts are each line's own, unfiltered.
 */
const SCRIPT = [
  'import tracemalloc',
  'tracemalloc.start()',
  'data = [str(i) * 10 for i in range(2000)]',
  'more = {i: bytes(50) for i in range(300)}',
  'snap = tracemalloc.take_snapshot()',
  'whole = {s.traceback[0].lineno: s.count for s in snap.statistics("lineno")}',
  'only3 = snap.filter_traces([tracemalloc.Filter(True, "*", lineno=3)])',
  'print([(s.traceback[0].lineno, s.count == whole[3]) for s in only3.statistics("lineno")])',
  'not3 = snap.filter_traces((tracemalloc.Filter(False, "*", lineno=3), tracemalloc.Filter(False, "<unknown>")))',
  'print(sorted((s.traceback[0].lineno, s.count == whole[4]) for s in not3.statistics("lineno")))',
  'none = snap.filter_traces([tracemalloc.Filter(True, "nothing*.py")])',
  'print(none.statistics("lineno"), len(snap.filter_traces([]).statistics("lineno")) == len(whole))',
  'f = tracemalloc.Filter(False, "x.pyc")',
  'print(f.inclusive, f.filename_pattern, f.all_frames)',
].join('\n');

describe('tracemalloc.Filter and Snapshot.filter_traces', () => {
  it('keeps and drops traces as python3.11 does', () => {
    const r = runScript(SCRIPT);
    expect(r.error ?? null).toBeNull();
    expect(r.output).toBe('[(3, True)]\n[(4, True)]\n[] True\nFalse x.py False\n');
  });
});
