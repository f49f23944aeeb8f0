import { NotSupported } from '../errors';
import type { CodeObject } from '../compiler/code';
import { constKey, type Const } from '../compiler/values';
import { bytesNew } from '../objects/bytes';
import { fromDouble } from '../objects/float';
import { fromLong, longNew, norm } from '../objects/int';
import { setAdd, setNew } from '../objects/set';
import { intern, strResult } from '../objects/str';
import { tupleFromItems } from '../objects/tuple';
import type { Vm } from '../runtime/vm';
import { CodeRt, codeHandle } from './code';

/**
 * The constant loader: CPython makes a script's constants while it compiles it, before the first
 * statement runs (the parser makes each literal, ast_opt.c folds, compile.c builds the constant
 * tuples and frozensets and merges equal constants across every code object of the module:
 * merge_consts_recursive). The compiler gives the final values; this makes them as objects, one
 * per distinct constant (a later equal one is made and dropped, as the duplicate literal is),
 * code objects inner first. Each stays alive as long as its code: the whole run.
 */
export class ConstLoader {
  private readonly merged = new Map<string, number>();

  constructor(private readonly vm: Vm) {}

  /** The runtime code object for `co` and, before it, every code object in its constants. */
  load(co: CodeObject): CodeRt {
    const vm = this.vm;
    const names = Int32Array.from(co.names, (n) => intern(vm, n));
    const rt = new CodeRt(co, names);
    const consts = new Int32Array(co.consts.length);
    for (let i = 0; i < co.consts.length; i++) consts[i] = this.value(co.consts[i]);
    rt.consts = consts;
    codeHandle(vm, rt);
    return rt;
  }

  /** One constant (merged): a handle the code holds for the whole run. */
  private value(c: Const): number {
    const vm = this.vm;
    switch (c.t) {
      case 'none':
        return vm.s.None;
      case 'bool':
        return vm.s.bool(c.v);
      case 'ellipsis':
        return vm.s.Ellipsis;
      case 'code':
        return this.load(c.code).handle;
      default:
        break;
    }
    const key = constKey(c);
    const old = this.merged.get(key);
    const h = this.make(c);
    if (old !== undefined) {
      // the duplicate literal is released when the compiler drops it
      vm.decref(h);
      return old;
    }
    this.merged.set(key, h);
    return h;
  }

  private make(c: Const): number {
    const vm = this.vm;
    switch (c.t) {
      case 'int': {
        if (c.v >= -(2n ** 63n) && c.v < 2n ** 63n) return fromLong(vm, norm(c.v));
        // PyLong_FromString: digits × log(10)/log(2**30), truncated, plus one
        const digits = c.v.toString().replace('-', '').length;
        return longNew(vm, norm(c.v), Math.floor((digits * Math.log(10)) / Math.log(2 ** 30)) + 1);
      }
      case 'float':
        return fromDouble(vm, c.v);
      case 'str':
        return strResult(vm, c.v);
      case 'bytes':
        return bytesNew(vm, c.v);
      case 'tuple': {
        if (c.items.length === 0) return vm.s.emptyTuple;
        const items = c.items.map((x) => this.value(x));
        for (const x of items) vm.incref(x);
        return tupleFromItems(vm, items);
      }
      case 'frozenset': {
        const fs = setNew(vm, true);
        for (const x of c.items) setAdd(vm, fs, this.value(x));
        return fs;
      }
      case 'complex':
        throw new NotSupported('complex numbers');
      default:
        throw new Error(`internal: constant ${c.t}`);
    }
  }
}
