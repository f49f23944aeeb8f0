import { describe, expect, it } from 'vitest';
import { runScript } from '../runscript';

/**
 * longobject.c's hand-offs to _pylong on 3.12+ (intpylong.ts), each printed as python3.11.7, 3.12.1
 * and 3.13.0 printed it: the thresholds (str() past 1,000 30-bit digits: 30,001 bits; int() past
 * 6,000 decimal digits; `//`/divmod() with a divisor of more than 300 digits and a dividend 150
 * longer, `%` never), and the values the Python algorithms return (signs, underscores, floor
 * division of negative operands).
 */
const imported = "print('_pylong' in sys.modules)";
const cases: [string, string, boolean][] = [
  ['str of 30,000 bits', 'x = str((1 << 30000) - 1)', false],
  ['str of 30,001 bits', 'x = str((1 << 30000) + 1)', true],
  ['int of 6,000 digits', "x = int('7' * 6000)", false],
  ['int of 6,001 digits', "x = int('7' * 6001)", true],
  ['% of long operands', 'x = (1 << (30 * 460 - 1)) % ((1 << (30 * 305 - 1)) + 1)', false],
  ['// of long operands', 'x = (1 << (30 * 460 - 1)) // ((1 << (30 * 305 - 1)) + 1)', true],
  ['divmod, divisor of 300 digits', 'x = divmod(1 << (30 * 460 - 1), (1 << (30 * 300 - 1)) + 1)', false],
];

const VALUES = [
  'import sys',
  'sys.set_int_max_str_digits(0)',
  'n = (1 << 30000) - 12345',
  's = str(n)',
  "print(len(s), s[-6:], '_pylong' in sys.modules)",
  'm = -((1 << 30001) - 12345)',
  't = str(m)',
  "print(len(t), t[:3], t[-6:], '_pylong' in sys.modules)",
  "print(int(t) == m, int('7' * 6001) % 1000003, int(' -' + '12_34' * 1300 + ' ') % 99991)",
  'a = (3 << 13799) + 987654321',
  'b = (1 << 9149) + 12345',
  'q, r = divmod(a, b)',
  'print(q * b + r == a, 0 <= r < b, a // b == q, (-a) // b == -q - 1, divmod(-a, b)[1] == b - r)',
  'print(divmod(a, -b) == (-q - 1, r - b))',
  "print(f'{n:d}'[-5:], format(n)[:5], '%d' % (n % 1000))",
  '',
].join('\n');

describe('_pylong on 3.12 and 3.13', () => {
  for (const python of ['3.12', '3.13'] as const) {
    for (const [what, line, want] of cases)
      it(`${python}: ${what} ${want ? 'imports' : 'does not import'} _pylong`, () => {
        const src = `import sys\nsys.set_int_max_str_digits(0)\n${line}\n${imported}\n`;
        expect(runScript(src, { python }).output).toBe(`${want ? 'True' : 'False'}\n`);
      });
    it(`${python}: the conversions and divisions give the real values`, () => {
      expect(runScript(VALUES, { python }).output).toBe(
        '9031 897031 False\n9033 -15 806407 True\nTrue 569457 46504\nTrue True True True True\nTrue\n97031 79409 31\n',
      );
    });
  }
  it('3.11 has no _pylong', () => {
    expect(runScript(VALUES).output).toBe(
      '9031 897031 False\n9033 -15 806407 False\nTrue 569457 46504\nTrue True True True True\nTrue\n97031 79409 31\n',
    );
    expect(runScript('try:\n    import _pylong\nexcept ImportError as e:\n    print(e)\n').output).toBe(
      "No module named '_pylong'\n",
    );
  });
});
