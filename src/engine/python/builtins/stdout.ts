import { typeError } from '../abstract/errors';
import { bytesNew } from '../objects/bytes';
import { fromSsize } from '../objects/int';
import { listAppend, listNew, listPut } from '../objects/list';
import { readyStaticType } from '../objects/typeobject';
import { strKind, strValue } from '../objects/str';
import { Meth, T, defineType, type TypeSlots } from '../objects/types';
import type { Vm } from '../runtime/vm';

/**
 * sys.stdout as the recorder's child has it: a TextIOWrapper (Modules/_io/textio.c) over a
 * BufferedWriter over a FileIO on a regular file, so not line-buffered and not write-through.
 * The wrapper and the buffer's 8 KiB exist from start-up; what a script's print allocates is
 * textio's pending list: an ASCII str is kept as it is (bpo-43260), the second write makes a
 * 2-item list, later ones append to it, and when 8192 bytes are pending (chunk_size) they are
 * joined into one bytes object handed to the buffer (_textiowrapper_writeflush). So the strs
 * print makes for numbers stay alive until the next flush.
 */
const CHUNK_SIZE = 8192;

interface StdoutState {
  /** pending_bytes: 0, one str/bytes, or a list of them (owned). */
  pending: number;
  pendingCount: number;
  /** Where the flushed bytes go (the process's stdout text). */
  sink: (text: string) => void;
  /** sys.stderr: line-buffered (create_stdio since 3.9, bpo-13601): a write with a newline flushes. */
  lineBuffering: boolean;
  name: string;
}

const state = (vm: Vm, h: number): StdoutState => vm.table.side[h] as StdoutState;

/** _io_TextIOWrapper_write_impl: the text (ASCII kept, else encoded) joins the pending bytes. */
function textioWrite(vm: Vm, self: number, text: number): number {
  if (vm.table.type[text] !== T.Str)
    throw typeError(vm, 'write() argument must be str, not %.100s', vm.typeOf(text).name);
  const st = state(vm, self);
  const value = strValue(vm, text);
  const textlen = vm.table.n[text];
  let b: number;
  let bytesLen: number;
  if (strKind(vm, text) === 0 && textlen <= CHUNK_SIZE) {
    vm.incref(text);
    b = text;
    bytesLen = textlen;
  } else {
    const utf8 = unescape(encodeURIComponent(value));
    b = bytesNew(vm, utf8);
    bytesLen = utf8.length;
  }
  if (st.pending === 0) {
    st.pendingCount = 0;
    st.pending = b;
  } else if (vm.table.type[st.pending] !== T.List) {
    const list = listNew(vm, 2);
    listPut(vm, list, 0, st.pending);
    listPut(vm, list, 1, b);
    st.pending = list;
  } else {
    listAppend(vm, st.pending, b);
  }
  st.pendingCount += bytesLen;
  st.sink(value);
  // _io_TextIOWrapper_write_impl: needflush when line-buffered and the text holds '\n' or '\r'
  if (st.pendingCount >= CHUNK_SIZE || (st.lineBuffering && /[\n\r]/.test(value))) writeflush(vm, st);
  return fromSsize(vm, textlen);
}

/** _textiowrapper_writeflush: the pending text as one bytes object, written to the buffer, released. */
function writeflush(vm: Vm, st: StdoutState): void {
  const pending = st.pending;
  if (pending === 0) return;
  const t = vm.table;
  let b: number;
  if (t.type[pending] === T.Bytes) {
    vm.incref(pending);
    b = pending;
  } else if (t.type[pending] === T.Str) b = bytesNew(vm, strValue(vm, pending));
  else b = bytesNew(vm, '\0'.repeat(st.pendingCount), false);
  st.pendingCount = 0;
  st.pending = 0;
  vm.decref(pending);
  // BufferedWriter.write copies into its start-up buffer (and writes it out when full)
  vm.decref(b);
}

/** The _io.TextIOWrapper type, as far as print and sys.stdout.write/flush use it. */
const TextIOWrapperType = (id: number): TypeSlots =>
  defineType({
    id,
    name: 'TextIOWrapper',
    module: '_io',
    basicsize: 192,
    dealloc: () => {
      throw new Error('internal: sys.stdout deallocated');
    },
    reprText: (vm, self) => `<_io.TextIOWrapper name='<${state(vm, self).name}>' mode='w' encoding='utf-8'>`,
    methods: {
      write: {
        name: 'write',
        flags: Meth.O,
        qualname: 'TextIOWrapper.write',
        impl: (vm, self, a) => textioWrite(vm, self, a[0]),
      },
      flush: {
        name: 'flush',
        flags: Meth.NoArgs,
        qualname: 'TextIOWrapper.flush',
        impl: (vm, self) => {
          writeflush(vm, state(vm, self));
          return vm.s.None;
        },
      },
    },
  });

/** sys.stdout (or, line-buffered, sys.stderr): made at start-up (static), its text going to `sink`. */
export function makeStdout(vm: Vm, sink: (text: string) => void, name = 'stdout'): number {
  const id = vm.newTypeId();
  readyStaticType(vm, TextIOWrapperType(id));
  const h = vm.newStatic(id);
  vm.table.side[h] = {
    pending: 0,
    pendingCount: 0,
    sink,
    lineBuffering: name === 'stderr',
    name,
  } satisfies StdoutState;
  return h;
}
