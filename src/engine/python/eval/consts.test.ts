import { describe, expect, it } from 'vitest';
import { callsOf, runAll, valueOf } from '../testing';

/** Python/ast_opt.c folding and compile.c's constant displays, with the limits of 3.11. */
describe('constants made when the module is compiled', () => {
  it("folds b'x' * 40 in a loop into one constant: the loop allocates nothing for it", () => {
    expect(callsOf('', "for i in range(5):\n    x = b'x' * 40")).toEqual(['m 48', 'm 48', 'f 48', 'f 48']);
  });

  it("folds 'a' * 4096 but not 'a' * 4097 (MAX_STR_SIZE)", () => {
    expect(callsOf('', "x = 'a' * 4096")).toEqual([]);
    expect(callsOf('', "x = 'a' * 4097")).toEqual(['m 4146']);
  });

  it('folds (1,) * 256 but not (1,) * 257 (MAX_COLLECTION_SIZE)', () => {
    expect(callsOf('', 'x = (1,) * 256')).toEqual([]);
    expect(callsOf('', 'x = (1,) * 257')).toEqual(['m 2096']);
  });

  it('folds 2 ** 64 but not 2 ** 65 (safe_power: bits(base) <= MAX_INT_SIZE / exponent)', () => {
    expect(callsOf('', 'x = 2 ** 64')).toEqual([]);
    expect(callsOf('', 'x = 2 ** 65')).toEqual(['m 32', 'm 32', 'f 32', 'm 40', 'f 32', 'm 40', 'f 40']);
  });

  it('does not fold a list display, but makes [1, 2, 3] from one constant tuple', () => {
    expect(callsOf('', 'x = [1, 2, 3]')).toEqual(['m 56', 'm 32']);
  });

  it('turns a list iterated by for into a tuple, and a constant set into a frozenset', () => {
    expect(callsOf('', 'for i in [1, 2, 3]:\n    pass')).toEqual(['m 48', 'f 48']);
    expect(callsOf('', 'x = 2 in {1, 2, 3}')).toEqual([]);
  });

  it('keeps values right after folding', () => {
    const p = runAll(
      "a = 'ab' * 3\nb = -(2 ** 10)\nc = (1, 2) + (3,)\nd = 7 // 2 + 10 % 3\ne = not 0\nf = 'abc'[1]",
    );
    expect([
      valueOf(p, 'a'),
      valueOf(p, 'b'),
      valueOf(p, 'c'),
      valueOf(p, 'd'),
      valueOf(p, 'e'),
      valueOf(p, 'f'),
    ]).toEqual(["'ababab'", '-1024', '(1, 2, 3)', '4', 'True', "'b'"]);
  });

  it('leaves a division by zero to run time (and to fail there)', () => {
    const p = runAll('x = 1');
    expect(valueOf(p, 'x')).toBe('1');
    expect(() => runAll('y = 1 / 0')).toThrowError(/division by zero/);
  });
});
