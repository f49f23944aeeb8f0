import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PythonProcess } from '../process';
import { runScript } from '../runscript';

/**
 * `from __future__ import annotations` as modern code opens with it: the statement compiles (the
 * step markers go after the future block: eval/script.ts withMarkers) and imports the __future__
 * module, which no interpreter here loads at start-up, at its recorded cost
 * (footprints/3.11.7/__future__.json, tools/imports/capture_import.py).
 */
interface Reading {
  heap: number;
  rss: number;
  anon_mmap: number;
  pymalloc: { arenas_allocated_current: number };
}

describe('__future__', () => {
  it('import __future__ moves heap, arenas and RSS as the recorded import did', () => {
    const url = new URL('./footprints/3.11.7/__future__.json', import.meta.url);
    const real = JSON.parse(readFileSync(url, 'utf8')) as { before: Reading; after: Reading };
    const p = new PythonProcess({ profile: 'cpython-3.11.7' });
    p.load('import __future__\n');
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

  it('a script opening with a docstring and future imports runs; their steps are empty, the rest as usual', () => {
    const r = runScript(
      '"""doc"""\nfrom __future__ import annotations\nfrom __future__ import division\ndef f(x: Undefined) -> Node: return x\nprint(f.__annotations__, annotations.compiler_flag, __doc__)\n',
    );
    expect(r.error ?? null).toBeNull();
    expect(r.output).toBe("{'x': 'Undefined', 'return': 'Node'} 16777216 doc\n");
    expect(r.steps.map((s) => s.code)).toEqual([
      '<start>',
      '"""doc"""',
      'from __future__ import annotations',
      'from __future__ import division',
      'def f(x: Undefined) -> Node: return x',
      'print(f.__annotations__, annotations.compiler_flag, __doc__)',
    ]);
    for (const k of [1, 2, 3]) expect(r.steps[k].rss).toBe(r.steps[0].rss);
  });

  it('a future import after another statement is the SyntaxError CPython raises', () => {
    const r = runScript('import os\nfrom __future__ import annotations\n');
    expect(r.error).toMatchObject({ type: 'SyntaxError', line: 2 });
    expect(r.error?.message).toBe('from __future__ imports must occur at the beginning of the file');
  });
});
