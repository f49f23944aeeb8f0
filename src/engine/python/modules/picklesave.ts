import { memoryError, NotSupported } from '../errors';
import { readAllBytes } from '../objects/bytesread';
import { byteAt, byteLength, bytesContent, BYTES_HEADER } from '../objects/bytes';
import { dictEntries } from '../objects/dict';
import { intValue } from '../objects/int';
import { listItem } from '../objects/list';
import { strValue } from '../objects/str';
import { tupleFromItems, tupleItems } from '../objects/tuple';
import { T, TpFlags } from '../objects/types';
import { reducible, saveFunction, saveGlobal, saveInstance } from './picklereduce';
import { pickleErrors } from './pickleload';
import type { Vm } from '../runtime/vm';
import { gcAllocRaw, gcFreeRaw, le32, le64, OP } from './pickleops';
import { setData } from '../objects/set';
import { enterRecursiveCall, leaveRecursiveCall } from '../objects/recursion';
import {
  memoGetText,
  memoPutText,
  saveBytesReduce,
  saveFloatText,
  saveLongText,
  saveUnicodeText,
} from './picklelow';

/**
 * The C pickler (Modules/_pickle.c, 3.11) for the built-in types, protocols 0 to 5 (0 and 1's own
 * opcodes and bytes' reduce below 3: picklelow.ts), with what it
 * allocates: the PicklerObject (GC, 152 + 16), its memo table (PyMemoTable_New: a 32-byte struct and
 * 8 × 16-byte entries, resized by _PyMemoTable_ResizeTable to the power of two ≥ 4 × used, 2 × used
 * past 50,000, when used reaches 2/3), and the output buffer: a bytes object of 4096
 * (WRITE_BUF_SIZE) grown by _Pickler_Write to (len + n) / 2 × 3 with _PyBytes_Resize, cut to its
 * length at the end (_Pickler_GetString). Framing from protocol 4 (_Pickler_OpcodeBoundary as each
 * save begins: a frame closes once it holds ≥ 64 KiB). The opcodes are pickle's, so the bytes are
 * the real pickle's (held by picklesave.test.ts against pickles made by 3.11.7).
 */
const WRITE_BUF_SIZE = 4096;
const FRAME_SIZE_TARGET = 64 * 1024;
const FRAME_SIZE_MIN = 4;
const FRAME_HEADER_SIZE = 9;
const BATCHSIZE = 1000;
/** save()'s RecursionError text. */
const PICKLING = ' while pickling an object';
export const PICKLER_SIZE = 152;

const encoder = new TextEncoder();

/** The pickler's state: what the C struct holds, and the bytes written (the output buffer's content). */
export class Pickler {
  readonly self: number;
  private memoStruct: number;
  private mtTable: number;
  private mtAllocated = 8;
  /** memo: object → index (the PyMemoTable's entries; it holds a reference to each key). */
  private memo = new Map<number, number>();
  /** The output buffer's block (a PyBytes: 33 + max_output_len), its length and allocation. */
  buffer: number;
  private maxOutputLen = WRITE_BUF_SIZE;
  private data = new Uint8Array(WRITE_BUF_SIZE);
  len = 0;
  private touched = 0;
  private framing = false;
  private frameStart = -1;
  /** When dumping to a file: called with each committed frame's bytes (dump's write()). */
  flush: ((bytes: Uint8Array) => void) | null = null;

  constructor(
    private readonly vm: Vm,
    readonly proto: number,
  ) {
    // _Pickler_New (3.11.7, measured): the memo table, the output buffer, then the object
    this.memoStruct = this.pyMem(32);
    this.mtTable = this.pyMem(8 * 16);
    vm.mem.touch(this.mtTable, 8 * 16);
    this.buffer = this.pyMem(BYTES_HEADER + WRITE_BUF_SIZE);
    vm.mem.touch(this.buffer, BYTES_HEADER);
    this.self = gcAllocRaw(vm, PICKLER_SIZE);
  }

  private pyMem(n: number): number {
    const p = this.vm.mem.malloc(n);
    if (p === 0) throw memoryError();
    return p;
  }

  /** dump(): PROTO, framing from 4, the object, STOP, the last frame committed. */
  dump(obj: number): void {
    if (this.proto >= 2) this.write([OP.PROTO, this.proto]);
    if (this.proto >= 4) this.framing = true;
    this.save(obj);
    this.write([OP.STOP]);
    this.commitFrame();
  }

