import { PyError } from '../errors';
import { getAttr, lookupAttr, setAttr } from '../abstract/attr';
import { call, callMethod, callTuple, makeTpCall } from '../abstract/call';
import { clearError, errorMatches, raiseString } from '../abstract/errors';
import { getIter, iterNext } from '../abstract/iter';
import { isInstance } from '../abstract/object';
import { E } from '../objects/exctypes';
import { cellNew, functionNew, NativeCode } from '../objects/func';
import { dictNew, dictSetItem } from '../objects/dict';
import { isCallable } from '../objects/dictsub';
import { KeyWrapperType } from '../objects/keywrapper';
import { LruCacheType, lruCacheClear, lruState, LruKind } from '../objects/lrucache';
import { moduleType } from '../objects/modtypes';
import { cacheInfoType } from '../objects/namedtuple';
import { PartialType } from '../objects/partial';
import { intern, strValue } from '../objects/str';
import { tupleAlloc, tupleFromItems } from '../objects/tuple';
import { fromSsize } from '../objects/int';
import { builtinStatic } from '../objects/descr';
import { Meth, T, type Kwargs, type MethodDef } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { DEFERRED, defersCall, deferrer, takeDefer } from '../runtime/deferred';
import { ItemPool } from '../objects/pool';
import { bindArgs } from './bind';
import { makeCachedProperty, makeSingledispatch, makeTotalOrdering } from './functoolspy';
import { fn, makeModule } from './module';
import type { ModuleSpec } from './registry';

/**
 * functools (Lib/functools.py over the C module _functools). The C parts are types
 * (objects/partial.ts, lrucache.ts, keywrapper.ts) and reduce/cmp_to_key; lru_cache(), cache(),
 * update_wrapper() and wraps() are Python functions, modelled here by what their code does:
 * the cells and closures, the decorating function and the cache_parameters lambda (function
 * objects of their real size, run in JavaScript), the attribute copies and the wrapper's dict.
 */

const ASSIGNED = ['__module__', '__name__', '__qualname__', '__doc__', '__annotations__'];
const UPDATED = ['__dict__'];

/** A static tuple of interned names (a module constant such as WRAPPER_ASSIGNMENTS). */
function namesTuple(vm: Vm, names: string[]): number {
  const t = vm.newStatic(T.Tuple);
  vm.table.n[t] = names.length;
  vm.table.pcap[t] = ItemPool.capacityFor(names.length);
  vm.table.ref[t] = vm.pool.alloc(vm.table.pcap[t]);
  names.forEach((n, i) => (vm.pool.data[vm.table.ref[t] + i] = intern(vm, n)));
  return t;
}

/**
 * functools.reduce (functools_reduce, METH_VARARGS): one 2-tuple of arguments reused while nobody
 * else holds it. A Python function runs in the calling loop when the loop's CALL allows it
 * (runtime/deferred.ts): each call defers and the fold goes on from its result (real 3.11.7: a
 * function recursing through reduce reaches 499 levels, 2 units a level with MakeTpCall's check).
 */
function reduce(vm: Vm, a: readonly number[]): number {
  const defer = takeDefer(vm);
  if (a.length < 2 || a.length > 3)
    throw raiseString(
      vm,
      E.TypeError,
      `reduce expected ${a.length < 2 ? 'at least 2' : 'at most 3'} arguments, got ${a.length}`,
    );
  const [func, seq] = a;
  // only a Python function's call can run in the loop (deferCall would call anything else with an
  // array, not the reused tuple a METH_VARARGS callee takes as it is)
  const fold = new ReduceFold(func, a[2] ?? 0, defer && vm.table.type[func] === T.Function);
  if (fold.result) vm.incref(fold.result);
  try {
    fold.it = getIter(vm, seq);
  } catch (e) {
    if (fold.result) vm.decref(fold.result);
    if (e instanceof PyError && errorMatches(vm, e, E.TypeError)) {
      clearError(vm, e);
      throw raiseString(vm, E.TypeError, 'reduce() arg 2 must support iteration');
    }
    throw e;
  }
  fold.args = tupleAlloc(vm, 2);
  vm.pool.data.fill(0, vm.table.ref[fold.args], vm.table.ref[fold.args] + 2);
  vm.gc.track(fold.args);
  return fold.run(vm);
}

/** functools_reduce's loop, resumable after a deferred call of its function. */
class ReduceFold {
  it = 0;
  args = 0;
  constructor(
    private readonly func: number,
    public result: number,
    private readonly defer: boolean,
  ) {}

