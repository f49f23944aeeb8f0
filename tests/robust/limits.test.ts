import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulateScript } from '../../src/engine/simulate';
import type { Report } from '../../src/engine/python/report';

/**
 * Issue 12's engine side: the simulator's memory budget, errors that are Python's or Highwater's
 * (never a JS message), and the recursion limit, each on the audit's own reproducer.
 */
const MB = 2 ** 20;
const JS_WORDS =
  /(?<![\w'])undefined(?![\w'])|NaN|Cannot read|Invalid (string|array|typed array) length|Maximum call stack|Map maximum|is not a function|repeat too long/;

function run(source: string, opts: { memoryBudget?: number; maxSeconds?: number } = {}): Report {
  return simulateScript(source, {
    maxSeconds: opts.maxSeconds ?? 60,
    memoryBudget: opts.memoryBudget ?? 512 * MB,
  });
}

function cpuMs<T>(f: () => T): [T, number] {
  const t = process.cpuUsage();
  const r = f();
  const u = process.cpuUsage(t);
  return [r, (u.user + u.system) / 1000];
}

describe("the simulator's memory budget (audit §1)", () => {
  it('stops the string bomb with a MemoryError naming what was too big, the steps before it kept, in seconds', () => {
    const [r, ms] = cpuMs(() =>
      run("x = [1, 2, 3]\na = [('ab' * 10**7).upper() + str(i) for i in range(500)]\n", {
        memoryBudget: 300 * MB,
      }),
    );
    expect(r.error?.type).toBe('MemoryError');
    expect(r.error?.message).toMatch(
      /^the simulator's memory budget \(300 MB\) ran out while making a 19 MB str \(/,
    );
    expect(r.error?.line).toBe(2);
    expect(r.steps.map((s) => s.code)).toEqual(['<start>', 'x = [1, 2, 3]']);
    expect(ms).toBeLessThan(20_000);
  });

  it('cannot be caught by `except MemoryError` (the simulated process had memory left)', () => {
    const r = run(
      "try:\n    a = [('ab' * 10**7).upper() + str(i) for i in range(500)]\nexcept MemoryError:\n    print('caught')\n",
      { memoryBudget: 200 * MB },
    );
    expect(r.error?.type).toBe('MemoryError');
    expect(r.output ?? '').not.toMatch(/caught/);
  });

  it('counts objects too: a comprehension of millions of tuples stops at the budget, at the eval breaker', () => {
    const r = run('a = [(i,) for i in range(10**8)]\n', { memoryBudget: 64 * MB });
    expect(r.error?.type).toBe('MemoryError');
    expect(r.error?.message).toMatch(/simulator's memory budget \(64 MB\) ran out \(.* for [\d,]+ objects/);
  });

  it('leaves ordinary runs alone: a repeat is a rope, not 100 MB of charged text', () => {
    const r = run("a = ['x' * 10**8 for _ in range(20)]\nb = 'y' * 10**6 + 'z'\n", { memoryBudget: 64 * MB });
    expect(r.error).toBeUndefined();
  });
});

describe('every error is Python’s or Highwater’s, never JavaScript’s (audit §7)', () => {
  const cases: [string, string, string, RegExp][] = [
    // CPython allocates 1 GB; V8 cannot hold a string that long: a limit of ours, said as such
    ["'x'*10**9", "a = 'x'*10**9\n", 'NotSupported', /strs of more than 536,870,888 characters/],
    // CPython: PyUnicode_New's malloc of 1 TB fails
    ["'x'*10**12", "a = 'x'*10**12\n", 'MemoryError', /^$/],
    [
      'a *= 2**64',
      "a = 'hello'\na *= 2**64\n",
      'OverflowError',
      /cannot fit 'int' into an index-sized integer/,
    ],
    ["'ab' * 2**62", "a = 'ab' * 2**62\n", 'OverflowError', /repeated string is too long/],
    ['bytearray(2**62)', 'a = bytearray(2**62)\n', 'MemoryError', /^$/],
    [
      '10,000 nested [',
      'x = ' + '['.repeat(10_000) + ']'.repeat(10_000) + '\n',
      'SyntaxError',
      /too many nested parentheses/,
    ],
    [
      '10,000 nested (',
      'x = ' + '('.repeat(10_000) + '1' + ')'.repeat(10_000) + '\n',
      'SyntaxError',
      /too many nested parentheses/,
    ],
    ['2**(2**40)', 'x = 2**(2**40)\n', 'MemoryError', /^$/],
  ];
  it.each(cases)('%s', (_name, source, type, message) => {
    const r = run(source);
    expect(r.error?.type).toBe(type);
    expect(r.error?.message).toMatch(message);
    expect(r.error?.message).not.toMatch(JS_WORDS);
  });

  it('set(range(10**8)) ends at the memory budget, long before the JS engine’s Map limit', () => {
    const r = run('s = set(range(10**8))\n', { memoryBudget: 100 * MB });
    expect(r.error?.type).toBe('MemoryError');
    expect(r.error?.message).toMatch(/simulator's memory budget/);
  });
});

describe('the recursion limit is CPython’s (audit §9)', () => {
  const rec = (n: number, limit = ''): string =>
    `import sys\n${limit}def f(n):\n    if n == 0:\n        return 0\n    return f(n - 1) + 1\nx = f(${n})\nprint(x)\n`;
  it('990 nested calls run; 1,001 raise RecursionError as CPython words it', () => {
    expect(run(rec(990)).output).toBe('990\n');
    const r = run(rec(1001));
    expect(r.error?.type).toBe('RecursionError');
    expect(r.error?.message).toBe('maximum recursion depth exceeded');
  });
  it('sys.setrecursionlimit is honoured', () => {
    expect(run(rec(1900, 'sys.setrecursionlimit(2000)\n')).output).toBe('1900\n');
    expect(run(rec(400, 'sys.setrecursionlimit(300)\n')).error?.type).toBe('RecursionError');
  });
});

describe('the CLI (audit §1, §17, §18)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hw-robust-'));
  const file = (name: string, text: string | Buffer): string => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  const sim = (args: string[]) => {
    const r = spawnSync(
      process.execPath,
      [resolve('scripts/run-ts.mjs'), resolve('src/cli/main.ts'), ...args],
      {
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    return { out: r.stdout, err: r.stderr, code: r.status ?? -1 };
  };
  const noStack = /\n\s+at .*\(|FATAL ERROR|node:internal/;

  it('the string bomb: the table up to it, the MemoryError, exit 1, no stack trace', () => {
    const r = sim([
      file('bomb.py', "x = [1]\na = [('ab' * 10**7).upper() + str(i) for i in range(500)]\n"),
      '--max-memory',
      '200',
    ]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^1 +1 .*x = \[1\]$/m);
    expect(r.out).toMatch(
      /MemoryError: the simulator's memory budget \(200 MB\) ran out while making a 19 MB str/,
    );
    expect(r.out + r.err).not.toMatch(noStack);
  });

  it('the recursion limit is CPython’s in the CLI too: 990 deep runs, 1,001 is RecursionError, setrecursionlimit(5000) allows 4,900 (audit §9)', () => {
    const rec = (limit: string, n: number) =>
      `import sys\n${limit}def f(n):\n    if n == 0:\n        return 0\n    return f(n - 1) + 1\nx = f(${n})\nprint(x)\n`;
    const ok = sim([file('rec990.py', rec('', 990)), '--stdout']);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/^\s*\| 990$/m);
    const deep = sim([file('rec1001.py', rec('', 1001))]);
    expect(deep.code).toBe(1);
    expect(deep.out).toMatch(/^RecursionError: maximum recursion depth exceeded$/m);
    const raised = sim([file('rec4900.py', rec('sys.setrecursionlimit(5000)\n', 4900)), '--stdout']);
    expect(raised.code).toBe(0);
    expect(raised.out).toMatch(/^\s*\| 4900$/m);
    expect(ok.out + deep.out + raised.out + ok.err + deep.err + raised.err).not.toMatch(noStack);
  });

  it('refuses /dev/zero as a script at once, reads /dev/null as an empty one', () => {
    const z = sim(['/dev/zero']);
    expect(z.code).toBe(1);
    expect(z.err).toMatch(/\/dev\/zero holds more than 256 MiB/);
    expect(sim(['/dev/null']).code).toBe(0);
  });

  it('says CPython’s SyntaxError for a file that is not UTF-8', () => {
    const r = sim([file('latin.py', Buffer.from([0x61, 0x20, 0x3d, 0x20, 0x22, 0xff, 0x22, 0x0a]))]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(
      /^SyntaxError: Non-UTF-8 code starting with '\\xff' in file .*latin\.py on line 1, but no encoding declared/m,
    );
    const ok = sim([
      file(
        'cookie.py',
        Buffer.concat([
          Buffer.from('# -*- coding: latin-1 -*-\nprint("'),
          Buffer.from([0xe9]),
          Buffer.from('")\n'),
        ]),
      ),
    ]);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/\| é/);
  });

  it('quotes a malformed trace token escaped and cut: no terminal escapes, no 100 KB message', () => {
    const esc = sim(['--malloc-trace', file('esc.trace', '\x1b]0;pwned\x07\x1b[2J\x1b[31mRED x 1\n')]);
    expect(esc.code).toBe(1);
    expect(esc.err).not.toMatch(/\x1b|\x07/); // eslint-disable-line no-control-regex
    expect(esc.err).toMatch(/unknown op "\\x1b\]0;pwned\\x07\\x1b\[2J\\x1b\[31mRED"/);
    const long = sim(['--malloc-trace', file('long.trace', 'q'.repeat(100_000) + ' 1 2\n')]);
    expect(long.code).toBe(1);
    expect(long.err.length).toBeLessThan(300);
  });
});