  /** The pages written so far become resident (a copy into the buffer writes them). */
  private touchWritten(): void {
    if (this.len > this.touched) {
      this.vm.mem.touch(this.buffer + BYTES_HEADER + this.touched, this.len - this.touched);
      this.touched = this.len;
    }
  }

  /** _Pickler_Write: room made by _PyBytes_Resize to (len + n) / 2 × 3; a frame header reserved when one is due. */
  write(bytes: ArrayLike<number>): void {
    const newFrame = this.framing && this.frameStart === -1;
    const n = bytes.length + (newFrame ? FRAME_HEADER_SIZE : 0);
    if (this.len + n > this.maxOutputLen) {
      this.touchWritten();
      this.maxOutputLen = Math.floor((this.len + n) / 2) * 3;
      const p = this.vm.mem.realloc(this.buffer, BYTES_HEADER + this.maxOutputLen);
      if (p === 0) throw memoryError();
      this.buffer = p;
    }
    if (this.len + n > this.data.length) {
      const grown = new Uint8Array(Math.max(this.len + n, this.data.length * 2));
      grown.set(this.data.subarray(0, this.len));
      this.data = grown;
    }
    if (newFrame) {
      this.frameStart = this.len;
      this.data.fill(0xfe, this.len, this.len + FRAME_HEADER_SIZE);
      this.len += FRAME_HEADER_SIZE;
    }
    this.data.set(bytes, this.len);
    this.len += bytes.length;
  }

  /** _Pickler_CommitFrame: FRAME + 8-byte length, or the header dropped for a frame under 4 bytes. */
  commitFrame(): void {
    if (!this.framing || this.frameStart === -1) return;
    const frameLen = this.len - this.frameStart - FRAME_HEADER_SIZE;
    if (frameLen >= FRAME_SIZE_MIN) {
      this.data[this.frameStart] = OP.FRAME;
      let v = frameLen;
      for (let i = 0; i < 8; i++) {
        this.data[this.frameStart + 1 + i] = v & 0xff;
        v = Math.floor(v / 256);
      }
    } else {
      this.data.copyWithin(this.frameStart, this.frameStart + FRAME_HEADER_SIZE, this.len);
      this.len -= FRAME_HEADER_SIZE;
    }
    this.frameStart = -1;
  }

  /** _Pickler_OpcodeBoundary: a frame of 64 KiB or more is committed (and flushed to a file). */
  private boundary(): void {
    if (!this.framing || this.frameStart === -1) return;
    if (this.len - this.frameStart - FRAME_HEADER_SIZE < FRAME_SIZE_TARGET) return;
    this.commitFrame();
    if (this.flush !== null) this.flushFrame();
  }

  /** _Pickler_FlushToFile then _Pickler_ClearBuffer: the committed bytes go out, a new buffer is made. */
  flushFrame(): void {
    const out = this.takeBytes();
    this.flush!(out);
    this.buffer = this.pyMem(BYTES_HEADER + this.maxOutputLen);
    this.vm.mem.touch(this.buffer, BYTES_HEADER);
  }

  /** _Pickler_GetString: the frame committed, the buffer cut to its length (_PyBytes_Resize); the block is the caller's. */
  takeBytes(): Uint8Array {
    this.commitFrame();
    this.touchWritten();
    const p = this.vm.mem.realloc(this.buffer, BYTES_HEADER + this.len);
    if (p === 0 && this.len > 0) throw memoryError();
    this.buffer = p;
    const out = this.data.slice(0, this.len);
    this.len = 0;
    this.touched = 0;
    this.frameStart = -1;
    return out;
  }

  /** Pickler_dealloc: the memo table's references, its entries and struct, then the object. */
  free(): void {
    for (const k of this.memo.keys()) this.vm.decref(k);
    this.memo.clear();
    this.vm.mem.free(this.mtTable);
    this.vm.mem.free(this.memoStruct);
    gcFreeRaw(this.vm, this.self);
  }

  /** memo_put: PyMemoTable_Set, then MEMOIZE (protocol 4+) or BINPUT / LONG_BINPUT. */
  memoPut(obj: number): void {
    const idx = this.memo.size;
    this.vm.incref(obj);
    this.memo.set(obj, idx);
    const used = this.memo.size;
    if (used * 3 >= this.mtAllocated * 2) {
      // _PyMemoTable_ResizeTable: a new zeroed table, the entries moved, the old one freed
      const want = (used > 50000 ? 2 : 4) * used;
      let size = 8;
      while (size < want) size *= 2;
      const table = this.pyMem(16 * size);
      this.vm.mem.touch(table, 16 * size);
      this.vm.mem.free(this.mtTable);
      this.mtTable = table;
      this.mtAllocated = size;
    }
    if (this.proto >= 4) this.write([OP.MEMOIZE]);
    else if (this.proto === 0) this.write(memoPutText(idx));
    else if (idx < 256) this.write([OP.BINPUT, idx]);
    else this.write([OP.LONG_BINPUT, ...le32(idx)]);
  }

