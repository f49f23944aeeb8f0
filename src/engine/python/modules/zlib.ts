import { gunzipSync, inflateSync, unzlibSync } from 'fflate';
import { deflateRaw } from 'pako';
import { raiseString, typeError, valueError } from '../abstract/errors';
import { bytesNew } from '../objects/bytes';
import { fromLong, intValue } from '../objects/int';
import { listAppend, listItem, listNew, listPut } from '../objects/list';
import { moduleData } from '../objects/module';
import { unpackKeywords } from '../objects/getargs';
import { Meth, T, type Kwargs } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { dataView, forEachChunk, latin1, releaseView, viewBytes } from './clib';
import { adler32, crc32 } from './digests';
import { staticModule } from './gc';
import { partName, runPythonPart } from './pythonpart';
import type { ModuleSpec } from './registry';
import { compressObject, decompressObject } from './zlibstream';

/**
 * zlib (Modules/zlibmodule.c, 3.11; loaded at start-up, so importing it is free): compress,
 * decompress, crc32, adler32. What the real module allocates, measured with the recorder's hooks:
 *   - the output in a _BlocksOutputBuffer: bytes blocks of 32 KiB, 64 KiB, 256 KiB, 1 MiB, 4 MiB …
 *     (decompress's first block is `bufsize`, 16 KiB), held in a list (PyList_New(1), then appends),
 *     joined at the end into one bytes of the exact size (unless one block is exactly full), then the
 *     blocks and the list released;
 *   - zlib's own state through PyZlib_Malloc (PyMem_RawMalloc: glibc, traced by tracemalloc):
 *     deflateInit2 makes the 5,952-byte deflate_state, then window, prev, head and pending_buf of
 *     64 KiB each (wbits 15, memLevel 8): 268,096 bytes, freed by deflateEnd in reverse;
 *     inflateInit2 a 7,160-byte inflate_state, and the 32 KiB window once a call to inflate returns
 *     before the end of the stream (the output block filled).
 * The compressed bytes are zlib's own: pako 2.2 is a port of zlib's deflate (deflate_fast below
 * level 4, deflate_slow with lazy matching from 4, the same hash chains, block splitting and trees),
 * and its raw stream equals the one zlib 1.2.13 (this machine's, zlib.ZLIB_RUNTIME_VERSION) writes,
 * byte for byte: checked at levels 1, 6 and 9 on 1.46 MB of JSON, 1.3 MB of log lines and 0.5 MB of
 * digits (zlib.test.ts holds some). fflate's DEFLATE, used before, was 12% off either way (1,077,121
 * bytes of log lines at level 6: zlib 104,856, fflate 117,026; gzip_json_payload's 1,463,335 bytes of
 * JSON at level 9: zlib 172,970, fflate 162,901), and the size is what a caller keeps. pako 3 is a
 * later zlib's and differs (172,417): do not upgrade it without checking.
 */
export const BLOCK_SIZES = [
  32, 64, 256, 1024, 4096, 8192, 16384, 16384, 32768, 32768, 32768, 32768, 65536, 65536, 131072, 131072,
  262144,
].map((k) => k * 1024);
export const DEFLATE_STATE = 5952;
export const INFLATE_STATE = 7160;
export const DEF_BUFSIZE = 16384;

interface Blocks {
  list: number;
  sizes: number[];
}

/**
 * _BlocksOutputBuffer: the first block (and the list holding it), then `afterInit` (the stream's
 * init), then a block more each time the output fills what there is (`onFirstFull` before the
 * first of them: inflate returned early).
 */
export function outputBlocks(
  vm: Vm,
  firstBlock: number,
  total: number,
  afterInit: () => void,
  onFirstFull = (): void => undefined,
  max = Infinity,
): Blocks {
  // _BlocksOutputBuffer_InitAndGrow / _Grow with max_length: no block past what is left of it
  const first = Math.min(firstBlock, max);
  const sizes = [first];
  const block = bytesNew(vm, { fill: 0, length: first });
  const list = listNew(vm, 1);
  listPut(vm, list, 0, block);
  afterInit();
  let room = first;
  while (room < total) {
    if (sizes.length === 1) onFirstFull();
    const size = Math.min(BLOCK_SIZES[Math.min(sizes.length, BLOCK_SIZES.length - 1)], max - room);
    sizes.push(size);
    listAppend(vm, list, bytesNew(vm, { fill: 0, length: size }));
    room += size;
  }
  return { list, sizes };
}

