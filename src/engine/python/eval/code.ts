import type { CodeObject } from '../compiler/code';
import { Op } from '../compiler/opcodes';
import { fromLong } from '../objects/int';
import { intern } from '../objects/str';
import { tupleFromItems } from '../objects/tuple';
import { readyStaticType } from '../objects/typeobject';
import { T, defineType, type TypeSlots } from '../objects/types';
import type { Vm } from '../runtime/vm';
import type { CPythonVersion } from '../versions';
import { adaptiveCounter } from './specialize';

/**
 * A code object as the loop runs it: the compiler's CodeObject (its instructions, tables and
 * positions) plus what CPython keeps in the PyCodeObject at run time: the constants and names as
 * objects, co_warmup, and the inline caches the specializer writes (the adaptive counters and
 * which specialized form an instruction took: `specialize.ts`).
 *
 * Code objects are made while the script compiles, before its first statement, and live as long
 * as the run (their parent's co_consts holds them): their memory is part of `<start>`, so the
 * object is a static handle here.
 */
export class CodeRt {
  /** co_consts as handles (the loader's, consts.ts: each held once by the code). */
  consts: Int32Array = new Int32Array(0);
  /** co_names as interned str handles. */
  readonly names: Int32Array;
  /**
   * co_names' texts, each made once (names.ts nameText): attribute lookups take the name as a JS
   * string, and making it from the str's bytes at every LOAD_ATTR/LOAD_METHOD cost ~60 ns and garbage.
   */
  readonly nameTexts: (string | undefined)[] = [];
  /** The code object itself (a `code` object, static). */
  handle = 0;
  /**
   * co_warmup: -QUICKENING_WARMUP_DELAY (3.11: -8), +1 at each RESUME and JUMP_BACKWARD; at 0 the
   * code is quickened. From 3.12 the delay is 0: quickened when made (_PyCode_Quicken in init_code).
   */
  warmup: number;
  quickened: boolean;
  /** Per code unit (at the instruction): the specialized form it took (0 = adaptive/generic). */
  spec: Uint8Array;
  /** Per code unit: the adaptive counter, or the miss counter of a specialized instruction. */
  counter: Uint16Array;
  /** _co_firsttraceable: the index of the first RESUME (a frame before it is incomplete). */
  readonly firstTraceable: number;
  /** The function-free flags: is it a generator/coroutine (RETURN_GENERATOR first)? */
  readonly isGenerator: boolean;

  constructor(
    readonly co: CodeObject,
    names: Int32Array,
    quickening: CPythonVersion['quickening'],
  ) {
    this.names = names;
    this.warmup = -quickening.warmupDelay;
    this.quickened = quickening.warmupDelay === 0;
    this.spec = new Uint8Array(co.code.length);
    // the adaptive counters as _PyCode_Quicken leaves them (3.11: 0; 3.12: adaptive_counter_warmup())
    const start = quickening.initialCounter;
    this.counter = new Uint16Array(co.code.length).fill(adaptiveCounter(start.value, start.backoff));
    let first = 0;
    while (first < co.code.length && (co.code[first] & 0xff) !== Op.RESUME) first++;
    this.firstTraceable = first;
    this.isGenerator = (co.flags & 0x2a0) !== 0; // CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR
  }

  get name(): string {
    return this.co.name;
  }

  /** The source line of the instruction at `lasti` (PyCode_Addr2Line), -1 when it has none. */
  line(lasti: number): number {
    if (lasti < 0) return this.co.firstlineno;
    return this.co.positions[lasti * 4];
  }
}

export const codeRt = (vm: Vm, h: number): CodeRt => vm.table.side[h] as CodeRt;

/** PyCode_Type as far as scripts see it: `f.__code__`, its name and repr. */
const CodeType = (): TypeSlots =>
  defineType({
    id: T.Code,
    name: 'code',
    basicsize: 200,
    dealloc: () => {
      throw new Error('internal: a code object deallocated');
    },
    reprText: (vm, h) => {
      const c = codeRt(vm, h).co;
      return `<code object ${c.name} at 0x${vm.id(h).toString(16)}, file "${c.filename}", line ${c.firstlineno}>`;
    },
    getset: {
      co_name: { name: 'co_name', get: (vm, h) => constStr(vm, codeRt(vm, h).co.name) },
      co_qualname: { name: 'co_qualname', get: (vm, h) => constStr(vm, codeRt(vm, h).co.qualname) },
      co_filename: { name: 'co_filename', get: (vm, h) => constStr(vm, codeRt(vm, h).co.filename) },
      // code_getvarnames / code_getcellvars / code_getfreevars (3.11 get_localsplus_names): a new
      // tuple of the interned names at every read (`co.co_varnames is co.co_varnames` is False on
      // 3.11.7), the empty tuple when there are none.
      co_varnames: { name: 'co_varnames', get: (vm, h) => namesTuple(vm, codeRt(vm, h).co.varnames) },
      co_cellvars: { name: 'co_cellvars', get: (vm, h) => namesTuple(vm, codeRt(vm, h).co.cellvars) },
      co_freevars: { name: 'co_freevars', get: (vm, h) => namesTuple(vm, codeRt(vm, h).co.freevars) },
      // code_memberlist's T_INT members: PyLong_FromLong at each read.
      co_argcount: { name: 'co_argcount', get: (vm, h) => fromLong(vm, codeRt(vm, h).co.argcount) },
      co_posonlyargcount: {
        name: 'co_posonlyargcount',
        get: (vm, h) => fromLong(vm, codeRt(vm, h).co.posonlyargcount),
      },
      co_kwonlyargcount: {
        name: 'co_kwonlyargcount',
        get: (vm, h) => fromLong(vm, codeRt(vm, h).co.kwonlyargcount),
      },
      co_nlocals: { name: 'co_nlocals', get: (vm, h) => fromLong(vm, codeRt(vm, h).co.nlocals) },
      co_stacksize: { name: 'co_stacksize', get: (vm, h) => fromLong(vm, codeRt(vm, h).co.stacksize) },
      co_flags: { name: 'co_flags', get: (vm, h) => fromLong(vm, codeRt(vm, h).co.flags) },
      co_firstlineno: { name: 'co_firstlineno', get: (vm, h) => fromLong(vm, codeRt(vm, h).co.firstlineno) },
    },
  });

/** A code object's name fields are interned strs made with it (a new reference, no allocation). */
const constStr = (vm: Vm, s: string): number => intern(vm, s);

/** A fresh tuple of a code object's interned names (get_localsplus_names). */
const namesTuple = (vm: Vm, names: readonly string[]): number =>
  tupleFromItems(
    vm,
    names.map((n) => intern(vm, n)),
  );

/** Register the `code` type (the eval loop's own type) in a Vm. */
export function installCodeType(vm: Vm): void {
  if (!vm.types[T.Code]) readyStaticType(vm, CodeType());
}

/** A static code object handle for `rt`. */
export function codeHandle(vm: Vm, rt: CodeRt): number {
  const h = vm.newStatic(T.Code);
  vm.table.side[h] = rt;
  rt.handle = h;
  return h;
}
