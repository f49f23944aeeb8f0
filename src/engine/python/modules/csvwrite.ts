import { getAttr } from '../abstract/attr';
import { call } from '../abstract/call';
import { typeError } from '../abstract/errors';
import { getIter, iterNext } from '../abstract/iter';
import { str } from '../abstract/repr';
import { strResult, strValue } from '../objects/str';
import { isCallable } from '../objects/dictsub';
import { Meth, T, TpFlags, defineType, type TypeSlots } from '../objects/types';
import type { Vm } from '../runtime/vm';
import {
  csvError,
  dialectOf,
  QUOTE_ALL,
  QUOTE_NONE,
  QUOTE_NONNUMERIC,
  type DialectState,
} from './csvdialect';

/**
 * _csv.writer (Modules/_csv.c, 3.11): a GC object of 16 + 72 bytes holding the file's bound
 * `write` and a record buffer of code points. writerow joins the fields into the buffer
 * (join_append: each non-str field through str(), None as empty), growing it by
 * join_check_rec_size to the next multiple of MEM_INCR = 32,768 code points with PyMem_Resize:
 * 131,072 bytes at the first row, which glibc serves with mmap (a chunk of 131,088 bytes is past
 * the 128 KiB threshold); then the line terminator, a str of the narrowest kind made from the
 * buffer, and `write(line)` called with it. The buffer lives as long as the writer.
 */
const WRITER_BASIC = 72;
const MEM_INCR = 32768;

interface WriterState {
  write: number;
  dialect: number;
  rec: number;
  recSize: number;
  rec_: string[];
  numFields: number;
}

const writerOf = (vm: Vm, h: number): WriterState => vm.table.side[h] as WriterState;

function checkRecSize(vm: Vm, w: WriterState, recLen: number): void {
  if (recLen > w.recSize) {
    w.recSize = (Math.floor(recLen / MEM_INCR) + 1) * MEM_INCR;
    const p = vm.mem.realloc(w.rec, w.recSize * 4);
    if (p === 0) throw csvError(vm, 'out of memory');
    w.rec = p;
  }
}

/** join_append_data's two passes in one: the characters the field adds, quoted or escaped as needed. */
function fieldText(vm: Vm, d: DialectState, text: string | null, quoted: boolean): string {
  const term = strValue(vm, d.lineterminator);
  let out = '';
  if (text !== null)
    for (const c of text) {
      let escape = false;
      if (c === d.delimiter || c === d.escapechar || c === d.quotechar || term.includes(c)) {
        if (d.quoting === QUOTE_NONE) escape = true;
        else {
          if (c === d.quotechar) {
            if (d.doublequote) out += d.quotechar;
            else escape = true;
          }
          if (!escape) quoted = true;
        }
        if (escape) {
          if (d.escapechar === '') throw csvError(vm, 'need to escape, but no escapechar set');
          out += d.escapechar;
        }
      }
      out += c;
    }
  return quoted ? d.quotechar + out + d.quotechar : out;
}

function joinAppend(vm: Vm, w: WriterState, d: DialectState, text: string | null, quoted: boolean): void {
  const piece = (w.numFields > 0 ? d.delimiter : '') + fieldText(vm, d, text, quoted);
  const len = w.rec_.reduce((n, s) => n + [...s].length, 0) + [...piece].length;
  checkRecSize(vm, w, len);
  w.rec_.push(piece);
  w.numFields++;
}

/** PyNumber_Check: the type has __index__, __int__ or __float__ (or is complex). */
const isNumber = (vm: Vm, h: number): boolean => {
  const n = vm.typeOf(h).number;
  return !!(n?.index || n?.int || n?.float);
};

