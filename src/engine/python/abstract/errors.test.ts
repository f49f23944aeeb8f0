import { describe, expect, it } from 'vitest';
import { PyError } from '../errors';
import { E } from '../objects/exctypes';
import { excState } from '../objects/exceptions';
import { frameObjectNew } from '../objects/frameobject';
import { intern } from '../objects/str';
import { tracebackData } from '../objects/traceback';
import { T } from '../objects/types';
import { PythonProcess } from '../process';
import type { Vm } from '../runtime/vm';
import recorded from '../testdata/exception_expected.json';
import { getAttr } from './attr';
import { call } from './call';
import { catchException, doRaise, popExcept, pushExcInfo, tracebackHere } from './errors';
import { getItem } from './item';
import { getIter, iterNext } from './iter';
import { strText } from './repr';

/**
 * Exceptions raised and caught, call by call against CPython 3.11.7 (testdata/exception_cases.json,
 * recorded with tools/allocations/record_allocations.py exception). The tree-walker has no
 * try/except, so each case drives the abstract layer the way ceval's bytecode does: the failing
 * operation, PyTraceBack_Here (the frame object made on first need), exception_unwind's
 * normalization, PUSH_EXC_INFO, the match, POP_EXCEPT; the frame object goes at the end.
 */
interface Ctx {
  vm: Vm;
  g: (name: string) => number;
  /** The module frame: its frame object made on the first traceback (co_nlocalsplus + co_stacksize slots). */
  frame: { slots: number; obj: number };
}

function run(setup: string, slots: number, body: (c: Ctx) => void): string[] {
  const p = new PythonProcess();
  p.load('');
  p.exec(setup);
  const vm = p.vm;
  const globals: number[] = [];
  const g = (name: string) => {
    const h = p.globalValue(name) || (p.evalInterpreter!.builtins.get(name) ?? 0);
    vm.incref(h);
    globals.push(h);
    return h;
  };
  // the names the case reads, before the log starts (LOAD_NAME allocates nothing)
  const ctx: Ctx = { vm, g, frame: { slots, obj: 0 } };
  vm.gc.collectFull();
  vm.mem.log = [];
  body(ctx);
  if (ctx.frame.obj) vm.decref(ctx.frame.obj);
  for (const h of globals) vm.decref(h);
  return vm.mem.log;
}

/** try: body / except <type>: handler — as the bytecode runs it. */
function tryExcept(c: Ctx, body: () => void, type: number, handler: () => void = () => {}): void {
  const vm = c.vm;
  try {
    body();
  } catch (e) {
    if (!(e instanceof PyError)) throw e;
    if (!c.frame.obj) c.frame.obj = frameObjectNew(vm, c.frame.slots, null);
    tracebackHere(vm, e, c.frame.obj, 0, 1);
    const exc = catchException(vm, e);
    pushExcInfo(vm, exc);
    if (!vm.typeOf(exc).mro.includes(type)) throw new Error(`unexpected ${vm.typeOf(exc).name}`, { cause: e });
    handler();
    popExcept(vm);
  }
}

const builtin = (c: Ctx, name: string): number => c.g(name);

const drivers: Record<string, [number, (c: Ctx) => void]> = {
  'try:\n    d[k]\nexcept KeyError:\n    pass': [
    4,
    (c) => tryExcept(c, () => c.vm.decref(getItem(c.vm, c.g('d'), c.g('k'))), E.KeyError),
  ],
  'for i in range(3):\n    try:\n        d[k]\n    except KeyError:\n        pass': [
    5,
    (c) => {
      const vm = c.vm;
      const r = call(vm, builtin(c, 'range'), [vm.s.smallInt(3)], null);
      const it = getIter(vm, r);
      vm.decref(r);
      const d = c.g('d');
      const k = c.g('k');
      for (let i = iterNext(vm, it); i !== 0; i = iterNext(vm, it))
        tryExcept(c, () => vm.decref(getItem(vm, d, k)), E.KeyError);
      vm.decref(it);
    },
  ],
  "try:\n    int('x')\nexcept ValueError:\n    pass": [
    4,
    (c) =>
      tryExcept(c, () => c.vm.decref(call(c.vm, builtin(c, 'int'), [intern(c.vm, 'x')], null)), E.ValueError),
  ],
  'try:\n    next(it)\nexcept StopIteration:\n    pass': [
    4,
    (c) =>
      tryExcept(c, () => c.vm.decref(call(c.vm, builtin(c, 'next'), [c.g('it')], null)), E.StopIteration),
  ],
  'for i in []:\n    pass': [
    2,
    (c) => {
      // fold_iter made the empty list a constant tuple; the loop's end sets no StopIteration
      const it = getIter(c.vm, c.vm.s.emptyTuple);
      expect(iterNext(c.vm, it)).toBe(0);
      c.vm.decref(it);
    },
  ],
  "try:\n    raise ValueError('x')\nexcept ValueError:\n    pass": [
    4,
    (c) =>
      tryExcept(
        c,
        () => {
          const inst = call(c.vm, builtin(c, 'ValueError'), [intern(c.vm, 'x')], null);
          const err = doRaise(c.vm, inst, 0);
          c.vm.decref(inst);
          throw err;
        },
        E.ValueError,
      ),
  ],
  'try:\n    x.foo\nexcept AttributeError:\n    pass': [
    4,
    (c) => tryExcept(c, () => c.vm.decref(getAttr(c.vm, c.g('x'), 'foo')), E.AttributeError),
  ],
  "try:\n    raise ValueError('x')\nexcept ValueError:\n    try:\n        {}['k']\n    except KeyError:\n        pass":
    [
      5,
      (c) => {
        const vm = c.vm;
        tryExcept(
          c,
          () => {
            const inst = call(vm, builtin(c, 'ValueError'), [intern(vm, 'x')], null);
            const err = doRaise(vm, inst, 0);
            vm.decref(inst);
            throw err;
          },
          E.ValueError,
          () =>
            tryExcept(
              c,
              () => {
                const d = call(vm, builtin(c, 'dict'), [], null);
                try {
                  getItem(vm, d, intern(vm, 'k'));
                } finally {
                  vm.decref(d);
                }
              },
              E.KeyError,
            ),
        );
      },
    ],
  "try:\n    raise KeyError('a') from ValueError('b')\nexcept KeyError:\n    pass": [
    4,
    (c) =>
      tryExcept(
        c,
        () => {
          const vm = c.vm;
          const inst = call(vm, builtin(c, 'KeyError'), [intern(vm, 'a')], null);
          const cause = call(vm, builtin(c, 'ValueError'), [intern(vm, 'b')], null);
          const err = doRaise(vm, inst, cause);
          vm.decref(inst);
          vm.decref(cause);
          throw err;
        },
        E.KeyError,
      ),
  ],
};