  /** memo_get of `obj` when it is memoized (true). */
  memoGet(obj: number): boolean {
    const idx = this.memo.get(obj);
    if (idx === undefined) return false;
    this.memoGetIndex(idx);
    return true;
  }

  private memoGetIndex(idx: number): void {
    if (this.proto === 0) this.write(memoGetText(idx));
    else if (idx < 256) this.write([OP.BINGET, idx]);
    else this.write([OP.LONG_BINGET, ...le32(idx)]);
  }

  /** save(): a frame boundary first, then atoms (not memoized), the memo, the containers. */
  save(obj: number): void {
    this.boundary();
    this.saveObject(obj);
  }

  private saveObject(obj: number): void {
    const vm = this.vm;
    const s = vm.s;
    if (obj === s.None) return this.write([OP.NONE]);
    if (obj === s.True || obj === s.False) {
      // below protocol 2: INT with "01" / "00"
      if (this.proto < 2)
        return this.write(obj === s.True ? [0x49, 0x30, 0x31, 0x0a] : [0x49, 0x30, 0x30, 0x0a]);
      return this.write([obj === s.True ? OP.NEWTRUE : OP.NEWFALSE]);
    }
    const type = vm.table.type[obj];
    if (type === T.Int) return this.saveLong(intValue(vm, obj));
    if (type === T.Float) return this.saveFloat(vm.table.num[obj]);
    const idx = this.memo.get(obj);
    if (idx !== undefined) return this.memoGetIndex(idx);
    if (type === T.Bytes) return this.saveBytes(obj);
    if (type === T.Str) return this.saveUnicode(obj);
    // save(): past the atoms, the memo and str/bytes, each object counts against the recursion limit
    enterRecursiveCall(vm, PICKLING);
    try {
      this.saveNonAtom(obj, type);
    } finally {
      leaveRecursiveCall(vm);
    }
  }

  private saveNonAtom(obj: number, type: number): void {
    const vm = this.vm;
    switch (type) {
      case T.Dict:
        return this.saveDict(obj);
      case T.List:
        return this.saveList(obj);
      case T.Tuple:
        return this.saveTuple(obj);
      case T.Set:
        return this.saveSet(obj);
      case T.FrozenSet:
        return this.saveFrozenSet(obj);
      case T.ByteArray:
        return this.saveByteArray(obj);
    }
    // save_global for a class, save_reduce of object.__reduce_ex__ for an instance of one
    if (type === T.Type && vm.slotsOf(obj).flags & TpFlags.HeapType) return saveGlobal(this, vm, obj);
    if (reducible(vm, obj)) return saveInstance(this, vm, obj);
    if (type === T.Function) return saveFunction(this, vm, obj, pickleErrors.get(vm)?.pickling);
    throw new NotSupported(
      `pickle of a '${vm.typeOf(obj).name}' object (Highwater pickles None, bool, int, float, str, bytes, bytearray, list, tuple, dict, set, frozenset, classes and their instances)`,
    );
  }

  /** save_long: BININT1/BININT2/BININT for what fits in 32 bits, else LONG1/LONG4 (a bytes temp from _PyLong_AsByteArray). */
  private saveLong(v: number | bigint): void {
    const n = typeof v === 'bigint' ? v : BigInt(v);
    if (n >= -0x80000000n && n <= 0x7fffffffn) {
      const x = Number(n);
      if (this.proto === 0) return this.write(Array.from(`I${x}\n`, (ch) => ch.charCodeAt(0)));
      if (x >= 0 && x <= 0xff) return this.write([OP.BININT1, x]);
      if (x >= 0 && x <= 0xffff) return this.write([OP.BININT2, x & 0xff, x >> 8]);
      return this.write([OP.BININT, ...le32(x >>> 0)]);
    }
    if (this.proto < 2) return saveLongText(this, this.vm, n);
    const nbits = (n < 0n ? -n : n).toString(2).length; // _PyLong_NumBits
    let nbytes = (nbits >> 3) + 1;
    const bytes: number[] = [];
    let m = BigInt.asUintN(nbytes * 8, n);
    for (let i = 0; i < nbytes; i++) {
      bytes.push(Number(m & 0xffn));
      m >>= 8n;
    }
    if (n < 0n && nbytes > 1 && bytes[nbytes - 1] === 0xff && (bytes[nbytes - 2] & 0x80) !== 0) {
      nbytes--;
      bytes.pop();
    }
    const repr = this.pyMem(BYTES_HEADER + nbytes);
    this.vm.mem.touch(repr, BYTES_HEADER + nbytes);
    if (nbytes < 256) this.write([OP.LONG1, nbytes]);
    else this.write([OP.LONG4, ...le32(nbytes)]);
    this.write(bytes);
    this.vm.mem.free(repr);
  }