  /** The fold from here: the result, or DEFERRED (the function's call runs in the loop). */
  run(vm: Vm): number {
    try {
      for (;;) {
        if (vm.table.refcnt[this.args] > 1) {
          vm.decref(this.args);
          this.args = tupleAlloc(vm, 2);
          vm.pool.data.fill(0, vm.table.ref[this.args], vm.table.ref[this.args] + 2);
          vm.gc.track(this.args);
        }
        const op2 = iterNext(vm, this.it);
        if (op2 === 0) break;
        if (this.result === 0) {
          this.result = op2;
          continue;
        }
        const off = vm.table.ref[this.args];
        const o0 = vm.pool.data[off];
        const o1 = vm.pool.data[off + 1];
        vm.pool.data[off] = this.result;
        vm.pool.data[off + 1] = op2;
        if (o0) vm.decref(o0);
        if (o1) vm.decref(o1);
        this.result = 0;
        // PyObject_Call(func, args, NULL): a Python function gets the tuple's items
        const r = this.defer
          ? deferrer(vm)!.deferCall(this.func, [vm.pool.data[off], op2], null)
          : callTuple(vm, this.func, this.args, 0);
        if (r === DEFERRED) {
          deferrer(vm)!.continueWith({
            done: (vm2, got) => {
              this.result = got;
              if (!vm2.gc.isTracked(this.args)) vm2.gc.track(this.args);
              return this.run(vm2);
            },
            fail: (vm2) => this.release(vm2),
          });
          return DEFERRED;
        }
        this.result = r;
        if (!vm.gc.isTracked(this.args)) vm.gc.track(this.args);
      }
    } catch (e) {
      this.release(vm);
      throw e;
    }
    vm.decref(this.args);
    vm.decref(this.it);
    if (this.result === 0)
      throw raiseString(vm, E.TypeError, 'reduce() of empty iterable with no initial value');
    return this.result;
  }

  /** functools_reduce's Fail: the result so far, the argument tuple and the iterator released. */
  private release(vm: Vm): void {
    if (this.result) vm.decref(this.result);
    vm.decref(this.args);
    vm.decref(this.it);
    this.result = 0;
  }
}

/**
 * update_wrapper(wrapper, wrapped, assigned, updated): each assigned attribute copied when the
 * wrapped object has it (getattr/setattr; a missing one is an AttributeError caught and
 * dropped), each updated one merged (getattr(wrapper, name).update(getattr(wrapped, name, {})),
 * dict.update packing its argument), then wrapper.__wrapped__ = wrapped.
 */
export function updateWrapper(
  vm: Vm,
  wrapper: number,
  wrapped: number,
  assigned: number,
  updated: number,
): number {
  const loop = (seq: number, body: (attr: number) => void): void => {
    const it = getIter(vm, seq);
    try {
      for (let attr = iterNext(vm, it); attr !== 0; attr = iterNext(vm, it)) {
        try {
          body(attr);
        } finally {
          vm.decref(attr);
        }
      }
    } finally {
      vm.decref(it);
    }
  };
  const name = (attr: number): string => strValue(vm, attr);
  loop(assigned, (attr) => {
    let value: number;
    try {
      value = getAttr(vm, wrapped, name(attr));
    } catch (e) {
      if (e instanceof PyError && errorMatches(vm, e, E.AttributeError)) {
        clearError(vm, e);
        return;
      }
      throw e;
    }
    try {
      setAttr(vm, wrapper, name(attr), value);
    } finally {
      vm.decref(value);
    }
  });
  loop(updated, (attr) => {
    const target = getAttr(vm, wrapper, name(attr));
    try {
      const dflt = dictNew(vm);
      let src: number;
      try {
        src = lookupAttr(vm, wrapped, name(attr)) || (vm.incref(dflt), dflt);
      } finally {
        vm.decref(dflt);
      }
      try {
        vm.decref(callMethod(vm, target, 'update', [src]));
      } finally {
        vm.decref(src);
      }
    } finally {
      vm.decref(target);
    }
  });
  setAttr(vm, wrapper, '__wrapped__', wrapped);
  vm.incref(wrapper);
  return wrapper;
}

/** The module constants update_wrapper's defaults name. */
function defaults(vm: Vm): { assigned: number; updated: number } {
  return { assigned: namesTuple(vm, ASSIGNED), updated: namesTuple(vm, UPDATED) };
}

