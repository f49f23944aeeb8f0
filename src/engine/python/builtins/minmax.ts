import { argParserInit, parseKeywordLookups } from '../abstract/argparser';
import { call } from '../abstract/call';
import { richCompareBool } from '../abstract/compare';
import { typeError, valueError } from '../abstract/errors';
import { getIter, iterNext } from '../abstract/iter';
import { Cmp, T, type Kwargs } from '../objects/types';
import { DEFERRED, deferrer, takeDefer } from '../runtime/deferred';
import type { Vm } from '../runtime/vm';

/**
 * builtin_min / builtin_max (min_max, Python/bltinmodule.c): one argument is iterated, several are
 * iterated as the argument tuple (a tuple iterator either way; 3.13's METH_FASTCALL walks them in
 * place); the best item and its key are kept, a better one replacing them (the old key released
 * before the old item). A Python key function runs in the calling loop when the loop's CALL allows
 * it (runtime/deferred.ts): each key call defers, and the walk goes on from its result, so
 * `min(xs, key=f)` with an f that recurses through min costs no JS stack (real 3.11.7: 500 levels,
 * " while calling a Python object" from _PyObject_MakeTpCall's check: 2 units a level).
 */
class MinMaxWalk {
  best = 0;
  bestKey = 0;
  /** The tuple iterator, or -1 for 3.13's walk over the arguments in place. */
  iter = 0;
  at = 0;

  constructor(
    private readonly args: readonly number[],
    private readonly key: number,
    private readonly op: Cmp,
    private readonly defer: boolean,
  ) {}

  /** The next item (a new reference), 0 at the end. */
  private next(vm: Vm): number {
    if (this.iter !== -1) return iterNext(vm, this.iter);
    if (this.at === this.args.length) return 0;
    const v = this.args[this.at++];
    vm.incref(v);
    return v;
  }

  /** The walk from here: 0 at its end (the best in `best`), or DEFERRED (a key call runs in the loop). */
  run(vm: Vm): number {
    for (let v = this.next(vm); v; v = this.next(vm)) {
      if (this.key === 0) {
        vm.incref(v);
        this.consider(vm, v, v);
        continue;
      }
      let k: number;
      try {
        k = this.defer ? deferrer(vm)!.deferCall(this.key, [v], null) : call(vm, this.key, [v], null);
      } catch (e) {
        vm.decref(v);
        throw e;
      }
      if (k === DEFERRED) {
        deferrer(vm)!.continueWith({
          done: (vm2, got) => {
            this.consider(vm2, v, got);
            return this.run(vm2);
          },
          fail: (vm2) => {
            vm2.decref(v);
            this.release(vm2);
          },
        });
        return DEFERRED;
      }
      this.consider(vm, v, k);
    }
    return 0;
  }

  /** `v` and its key `k` (new references) against the best so far. */
  private consider(vm: Vm, v: number, k: number): void {
    if (this.best === 0) {
      this.best = v;
      this.bestKey = k;
      return;
    }
    let better: boolean;
    try {
      better = richCompareBool(vm, k, this.bestKey, this.op);
    } catch (e) {
      vm.decref(k);
      vm.decref(v);
      throw e;
    }
    if (better) {
      vm.decref(this.bestKey);
      vm.decref(this.best);
      this.best = v;
      this.bestKey = k;
    } else {
      vm.decref(v);
      vm.decref(k);
    }
  }

  /** min_max's Fail_it: the best so far and the iterator released. */
  release(vm: Vm): void {
    if (this.bestKey !== 0) vm.decref(this.bestKey);
    if (this.best !== 0) vm.decref(this.best);
    this.best = this.bestKey = 0;
    if (this.iter > 0) vm.decref(this.iter);
    this.iter = 0;
  }

  /** min_max's end: the best item (its key and the iterator released), the default, or the error. */
  finish(vm: Vm, dflt: number | undefined, which: string): number {
    if (this.iter > 0) vm.decref(this.iter);
    this.iter = 0;
    if (this.best === 0) {
      if (dflt !== undefined) {
        vm.incref(dflt);
        return dflt;
      }
      throw valueError(vm, '%s() arg is an empty sequence', which);
    }
    vm.decref(this.bestKey);
    return this.best;
  }
}

export function minMax(
  vm: Vm,
  args: readonly number[],
  kw: Kwargs | null,
  argsTuple: number,
  which: 'min' | 'max',
): number {
  const defer = takeDefer(vm);
  if (!vm.py.fastcallBuiltins.includes(which))
    // min_max: PyArg_ParseTupleAndKeywords(emptytuple, kwds, "|$OO:max", {"key", "default"})
    parseKeywordLookups(vm, kw, ['key', 'default']);
  // 3.13's METH_FASTCALL min_max: _PyArg_ParseStackAndKeywords with its own hand-written _parser_min /
  // _parser_max (no clinic, no static kwtuple), only when keywords were passed
  else if (kw !== null && kw.size > 0) argParserInit(vm, which, ['key', 'default'], true);
  for (const k of kw?.keys() ?? [])
    if (k !== 'key' && k !== 'default')
      throw typeError(vm, "%s() got an unexpected keyword argument '%s'", which, k);
  const keyFn = kw?.get('key');
  const key = keyFn !== undefined && vm.table.type[keyFn] !== T.None ? keyFn : 0;
  const dflt = kw?.get('default');
  if (args.length === 0) throw typeError(vm, '%s expected at least 1 argument, got 0', which);
  if (args.length > 1 && dflt !== undefined)
    throw typeError(vm, 'Cannot specify a default for %s() with multiple positional arguments', which);
  const walk = new MinMaxWalk(args, key, which === 'min' ? Cmp.LT : Cmp.GT, defer && key !== 0);
  walk.iter = args.length > 1 && !argsTuple ? -1 : getIter(vm, args.length === 1 ? args[0] : argsTuple);
  let r: number;
  try {
    r = walk.run(vm);
  } catch (e) {
    walk.release(vm);
    throw e;
  }
  if (r !== DEFERRED) return walk.finish(vm, dflt, which);
  deferrer(vm)!.continueWith({
    done: (vm2) => {
      try {
        return walk.finish(vm2, dflt, which);
      } catch (e) {
        walk.release(vm2);
        throw e;
      }
    },
    fail: (vm2) => walk.release(vm2),
  });
  return DEFERRED;
}
