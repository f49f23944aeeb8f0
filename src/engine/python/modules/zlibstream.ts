import { Deflate, Inflate } from 'pako';
import { raiseString, valueError } from '../abstract/errors';
import { NotSupported } from '../errors';
import { bytesCopy, bytesOf } from '../objects/bytes';
import { unpackKeywords } from '../objects/getargs';
import { moduleType } from '../objects/modtypes';
import { Meth, defineType, type Kwargs, type MethodDef, type TypeSlots } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { dataView, latin1, releaseView, viewBytes } from './clib';
import {
  BLOCK_SIZES,
  DEFLATE_STATE,
  INFLATE_STATE,
  DEF_BUFSIZE,
  finish,
  intArg,
  outputBlocks,
  zalloc,
  zlibError,
} from './zlib';

/**
 * zlib.compressobj / zlib.decompressobj (Modules/zlibmodule.c, 3.11): the streaming objects.
 * newcompobject makes the object (compobject: PyObject_HEAD, a z_stream, unused_data,
 * unconsumed_tail, eof, is_initialised, zdict, lock: 168 bytes from PyObject_New, not GC) and its
 * lock (PyThread_allocate_lock: a 32-byte sem_t, PyMem_RawMalloc); then deflateInit2 (the
 * 5,952-byte state, window 2·2^wbits, prev 2·2^wbits, head 2·2^(memLevel+7), pending_buf
 * 4·2^(memLevel+6): 4 × 64 KiB at the defaults) or inflateInit2 (7,160 bytes; inflate's window of
 * 2^wbits comes with the first call that produces output, updatewindow under Z_SYNC_FLUSH).
 * compress()/decompress()/flush() write into a _BlocksOutputBuffer from 32 KiB (Decompress.flush
 * from its `length`, 16 KiB) joined into one bytes. Compress.flush(Z_FINISH) ends the stream
 * (deflateEnd frees the state at once); Decompress.flush() after the end does inflateEnd; the
 * dealloc frees what is left, then the lock. The bytes are zlib's own: pako 2.2 ports zlib
 * 1.2.13's deflate and inflate (zlib.ts), driven with the same flush modes, and each call returns
 * what zlib had written by its end (Z_NO_FLUSH keeps the bits of an unfinished block).
 */
const COMPOBJECT_SIZE = 168;
const SEM_BYTES = 32;
const Z_NO_FLUSH = 0;
const Z_SYNC_FLUSH = 2;
const Z_FINISH = 4;

interface Stream {
  lock: number;
  state: number;
  /** deflate's window, prev, head, pending_buf (Compress) or inflate's window (Decompress). */
  arrays: number[];
  sizes: number[];
  written: number[];
  totalIn: number;
  ended: boolean;
  deflate: Deflate | null;
  inflate: Inflate | null;
  unusedData: number;
  /** unconsumed_tail: the input a max_length call left (a bytes handle; b'' when none). */
  tail: number;
  eof: boolean;
  wbits: number;
}

const stateOf = (vm: Vm, h: number): Stream => vm.table.side[h] as Stream;

/** The stream kind wbits selects (zlib.ts's formatOf), null where zlib's init refuses it. */
function streamFormat(wbits: number): 'zlib' | 'raw' | 'gzip' | 'auto' | null {
  if (wbits === 0 || (wbits >= 8 && wbits <= 15)) return 'zlib';
  if (wbits >= -15 && wbits <= -8) return 'raw';
  if (wbits >= 24 && wbits <= 31) return 'gzip';
  if (wbits >= 40 && wbits <= 47) return 'auto';
  return null;
}

interface PakoStream {
  state: { bi_buf: number; bi_valid: number; pending: number; pending_out: number; pending_buf: Uint8Array };
}

/**
 * zlib 1.2.13's flush_pending starts with _tr_flush_bits (bi_flush: a whole 16 bits, or one byte
 * once 8 bits wait), so a call that ended a block hands over those bytes too; pako leaves that line
 * out and keeps up to 2 bytes in bi_buf (measured: level 6, 7,000-byte pieces, the parts 22,658 /
 * 21,506 / 20,562 where zlib returns 22,660 / 21,504 / 20,563). The bits stay the same, only the
 * call that returns them moves; between blocks nothing else writes bi_buf, so doing it once at the
 * end of a call is the same as at its last flush_pending.
 */
