/**
 * Random Python programs from a grammar of what people write and the simulator runs: names bound
 * and rebound, arithmetic on ints, floats and strs, lists, tuples and dicts with their methods,
 * comprehensions, slices, functions with defaults, classes with __init__, methods and
 * attributes, generators, try/except/finally, loops with break and continue, del, print. Some
 * programs are wrong on purpose (a name used before it is bound, a bad index, a wrong type): the
 * simulator must then raise what CPython raises. Deterministic for a seed (tests/robust/arith.ts rng).
 */
import { rng } from './arith';

const NAMES = ['a', 'b', 'c', 'd', 'xs', 'd2'];

export function randomProgram(seed: number, statements = 12): string {
  const r = rng(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)];
  const int = (n: number): number => Math.floor(r() * n);
  const lines: string[] = [];
  const defined: string[] = [];

  const atom = (): string => {
    const x = r();
    if (x < 0.25) return String(int(40) - 5);
    if (x < 0.35) return pick(["'ab'", "'hello world'", "''", "'x,y,z'", "'Ab3'"]);
    if (x < 0.42) return pick(['1.5', '0.25', '-2.0', '1e3']);
    if (x < 0.5) return pick(['None', 'True', 'False']);
    if (x < 0.9 && defined.length) return pick(defined);
    if (x < 0.93) return pick(NAMES); // maybe unbound: NameError in both
    return String(int(100));
  };
  const expr = (depth = 0): string => {
    const x = r();
    if (depth > 2 || x < 0.3) return atom();
    if (x < 0.5)
      return `${expr(depth + 1)} ${pick(['+', '-', '*', '//', '%', '==', '<', 'and', 'or'])} ${expr(depth + 1)}`;
    if (x < 0.58) return `[${expr(depth + 1)}, ${expr(depth + 1)}]`;
    if (x < 0.63) return `(${expr(depth + 1)}, ${atom()})`;
    if (x < 0.68) return `{${atom()}: ${expr(depth + 1)}}`;
    if (x < 0.74)
      return `[${pick(['i', 'i * i', 'str(i)', '(i, i)'])} for i in range(${int(8)})${r() < 0.3 ? ' if i % 2' : ''}]`;
    if (x < 0.8)
      return `${pick(['len', 'str', 'sorted', 'list', 'abs', 'bool', 'repr', 'tuple', 'max', 'sum'])}(${expr(depth + 1)})`;
    if (x < 0.85) return `(${atom()})[${pick(['0', '-1', '1:', ':2', '::-1', "'k'"])}]`;
    if (x < 0.9)
      return `(${atom()}).${pick(['upper()', 'split(",")', 'count(1)', 'index(1)', 'get(1)', 'keys()', 'copy()', 'strip()'])}`;
    if (x < 0.95 && lines.some((l) => l.startsWith('def f('))) return `f(${expr(depth + 1)})`;
    return `${expr(depth + 1)} if ${expr(depth + 1)} else ${atom()}`;
  };
  const assign = (indent: string): void => {
    const v = pick(NAMES);
    lines.push(`${indent}${v} = ${expr()}`);
    if (!defined.includes(v)) defined.push(v);
  };
  const simple = (indent: string): void => {
    const x = r();
    if (x < 0.45) assign(indent);
    else if (x < 0.65) lines.push(`${indent}print(${expr()})`);
    else if (x < 0.75)
      lines.push(
        `${indent}${pick(defined.length ? defined : NAMES)}.${pick(['append(1)', 'pop()', 'sort()', 'clear()', 'update({1: 2})', 'reverse()'])}`,
      );
    else if (x < 0.82) lines.push(`${indent}${pick(NAMES)} += ${expr()}`);
    else if (x < 0.88) lines.push(`${indent}del ${pick(NAMES)}`);
    else lines.push(`${indent}${pick(NAMES)}[${pick(['0', "'k'", '-1'])}] = ${atom()}`);
  };
  const block = (indent: string, n: number): void => {
    for (let i = 0; i < n; i++) simple(indent);
  };

  for (let s = 0; s < statements; s++) {
    const x = r();
    if (x < 0.4) simple('');
    else if (x < 0.5) {
      lines.push(`for i in range(${int(6)}):`);
      block('    ', 1 + int(2));
      if (r() < 0.3) lines.push(`    if i == ${int(4)}:`, `        ${pick(['break', 'continue'])}`);
    } else if (x < 0.58) {
      lines.push(`if ${expr()}:`);
      block('    ', 1 + int(2));
      lines.push('else:');
      block('    ', 1);
    } else if (x < 0.68) {
      lines.push('try:');
      block('    ', 1 + int(3));
      lines.push(
        `except ${pick(['Exception', 'TypeError', 'NameError', '(KeyError, IndexError)', 'ZeroDivisionError'])} as e:`,
      );
      lines.push(`    print(type(e).__name__${r() < 0.5 ? ', e' : ''})`);
      if (r() < 0.4) lines.push('finally:', "    print('finally')");
    } else if (x < 0.76) {
      lines.push(
        `def f(x, y=${atom()}):`,
        `    z = ${expr()}`,
        `    return ${pick(['x', 'z', 'x + y', '[x, y, z]', 'len(str(x))'])}`,
      );
      lines.push(`${pick(NAMES)} = f(${expr()})`);
    } else if (x < 0.84) {
      lines.push(
        'class C:',
        `    k = ${atom()}`,
        '    def __init__(self, v):',
        '        self.v = v',
        '        self.items = []',
        '    def add(self, w):',
        '        self.items.append(w)',
        '        return len(self.items)',
        '    def __repr__(self):',
        "        return 'C(' + repr(self.v) + ')'",
      );
      const v = pick(NAMES);
      lines.push(`${v} = C(${expr()})`, `print(${v}.add(${atom()}), ${v}, ${v}.k)`);
      if (!defined.includes(v)) defined.push(v);
    } else if (x < 0.92) {
      lines.push(
        'def g(n):',
        '    for i in range(n):',
        `        yield ${pick(['i', 'i * i', 'str(i)', '(i, n)'])}`,
      );
      lines.push(`print(${pick(['list', 'sum', 'tuple', 'sorted'])}(g(${int(7)})))`);
      lines.push(`it = g(3)`, 'print(next(it), next(it))');
    } else {
      lines.push(
        `while ${pick(NAMES)}:`,
        `    ${pick(NAMES)} = ${pick(['0', 'None', "''", '[]'])}`,
        '    break',
      );
    }
  }
  return lines.join('\n') + '\n';
}