function writerow(vm: Vm, h: number, seq: number): number {
  const w = writerOf(vm, h);
  const d = dialectOf(vm, w.dialect);
  let it: number;
  try {
    it = getIter(vm, seq);
  } catch {
    throw csvError(vm, `iterable expected, not ${vm.typeOf(seq).name}`);
  }
  w.rec_ = [];
  w.numFields = 0;
  try {
    for (let f = iterNext(vm, it); f !== 0; f = iterNext(vm, it)) {
      const quoted = d.quoting === QUOTE_NONNUMERIC ? !isNumber(vm, f) : d.quoting === QUOTE_ALL;
      if (vm.typeOf(f).mro.includes(T.Str)) {
        joinAppend(vm, w, d, strValue(vm, f), quoted);
        vm.decref(f);
      } else if (f === vm.s.None) {
        joinAppend(vm, w, d, null, quoted);
        vm.decref(f);
      } else {
        let s: number;
        try {
          s = str(vm, f);
        } finally {
          vm.decref(f);
        }
        try {
          joinAppend(vm, w, d, strValue(vm, s), quoted);
        } finally {
          vm.decref(s);
        }
      }
    }
  } finally {
    vm.decref(it);
  }
  if (w.numFields > 0 && w.rec_.join('') === '') {
    if (d.quoting === QUOTE_NONE) throw csvError(vm, 'single empty field record must be quoted');
    w.numFields--;
    joinAppend(vm, w, d, null, true);
  }
  const term = strValue(vm, d.lineterminator);
  const text = w.rec_.join('') + term;
  checkRecSize(vm, w, [...text].length);
  const line = strResult(vm, text);
  try {
    return call(vm, w.write, [line], null);
  } finally {
    vm.decref(line);
  }
}

/** csv_writer(fileobj, dialect): the file's `write` looked up (a bound method) and kept. */
export function writerNew(vm: Vm, type: number, file: number, dialectFor: () => number): number {
  const h = vm.newGcObject(type, WRITER_BASIC);
  const w: WriterState = { write: 0, dialect: 0, rec: 0, recSize: 0, rec_: [], numFields: 0 };
  vm.table.side[h] = w;
  try {
    try {
      w.write = getAttr(vm, file, 'write');
    } catch {
      throw typeError(vm, 'argument 1 must have a "write" method');
    }
    if (!isCallable(vm, w.write)) throw typeError(vm, 'argument 1 must have a "write" method');
    w.dialect = dialectFor();
  } catch (e) {
    vm.decref(h);
    throw e;
  }
  vm.gc.track(h);
  return h;
}

export const WriterType = (_vm: Vm, id: number): TypeSlots =>
  defineType({
    id,
    name: 'writer',
    module: '_csv',
    basicsize: WRITER_BASIC,
    flags: TpFlags.HaveGc,
    dealloc: (vm, h) => {
      vm.gc.untrack(h);
      const w = writerOf(vm, h);
      vm.table.side[h] = undefined;
      if (w.dialect) vm.decref(w.dialect);
      if (w.write) vm.decref(w.write);
      if (w.rec) vm.mem.free(w.rec);
      vm.gcDel(h);
    },
    traverse: (vm, h, visit) => {
      const w = writerOf(vm, h);
      if (w.dialect) visit(w.dialect);
      if (w.write) visit(w.write);
    },
    methods: {
      writerow: { name: 'writerow', flags: Meth.O, impl: (vm, h, a) => writerow(vm, h, a[0]) },
      writerows: {
        name: 'writerows',
        flags: Meth.O,
        impl: (vm, h, a) => {
          let rows: number;
          try {
            rows = getIter(vm, a[0]);
          } catch {
            throw typeError(vm, 'writerows() argument must be iterable');
          }
          try {
            for (let row = iterNext(vm, rows); row !== 0; row = iterNext(vm, rows)) {
              try {
                vm.decref(writerow(vm, h, row));
              } finally {
                vm.decref(row);
              }
            }
          } finally {
            vm.decref(rows);
          }
          return vm.s.None;
        },
      },
    },
    getset: {
      dialect: {
        name: 'dialect',
        get: (vm, h) => (vm.incref(writerOf(vm, h).dialect), writerOf(vm, h).dialect),
      },
    },
  });
