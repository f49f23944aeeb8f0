import { typeError } from '../abstract/errors';
import { builtinStatic } from '../objects/descr';
import { moduleData, moduleStatic } from '../objects/module';
import { dictDelItem, dictGetItem, dictSetItem } from '../objects/dict';
import { intern, strValue } from '../objects/str';
import { Meth, T } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { hostOf } from './host';
import { partName, runPythonPart } from './pythonpart';
import type { ModuleSpec } from './registry';

/**
 * timeit (Lib/timeit.py, 3.11): not loaded at start-up, so its import replays the recorded
 * footprint. Timer builds the same template function the real one builds (the statement inside
 * a `for _i in _it:` loop between two timer reads), compiles it with the simulator's compiler and
 * runs it through the eval loop, so the timed statement allocates what it allocates, number
 * times, with the collector disabled as timeit does. The timer is time.perf_counter: the
 * simulated clock (simclock.ts), so the result is the simulated duration. The real module
 * compiles with compile() and exec(); the compiler's own transient memory is not modelled.
 */
const SOURCE = `
default_timer = perf_counter
default_number = 1000000
default_repeat = 5
dummy_src_name = "<timeit-src>"

template = """
def inner(_it, _timer{init}):
    {setup}
    _t0 = _timer()
    for _i in _it:
        {stmt}
        pass
    _t1 = _timer()
    return _t1 - _t0
"""


def reindent(src, indent):
    return src.replace("\\n", "\\n" + " " * indent)


class Timer:
    def __init__(self, stmt="pass", setup="pass", timer=default_timer, globals=None):
        self.timer = timer
        local_ns = {}
        global_ns = _module_globals if globals is None else globals
        init = ''
        if isinstance(setup, str):
            setup = reindent(setup, 4)
        elif callable(setup):
            local_ns['_setup'] = setup
            init += ', _setup=_setup'
            setup = '_setup()'
        else:
            raise ValueError("setup is neither a string nor callable")
        if isinstance(stmt, str):
            stmt = reindent(stmt, 8)
        elif callable(stmt):
            local_ns['_stmt'] = stmt
            init += ', _stmt=_stmt'
            stmt = '_stmt()'
        else:
            raise ValueError("stmt is neither a string nor callable")
        src = template.format(stmt=stmt, setup=setup, init=init)
        self.src = src
        self.inner = _define(src, global_ns, local_ns)

    def timeit(self, number=default_number):
        it = repeat_none(None, number)
        gcold = gc_isenabled()
        gc_disable()
        try:
            timing = self.inner(it, self.timer)
        finally:
            if gcold:
                gc_enable()
        return timing

    def repeat(self, repeat=default_repeat, number=default_number):
        r = []
        for i in range(repeat):
            t = self.timeit(number)
            r.append(t)
        return r

    def autorange(self, callback=None):
        i = 1
        while True:
            for j in 1, 2, 5:
                number = i * j
                time_taken = self.timeit(number)
                if callback:
                    callback(number, time_taken)
                if time_taken >= 0.2:
                    return (number, time_taken)
            i *= 10


def timeit(stmt="pass", setup="pass", timer=default_timer, number=default_number, globals=None):
    return Timer(stmt, setup, timer, globals).timeit(number)


def repeat(stmt="pass", setup="pass", timer=default_timer, repeat=default_repeat, number=default_number, globals=None):
    return Timer(stmt, setup, timer, globals).repeat(repeat, number)
`;

/**
 * exec(compile(src), global_ns, local_ns) for the template: the function is defined with
 * `global_ns` as its globals and the defaults (_setup, _stmt) from `local_ns`; it is taken out
 * of the namespace again, which is left as it was.
 */
function define(vm: Vm, _m: number, a: readonly number[]): number {
  const [src, globals, locals] = a;
  if (vm.table.type[globals] !== T.Dict) throw typeError(vm, 'globals must be a dict');
  const names = ['inner', '_setup', '_stmt'];
  const saved = new Map<string, number>();
  const getItem = (d: number, k: string): number => dictGet(vm, d, k);
  for (const k of names) {
    const v = getItem(globals, k);
    if (v !== 0) {
      vm.incref(v);
      saved.set(k, v);
    }
    const l = getItem(locals, k);
    if (l !== 0) dictPut(vm, globals, k, l);
  }
  try {
    hostOf(vm).execSource(strValue(vm, src), '<timeit-src>', globals);
    const inner = getItem(globals, 'inner');
    vm.incref(inner);
    return inner;
  } finally {
    for (const k of names) {
      const prev = saved.get(k);
      if (prev !== undefined) {
        dictPut(vm, globals, k, prev);
        vm.decref(prev);
      } else if (getItem(globals, k) !== 0) dictDel(vm, globals, k);
    }
  }
}

const dictGet = (vm: Vm, d: number, k: string): number => dictGetItem(vm, d, intern(vm, k));
const dictPut = (vm: Vm, d: number, k: string, v: number): void => dictSetItem(vm, d, intern(vm, k), v);
const dictDel = (vm: Vm, d: number, k: string): void => dictDelItem(vm, d, intern(vm, k));

export const timeitModule: ModuleSpec = {
  name: 'timeit',
  load: (vm, importModule) => {
    const time = importModule('time');
    const gc = importModule('gc');
    const itertools = importModule('itertools');
    const attr = (m: number, k: string): number => moduleData(vm, m).attrs.get(k)!;
    const names: Record<string, number> = {
      perf_counter: attr(time, 'perf_counter'),
      gc_isenabled: attr(gc, 'isenabled'),
      gc_disable: attr(gc, 'disable'),
      gc_enable: attr(gc, 'enable'),
      repeat_none: attr(itertools, 'repeat'),
      _define: builtinStatic(
        vm,
        { name: '_define', qualname: '_define', flags: Meth.Fastcall, impl: define },
        'timeit',
      ),
    };
    const globals = runPythonPart(vm, 'timeit', SOURCE, names);
    dictPut(vm, globals, '_module_globals', globals);
    const m = moduleStatic(vm, 'timeit');
    const attrs = moduleData(vm, m).attrs;
    for (const k of ['Timer', 'timeit', 'repeat', 'default_timer', 'template', 'reindent', 'dummy_src_name'])
      attrs.set(k, partName(vm, globals, k));
    for (const h of [time, gc, itertools]) vm.decref(h);
    return m;
  },
};