describe('exceptions raised and caught, as CPython 3.11.7 allocates them', () => {
  for (const c of recorded.cases) {
    it(`${c.setup.replace(/\n/g, '; ')} ⟶ ${c.statement.replace(/\n/g, ' / ')}`, () => {
      const d = drivers[c.statement];
      expect(d, 'a driver for the case').toBeDefined();
      expect(run(c.setup, d[0], d[1])).toEqual(c.calls);
    });
  }
});

describe('the exception objects', () => {
  it('chains an exception raised while another is handled (__context__), normalizing it at once', () => {
    const p = new PythonProcess();
    p.load('pass\n');
    const vm = p.vm;
    const first = call(vm, vm.types[E.ValueError].typeObject, [intern(vm, 'x')], null);
    pushExcInfo(vm, first);
    let second: PyError | null = null;
    try {
      getItem(vm, vm.s.emptyTuple, vm.s.smallInt(3));
    } catch (e) {
      second = e as PyError;
    }
    expect(second!.normalized).toBe(true);
    expect(excState(vm, second!.value).context).toBe(first);
    expect(strText(vm, second!.value)).toBe('tuple index out of range');
    popExcept(vm);
  });

  it('keeps the traceback chain and the frame it names alive from the caught exception', () => {
    const p = new PythonProcess();
    p.load('pass\n');
    const vm = p.vm;
    const frame = frameObjectNew(vm, 4, null);
    let exc = 0;
    try {
      getItem(vm, vm.s.emptyTuple, vm.s.smallInt(0));
    } catch (e) {
      tracebackHere(vm, e as PyError, frame, 6, 3);
      exc = catchException(vm, e as PyError);
    }
    const tb = excState(vm, exc).traceback;
    expect(vm.table.type[tb]).toBe(T.Traceback);
    expect(tracebackData(vm, tb)).toMatchObject({ frame, lineno: 3, lasti: 6, next: 0 });
    expect(vm.table.refcnt[frame]).toBe(2);
    vm.decref(exc);
    expect(vm.table.refcnt[frame]).toBe(1);
    vm.decref(frame);
  });

  it('words str() and repr() as CPython does', () => {
    const p = new PythonProcess();
    p.load('pass\n');
    const vm = p.vm;
    const make = (type: number, ...args: number[]) => call(vm, vm.types[type].typeObject, args, null);
    const s = (t: string) => intern(vm, t);
    const cases: [number, string, string][] = [
      [make(E.ValueError, s('x')), 'x', "ValueError('x')"],
      [make(E.ValueError), '', 'ValueError()'],
      [make(E.KeyError, s('k')), "'k'", "KeyError('k')"],
      [
        make(E.OSError, vm.s.smallInt(2), s('No such file'), s('f.txt')),
        "[Errno 2] No such file: 'f.txt'",
        "FileNotFoundError(2, 'No such file')",
      ],
      [make(E.ValueError, s('a'), vm.s.smallInt(1)), "('a', 1)", "ValueError('a', 1)"],
    ];
    for (const [h, str, repr] of cases) {
      expect(strText(vm, h)).toBe(str);
      const r = vm.typeOf(h).repr!(vm, h);
      expect(vm.table.side[r]).toBe(repr);
    }
    const stop = make(E.StopIteration, vm.s.smallInt(5));
    expect(vm.table.num[getAttr(vm, stop, 'value')]).toBe(5);
    const exit = make(E.SystemExit, vm.s.smallInt(3));
    expect(vm.table.num[getAttr(vm, exit, 'code')]).toBe(3);
  });
});