/** _BlocksOutputBuffer_Finish: one exactly full block is the result; else a bytes of the size, the blocks released. */
export function finish(vm: Vm, blocks: Blocks, out: Uint8Array): number {
  const { list, sizes } = blocks;
  const allocated = sizes.reduce((a, b) => a + b, 0);
  if (sizes.length === 1 && allocated === out.length && out.length > 1) {
    // the block itself, its content the output (no copy: a decompress(buf, 8192) that fills its
    // one 8,192-byte block returns it, measured on 3.11.7)
    const block = listItem(vm, list, 0);
    vm.incref(block);
    vm.table.side[block] = latin1(out);
    vm.decref(list);
    return block;
  }
  const r = bytesNew(vm, latin1(out));
  vm.decref(list);
  return r;
}

/** PyZlib_Malloc: PyMem_RawMalloc, `written` bytes of it written. */
export function zalloc(vm: Vm, size: number, written: number): number {
  const p = vm.mem.rawMalloc(size);
  vm.mem.touch(p, Math.min(size, written));
  return p;
}

export function levelOf(vm: Vm, h: number): number {
  if (h === 0) return -1;
  const v = Number(intValue(vm, h));
  if (v < -1 || v > 9) throw raiseString(vm, zlibError(vm), 'Bad compression level');
  return v;
}

/** The stream kind wbits selects: zlib (9..15), raw deflate (-15..-9), gzip (25..31). */
export function formatOf(vm: Vm, wbits: number): 'zlib' | 'raw' | 'gzip' | 'auto' {
  if (wbits >= 9 && wbits <= 15) return 'zlib';
  if (wbits >= -15 && wbits <= -9) return 'raw';
  if (wbits >= 25 && wbits <= 31) return 'gzip';
  if (wbits >= 41 && wbits <= 47) return 'auto';
  if (wbits === 0) return 'zlib';
  throw raiseString(vm, zlibError(vm), 'Invalid initialization option');
}

/**
 * The stream around a raw DEFLATE body as zlib writes it: the zlib header (CMF 0x78, FLEVEL from
 * the level: 0–1 → 0x01, 2–5 → 0x5e, 6 → 0x9c, 7–9 → 0xda) and the Adler-32 big-endian; or the
 * gzip header (mtime 0, XFL 2 at level 9 / 4 below 2, OS 3) and CRC-32 + length little-endian.
 */
function wrap(fmt: 'zlib' | 'raw' | 'gzip', body: Uint8Array, input: Uint8Array, level: number): Uint8Array {
  if (fmt === 'raw') return body;
  const lvl = level < 0 ? 6 : level;
  const head =
    fmt === 'zlib'
      ? [0x78, lvl < 2 ? 0x01 : lvl < 6 ? 0x5e : lvl === 6 ? 0x9c : 0xda]
      : [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, lvl === 9 ? 2 : lvl < 2 ? 4 : 0, 3];
  const tail: number[] = [];
  if (fmt === 'zlib') {
    const a = adler32(input, 1);
    tail.push(a >>> 24, (a >>> 16) & 0xff, (a >>> 8) & 0xff, a & 0xff);
  } else {
    const c = crc32(input, 0);
    const n = input.length >>> 0;
    for (const v of [c, n]) tail.push(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, v >>> 24);
  }
  const out = new Uint8Array(head.length + body.length + tail.length);
  out.set(head);
  out.set(body, head.length);
  out.set(tail, head.length + body.length);
  return out;
}

/** zlib.compress(data, /, level=-1, wbits=15). */
export function zlibCompress(vm: Vm, data: number, level: number, wbits: number): number {
  const fmt = formatOf(vm, wbits);
  if (fmt === 'auto') throw raiseString(vm, zlibError(vm), 'Invalid initialization option');
  const view = dataView(vm, data, null);
  let input: Uint8Array;
  try {
    input = viewBytes(vm, view);
  } finally {
    releaseView(vm, view);
  }
  const lvl = (level < 0 ? 6 : level) as 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
  const out = wrap(fmt, deflateRaw(input, { level: lvl }), input, level);
  let state = 0;
  let arrays: number[] = [];
  const blocks = outputBlocks(vm, BLOCK_SIZES[0], out.length, () => {
    // deflateInit2: the state, then window, prev, head (cleared) and pending_buf
    state = zalloc(vm, DEFLATE_STATE, DEFLATE_STATE);
    arrays = [0, 1, 2, 3].map((k) => zalloc(vm, 65536, k === 2 ? 65536 : Math.min(65536, 2 * input.length)));
  });
  // deflateEnd: pending_buf, head, prev, window, then the state
  for (let k = 3; k >= 0; k--) vm.mem.rawFree(arrays[k]);
  vm.mem.rawFree(state);
  return finish(vm, blocks, out);
}

