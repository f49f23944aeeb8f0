import { describe, expect, it } from 'vitest';
import { runAll, valueOf } from '../testing';

/** range iterators: the C-long kind keeps its state in columns, the PyObject kind in `side` (rangeobject.ts). */
describe('range iteration', () => {
  it('yields what CPython 3.11 yields on both sides of 2**53 and of a C long', () => {
    const p = runAll(
      [
        'a = list(range(10, 0, -3)), list(reversed(range(10, 0, -3))), list(range(-5, 5, 2))',
        // values past 2**53: no longer exact as doubles
        'b = list(range(2**53 - 3, 2**53 + 3)), list(reversed(range(2**53 - 3, 2**53 + 3)))',
        // a C-long iterator whose values pass 2**53 inside i·step
        'c = list(range(-2**53 + 1, 2**53 - 1, 2**52 + 1))',
        'd = list(range(2**63 - 3, 2**63 + 1)), list(reversed(range(2**62, 2**62 + 3)))',
        'it = iter(range(7)); next(it); e = it.__length_hint__(), list(it)',
        'r = reversed(range(-5, 5, 2)); f = r.__length_hint__(), list(r)',
      ].join('\n'),
    );
    // expected values: CPython 3.11.7's output for the same lines
    expect(valueOf(p, 'a')).toBe('([10, 7, 4, 1], [1, 4, 7, 10], [-5, -3, -1, 1, 3])');
    expect(valueOf(p, 'b')).toBe(
      '([9007199254740989, 9007199254740990, 9007199254740991, 9007199254740992, 9007199254740993, 9007199254740994], ' +
        '[9007199254740994, 9007199254740993, 9007199254740992, 9007199254740991, 9007199254740990, 9007199254740989])',
    );
    expect(valueOf(p, 'c')).toBe('[-9007199254740991, -4503599627370494, 3, 4503599627370500]');
    expect(valueOf(p, 'd')).toBe(
      '([9223372036854775805, 9223372036854775806, 9223372036854775807, 9223372036854775808], ' +
        '[4611686018427387906, 4611686018427387905, 4611686018427387904])',
    );
    expect(valueOf(p, 'e')).toBe('(6, [1, 2, 3, 4, 5, 6])');
    expect(valueOf(p, 'f')).toBe('(5, [3, 1, -1, -3, -5])');
  });
});
