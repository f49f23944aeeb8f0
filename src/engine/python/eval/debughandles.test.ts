import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanRun, simulate } from '../../../../tests/robust/fuzzing';
import { randomProgram } from '../../../../tests/robust/programs';
import { PyError } from '../errors';
import { PythonProcess } from '../process';
import { HandleUseAfterFree } from '../runtime/debughandles';
import { runAll } from '../testing';

const g = globalThis as { HIGHWATER_DEBUG?: unknown };

/** Run a script statement by statement as the CLI does; the report of an uncaught error. */
function run(source: string): { output: string; error: string | null } {
  const p = new PythonProcess();
  const n = p.load(source).length;
  try {
    for (let i = 0; i < n; i++) p.runStatement(i);
  } catch (e) {
    if (!(e instanceof PyError)) throw e;
    const r = p.errorReport(e, 0);
    return { output: p.output, error: r.text ?? `${r.type}: ${r.message}` };
  }
  return { output: p.output, error: null };
}

describe('HIGHWATER_DEBUG: a dead handle is never touched', () => {
  beforeAll(() => {
    g.HIGHWATER_DEBUG = true;
  });
  afterAll(() => {
    delete g.HIGHWATER_DEBUG;
  });

  it('catches a Py_DECREF of an object already deallocated', () => {
    const p = runAll('x = [1, 2, 3]');
    const h = p.globalValue('x');
    p.vm.incref(h);
    p.exec('del x');
    p.vm.decref(h); // the last reference: list_dealloc
    expect(() => p.vm.decref(h)).toThrow(HandleUseAfterFree);
    expect(() => p.vm.incref(h)).toThrow(HandleUseAfterFree);
  });

  // issue 12: an instruction that pushed before its lookup failed (`s[sp++] = loadName(...)`)
  // left the slot above the stack holding a handle popped and freed earlier ([1] here), and the
  // unwinder released it again
  it.each([
    ['if [1]:\n    b.clear()\n', "NameError: name 'b' is not defined"],
    [
      'class K:\n    x = [2]\n    def m(self):\n        pass\n    y = [3] if x else 0\n    nope\n',
      "NameError: name 'nope' is not defined. Did you mean: 'None'?",
    ],
    ['assert not [1], [9]\n', 'AssertionError: [9]'],
    ['xs = [1]\na = (lambda: 1)() + xs\n', "TypeError: unsupported operand type(s) for +: 'int' and 'list'"],
    [
      'xs = [1]\ntry:\n    a = (lambda: 1)() + xs\nexcept TypeError as e:\n    print(e)\nprint(nope)\n',
      "NameError: name 'nope' is not defined. Did you mean: 'None'?",
    ],
    [
      'def f():\n    return [1] + (lambda: 1)()\nf()\n',
      'TypeError: can only concatenate list (not "int") to list',
    ],
    ['class A:\n    pass\nA().missing\n', "AttributeError: 'A' object has no attribute 'missing'"],
    [
      'def g():\n    yield 1\n    1 + (lambda: "a")()\nfor _ in g():\n    pass\n',
      "TypeError: unsupported operand type(s) for +: 'int' and 'str'",
    ],
  ])('%j', (source, last) => {
    const { error } = run(source);
    expect(error).not.toBeNull();
    expect(error!.trimEnd().split('\n').at(-1)).toBe(last);
  });

  it('random programs (tests/robust/programs.ts) never touch a dead handle (40 programs)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const src = randomProgram(seed);
        const problem = cleanRun(simulate(src, 2), 2);
        if (problem) throw new Error(`${problem}\n--- program (seed ${seed}):\n${src}`);
      }),
      { seed: 20261212, numRuns: 40 },
    );
  });
});