/** The data inflated (fflate: inflating has one answer), or zlib.error in zlib's words. */
function inflated(vm: Vm, input: Uint8Array, fmt: 'zlib' | 'raw' | 'gzip' | 'auto'): Uint8Array {
  try {
    const kind = fmt === 'auto' ? (input[0] === 0x1f ? 'gzip' : 'zlib') : fmt;
    return kind === 'zlib' ? unzlibSync(input) : kind === 'raw' ? inflateSync(input) : gunzipSync(input);
  } catch (e) {
    // zlib's words: a stream that ends early is Z_BUF_ERROR (-5), a bad header or block Z_DATA_ERROR (-3)
    const msg = (e as Error).message;
    throw raiseString(
      vm,
      zlibError(vm),
      msg === 'unexpected EOF' || input.length < 2 // (a header cut short is a truncated stream too)
        ? 'Error -5 while decompressing data: incomplete or truncated stream'
        : msg === 'invalid zlib data' || msg === 'invalid gzip data'
          ? 'Error -3 while decompressing data: incorrect header check'
          : 'Error -3 while decompressing data: invalid block type',
    );
  }
}

/** zlib.decompress(data, /, wbits=15, bufsize=16384). */
export function zlibDecompress(vm: Vm, data: number, wbits: number, bufsize: number): number {
  const fmt = formatOf(vm, wbits);
  const view = dataView(vm, data, null);
  let input: Uint8Array;
  try {
    input = viewBytes(vm, view);
  } finally {
    releaseView(vm, view);
  }
  const out = inflated(vm, input, fmt);
  let window = 0;
  let state = 0;
  const blocks = outputBlocks(
    vm,
    Math.max(1, bufsize),
    out.length,
    () => (state = zalloc(vm, INFLATE_STATE, INFLATE_STATE)),
    // inflate returned with the block full, before the stream's end: updatewindow makes the window
    () => (window = zalloc(vm, 1 << Math.min(15, Math.abs(wbits) & 15 || 15), 32768)),
  );
  // inflateEnd: the window, then the state
  if (window) vm.mem.rawFree(window);
  vm.mem.rawFree(state);
  return finish(vm, blocks, out);
}

/**
 * `do = zlib.decompressobj(wbits)` then `do.decompress(data)` once, as gzip.decompress (3.11) runs
 * it: newcompobject's lock (PyThread_allocate_lock: a 32-byte sem_t, PyMem_RawMalloc) and
 * inflateInit2's state come first, then `input()` (the caller's argument, built after the object),
 * then the output blocks from 32 KiB (a decompressobj's buffer starts at the first block size, not
 * at bufsize) with the window after the first, and the join. The lock, window and state live
 * until the object goes: `release()` (Decomp_dealloc: inflateEnd, then the lock). The object's own
 * 150-odd bytes of pymalloc are not modelled.
 */
export function decompressObjectOnce(
  vm: Vm,
  input: () => number,
  wbits: number,
): { out: number; data: number; release: () => void } {
  const lock = zalloc(vm, 32, 32);
  const state = zalloc(vm, INFLATE_STATE, INFLATE_STATE);
  const data = input();
  let window = 0;
  let out: number;
  try {
    const view = dataView(vm, data, null);
    let bytes: Uint8Array;
    try {
      bytes = viewBytes(vm, view);
    } finally {
      releaseView(vm, view);
    }
    const produced = inflated(vm, bytes, formatOf(vm, wbits));
    // a decompressobj inflates with Z_SYNC_FLUSH, so inflate's updatewindow makes the window as soon
    // as a call produced output (zlib.decompress's Z_FINISH skips it when the stream ends at once)
    const windowSize = 1 << Math.min(15, Math.abs(wbits) & 15 || 15);
    const blocks = outputBlocks(vm, BLOCK_SIZES[0], produced.length, () => {
      if (produced.length > 0) window = zalloc(vm, windowSize, Math.min(windowSize, produced.length));
    });
    out = finish(vm, blocks, produced);
  } catch (e) {
    vm.decref(data);
    if (window) vm.mem.rawFree(window);
    vm.mem.rawFree(state);
    vm.mem.rawFree(lock);
    throw e;
  }
  return {
    out,
    data,
    release: () => {
      if (window) vm.mem.rawFree(window);
      vm.mem.rawFree(state);
      vm.mem.rawFree(lock);
    },
  };
}

