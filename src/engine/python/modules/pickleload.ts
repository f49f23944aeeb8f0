import { raiseString } from '../abstract/errors';
import { memoryError, NotSupported } from '../errors';
import { bytesNew } from '../objects/bytes';
import { bytearrayNew } from '../objects/bytearray';
import { dictNew as dictNewEmpty, dictSetItem } from '../objects/dict';
import { exc } from '../objects/exctypes';
import { fromDouble } from '../objects/float';
import { fromLong } from '../objects/int';
import { listNew, listPut, listSliceItems } from '../objects/list';
import { listAssSlice } from '../objects/listops';
import { setAdd, setNew } from '../objects/set';
import { strNew } from '../objects/str';
import { tupleFromItems } from '../objects/tuple';
import { T } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { gcAllocRaw, gcFreeRaw, OP } from './pickleops';
import { build, findClass, newObj } from './pickleloadreduce';
import {
  findGlobal,
  floatText,
  lineText,
  loadInt,
  loadLong,
  rawUnicodeEscape,
  reduce,
} from './pickleloadtext';

/**
 * The C unpickler (Modules/_pickle.c, 3.11) for what picklesave.ts writes (and the same opcodes
 * from any pickler), with what it allocates:
 *  - _Unpickler_New: the memo array (PyMem_Malloc(32 × 8), zeroed), the Pdata stack (GC 40 + 16,
 *    then PyMem_Malloc(8 × 8) of slots, grown by PyMem_Realloc to allocated + allocated/8 + 6), the
 *    UnpicklerObject (GC, 272 + 16); loads' encoding and errors strdup'd (6 and 7 bytes).
 *  - MARK: the marks array, PyMem_Realloc to num_marks × 2 + 20 entries when full.
 *  - MEMOIZE / BINPUT: _Unpickler_MemoPut, the memo array PyMem_Realloc'd to 2 × idx entries.
 *  - APPENDS: Pdata_poplist makes a list of the batch (PyList_New(n)), PyList_SetSlice appends it
 *    to the target (list_resize's growth), the batch list is released. SETITEMS: PyObject_SetItem
 *    per pair, then Pdata_clear. ADDITEMS / FROZENSET: a tuple of the batch (Pdata_poptuple).
 *  - The objects: PyList_New(0), PyDict_New, PySet_New, PyLong_FromSsize_t / _PyLong_FromByteArray,
 *    PyUnicode_DecodeUTF8, PyBytes_FromStringAndSize, PyFloat_FromDouble.
 *  - Unpickler_dealloc (measured order): the stack (slots, object), the memo's references and
 *    array, the marks, encoding, errors, the object.
 */
const UNPICKLER_SIZE = 272;
/** Pdata: 56 bytes with its GC header, as measured (PyObject_GC_New of basicsize 40). */
const PDATA_SIZE = 40;
const HIGHEST_PROTOCOL = 5;

/** The _pickle module's exception classes, per process (set when _pickle loads). */
export const pickleErrors = new WeakMap<Vm, { unpickling: number; pickling: number }>();

const decoder = new TextDecoder('utf-8', { fatal: true });

export class Unpickler {
  private self: number;
  private pdata: number;
  private stackBlock: number;
  private stackAllocated = 8;
  private stack: number[] = [];
  private fence = 0;
  private memoBlock: number;
  private memoSize = 32;
  private memo: number[] = [];
  private memoLen = 0;
  private marksBlock = 0;
  private marksSize = 0;
  private marks: number[] = [];
  private strdups: number[] = [];
  pos = 0;

  constructor(
    private readonly vm: Vm,
    private input: Uint8Array,
    /** load(file): more bytes from the file's read(n) (the real unpickler reads a frame at a time). */
    private readonly more: ((n: number) => Uint8Array) | null = null,
  ) {
    // _Unpickler_New (3.11.7, measured): the memo array, the Pdata stack and its slots, the object
    this.memoBlock = this.pyMem(8 * 32);
    vm.mem.touch(this.memoBlock, 8 * 32);
    this.pdata = gcAllocRaw(vm, PDATA_SIZE);
    this.stackBlock = this.pyMem(8 * 8);
    this.self = gcAllocRaw(vm, UNPICKLER_SIZE);
    // _Unpickler_SetInputEncoding: _PyMem_Strdup("ASCII"), _PyMem_Strdup("strict")
    for (const n of [6, 7]) {
      const p = this.pyMem(n);
      vm.mem.touch(p, n);
      this.strdups.push(p);
    }
  }

