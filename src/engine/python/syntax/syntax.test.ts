import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NotSupported, PySyntaxError } from '../errors';
import { parse, parseModule, PythonSyntaxError } from './index';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

describe('the step model', () => {
  it('cuts scripts into the statements tools/record.py measures one by one', () => {
    const scripts = [
      ...readdirSync(`${root}tests/fidelity/scenarios`)
        .filter((f) => f.endsWith('.py'))
        .sort()
        .map((f) => readFileSync(`${root}tests/fidelity/scenarios/${f}`, 'utf8')),
      '@d\n@e(1)\ndef f():\n    pass\nx = 1; y = "é" + 2  # c\nif x:\n    pass\nelse:\n    z = [\n  1]\n',
      'class C:\n    x = 1\n\n\nwhile False:\n    pass\n\ntry:\n    pass\nfinally:\n    pass\nprint("€", 1)\n',
      'a = (1,\n     2); b = 3\n',
    ];
    const py = `import sys, json; sys.path.insert(0, ${JSON.stringify(`${root}tools`)})
from record import split_statements
for src in json.load(sys.stdin): print(json.dumps(split_statements(src)))`;
    const out = execFileSync(process.env.HW_PYTHON ?? 'python3', ['-c', py], {
      input: JSON.stringify(scripts),
      encoding: 'utf8',
    });
    const expected = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as [string, number][]);
    scripts.forEach((src, i) => {
      const ours = parseModule(src).statements.map((s) => [s.code, s.line]);
      expect(ours).toEqual(expected[i]);
    });
  });

  it('gives each statement its end line and its node', () => {
    const { statements } = parseModule('x = [\n  1,\n]\ndel x\n');
    expect(statements.map((s) => [s.line, s.endLine, s.stmt.k])).toEqual([
      [1, 3, 'Assign'],
      [4, 4, 'Delete'],
    ]);
  });
});

describe('errors', () => {
  it('are PySyntaxErrors (line and column for the code that reads those) with the class CPython names', () => {
    const cases: [string, string][] = [
      ['x = (1,\n', 'SyntaxError'],
      ['if 1:\n  x = 1\n y = 2\n', 'IndentationError'],
      ['if 1:\n\tx = 1\n        y = 2\n', 'TabError'],
    ];
    for (const [src, type] of cases) {
      let err: unknown = null;
      try {
        parse(src);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(PythonSyntaxError);
      expect(err).toBeInstanceOf(PySyntaxError);
      const e = err as PythonSyntaxError;
      expect(e.pyType).toBe(type);
      expect(e.column).toBe(e.offset);
      expect(e.describe()).toMatch(new RegExp(`^${type}: `));
    }
  });

  it('say "not supported" rather than let the JS stack overflow', () => {
    // Use up most of the stack, then parse something that recurses hundreds of rules deep.
    const depth = (n: number): number => (n === 0 ? 0 : 1 + depth(n - 1));
    let max = 1000;
    for (;;) {
      try {
        depth(max * 2);
        max *= 2;
      } catch {
        break;
      }
    }
    const src = 'f = ' + 'lambda x='.repeat(600) + '1' + ': 1'.repeat(600) + '\n';
    const near = (n: number): unknown => (n === 0 ? parse(src) : near(n - 1));
    let err: unknown = null;
    try {
      near(Math.floor(max * 0.8));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(NotSupported);
    expect((err as Error).message).toMatch(/^not supported by Highwater yet: code nested this deeply/);
  });
});

describe('speed', () => {
  const cpu = (f: () => void): number => {
    const a = process.cpuUsage();
    f();
    const b = process.cpuUsage(a);
    return b.user + b.system;
  };
  it('is linear in the size of the script (a size ratio, not a wall time)', () => {
    const line = 'a = [1, 2, 3]; b = {"k": a[0] + 1}\n';
    const small = line.repeat(1500);
    const big = line.repeat(6000);
    parse(small); // warm the JIT
    const best = (s: string): number => Math.min(...[0, 1, 2].map(() => cpu(() => parse(s))));
    const ratio = best(big) / best(small);
    // 4× the text: linear is ~4, quadratic would be ~16.
    expect(ratio).toBeLessThan(8);
  });
});