function checksum(
  vm: Vm,
  args: readonly number[],
  f: (d: Uint8Array, start: number) => number,
  start: number,
): number {
  if (args.length < 1 || args.length > 2) throw typeError(vm, 'crc32 expected 1 or 2 arguments');
  let v = args.length === 2 ? Number(BigInt.asUintN(32, BigInt(intValue(vm, args[1])))) : start;
  const view = dataView(vm, args[0], null);
  try {
    forEachChunk(vm, view, (c) => (v = f(c, v)));
  } finally {
    releaseView(vm, view);
  }
  return fromLong(vm, v);
}

export const intArg = (vm: Vm, h: number, dflt: number): number => {
  if (h === 0) return dflt;
  if (vm.table.type[h] !== T.Int && vm.table.type[h] !== T.Bool)
    throw typeError(vm, "'%.200s' object cannot be interpreted as an integer", 'float');
  return Number(intValue(vm, h));
};

const errors = new WeakMap<Vm, number>();

/** zlib.error (a class made at the module's init: part of the start-up here). */
function zlibErrorClass(vm: Vm): number {
  let e = errors.get(vm);
  if (e === undefined) {
    const globals = runPythonPart(vm, 'zlib', 'class error(Exception):\n    pass\n', {});
    errors.set(vm, (e = partName(vm, globals, 'error')));
  }
  return e;
}
export const zlibError = (vm: Vm): number => vm.slotsOf(zlibErrorClass(vm)).id;

export const zlibModule: ModuleSpec = {
  name: 'zlib',
  load: (vm) => {
    const m = staticModule(vm, 'zlib', [
      {
        name: 'compress',
        flags: Meth.Fastcall | Meth.Keywords,
        impl: (vm2, _m, a, kw: Kwargs | null) => {
          const [data, level, wbits] = unpackKeywords(vm2, 'compress', a, kw, ['', 'level', 'wbits'], 1, 3);
          return zlibCompress(vm2, data, levelOf(vm2, level), intArg(vm2, wbits, 15));
        },
      },
      {
        name: 'decompress',
        flags: Meth.Fastcall | Meth.Keywords,
        impl: (vm2, _m, a, kw: Kwargs | null) => {
          const [data, wbits, bufsize] = unpackKeywords(
            vm2,
            'decompress',
            a,
            kw,
            ['', 'wbits', 'bufsize'],
            1,
            3,
          );
          const size = intArg(vm2, bufsize, DEF_BUFSIZE);
          if (size < 0) throw valueError(vm2, 'bufsize must be non-negative');
          return zlibDecompress(vm2, data, intArg(vm2, wbits, 15), size);
        },
      },
      { name: 'crc32', flags: Meth.Fastcall, impl: (vm2, _m, a) => checksum(vm2, a, crc32, 0) },
      { name: 'adler32', flags: Meth.Fastcall, impl: (vm2, _m, a) => checksum(vm2, a, adler32, 1) },
      {
        name: 'compressobj',
        flags: Meth.Fastcall | Meth.Keywords,
        impl: (vm2, _m, a, kw: Kwargs | null) => compressObject(vm2, a, kw),
      },
      {
        name: 'decompressobj',
        flags: Meth.Fastcall | Meth.Keywords,
        impl: (vm2, _m, a, kw: Kwargs | null) => decompressObject(vm2, a, kw),
      },
    ]);
    const attrs = moduleData(vm, m).attrs;
    attrs.set('error', zlibErrorClass(vm));
    const consts: Record<string, number> = {
      MAX_WBITS: 15,
      DEFLATED: 8,
      DEF_MEM_LEVEL: 8,
      DEF_BUF_SIZE: DEF_BUFSIZE,
      Z_NO_COMPRESSION: 0,
      Z_BEST_SPEED: 1,
      Z_BEST_COMPRESSION: 9,
      Z_DEFAULT_COMPRESSION: -1,
      Z_FILTERED: 1,
      Z_HUFFMAN_ONLY: 2,
      Z_DEFAULT_STRATEGY: 0,
      Z_NO_FLUSH: 0,
      Z_SYNC_FLUSH: 2,
      Z_FULL_FLUSH: 3,
      Z_FINISH: 4,
    };
    const was = vm.mem.accounted;
    vm.mem.accounted = true;
    try {
      for (const [k, v] of Object.entries(consts)) attrs.set(k, fromLong(vm, v));
    } finally {
      vm.mem.accounted = was;
    }
    return m;
  },
};
