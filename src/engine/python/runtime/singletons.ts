import { T } from '../objects/types';
import type { Vm } from './vm';

/** _PY_NSMALLNEGINTS / _PY_NSMALLPOSINTS: -5..256 are preallocated in _PyRuntime, never freed. */
export const SMALL_MIN = -5;
export const SMALL_MAX = 256;

/**
 * The statically allocated objects of CPython 3.11 (_PyRuntime's singletons): they are never
 * allocated or freed, so their handles are immortal and their refcounts are not tracked.
 */
export class Singletons {
  readonly None: number;
  readonly True: number;
  readonly False: number;
  readonly Ellipsis: number;
  readonly NotImplemented: number;
  readonly emptyTuple: number;
  readonly emptyStr: number;
  readonly emptyBytes: number;
  private readonly smallInts = new Int32Array(SMALL_MAX - SMALL_MIN + 1);
  /** _Py_SINGLETON(strings).latin1: every 1-character str with a code point < 256. */
  private readonly latin1 = new Int32Array(256);
  /** _Py_SINGLETON(bytes_characters): every 1-byte bytes. */
  private readonly byteChars = new Int32Array(256);

  constructor(vm: Vm) {
    const t = vm.table;
    this.None = vm.newStatic(T.None);
    this.True = vm.newStatic(T.Bool);
    t.num[this.True] = 1;
    this.False = vm.newStatic(T.Bool);
    this.Ellipsis = vm.newStatic(T.Ellipsis);
    this.NotImplemented = vm.newStatic(T.NotImplementedType);
    this.emptyTuple = vm.newStatic(T.Tuple);
    this.emptyStr = vm.newStatic(T.Str);
    t.side[this.emptyStr] = '';
    this.emptyBytes = vm.newStatic(T.Bytes);
    t.side[this.emptyBytes] = '';
    for (let v = SMALL_MIN; v <= SMALL_MAX; v++) {
      const h = vm.newStatic(T.Int);
      t.num[h] = v;
      this.smallInts[v - SMALL_MIN] = h;
    }
    for (let c = 0; c < 256; c++) {
      const s = vm.newStatic(T.Str);
      t.side[s] = String.fromCharCode(c);
      t.n[s] = 1;
      t.cap[s] = c < 128 ? 0 : 1; // ASCII or latin-1 kind (see objects/str.ts)
      this.latin1[c] = s;
      const b = vm.newStatic(T.Bytes);
      t.side[b] = String.fromCharCode(c);
      t.n[b] = 1;
      this.byteChars[c] = b;
    }
  }

  static isSmall(v: number): boolean {
    return v >= SMALL_MIN && v <= SMALL_MAX;
  }

  smallInt(v: number): number {
    return this.smallInts[v - SMALL_MIN];
  }

  bool(b: boolean): number {
    return b ? this.True : this.False;
  }

  char(code: number): number {
    return this.latin1[code];
  }

  byteChar(code: number): number {
    return this.byteChars[code];
  }
}