/**
 * The body lru_cache's decorating_function and the callable branch share: _lru_cache_wrapper(
 * user_function, maxsize, typed, _CacheInfo) (a 4-tuple packed for tp_call), the
 * cache_parameters lambda (a closure over the two cells) stored in the wrapper's __dict__,
 * then update_wrapper.
 */
function wrapUserFunction(
  vm: Vm,
  user: number,
  cells: [number, number],
  consts: { assigned: number; updated: number },
): number {
  const lru = moduleType(vm, LruCacheType).typeObject;
  const maxsize = vm.table.ref[cells[0]];
  const typed = vm.table.ref[cells[1]];
  const wrapper = makeTpCall(vm, lru, [user, maxsize, typed, cacheInfoType(vm).typeObject], null);
  try {
    const closure = closureOf(vm, cells);
    const lambda = functionNew(
      vm,
      new NativeCode((vm2) => cacheParameters(vm2, cells)),
      '<lambda>',
      0,
      closure,
      'lru_cache.<locals>.<lambda>',
    );
    try {
      setAttr(vm, wrapper, 'cache_parameters', lambda);
    } finally {
      vm.decref(lambda);
    }
    vm.decref(updateWrapper(vm, wrapper, user, consts.assigned, consts.updated));
  } catch (e) {
    vm.decref(wrapper);
    throw e;
  }
  return wrapper;
}

/** LOAD_CLOSURE × 2 + BUILD_TUPLE: the closure of the inner functions. */
function closureOf(vm: Vm, cells: [number, number]): number {
  vm.incref(cells[0]);
  vm.incref(cells[1]);
  return tupleFromItems(vm, cells);
}

/** cache_parameters(): {'maxsize': maxsize, 'typed': typed}. */
function cacheParameters(vm: Vm, cells: [number, number]): number {
  const d = dictNew(vm);
  dictSetItem(vm, d, intern(vm, 'maxsize'), vm.table.ref[cells[0]]);
  dictSetItem(vm, d, intern(vm, 'typed'), vm.table.ref[cells[1]]);
  return d;
}

/** lru_cache(maxsize=128, typed=False): the decorator, or (given a callable) the wrapper itself. */
function lruCache(
  vm: Vm,
  a: readonly number[],
  kw: Kwargs | null,
  consts: { assigned: number; updated: number },
): number {
  const [maxsizeArg, typedArg] = bindArgs(vm, 'lru_cache', a, kw, ['maxsize', 'typed'], [0, vm.s.False]);
  let maxsize = maxsizeArg || vm.s.smallInt(128);
  const typed = typedArg;
  const cells: [number, number] = [cellNew(vm, maxsize), cellNew(vm, typed)];
  try {
    if (isInstance(vm, maxsize, vm.types[T.Int].typeObject)) {
      if (maxsize !== vm.s.True && maxsize !== vm.s.False && (vm.table.num[maxsize] as number) < 0)
        setCell(vm, cells[0], vm.s.smallInt(0));
    } else if (isCallable(vm, maxsize) && vm.table.type[typed] === T.Bool) {
      const user = maxsize;
      vm.incref(user);
      maxsize = vm.s.smallInt(128);
      setCell(vm, cells[0], maxsize);
      try {
        return wrapUserFunction(vm, user, cells, consts);
      } finally {
        vm.decref(user);
      }
    } else if (maxsize !== vm.s.None)
      throw raiseString(vm, E.TypeError, 'Expected first argument to be an integer, a callable, or None');
    const closure = closureOf(vm, cells);
    return functionNew(
      vm,
      new NativeCode((vm2, _f, args, kw2) => {
        const [user] = bindArgs(vm2, 'decorating_function', args, kw2, ['user_function'], []);
        return wrapUserFunction(vm2, user, cells, consts);
      }),
      'decorating_function',
      0,
      closure,
      'lru_cache.<locals>.decorating_function',
    );
  } finally {
    vm.decref(cells[0]);
    vm.decref(cells[1]);
  }
}

function setCell(vm: Vm, cell: number, v: number): void {
  const old = vm.table.ref[cell];
  vm.incref(v);
  vm.table.ref[cell] = v;
  vm.xdecref(old);
}

const KW = Meth.Fastcall | Meth.Keywords;

function lruMethods(vm: Vm): void {
  const t = moduleType(vm, LruCacheType);
  t.methods.cache_info = {
    name: 'cache_info',
    flags: Meth.NoArgs,
    impl: (vm2, h) => {
      const s = lruState(vm2, h);
      const args = [s.hits, s.misses, s.kind === LruKind.Infinite ? -1 : s.maxsize, vm2.table.n[s.cache]];
      return cacheInfoCall(vm2, s.cacheInfoType, args, s.kind === LruKind.Infinite);
    },
    qualname: '_lru_cache_wrapper.cache_info',
  };
  t.methods.cache_clear = {
    name: 'cache_clear',
    flags: Meth.NoArgs,
    impl: (vm2, h) => (lruCacheClear(vm2, h), vm2.s.None),
    qualname: '_lru_cache_wrapper.cache_clear',
  };
}

