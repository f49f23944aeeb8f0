import * as libm from '../../libm';
import { NotSupported, PyError } from '../errors';
import { clearError } from '../abstract/errors';
import { getItem } from '../abstract/item';
import { NB_OF, binaryOp, unaryOp } from '../abstract/number';
import { isTrue } from '../abstract/object';
import type { ConstValue } from '../syntax/ast';
import { setData } from '../objects/set';
import { tupleItem } from '../objects/tuple';
import { T } from '../objects/types';
import type { CodeObject } from '../compiler/code';
import { constKey, type Const } from '../compiler/values';
import { bytesNew } from '../objects/bytes';
import { complexNew } from '../objects/complex';
import { fromDouble } from '../objects/float';
import { fromLong, longNew, norm } from '../objects/int';
import { setAdd, setNew } from '../objects/set';
import { allNameChars, noteInternedConst } from '../objects/internedconsts';
import { intern, strResult, strValue } from '../objects/str';
import { tupleFromItems } from '../objects/tuple';

/** One folded operation, as the compiler reports it. */
export type FoldEvent = [op: string, operands: ConstValue[], result: ConstValue];
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
  /** Constants some code object holds (the rest die with the parser's arena). */
  private readonly held = new Set<number>();
  /** A fold that met a constant not modelled: thrown when a code object uses its result (or at the end). */
  private unsupported: { error: NotSupported; key: string } | null = null;

  constructor(private readonly vm: Vm) {}

  /**
   * ast_opt.c's folding, replayed on objects in its order (the compiler reports each fold):
   * `10 ** 20` is made by long_pow, so it has long_pow's size, and the operands are made first,
   * as the parser made them.
   */
  fold(events: readonly FoldEvent[]): void {
    const vm = this.vm;
    for (const [op, operands, result] of events) {
      let args: number[];
      try {
        args = operands.map((c) => this.value(c));
      } catch (e) {
        // an operand not modelled (3 + 4j): reported at the line of the folded constant's use
        if (!(e instanceof NotSupported) || e.line !== 0) throw e;
        this.unsupported = { error: e, key: constKey(result) };
        return;
      }
      let h: number;
      try {
        if (op === '[]') h = getItem(vm, args[0], args[1]);
        else if (op === 'unarynot') h = vm.s.bool(!isTrue(vm, args[0]));
        else if (op.startsWith('unary')) h = unaryOp(vm, op.slice(5), args[0]);
        else h = binaryOp(vm, NB_OF[op], args[0], args[1]);
      } catch (e) {
        if (e instanceof PyError && e.excType >= 0) {
          clearError(vm, e);
          continue;
        }
        throw e;
      }
      this.adopt(constKey(result), h);
    }
  }

  /**
   * The parser's arena is freed after compiling: the literals and folding results no code object
   * kept go with it, in the order they were made.
   */
  finish(): void {
    if (this.unsupported !== null) throw this.unsupported.error;
    for (const [key, h] of this.merged) {
      if (this.held.has(h)) continue;
      this.merged.delete(key);
      this.vm.decref(h);
    }
  }

  private adopt(key: string, h: number): number {
    const vm = this.vm;
    const old = this.merged.get(key);
    if (old !== undefined) {
      vm.decref(h);
      return old;
    }
    this.merged.set(key, h);
    // a folded str constant ("hello_" + "world") is interned like a literal one
    if (vm.table.type[h] === T.Str && allNameChars(strValue(vm, h)))
      noteInternedConst(vm, strValue(vm, h), h);
    return h;
  }

  /** The runtime code object for `co` and, before it, every code object in its constants. */
  load(co: CodeObject): CodeRt {
    const vm = this.vm;
    const names = Int32Array.from(co.names, (n) => intern(vm, n));
    const rt = new CodeRt(co, names, vm.py.quickening);
    const consts = new Int32Array(co.consts.length);
    for (let i = 0; i < co.consts.length; i++) {
      if (this.unsupported !== null && constKey(co.consts[i]) === this.unsupported.key) {
        this.unsupported.error.line = constLine(co, i);
        throw this.unsupported.error;
      }
      try {
        consts[i] = this.value(co.consts[i]);
      } catch (e) {
        // made before any statement runs: the line is the first instruction loading it
        if (e instanceof NotSupported && e.line === 0) e.line = constLine(co, i);
        throw e;
      }
      this.hold(consts[i]);
    }
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
    if (old !== undefined) return old;
    const h = this.make(c);
    this.merged.set(key, h);
    return h;
  }

  /** A code object holds `h` (and so every item of a constant tuple or frozenset). */
  private hold(h: number): void {
    this.held.add(h);
    const vm = this.vm;
    const t = vm.table.type[h];
    if (t === T.Tuple) for (let i = 0; i < vm.table.n[h]; i++) this.hold(tupleItem(vm, h, i));
    else if (t === T.FrozenSet) for (const k of setData(vm, h).index.values()) this.hold(k);
  }

  private make(c: Const): number {
    const vm = this.vm;
    switch (c.t) {
      case 'int': {
        if (c.v >= -(2n ** 63n) && c.v < 2n ** 63n) return fromLong(vm, norm(c.v));
        // PyLong_FromString: digits × log(10)/log(2**30), truncated, plus one
        const digits = c.v.toString().replace('-', '').length;
        return longNew(vm, norm(c.v), Math.floor((digits * libm.log(10)) / libm.log(2 ** 30)) + 1);
      }
      case 'float':
        return fromDouble(vm, c.v);
      case 'str':
        // a one-character constant: the interned str (the latin-1 singleton, unless startup
        // interned a static copy of that character first: PyUnicode_InternInPlace keeps the first)
        if (c.v.length === 1 && vm.py.staticOneCharStrs.includes(c.v)) return intern(vm, c.v);
        {
          const h = strResult(vm, c.v);
          if (allNameChars(c.v) && vm.table.type[h] === T.Str) noteInternedConst(vm, c.v, h);
          return h;
        }
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
        return complexNew(vm, c.re, c.im);
      default:
        throw new Error(`internal: constant ${c.t}`);
    }
  }
}

/** The line of the first LOAD_CONST of constant `i` (EXTENDED_ARG prefixes included), else the code's first line. */
function constLine(co: CodeObject, i: number): number {
  let arg = 0;
  for (let u = 0; u < co.code.length; u++) {
    const op = co.code[u] & 0xff;
    arg = (arg << 8) | (co.code[u] >> 8);
    if (op === 144) continue; // EXTENDED_ARG
    if (op === 100 && arg === i && co.positions[4 * u] > 0) return co.positions[4 * u];
    arg = 0;
  }
  return co.firstlineno;
}