  private saveFloat(x: number): void {
    if (this.proto === 0) return saveFloatText(this, this.vm, x);
    const b = new Uint8Array(9);
    b[0] = OP.BINFLOAT;
    new DataView(b.buffer).setFloat64(1, x, false);
    this.write(b);
  }

  /** _Pickler_write_bytes: data of a frame's size or more is written outside any frame. */
  private writeBytes(header: number[], data: Uint8Array): void {
    const framing = this.framing;
    if (data.length >= FRAME_SIZE_TARGET) {
      this.commitFrame();
      this.framing = false;
    }
    this.write(header);
    this.write(data);
    this.framing = framing;
  }

  private saveUnicode(obj: number): void {
    if (this.proto === 0) {
      saveUnicodeText(this, this.vm, obj);
      return this.memoPut(obj);
    }
    const data = encoder.encode(strValue(this.vm, obj));
    const n = data.length;
    if (n <= 0xff && this.proto >= 4) this.writeBytes([OP.SHORT_BINUNICODE, n], data);
    else if (n <= 0xffffffff) this.writeBytes([OP.BINUNICODE, ...le32(n)], data);
    else this.writeBytes([OP.BINUNICODE8, ...le64(n)], data);
    this.memoPut(obj);
  }

  private saveBytes(obj: number): void {
    if (this.proto < 3) return saveBytesReduce(this, this.vm, obj);
    const c = bytesContent(this.vm, obj);
    readAllBytes(this.vm, obj); // _Pickler_write's memcpy (or the frame's) reads the payload
    const data = new Uint8Array(byteLength(c));
    for (let i = 0; i < data.length; i++) data[i] = byteAt(c, i);
    const n = data.length;
    if (n <= 0xff) this.writeBytes([OP.SHORT_BINBYTES, n], data);
    else if (n <= 0xffffffff) this.writeBytes([OP.BINBYTES, ...le32(n)], data);
    else this.writeBytes([OP.BINBYTES8, ...le64(n)], data);
    this.memoPut(obj);
  }

  private saveByteArray(obj: number): void {
    if (this.proto < 5) throw new NotSupported('pickle of a bytearray below protocol 5 (save_reduce)');
    const c = bytesContent(this.vm, obj);
    readAllBytes(this.vm, obj);
    const data = new Uint8Array(this.vm.table.n[obj]);
    for (let i = 0; i < data.length; i++) data[i] = byteAt(c, i);
    this.writeBytes([OP.BYTEARRAY8, ...le64(data.length)], data);
    this.memoPut(obj);
  }

  private saveList(obj: number): void {
    this.write(this.proto > 0 ? [OP.EMPTY_LIST] : [OP.MARK, 0x6c]);
    this.memoPut(obj);
    const vm = this.vm;
    const size = (): number => vm.table.n[obj];
    if (size() === 0) return;
    // save_list: the items' batch is a second level of the recursion check (2 a nesting level:
    // pickle.dumps of lists nested 499 deep fails on 3.11.7, 749 on 3.12.1's C limit of 1500)
    enterRecursiveCall(vm, PICKLING);
    try {
      this.saveListItems(obj, size);
    } finally {
      leaveRecursiveCall(vm);
    }
  }

  private saveListItems(obj: number, size: () => number): void {
    const vm = this.vm;
    if (this.proto === 0) {
      // batch_list through PyObject_GetIter (a list iterator, GC 32 + 16): each item, then APPEND
      const iter = gcAllocRaw(vm, 32);
      for (let i = 0; i < size(); i++) {
        const item = listItem(vm, obj, i);
        vm.incref(item);
        try {
          this.save(item);
        } finally {
          vm.decref(item);
        }
        this.write([OP.APPEND]);
      }
      return gcFreeRaw(vm, iter);
    }
    // batch_list_exact
    if (size() === 1) {
      this.save(listItem(vm, obj, 0));
      return this.write([OP.APPEND]);
    }
    let total = 0;
    do {
      let batch = 0;
      this.write([OP.MARK]);
      while (total < size()) {
        const item = listItem(vm, obj, total);
        vm.incref(item);
        try {
          this.save(item);
        } finally {
          vm.decref(item);
        }
        total++;
        if (++batch === BATCHSIZE) break;
      }
      this.write([OP.APPENDS]);
    } while (total < size());
  }