/** PyObject_CallFunction(cache_info_type, "nnnn" / "nnOn", …): Py_BuildValue's tuple, then the call. */
function cacheInfoCall(vm: Vm, type: number, n: number[], infinite: boolean): number {
  const items = n.map((v, i) => (infinite && i === 2 ? (vm.incref(vm.s.None), vm.s.None) : fromSsize(vm, v)));
  const args = tupleFromItems(vm, items);
  try {
    return callTuple(vm, type, args, 0);
  } finally {
    vm.decref(args);
  }
}

function functions(vm: Vm): MethodDef[] {
  const consts = defaults(vm);
  lruMethods(vm);
  return [
    fn(
      'reduce',
      Meth.Varargs,
      defersCall((vm2, _m, a) => reduce(vm2, a)),
    ),
    fn('cmp_to_key', Meth.Varargs | Meth.Keywords, (vm2, _m, a, kw) => {
      const [mycmp] = bindArgs(vm2, 'cmp_to_key', a, kw, ['mycmp'], []);
      const k = vm2.newGcObject(moduleType(vm2, KeyWrapperType).id, 32);
      vm2.incref(mycmp);
      vm2.table.side[k] = { cmp: mycmp, object: 0 };
      vm2.gc.track(k);
      return k;
    }),
    fn('lru_cache', KW, (vm2, _m, a, kw) => lruCache(vm2, a, kw, consts)),
    fn('cache', Meth.O, (vm2, _m, a) => {
      const deco = lruCache(vm2, [], new Map([['maxsize', vm2.s.None]]), consts);
      try {
        return call(vm2, deco, [a[0]], null);
      } finally {
        vm2.decref(deco);
      }
    }),
    fn('update_wrapper', KW, (vm2, _m, a, kw) => {
      const [wrapper, wrapped, assigned, updated] = bindArgs(
        vm2,
        'update_wrapper',
        a,
        kw,
        ['wrapper', 'wrapped', 'assigned', 'updated'],
        [consts.assigned, consts.updated],
      );
      return updateWrapper(vm2, wrapper, wrapped, assigned, updated);
    }),
  ];
}

export const functoolsModule: ModuleSpec = {
  name: 'functools',
  load(vm) {
    const fns = functions(vm);
    const m = makeModule(vm, 'functools', fns, {
      partial: moduleType(vm, PartialType).typeObject,
      _lru_cache_wrapper: moduleType(vm, LruCacheType).typeObject,
      KeyWrapper: moduleType(vm, KeyWrapperType).typeObject,
      _CacheInfo: cacheInfoType(vm).typeObject,
      total_ordering: makeTotalOrdering(vm),
      cached_property: makeCachedProperty(vm),
    });
    const attrs = (vm.table.side[m] as { attrs: Map<string, number> }).attrs;
    const consts = defaults(vm);
    attrs.set('WRAPPER_ASSIGNMENTS', consts.assigned);
    attrs.set('WRAPPER_UPDATES', consts.updated);
    // wraps(wrapped, assigned, updated) = partial(update_wrapper, wrapped=…, assigned=…, updated=…)
    const updateWrapperFn = attrs.get('update_wrapper')!;
    const dispatch = makeSingledispatch(vm, updateWrapperFn);
    attrs.set('singledispatch', dispatch.fn);
    attrs.set('singledispatchmethod', dispatch.method);
    attrs.set(
      'wraps',
      makeModuleFunction(
        vm,
        fn('wraps', KW, (vm2, _m, a, kw) => {
          const [wrapped, assigned, updated] = bindArgs(
            vm2,
            'wraps',
            a,
            kw,
            ['wrapped', 'assigned', 'updated'],
            [consts.assigned, consts.updated],
          );
          return call(
            vm2,
            moduleType(vm2, PartialType).typeObject,
            [updateWrapperFn],
            new Map([
              ['wrapped', wrapped],
              ['assigned', assigned],
              ['updated', updated],
            ]),
          );
        }),
      ),
    );
    return m;
  },
};

const makeModuleFunction = (vm: Vm, d: MethodDef): number => builtinStatic(vm, d, 'functools');
