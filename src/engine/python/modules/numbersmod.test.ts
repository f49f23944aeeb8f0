import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PythonProcess } from '../process';
import { runScript } from '../runscript';

/** numbers as python3.11.7 printed this script, and its import at the recorded cost (footprints/3.11.7/numbers.json). */
const SCRIPT =
  'import numbers\nfrom fractions import Fraction\nfrom decimal import Decimal\nvals = [1, True, 2.5, 3j, Fraction(1, 3), Decimal("1.1"), "x", None]\nfor v in vals:\n    print(type(v).__name__, [c.__name__ for c in (numbers.Number, numbers.Complex, numbers.Real, numbers.Rational, numbers.Integral) if isinstance(v, c)])\nprint(issubclass(bool, numbers.Integral), issubclass(float, numbers.Rational), numbers.Integral.__abstractmethods__ >= {"__int__"})\nclass Meters(numbers.Real):\n    pass\ntry:\n    Meters()\nexcept TypeError as e:\n    print(str(e)[:60])\ndef total(xs):\n    return sum(x for x in xs if isinstance(x, numbers.Number))\nprint(total(vals[:4]), sorted(n for n in dir(numbers) if not n.startswith("__")))\n';
const PRINTED_BY_CPYTHON =
  "int ['Number', 'Complex', 'Real', 'Rational', 'Integral']\nbool ['Number', 'Complex', 'Real', 'Rational', 'Integral']\nfloat ['Number', 'Complex', 'Real']\ncomplex ['Number', 'Complex']\nFraction ['Number', 'Complex', 'Real', 'Rational']\nDecimal ['Number']\nstr []\nNoneType []\nTrue False True\nCan't instantiate abstract class Meters with abstract method\n(4.5+3j) ['ABCMeta', 'Complex', 'Integral', 'Number', 'Rational', 'Real', 'abstractmethod']\n";

interface Reading {
  heap: number;
  rss: number;
  pymalloc: { arenas_allocated_current: number };
}

describe('numbers', () => {
  it('prints what python3.11 printed (the tower, registrations, Fraction and Decimal, an abstract subclass)', () => {
    const r = runScript(SCRIPT);
    expect(r.error ?? null).toBeNull();
    expect(r.output).toBe(PRINTED_BY_CPYTHON);
  });

  it('import numbers moves heap, arenas and RSS as the recorded import did', () => {
    const real = JSON.parse(
      readFileSync(new URL('./footprints/3.11.7/numbers.json', import.meta.url), 'utf8'),
    ) as { before: Reading; after: Reading };
    const p = new PythonProcess({ profile: 'cpython-3.11.7' });
    p.load('import numbers\n');
    const before = p.measure();
    p.runStatement(0);
    const after = p.measure();
    expect({
      heap: after.heap - before.heap,
      arenas: after.pymalloc.arenas_allocated_current! - before.pymalloc.arenas_allocated_current!,
      rss: after.rss - before.rss,
    }).toEqual({
      heap: real.after.heap - real.before.heap,
      arenas: real.after.pymalloc.arenas_allocated_current - real.before.pymalloc.arenas_allocated_current,
      rss: real.after.rss - real.before.rss,
    });
  });
});