function flushBits(strm: PakoStream): Uint8Array {
  const s = strm.state;
  if (s.bi_valid === 16) {
    s.pending_buf[s.pending++] = s.bi_buf & 0xff;
    s.pending_buf[s.pending++] = (s.bi_buf >>> 8) & 0xff;
    s.bi_buf = 0;
    s.bi_valid = 0;
  } else if (s.bi_valid >= 8) {
    s.pending_buf[s.pending++] = s.bi_buf & 0xff;
    s.bi_buf >>= 8;
    s.bi_valid -= 8;
  }
  const out = s.pending_buf.slice(s.pending_out, s.pending_out + s.pending);
  s.pending = 0;
  s.pending_out = 0;
  return out;
}

/** What pako wrote in this push: the chunks it handed over, and its unfinished output buffer. */
function pushed(engine: Deflate | Inflate, data: Uint8Array, mode: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  engine.onData = (c): void => void chunks.push((c as Uint8Array).slice());
  const ok = engine.push(data, mode as 0);
  const strm = (engine as unknown as { strm: { output: Uint8Array; next_out: number; avail_out: number } }).strm;
  const ended = (engine as unknown as { ended: boolean }).ended;
  if (ok && !ended && strm.next_out > 0 && strm.avail_out > 0) {
    chunks.push(strm.output.slice(0, strm.next_out));
    strm.avail_out = 0; // a fresh buffer next push: this part is the caller's now
  }
  if (ok && !ended && engine instanceof Deflate) chunks.push(flushBits(strm as unknown as PakoStream));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Thrown from onData to stop pako's push loop once max_length bytes came out. */
const FULL = Symbol('output full');
/** pako's inflate mode once the stream's check is read (inflate.c's DONE). */
const INFLATE_DONE = 16208;
/** DEFLATE expands at most 1032:1; the simulated heap is far smaller than this. */
const MAX_OUTPUT = 2 ** 31;

/**
 * One Decompress.decompress call under Z_SYNC_FLUSH with zlib's avail_out limit: inflate writes
 * at most `max` bytes and stops there, leaving the rest of the input unread (the unconsumed_tail).
 * pako pushes all its input; its output buffer is sized to the limit and its loop stopped when
 * that buffer is full, so strm.next_in says what zlib would have consumed.
 */
function inflateUpTo(engine: Inflate, data: Uint8Array, max: number): { out: Uint8Array; rest: number } {
  // a limit past what one call can produce (readall's sys.maxsize) is no limit: pako's buffer
  // would be sized to it
  if (max >= MAX_OUTPUT) {
    const out = pushed(engine, data, Z_SYNC_FLUSH);
    const strm = (engine as unknown as { strm: { next_in: number } }).strm;
    const ended = (engine as unknown as { ended: boolean }).ended;
    return { out, rest: ended ? data.length - strm.next_in : 0 };
  }
  const internal = engine as unknown as {
    options: { chunkSize: number };
    ended: boolean;
    strm: { next_in: number; avail_in: number; avail_out: number; state: { mode: number } };
  };
  const chunkSize = internal.options.chunkSize;
  const chunks: Uint8Array[] = [];
  let total = 0;
  internal.options.chunkSize = max;
  internal.strm.avail_out = 0; // a fresh buffer of `max` bytes
  engine.onData = (c): void => {
    const part = (c as Uint8Array).slice();
    chunks.push(part);
    total += part.length;
    if (total >= max) throw FULL;
  };
  try {
    engine.push(data, Z_SYNC_FLUSH as 0);
  } catch (e) {
    if (e !== FULL) throw e;
    internal.strm.avail_out = 0;
    if (internal.strm.state.mode === INFLATE_DONE) internal.ended = true;
  } finally {
    internal.options.chunkSize = chunkSize;
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return { out, rest: internal.ended ? data.length - internal.strm.next_in : internal.strm.avail_in };
}

function argBytes(vm: Vm, h: number): Uint8Array {
  const view = dataView(vm, h, null);
  try {
    return viewBytes(vm, view);
  } finally {
    releaseView(vm, view);
  }
}

/** deflateEnd: pending_buf, head, prev, window, then the state; inflateEnd: the window, then the state. */
function endStream(vm: Vm, st: Stream): void {
  if (st.ended) return;
  for (let k = st.arrays.length - 1; k >= 0; k--) if (st.arrays[k]) vm.mem.rawFree(st.arrays[k]);
  vm.mem.rawFree(st.state);
  st.arrays = [];
  st.ended = true;
}

/** Pages deflate has written in its arrays so far: head cleared at init, the others as input comes. */
function touchDeflate(vm: Vm, st: Stream): void {
  for (let k = 0; k < st.arrays.length; k++) {
    const want = k === 2 ? st.sizes[k] : Math.min(st.sizes[k], 2 * st.totalIn);
    if (want > st.written[k]) {
      vm.mem.touch(st.arrays[k], want);
      st.written[k] = want;
    }
  }
}

function newStream(vm: Vm, type: TypeSlots, wbits: number): [number, Stream] {
  const h = vm.newObject(type.id, COMPOBJECT_SIZE);
  const st: Stream = {
    lock: zalloc(vm, SEM_BYTES, SEM_BYTES),
    state: 0,
    arrays: [],
    sizes: [],
    written: [],
    totalIn: 0,
    ended: false,
    deflate: null,
    inflate: null,
    unusedData: vm.s.emptyBytes,
    tail: vm.s.emptyBytes,
    eof: false,
    wbits,
  };
  vm.table.side[h] = st;
  return [h, st];
}

/** zlib.compressobj(level=-1, method=DEFLATED, wbits=MAX_WBITS, memLevel=DEF_MEM_LEVEL, strategy=0, zdict=None). */
export function compressObject(vm: Vm, args: readonly number[], kw: Kwargs | null): number {
  const [level, method, wbitsH, memH, stratH, zdict] = unpackKeywords(
    vm,
    'compressobj',
    args,
    kw,
    ['level', 'method', 'wbits', 'memLevel', 'strategy', 'zdict'],
    0,
    6,
  );
  if (zdict !== 0 && zdict !== vm.s.None) throw new NotSupported('zlib.compressobj(zdict=...)');
  const lvl = intArg(vm, level, -1);
  const wbits = intArg(vm, wbitsH, 15);
  const memLevel = intArg(vm, memH, 8);
  const strategy = intArg(vm, stratH, 0);
  const fmt = streamFormat(wbits);
  // deflateInit2's Z_STREAM_ERROR is a ValueError here (zlib_compressobj_impl), not zlib.error
  if (
    lvl < -1 || lvl > 9 || intArg(vm, method, 8) !== 8 || fmt === null || fmt === 'auto' ||
    memLevel < 1 || memLevel > 9 || strategy < 0 || strategy > 4
  )
    throw valueError(vm, 'Invalid initialization option');
  const [h, st] = newStream(vm, moduleType(vm, CompressType), wbits);
  // deflateInit2 turns wbits 8 into 9 (zlib 1.2.9+)
  const w = Math.max(9, Math.abs(wbits) & 15 || 15);
  st.state = zalloc(vm, DEFLATE_STATE, DEFLATE_STATE);
  st.sizes = [2 << w, 2 << w, 2 << (memLevel + 7), 4 << (memLevel + 6)];
  st.arrays = st.sizes.map((size) => vm.mem.rawMalloc(size));
  st.written = [0, 0, 0, 0];
  touchDeflate(vm, st);
  st.deflate = new Deflate({
    level: (lvl < 0 ? 6 : lvl) as 6,
    windowBits: fmt === 'gzip' ? w + 16 : fmt === 'raw' ? -w : w,
    memLevel: memLevel as 8,
    strategy: strategy as 0,
    chunkSize: 1 << 16,
  });
  return h;
}

/** The output of one call into a _BlocksOutputBuffer (first block `first`), joined. */
function intoBlocks(vm: Vm, first: number, out: Uint8Array): number {
  return finish(vm, outputBlocks(vm, first, out.length, () => undefined), out);
}

const COMPRESS_METHODS: Record<string, MethodDef> = {
  compress: {
    name: 'compress',
    flags: Meth.O,
    qualname: 'Compress.compress',
    impl: (vm, h, a) => {
      const st = stateOf(vm, h);
      const input = argBytes(vm, a[0]);
      if (st.ended) throw raiseString(vm, zlibError(vm), 'Error -2 while compressing data: inconsistent stream state');
      st.totalIn += input.length;
      touchDeflate(vm, st);
      return intoBlocks(vm, BLOCK_SIZES[0], pushed(st.deflate!, input, Z_NO_FLUSH));
    },
  },
  flush: {
    name: 'flush',
    flags: Meth.Fastcall,
    qualname: 'Compress.flush',
    impl: (vm, h, a) => {
      const st = stateOf(vm, h);
      const mode = a.length > 0 ? intArg(vm, a[0], Z_FINISH) : Z_FINISH;
      // Z_NO_FLUSH: nothing to do (zlib_Compress_flush_impl returns b'' at once)
      if (mode === Z_NO_FLUSH) return vm.s.emptyBytes;
      if (st.ended) throw raiseString(vm, zlibError(vm), 'Error -2 while flushing: inconsistent stream state');
      const out = pushed(st.deflate!, new Uint8Array(0), mode);
      const blocks = outputBlocks(vm, BLOCK_SIZES[0], out.length, () => undefined);
      // Z_FINISH reached Z_STREAM_END: deflateEnd before the join
      if (mode === Z_FINISH) endStream(vm, st);
      return finish(vm, blocks, out);
    },
  },
  copy: {
    name: 'copy',
    flags: Meth.NoArgs,
    qualname: 'Compress.copy',
    impl: () => {
      throw new NotSupported('zlib Compress.copy()');
    },
  },
};

const CompressType = (_vm: Vm, id: number): TypeSlots =>
  defineType({
    id,
    name: 'Compress',
    module: 'zlib',
    basicsize: COMPOBJECT_SIZE,
    dealloc: (vm, h) => {
      // Comp_dealloc: deflateEnd if still initialised, then Dealloc: the lock, the object
      const st = stateOf(vm, h);
      endStream(vm, st);
      vm.mem.rawFree(st.lock);
      vm.table.side[h] = undefined;
      vm.objectFree(h);
    },
    methods: COMPRESS_METHODS,
  });

/** zlib.decompressobj(wbits=MAX_WBITS, zdict=b''). */
export function decompressObject(vm: Vm, args: readonly number[], kw: Kwargs | null): number {
  const [wbitsH, zdict] = unpackKeywords(vm, 'decompressobj', args, kw, ['wbits', 'zdict'], 0, 2);
  if (zdict !== 0 && zdict !== vm.s.emptyBytes) throw new NotSupported('zlib.decompressobj(zdict=...)');
  const wbits = intArg(vm, wbitsH, 15);
  if (streamFormat(wbits) === null) throw valueError(vm, 'Invalid initialization option');
  const [h, st] = newStream(vm, moduleType(vm, DecompressType), wbits);
  st.state = zalloc(vm, INFLATE_STATE, INFLATE_STATE);
  st.arrays = [0];
  st.inflate = new Inflate({ windowBits: wbits === 0 ? 15 : wbits, chunkSize: 1 << 16 });
  return h;
}

/** Inflate's window, the first time a call produced output (updatewindow). */
function inflateWindow(vm: Vm, st: Stream, produced: number): void {
  if (st.arrays[0] || produced === 0 || st.ended) return;
  const size = 1 << Math.min(15, Math.abs(st.wbits) & 15 || 15);
  st.arrays[0] = zalloc(vm, size, Math.min(size, produced));
}

function inflateError(vm: Vm, st: Stream): never {
  const err = st.inflate!.err;
  throw raiseString(vm, zlibError(vm), `Error ${err} while decompressing data: ${st.inflate!.msg}`);
}

const DECOMPRESS_METHODS: Record<string, MethodDef> = {
  decompress: {
    name: 'decompress',
    flags: Meth.Fastcall | Meth.Keywords,
    qualname: 'Decompress.decompress',
    impl: (vm, h, a, kw) => {
      const [data, maxLength] = unpackKeywords(vm, 'decompress', a, kw, ['', 'max_length'], 1, 2);
      const limit = intArg(vm, maxLength, 0);
      if (limit < 0) throw valueError(vm, 'max_length must be non-negative');
      // max_length 0 is no limit (hard_limit PY_SSIZE_T_MAX)
      const max = limit === 0 ? Infinity : limit;
      const st = stateOf(vm, h);
      const input = argBytes(vm, data);
      if (st.ended) throw raiseString(vm, zlibError(vm), 'Error -2 while decompressing data: inconsistent stream state');
      if (st.eof) {
        // after the end every byte is unused_data (save_unconsumed_input)
        return appendUnused(vm, st, input);
      }
      const engine = st.inflate!;
      const { out, rest } = inflateUpTo(engine, input, max);
      if (engine.err < 0 && engine.err !== -5) inflateError(vm, st);
      const blocks = outputBlocks(
        vm,
        BLOCK_SIZES[0],
        out.length,
        () => inflateWindow(vm, st, out.length),
        () => undefined,
        max,
      );
      // save_unconsumed_input: past the stream's end the rest is unused_data; else, when input
      // is left (the output reached max_length) or a tail was kept, unconsumed_tail becomes a
      // copy of what is left (b'' once all was consumed), before the join
      if ((engine as unknown as { ended: boolean }).ended) {
        st.eof = true;
        if (rest > 0) appendUnused(vm, st, input.subarray(input.length - rest));
      }
      const tailLeft = st.eof ? 0 : rest;
      if (tailLeft > 0 || st.tail !== vm.s.emptyBytes) {
        const old = st.tail;
        st.tail = tailLeft > 0 ? bytesCopy(vm, latin1(input.subarray(input.length - tailLeft))) : vm.s.emptyBytes;
        vm.decref(old);
      }
      return finish(vm, blocks, out);
    },
  },
  flush: {
    name: 'flush',
    flags: Meth.Fastcall,
    qualname: 'Decompress.flush',
    impl: (vm, h, a) => {
      const st = stateOf(vm, h);
      const length = a.length > 0 ? intArg(vm, a[0], DEF_BUFSIZE) : DEF_BUFSIZE;
      if (length <= 0) throw valueError(vm, 'length must be greater than zero');
      // everything was inflated under Z_SYNC_FLUSH already: Z_FINISH adds no output here
      const blocks = outputBlocks(vm, length, 0, () => undefined);
      if (st.eof) endStream(vm, st);
      return finish(vm, blocks, new Uint8Array(0));
    },
  },
  copy: {
    name: 'copy',
    flags: Meth.NoArgs,
    qualname: 'Decompress.copy',
    impl: () => {
      throw new NotSupported('zlib Decompress.copy()');
    },
  },
};

/** unused_data = old + the bytes after the stream's end: a new bytes object. */
function appendUnused(vm: Vm, st: Stream, more: Uint8Array): number {
  if (more.length === 0) return vm.s.emptyBytes;
  const old = st.unusedData;
  // PyBytes_FromStringAndSize(NULL, old + new): no 1-byte singleton
  st.unusedData = bytesCopy(vm, (bytesOf(vm, old) ?? '') + latin1(more));
  vm.decref(old);
  return vm.s.emptyBytes;
}

const DecompressType = (_vm: Vm, id: number): TypeSlots =>
  defineType({
    id,
    name: 'Decompress',
    module: 'zlib',
    basicsize: COMPOBJECT_SIZE,
    dealloc: (vm, h) => {
      const st = stateOf(vm, h);
      endStream(vm, st);
      vm.mem.rawFree(st.lock);
      vm.decref(st.unusedData);
      vm.decref(st.tail);
      vm.table.side[h] = undefined;
      vm.objectFree(h);
    },
    methods: DECOMPRESS_METHODS,
    getset: {
      eof: { name: 'eof', get: (vm, h) => vm.s.bool(stateOf(vm, h).eof) },
      unused_data: {
        name: 'unused_data',
        get: (vm, h) => {
          const d = stateOf(vm, h).unusedData;
          vm.incref(d);
          return d;
        },
      },
      unconsumed_tail: {
        name: 'unconsumed_tail',
        get: (vm, h) => {
          const t = stateOf(vm, h).tail;
          vm.incref(t);
          return t;
        },
      },
    },
  });
