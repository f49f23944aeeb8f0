import { describe, expect, it } from 'vitest';
import { PySyntaxError } from '../errors';
import { runAll, valueOf } from '../testing';
import { parseModule } from './parser';

describe('parsing the subset (lezer/python, precedence redone as in Grammar/python.gram)', () => {
  it('splits top-level statements as the recorder does, whole lines for compound ones', () => {
    const s = parseModule('a = 1\nfor i in range(3):\n    a += i\n\nb = [\n  1,\n  2]\n');
    expect(s.map((x) => [x.code, x.line, x.endLine])).toEqual([
      ['a = 1', 1, 1],
      ['for i in range(3):\n    a += i', 2, 3],
      ['b = [\n  1,\n  2]', 5, 7],
    ]);
  });

  it('gets operator precedence right where lezer does not (not, and, or, comparisons, **)', () => {
    const p = runAll(
      'a = True and not False or False\nb = not 1 == 2\nc = -2 ** 2\nd = 2 ** -1\ne = 1 < 2 < 3\nf = 1 < 3 < 2\ng = 2 + 3 * 4 - 6 // 4\nh = 1 | 2 ^ 3 & 4 << 1',
    );
    expect(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((n) => valueOf(p, n))).toEqual(['True', 'True', '-4', '0.5', 'True', 'False', '13', '3']);
  });

  it('reports syntax errors with a line and a column', () => {
    let err: unknown;
    try {
      parseModule('x = 1\ny = )\n');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PySyntaxError);
    expect((err as PySyntaxError).line).toBe(2);
    expect((err as PySyntaxError).column).toBeGreaterThanOrEqual(5);
  });

  it('rejects assignments to literals like CPython', () => {
    expect(() => parseModule('1 = x')).toThrow(/cannot assign to literal/);
  });

  it('parses string and number literals', () => {
    const p = runAll("a = 0x1F + 0o17 + 0b101 + 1_000\nb = 'x\\ty' + \"\\u00e9\"\nc = b'\\x00ab'\nd = 1e3\ne = 'a' 'b'\nf = r'\\n'");
    expect(['a', 'b', 'c', 'd', 'e', 'f'].map((n) => valueOf(p, n))).toEqual(['1051', "'x\\tyé'", "b'\\x00ab'", '1000.0', "'ab'", "'\\\\n'"]);
  });
});
