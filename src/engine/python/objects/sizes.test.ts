import { describe, expect, it } from 'vitest';
import { callsOf, runAll, valueOf } from '../testing';

/**
 * Request sizes per type, as tracemalloc and the hooked allocators show them on 3.11.7
 * (shared/docs/cpython-allocation.md §3.2, §3.6 and §8).
 */
describe('object sizes (what PyObject_Malloc is asked for)', () => {
  const cases: [string, string, string[]][] = [
    ['an empty list: 16 GC + 40', 'x = []', ['m 56']],
    ['a float: 24', 'i = 300\nx = i / 7', ['m 24']],
    ['i + 1000: _PyLong_FromMedium, 32', 'i = 5\nx = i + 1000', ['m 32']],
    ['len(): PyLong_FromSsize_t, exactly 28', 'a = [0] * 300\nx = len(a)', ['m 28']],
    ['{}: the dict object only (Py_EMPTY_KEYS)', 'x = {}', ['m 64']],
    ["{'a': 1}: dict + 8-slot unicode keys (32 + 8 + 5 × 16)", "x = {'a': 1}", ['m 64', 'm 120']],
    ['{1: 2}: general keys (32 + 8 + 5 × 24)', 'k = 1\nx = {k: 2}', ['m 64', 'm 160']],
    ['set(): 16 + 200 with the smalltable', 'x = set()', ['m 216']],
    ['object(): 16', 'x = object()', ['m 16']],
    [
      'bytearray(10**6): 56 + a 1,000,001-byte buffer',
      'n = 10 ** 6\nx = bytearray(n)',
      ['m 48', 'm 56', 'r 1000001 new'],
    ],
    ["b'x' * n: 33 + n", "n = 1000\nx = b'x' * n", ['m 1033']],
    ["'a' * n: 48 + n + 1 (compact ASCII)", "n = 100\nx = 'a' * n", ['m 149']],
    ["'é' * n: 72 + n + 1 (latin-1)", "n = 10\nx = 'é' * n", ['m 83']],
    ['a 3-tuple: 16 + 24 + 3 × 8', 'i = 300\nx = (i, i, i)', ['m 64']],
  ];
  for (const [what, source, calls] of cases) {
    it(what, () => {
      const lines = source.split('\n');
      expect(callsOf(lines.slice(0, -1).join('\n'), lines.at(-1)!)).toEqual(calls);
    });
  }

  it('10**20 is a compile-time constant of 40 bytes (4 digits from long_pow, not shrunk)', () => {
    const p = runAll('x = 10 ** 20');
    const h = p.interpreter!.loadGlobal('x');
    expect(p.pymalloc.blockSize(p.vm.table.addr[h])).toBe(48);
    expect(valueOf(p, 'x')).toBe('100000000000000000000');
  });

  it('sys.getsizeof agrees with CPython 3.11', () => {
    const p = runAll(
      [
        'import sys',
        'a = sys.getsizeof([])',
        'b = sys.getsizeof([0] * 100)',
        'c = sys.getsizeof(())',
        'd = sys.getsizeof((1, 2, 3))',
        'e = sys.getsizeof({})',
        "f = sys.getsizeof({'a': 1})",
        "g = sys.getsizeof('')",
        "h = sys.getsizeof('a' * 100)",
        "i = sys.getsizeof(b'')",
        'j = sys.getsizeof(bytearray(10**6))',
        'k = sys.getsizeof(1.5)',
        'l = sys.getsizeof(0)',
        'm = sys.getsizeof(2**30)',
        'n = sys.getsizeof(set())',
        'o = sys.getsizeof(object())',
        'q = sys.getsizeof(10**20)',
      ].join('\n'),
    );
    const want: Record<string, string> = {
      a: '56',
      b: '856',
      c: '40',
      d: '64',
      e: '64',
      f: '184',
      g: '49',
      h: '149',
      i: '33',
      j: '1000057',
      k: '24',
      l: '28',
      m: '32',
      n: '216',
      o: '16',
      q: '36',
    };
    for (const [name, size] of Object.entries(want)) expect([name, valueOf(p, name)]).toEqual([name, size]);
  });

  it("sys.getsizeof(vars(x)) reads the class's shared keys as they are now (3.11.7, 3.12.1, 3.13.0)", () => {
    // init_inline_values takes one slot of room from the keys per new instance (down to 1), and
    // _PyDict_SizeOf counts dk_nentries + dk_usable of those keys: every instance's __dict__ is
    // the same size, whichever instance was made first (printed by the real interpreters)
    const p = runAll(
      [
        'import sys',
        'def mk():',
        '    class R:',
        '        def __init__(self, i):',
        '            self.a = i',
        '            self.b = i',
        '            self.c = i',
        '            self.d = i',
        '    return R',
        'sizes = []',
        'for n in [1, 2, 8, 20, 100]:',
        '    R = mk()',
        '    xs = [R(i) for i in range(n)]',
        '    sizes.append((sys.getsizeof(xs[0].__dict__), sys.getsizeof(xs[-1].__dict__)))',
      ].join('\n'),
    );
    expect(valueOf(p, 'sizes')).toBe('[(296, 296), (288, 288), (240, 240), (144, 144), (104, 104)]');
  });
});
