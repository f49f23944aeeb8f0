import type { Vm } from '../runtime/vm';
import { accuAdd, accuDestroy, accuFinishAsList, accuInit, accuSteal } from './accu';
import { pyIdentifier } from './identifiers';
import { tupleAlloc } from './tuple';
import { UnicodeWriter } from './unicodewriter';

/**
 * Where json's C encoder puts what it encodes (Modules/_json.c). 3.11 accumulates the chunks in a
 * _PyAccu and returns them as a list, which JSONEncoder.encode joins: every chunk and the joined
 * text are alive together at the end. 3.12 writes every chunk into one over-allocating
 * _PyUnicodeWriter (a quarter more at each growth, resize_compact in place) and returns the text,
 * resized to its length, in a 1-tuple: the text once, grown by realloc (the version profile's
 * `jsonEncoder`).
 */
export interface JsonSink {
  /** A str the encoder made (its reference stolen): _PyAccu_Accumulate or _steal_accumulate. */
  steal(h: number): void;
  /** A str someone else holds (the separators): accumulated or written. */
  add(h: number): void;
  /** null, true, false: 3.11's identifier strs (_encoded_const), 3.12's WriteASCIIString. */
  constant(text: 'null' | 'true' | 'false'): void;
  /** A bracket or the empty '[]' / '{}': 3.11's _Py_IDENTIFIERs, 3.12's WriteChar / WriteASCIIString. */
  punct(text: '[' | ']' | '{' | '}' | '[]' | '{}'): void;
  /** A list or dict begins: 3.11 makes its three bracket identifiers here, before anything else. */
  enter(open: '[' | '{'): void;
  /** The result: the chunks list (3.11) or the 1-tuple of the finished text (3.12); a new reference. */
  finish(): number;
  /** The error path: _PyAccu_Destroy or _PyUnicodeWriter_Dealloc. */
  destroy(): void;
}

/** The brackets (3.11: _Py_IDENTIFIERs made together on the first list or dict a process encodes). */
function bracket(vm: Vm, text: string): number {
  const open = text[0] === '[' || text[0] === ']' ? '[' : '{';
  const close = open === '[' ? ']' : '}';
  const made = [open, close, open + close].map((s) => pyIdentifier(vm, s, false));
  return made[text === open ? 0 : text === close ? 1 : 2];
}

function accuSink(vm: Vm): JsonSink {
  const acc = accuInit(vm);
  return {
    steal: (h) => accuSteal(vm, acc, h),
    add: (h) => accuAdd(vm, acc, h),
    constant(text) {
      const h = pyIdentifier(vm, text, true);
      vm.incref(h);
      accuSteal(vm, acc, h);
    },
    punct: (text) => accuAdd(vm, acc, bracket(vm, text)),
    enter: (open) => void bracket(vm, open),
    finish: () => accuFinishAsList(vm, acc),
    destroy: () => accuDestroy(vm, acc),
  };
}

function writerSink(vm: Vm): JsonSink {
  // encoder_call: _PyUnicodeWriter_Init, writer.overallocate = 1
  const w = new UnicodeWriter(vm, true);
  return {
    steal(h) {
      try {
        w.writeStr(h);
      } finally {
        vm.decref(h);
      }
    },
    add: (h) => w.writeStr(h),
    constant: (text) => w.writeText(text),
    punct: (text) => (text.length === 1 ? w.writeChar(text.charCodeAt(0)) : w.writeText(text)),
    finish() {
      // PyTuple_New(1), then PyTuple_SetItem(result, 0, _PyUnicodeWriter_Finish(&writer))
      const t = tupleAlloc(vm, 1);
      vm.pool.data[vm.table.ref[t]] = 0;
      vm.gc.track(t);
      vm.pool.data[vm.table.ref[t]] = w.finish();
      return t;
    },
    enter: () => {},
    destroy: () => w.dealloc(),
  };
}

/** The encoder's output, as the running version's _json.c makes it. */
export function jsonSink(vm: Vm): JsonSink {
  return vm.py.jsonEncoder === 'writer' ? writerSink(vm) : accuSink(vm);
}
