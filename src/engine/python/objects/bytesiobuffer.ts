import type { Vm } from '../runtime/vm';
import { registerBufferExporter } from './buffer';
import { BYTES_HEADER, byteAt, bytesContent } from './bytes';
import { bytesioState, checkClosed, shared, unshare, type BytesIOState } from './bytesio';
import { writeContent } from './bytestore';
import { memoryviewFrom } from './memoryview';
import { moduleType } from './modtypes';
import { TpFlags, defineType, type TypeSlots } from './types';

/**
 * _io._BytesIOBuffer (bytesiobuf): what getbuffer() exports, a 16 GC + 24 byte object holding the
 * BytesIO. Its bf_getbuffer unshares the BytesIO's buffer first when no view exists yet (so a
 * BytesIO made from a bytes object copies it now: unshare_buffer of string_size bytes) and counts
 * an export (writes that resize, truncate and close raise BufferError meanwhile); the view spans
 * string_size bytes.
 */
const BytesIOBufferType = (vm: Vm, id: number): TypeSlots => {
  const source = (h: number): BytesIOState => bytesioState(vm, vm.table.ref[h]);
  registerBufferExporter(vm, id, {
    get: (vm2, h) => {
      const st = source(h);
      if (st.exports === 0 && shared(vm2, st)) unshare(vm2, st, st.stringSize);
      st.exports++;
      return { obj: h, offset: 0, len: st.stringSize, itemsize: 1, format: 'B', readonly: false };
    },
    release: (_vm2, view) => {
      source(view.obj).exports--;
    },
    byte: (vm2, h, i) => byteAt(bytesContent(vm2, source(h).buf), i),
    // a write through getbuffer()'s view: into the (unshared) buffer's bytes, in place
    write: (vm2, h, at, bytes) => {
      const st = source(h);
      vm2.table.side[st.buf] = writeContent(bytesContent(vm2, st.buf), at, bytes);
      vm2.mem.touch(vm2.table.addr[st.buf] + BYTES_HEADER + at, bytes.length);
    },
  });
  return defineType({
    id,
    name: '_BytesIOBuffer',
    module: '_io',
    basicsize: 24,
    flags: TpFlags.HaveGc,
    dealloc: (vm2, h) => {
      vm2.gc.untrack(h);
      const src = vm2.table.ref[h];
      vm2.table.ref[h] = 0;
      if (src) vm2.decref(src);
      vm2.gcDel(h);
    },
    traverse: (vm2, h, visit) => {
      if (vm2.table.ref[h]) visit(vm2.table.ref[h]);
    },
  });
};

/** _io_BytesIO_getbuffer_impl: a _BytesIOBuffer on the BytesIO, then PyMemoryView_FromObject of it. */
export function getbuffer(vm: Vm, self: number): number {
  checkClosed(vm, bytesioState(vm, self));
  const buf = vm.newGcObject(moduleType(vm, BytesIOBufferType).id, 24);
  vm.incref(self);
  vm.table.ref[buf] = self;
  vm.gc.track(buf);
  try {
    return memoryviewFrom(vm, buf);
  } finally {
    vm.decref(buf); // the managed buffer holds it
  }
}