  private saveDict(obj: number): void {
    this.write(this.proto > 0 ? [OP.EMPTY_DICT] : [OP.MARK, 0x64]);
    this.memoPut(obj);
    const entries = [...dictEntries(this.vm, obj)];
    if (entries.length === 0) return;
    if (this.proto === 0) {
      // batch_dict over obj.items(): the view (GC 24 + 16) released once its iterator (GC 56 + 16,
      // with its reused 2-tuple) exists; each pair saved, then SETITEM
      const vm = this.vm;
      const view = gcAllocRaw(vm, 24);
      const iter = gcAllocRaw(vm, 56);
      const pair = tupleFromItems(
        vm,
        [vm.s.None, vm.s.None].map((x) => (vm.incref(x), x)),
      );
      gcFreeRaw(vm, view);
      for (const [k, v] of entries) {
        this.save(k);
        this.save(v);
        this.write([OP.SETITEM]);
      }
      gcFreeRaw(vm, iter);
      return vm.decref(pair);
    }
    // batch_dict_exact: one pair as SETITEM; else MARK … SETITEMS per 1000 (and an empty batch after a full last one)
    if (entries.length === 1) {
      this.save(entries[0][0]);
      this.save(entries[0][1]);
      return this.write([OP.SETITEM]);
    }
    let at = 0;
    let i: number;
    do {
      i = 0;
      this.write([OP.MARK]);
      while (at < entries.length) {
        const [k, v] = entries[at++];
        this.save(k);
        this.save(v);
        if (++i === BATCHSIZE) break;
      }
      this.write([OP.SETITEMS]);
    } while (i === BATCHSIZE);
  }

  private saveTuple(obj: number): void {
    const items = Array.from(tupleItems(this.vm, obj));
    const n = items.length;
    if (n === 0) return this.write(this.proto > 0 ? [OP.EMPTY_TUPLE] : [OP.MARK, OP.TUPLE]);
    if (n <= 3 && this.proto >= 2) {
      for (const it of items) this.save(it);
      const idx = this.memo.get(obj);
      if (idx !== undefined) {
        // a tuple reached through itself: its items popped, the memoized copy fetched
        for (let i = 0; i < n; i++) this.write([OP.POP]);
        return this.memoGetIndex(idx);
      }
      this.write([[OP.TUPLE1, OP.TUPLE2, OP.TUPLE3][n - 1]]);
      return this.memoPut(obj);
    }
    this.write([OP.MARK]);
    for (const it of items) this.save(it);
    const idx = this.memo.get(obj);
    if (idx !== undefined) {
      // protocol 0 pops the items and the mark one by one
      if (this.proto === 0) for (let i = 0; i <= n; i++) this.write([OP.POP]);
      else this.write([OP.POP_MARK]);
      return this.memoGetIndex(idx);
    }
    this.write([OP.TUPLE]);
    this.memoPut(obj);
  }

  private setItems(obj: number): number[] {
    return [...setData(this.vm, obj).index.values()];
  }

  private saveSet(obj: number): void {
    if (this.proto < 4) throw new NotSupported('pickle of a set below protocol 4 (save_reduce)');
    this.write([OP.EMPTY_SET]);
    this.memoPut(obj);
    const items = this.setItems(obj);
    if (items.length === 0) return;
    let at = 0;
    let i: number;
    do {
      i = 0;
      this.write([OP.MARK]);
      while (at < items.length) {
        this.save(items[at++]);
        if (++i === BATCHSIZE) break;
      }
      this.write([OP.ADDITEMS]);
    } while (i === BATCHSIZE);
  }

  private saveFrozenSet(obj: number): void {
    if (this.proto < 4) throw new NotSupported('pickle of a frozenset below protocol 4 (save_reduce)');
    this.write([OP.MARK]);
    // PyObject_GetIter: a set iterator (GC, 48 + 16) while the items are saved
    const iter = gcAllocRaw(this.vm, 48);
    for (const it of this.setItems(obj)) this.save(it);
    gcFreeRaw(this.vm, iter);
    const idx = this.memo.get(obj);
    if (idx !== undefined) {
      this.write([OP.POP_MARK]);
      return this.memoGetIndex(idx);
    }
    this.write([OP.FROZENSET]);
    this.memoPut(obj);
  }
}