  private pyMem(n: number): number {
    const p = this.vm.mem.malloc(n);
    if (p === 0) throw memoryError();
    return p;
  }

  private realloc(p: number, n: number): number {
    const q = this.vm.mem.realloc(p, n);
    if (q === 0) throw memoryError();
    return q;
  }

  private truncated(): never {
    throw raiseString(this.vm, exc('EOFError'), 'Ran out of input');
  }

  /** bad_readline: an argument past the end. */
  private badReadline(): never {
    const cls = pickleErrors.get(this.vm)?.unpickling;
    if (cls === undefined) throw new NotSupported('UnpicklingError without the _pickle module');
    throw raiseString(this.vm, this.vm.slotsOf(cls).id, 'pickle data was truncated');
  }

  /** _Unpickler_ReadFromFile: what is left of the input, then read(n) for the rest. */
  private refill(n: number): boolean {
    if (this.more === null) return false;
    const left = this.input.subarray(this.pos);
    const got = this.more(n - left.length);
    if (got.length === 0) return false;
    const next = new Uint8Array(left.length + got.length);
    next.set(left);
    next.set(got, left.length);
    this.input = next;
    this.pos = 0;
    return this.input.length >= n;
  }

  private read(n: number): Uint8Array {
    if (this.pos + n > this.input.length && !this.refill(n)) this.badReadline();
    const out = this.input.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  /** _Unpickler_Readline: the bytes up to and including the next '\n' (a missing one is a truncated pickle). */
  private readline(): string {
    let end = this.input.indexOf(0x0a, this.pos);
    while (end < 0) {
      if (!this.refill(this.input.length - this.pos + 1)) this.badReadline();
      end = this.input.indexOf(0x0a, this.pos);
    }
    const line = this.input.subarray(this.pos, end + 1);
    this.pos = end + 1;
    return lineText(line);
  }

  private u8(): number {
    return this.read(1)[0];
  }

  private uint(n: number): number {
    const b = this.read(n);
    let v = 0;
    for (let i = n - 1; i >= 0; i--) v = v * 256 + b[i];
    return v;
  }

  /** Pdata_push: Pdata_grow (allocated + allocated/8 + 6, PyMem_Realloc) when full. */
  private push(obj: number): void {
    if (this.stack.length === this.stackAllocated) {
      this.stackAllocated += (this.stackAllocated >> 3) + 6;
      this.stackBlock = this.realloc(this.stackBlock, 8 * this.stackAllocated);
    }
    this.vm.mem.touch(this.stackBlock + 8 * this.stack.length, 8);
    this.stack.push(obj);
  }

  private pop(): number {
    if (this.stack.length <= this.fence) this.underflow();
    return this.stack.pop()!;
  }

  private underflow(): never {
    throw new NotSupported('a pickle whose stack underflows (UnpicklingError: unpickling stack underflow)');
  }

  /** load_mark: the marks array grown to num_marks × 2 + 20 when full. */
  private mark(): void {
    if (this.marks.length >= this.marksSize) {
      this.marksSize = this.marks.length * 2 + 20;
      this.marksBlock = this.realloc(this.marksBlock, 8 * this.marksSize); // PyMem_RESIZE, from NULL the first time
    }
    this.vm.mem.touch(this.marksBlock + 8 * this.marks.length, 8);
    this.marks.push(this.stack.length);
    this.fence = this.stack.length;
  }

  /** marker(): the top mark popped. */
  private marker(): number {
    if (this.marks.length === 0)
      throw new NotSupported('a pickle with no MARK where one is needed (UnpicklingError)');
    const m = this.marks.pop()!;
    this.fence = this.marks.length ? this.marks[this.marks.length - 1] : 0;
    return m;
  }

  /** _Unpickler_MemoPut: the array doubled past idx (PyMem_Realloc, the new part zeroed). */
  private memoPut(idx: number, value: number): void {
    if (idx >= this.memoSize) {
      const size = idx * 2;
      this.memoBlock = this.realloc(this.memoBlock, 8 * size);
      this.vm.mem.touch(this.memoBlock + 8 * this.memoSize, 8 * (size - this.memoSize));
      this.memoSize = size;
    }
    this.vm.incref(value);
    const old = this.memo[idx];
    this.memo[idx] = value;
    this.vm.mem.touch(this.memoBlock + 8 * idx, 8);
    if (old) this.vm.decref(old);
    else this.memoLen++;
  }

  private memoGet(idx: number): void {
    const v = this.memo[idx];
    if (!v) throw new NotSupported(`a pickle that reads memo ${idx} before it is set (UnpicklingError)`);
    this.vm.incref(v);
    this.push(v);
  }

  private top(): number {
    if (this.stack.length <= this.fence) this.underflow();
    return this.stack[this.stack.length - 1];
  }

  /** Pdata_poplist(start): PyList_New(n) holding the items (references moved). */
  private popList(start: number): number {
    const items = this.stack.splice(start);
    const l = listNew(this.vm, items.length);
    items.forEach((it, i) => listPut(this.vm, l, i, it));
    return l;
  }

  /** do_append: the batch as a list, PyList_SetSlice at the end of the target, the batch released. */
  private append(x: number): void {
    const len = this.stack.length;
    if (x > len || x <= this.fence) this.underflow();
    if (len === x) return;
    const list = this.stack[x - 1];
    if (this.vm.table.type[list] !== T.List)
      throw new NotSupported('unpickling APPENDS into something other than a list');
    const slice = this.popList(x);
    const n = this.vm.table.n[list];
    const items = listSliceItems(this.vm, slice, 0, this.vm.table.n[slice]);
    listAssSlice(this.vm, list, n, n, items);
    this.vm.decref(slice);
  }

  /** do_setitems: PyObject_SetItem per pair, then Pdata_clear (the references released, top first). */
  private setItems(x: number): void {
    const len = this.stack.length;
    if (x > len || x <= this.fence) this.underflow();
    if (len === x) return;
    if ((len - x) % 2 !== 0) throw new NotSupported('a pickle with an odd number of items for SETITEMS');
    const dict = this.stack[x - 1];
    if (this.vm.table.type[dict] !== T.Dict)
      throw new NotSupported('unpickling SETITEMS into something other than a dict');
    for (let i = x + 1; i < len; i += 2) dictSetItem(this.vm, dict, this.stack[i - 1], this.stack[i]);
    while (this.stack.length > x) this.vm.decref(this.stack.pop()!);
  }

  /** Pdata_poptuple(start). */
  private popTuple(start: number): number {
    if (start < this.fence) this.underflow();
    return tupleFromItems(this.vm, this.stack.splice(start));
  }

  private pushStr(n: number): void {
    const b = this.read(n);
    let s: string;
    try {
      s = decoder.decode(b);
    } catch {
      throw new NotSupported('unpickling a str that is not valid UTF-8 (surrogatepass)');
    }
    // PyUnicode_DecodeUTF8: the empty str and a 1-byte ASCII str are the interpreter's singletons
    if (s.length === 0 || (b.length === 1 && b[0] < 128)) {
      const h = s.length === 0 ? this.vm.s.emptyStr : this.vm.s.char(b[0]);
      this.vm.incref(h);
      return this.push(h);
    }
    this.push(strNew(this.vm, s));
  }

  private pushBytes(n: number): void {
    const b = this.read(n);
    let s = '';
    for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192));
    this.push(bytesNew(this.vm, s));
  }

  private signed(n: number): bigint {
    const b = this.read(n);
    let v = 0n;
    for (let i = n - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[i]);
    return n > 0 ? BigInt.asIntN(8 * n, v) : 0n;
  }

  /** _PySet_Update / make_new_set over a tuple: set_update_internal iterates it (a tuple iterator, GC 32 + 16). */
  private updateSet(set: number, items: number): void {
    const vm = this.vm;
    const iter = gcAllocRaw(vm, 32);
    const n = vm.table.n[items];
    for (let i = 0; i < n; i++) setAdd(vm, set, vm.pool.data[vm.table.ref[items] + i]);
    gcFreeRaw(vm, iter);
  }

  /** load(): the dispatch loop until STOP; the result is the stack's top (a new reference). */
  load(): number {
    const vm = this.vm;
    for (;;) {
      // load(): running out where an opcode is due is EOFError
      if (this.pos >= this.input.length && !this.refill(1)) this.truncated();
      const op = this.u8();
      switch (op) {
        case OP.PROTO: {
          const p = this.u8();
          if (p > HIGHEST_PROTOCOL)
            throw raiseString(vm, exc('ValueError'), `unsupported pickle protocol: ${p}`);
          break;
        }
        case OP.FRAME: {
          const n = this.uint(8);
          // the whole frame at once (from a file: one read(frame_len))
          if (this.pos + n > this.input.length && !this.refill(n)) this.badReadline();
          break;
        }
        case OP.STOP:
          return this.pop();
        case OP.MARK:
          this.mark();
          break;
        case OP.POP:
          if (this.stack.length > this.fence) vm.decref(this.stack.pop()!);
          else if (this.marks.length) this.marker();
          else this.underflow();
          break;
        case OP.POP_MARK: {
          const m = this.marker();
          while (this.stack.length > m) vm.decref(this.stack.pop()!);
          break;
        }
        case OP.NONE:
          this.push(vm.s.None);
          break;
        case OP.NEWTRUE:
          this.push(vm.s.True);
          break;
        case OP.NEWFALSE:
          this.push(vm.s.False);
          break;
        case OP.BININT1:
          this.push(fromLong(vm, this.u8()));
          break;
        case OP.BININT2:
          this.push(fromLong(vm, this.uint(2)));
          break;
        case OP.BININT:
          this.push(fromLong(vm, Number(this.signed(4))));
          break;
        case OP.LONG1:
          this.push(fromLong(vm, normInt(this.signed(this.u8()))));
          break;
        case OP.LONG4:
          this.push(fromLong(vm, normInt(this.signed(this.uint(4)))));
          break;
        case OP.BINFLOAT:
          this.push(fromDouble(vm, new DataView(this.read(8).slice().buffer).getFloat64(0, false)));
          break;
        case OP.SHORT_BINUNICODE:
          this.pushStr(this.u8());
          break;
        case OP.BINUNICODE:
          this.pushStr(this.uint(4));
          break;
        case OP.BINUNICODE8:
          this.pushStr(this.uint(8));
          break;
        case OP.SHORT_BINBYTES:
          this.pushBytes(this.u8());
          break;
        case OP.BINBYTES:
          this.pushBytes(this.uint(4));
          break;
        case OP.BINBYTES8:
          this.pushBytes(this.uint(8));
          break;
        case OP.BYTEARRAY8: {
          const n = this.uint(8);
          const b = this.read(n);
          const h = bytearrayNew(vm, n);
          let s = '';
          for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192));
          vm.table.side[h] = s;
          this.push(h);
          break;
        }
        case OP.EMPTY_LIST:
          this.push(listNew(vm, 0));
          break;
        case OP.EMPTY_DICT:
          this.push(dictNewEmpty(vm));
          break;
        case OP.EMPTY_SET:
          this.push(setNew(vm));
          break;
        case OP.EMPTY_TUPLE:
          vm.incref(vm.s.emptyTuple);
          this.push(vm.s.emptyTuple);
          break;
        case OP.TUPLE1:
        case OP.TUPLE2:
        case OP.TUPLE3: {
          const n = op - OP.TUPLE1 + 1;
          if (this.stack.length - n < this.fence) this.underflow();
          this.push(this.popTuple(this.stack.length - n));
          break;
        }
        case OP.TUPLE:
          this.push(this.popTuple(this.marker()));
          break;
        case OP.APPEND:
          this.append(this.stack.length - 1);
          break;
        case OP.APPENDS:
          this.append(this.marker());
          break;
        case OP.SETITEM:
          this.setItems(this.stack.length - 2);
          break;
        case OP.SETITEMS:
          this.setItems(this.marker());
          break;
        case OP.ADDITEMS: {
          const m = this.marker();
          if (this.stack.length === m) break;
          const set = this.stack[m - 1];
          const items = this.popTuple(m);
          this.updateSet(set, items);
          vm.decref(items);
          break;
        }
        case OP.FROZENSET: {
          const items = this.popTuple(this.marker());
          const fs = setNew(vm, true);
          if (items !== vm.s.emptyTuple) this.updateSet(fs, items);
          vm.decref(items);
          this.push(fs);
          break;
        }
        case OP.STACK_GLOBAL: {
          const name = this.pop();
          const module = this.pop();
          try {
            this.push(findClass(vm, module, name));
          } finally {
            vm.decref(name);
            vm.decref(module);
          }
          break;
        }
        case OP.NEWOBJ: {
          const args = this.pop();
          const cls = this.pop();
          try {
            this.push(newObj(vm, cls, args));
          } finally {
            vm.decref(args);
            vm.decref(cls);
          }
          break;
        }
        case OP.BUILD: {
          if (this.stack.length - 2 < this.fence) this.underflow();
          const state = this.pop();
          build(vm, this.top(), state);
          break;
        }
        case OP.MEMOIZE:
          this.memoPut(this.memoLen, this.top());
          break;
        case OP.BINPUT:
          this.memoPut(this.u8(), this.top());
          break;
        case OP.LONG_BINPUT:
          this.memoPut(this.uint(4), this.top());
          break;
        case OP.BINGET:
          this.memoGet(this.u8());
          break;
        case OP.LONG_BINGET:
          this.memoGet(this.uint(4));
          break;
        // protocols 0 and 1 (pickleloadtext.ts)
        case OP.INT:
          this.push(loadInt(vm, this.readline()));
          break;
        case OP.LONG:
          this.push(loadLong(vm, this.readline()));
          break;
        case OP.FLOAT:
          this.push(fromDouble(vm, floatText(this.readline())));
          break;
        case OP.UNICODE:
          this.push(strNew(vm, rawUnicodeEscape(this.readline())));
          break;
        case OP.LIST:
          this.push(this.popList(this.marker()));
          break;
        case OP.DICT: {
          const k = this.marker();
          const d = dictNewEmpty(vm);
          for (let i = k; i + 1 < this.stack.length; i += 2)
            dictSetItem(vm, d, this.stack[i], this.stack[i + 1]);
          while (this.stack.length > k) vm.decref(this.stack.pop()!);
          this.push(d);
          break;
        }
        case OP.PUT:
          this.memoPut(Number(this.readline()), this.top());
          break;
        case OP.GET:
          this.memoGet(Number(this.readline()));
          break;
        case OP.GLOBAL: {
          const module = this.readline();
          this.push(findGlobal(vm, module, this.readline()));
          break;
        }
        case OP.REDUCE: {
          const argtup = this.pop();
          const callable = this.pop();
          try {
            this.push(reduce(vm, callable, argtup));
          } finally {
            vm.decref(argtup);
            vm.decref(callable);
          }
          break;
        }
        default:
          throw new NotSupported(
            `unpickling opcode 0x${op.toString(16)} (Highwater reads the opcodes of the built-in types, protocols 0 to 5)`,
          );
      }
    }
  }

  /** Unpickler_dealloc: the stack (items, slots, object), the memo, marks, strdups, the object. */
  free(): void {
    const vm = this.vm;
    while (this.stack.length) vm.decref(this.stack.pop()!);
    vm.mem.free(this.stackBlock);
    gcFreeRaw(vm, this.pdata);
    for (let i = this.memoSize - 1; i >= 0; i--) if (this.memo[i]) vm.decref(this.memo[i]);
    vm.mem.free(this.memoBlock);
    if (this.marksBlock) vm.mem.free(this.marksBlock);
    for (const p of this.strdups) vm.mem.free(p);
    gcFreeRaw(vm, this.self);
  }
}

function normInt(v: bigint): number | bigint {
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}
