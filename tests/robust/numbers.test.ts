import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulateScript } from '../../src/engine/simulate';
import { expression, program, rng } from './arith';

/** Numbers as CPython 3.11 has them (audit §6, §14): big ints fast, the int↔str limit, float overflow. */
const run = (source: string) => simulateScript(source, { maxSeconds: 120 });
const out = (source: string): string => {
  const r = run(source);
  if (r.error) throw new Error(`${r.error.type}: ${r.error.message} (line ${r.error.line})`);
  return r.output ?? '';
};
function cpuMs<T>(f: () => T): [T, number] {
  const t = process.cpuUsage();
  const r = f();
  const u = process.cpuUsage(t);
  return [r, (u.user + u.system) / 1000];
}

describe('big ints: a real bignum path', () => {
  // CPython 3.11.7 on this machine: 10**10**6 0.47 s, 2**100000000 0.95 s, 20000! by a loop 0.35 s
  it('10**10**6, 2**100000000 and 20000! by a loop take seconds, not minutes', () => {
    const [a, msA] = cpuMs(() => out('x = 10**10**6\nprint(x.bit_length())\n'));
    expect(a).toBe('3321929\n');
    const [b, msB] = cpuMs(() => out('x = 2**100000000\nprint(x.bit_length(), x % 1000003)\n'));
    expect(b).toBe(`100000001 ${(2n ** 100000000n % 1000003n).toString()}\n`);
    const [c, msC] = cpuMs(() =>
      out('x = 1\nfor i in range(1, 20000):\n    x = x * i\nprint(x.bit_length())\n'),
    );
    expect(c).toBe('256895\n');
    expect(msA).toBeLessThan(8_000);
    expect(msB).toBeLessThan(20_000);
    expect(msC).toBeLessThan(20_000);
  });
  it('sizes a big result in 30-bit digits as CPython allocates it (sys.getsizeof)', () => {
    expect(
      out(
        'import sys\nprint(sys.getsizeof(2**30), sys.getsizeof(2**300), sys.getsizeof(10**1000), sys.getsizeof(-(2**60)))\n',
      ),
    ).toBe('32 68 468 36\n');
  });
});

describe("CPython 3.11's int↔str limit (4300 digits)", () => {
  it('refuses str() and int() past it with the ValueError text, honours sys.set_int_max_str_digits', () => {
    const text = out(
      [
        'import sys',
        'print(sys.get_int_max_str_digits(), len(str(10**4299)))',
        'try:',
        '    str(10**4300)',
        'except ValueError as e:',
        '    print(e)',
        'try:',
        "    int('1' * 4301)",
        'except ValueError as e:',
        '    print(e)',
        'try:',
        "    f'{10**5000}'",
        'except ValueError as e:',
        "    print('format', type(e).__name__)",
        "print(len(f'{10**5000:x}'))",
        'try:',
        '    sys.set_int_max_str_digits(100)',
        'except ValueError as e:',
        '    print(e)',
        'sys.set_int_max_str_digits(0)',
        'print(len(str(10**5000)), sys.get_int_max_str_digits())',
      ].join('\n') + '\n',
    );
    expect(text).toBe(
      '4300 4300\n' +
        'Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit\n' +
        'Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; use sys.set_int_max_str_digits() to increase the limit\n' +
        'format ValueError\n' +
        '4153\n' +
        'maxdigits must be 0 or larger than 640\n' +
        '5001 0\n',
    );
  });
  it('printing 10**10**6 is the ValueError at once, not a million digits after minutes', () => {
    const [r, ms] = cpuMs(() => run('x = 10**10**6\nprint(x)\n'));
    expect(r.error?.type).toBe('ValueError');
    expect(ms).toBeLessThan(8_000);
  });
});

describe('floats: OverflowError where CPython raises it', () => {
  it.each([
    ['2.0**10000', 'OverflowError', "(34, 'Numerical result out of range')"],
    ['(-2.0)**10001', 'OverflowError', "(34, 'Numerical result out of range')"],
    ['float(10**400)', 'OverflowError', 'int too large to convert to float'],
    ['(10**400)/1', 'OverflowError', 'integer division result too large for a float'],
    ['(10**400)**-1', 'OverflowError', 'int too large to convert to float'],
    ['10**400 * 1.0', 'OverflowError', 'int too large to convert to float'],
    ['0.0**-1', 'ZeroDivisionError', '0.0 cannot be raised to a negative power'],
  ])('%s', (expr, type, message) => {
    const r = run(`x = ${expr}\n`);
    expect(r.error?.type).toBe(type);
    expect(r.error?.message).toBe(message);
  });
  it('gives what CPython gives at the edges (C99 pow cases, exact big-int division, underflow)', () => {
    expect(
      out(
        "print((10**400)/(10**399), 1/(10**400), 2**-1074, 10.0**-400, (-1.0)**float('inf'), 1.0**float('nan'), (2**80+1)/3, 1e308*10)\n",
      ),
    ).toBe('10.0 0.0 5e-324 0.0 1.0 1.0 4.029752732048764e+23 inf\n');
  });
});

describe('differential: generated arithmetic against the real python3 (seeded, short)', () => {
  it('prints what CPython prints for 150 expressions: values, and exception types and messages', () => {
    const r = rng(20261205);
    const exprs = Array.from({ length: 150 }, () => expression(r));
    const src = program(exprs);
    const file = join(mkdtempSync(join(tmpdir(), 'hw-arith-')), 'arith.py');
    writeFileSync(file, src);
    const want = execFileSync('python3', [file], { encoding: 'utf8' });
    const got = out(src);
    const w = want.split('\n');
    const g = got.split('\n');
    const diffs = w
      .map((line, i) => (line === g[i] ? null : `${exprs[i >> 1]}\n  python3: ${line}\n  sim:     ${g[i]}`))
      .filter(Boolean);
    expect(diffs).toEqual([]);
  });
});
