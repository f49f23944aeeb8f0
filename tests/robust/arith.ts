/**
 * Generated arithmetic for the differential test against the real CPython 3.11 (numbers.test.ts,
 * tools/fuzz/main.ts --arith): ints of every size (small, one digit, two, hundreds of 30-bit
 * digits), floats at the edges (1e308, subnormals, -0.0), every binary operator, unary ones, and
 * the conversions; each expression in its own try, printing its value (a big int as its bit
 * length and residue, so no run meets the 4300-digit limit by accident) or its exception.
 */
export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 32;
  };
}

const FLOATS = [
  '0.5',
  '-2.25',
  '1e308',
  '-1e308',
  '5e-324',
  '1e-310',
  '3.0',
  '0.1',
  '-0.0',
  '0.0',
  '2.5e15',
  '7.0',
];
const BIG = [
  '2**60',
  '2**64 - 1',
  '-(2**63)',
  '10**30',
  '10**80 + 7',
  '3**200',
  '-(7**150)',
  '2**1000',
  '(2**521 - 1)',
];
const BIN = ['+', '-', '*', '/', '//', '%', '**', '<<', '>>', '&', '|', '^'];

export function expression(r: () => number, depth = 0): string {
  // a tuple only at the top (divmod): a tuple times a 10-digit int is a 9 GB tuple
  if (depth === 0 && r() < 0.12) return `divmod(${expression(r, 1)}, ${expression(r, 2)})`;
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)];
  const x = r();
  if (depth >= 3 || x < 0.3) return atom(r, pick);
  if (x < 0.75) {
    const op = pick(BIN);
    const left = expression(r, depth + 1);
    // exponents and shift counts small enough that no result has millions of digits
    if (op === '**')
      return `(${left}) ** ${pick(['0', '1', '2', '3', '7', '-1', '-2', '30', '70', '2.0', '-3.0'])}`;
    if (op === '<<' || op === '>>')
      return `(${left}) ${op} ${pick(['0', '1', '5', '31', '64', '100', '-1'])}`;
    return `(${left}) ${op} (${expression(r, depth + 1)})`;
  }
  const inner = expression(r, depth + 1);
  return pick([
    `-(${inner})`,
    `~(${inner})`,
    `abs(${inner})`,
    `int(${inner})`,
    `float(${inner})`,
    `pow(${inner}, ${pick(['2', '3', '-1'])})`,
    `(${inner}) == (${atom(r, pick)})`,
    `(${inner}) < (${atom(r, pick)})`,
  ]);
}

function atom(r: () => number, pick: <T>(a: readonly T[]) => T): string {
  const x = r();
  if (x < 0.35) return String(Math.floor(r() * 300) - 10);
  if (x < 0.55) return String(Math.floor(r() * 2 ** 31) * (r() < 0.3 ? -1 : 1));
  if (x < 0.75) return pick(BIG);
  return pick(FLOATS);
}

/** The program: one try per expression, printing a line each. */
export function program(exprs: string[]): string {
  const lines = [
    'def show(r):',
    '    if isinstance(r, int) and not isinstance(r, bool) and (r > 10**40 or r < -10**40):',
    "        return 'int bits=' + str(r.bit_length()) + ' mod=' + str(r % 1000003)",
    '    if isinstance(r, tuple):',
    "        return '(' + ', '.join(show(x) for x in r) + ')'",
    '    if isinstance(r, str) and len(r) > 60:',
    "        return 'str len=' + str(len(r))",
    '    return repr(r)',
  ];
  for (const e of exprs) {
    lines.push('try:', `    print(show(${e}))`, 'except Exception as e:', '    print(type(e).__name__, e)');
    lines.push(
      'try:',
      `    print(str(${e})[:60])`,
      'except Exception as e:',
      '    print(type(e).__name__, e)',
    );
  }
  return lines.join('\n') + '\n';
}
