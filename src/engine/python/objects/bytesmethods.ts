import { argParserInit } from '../abstract/argparser';
import { typeError } from '../abstract/errors';
import { sequenceFast } from '../abstract/sequence';
import { NotSupported } from '../errors';
import type { Vm } from '../runtime/vm';
import { byteAt, byteLength, byteString, bytesContent, bytesNew, type ByteContent } from './bytes';
import { strNew, strValue } from './str';
import { Meth, T, type Kwargs, type MethodDef } from './types';

/**
 * The bytes methods modelled (Objects/bytesobject.c, 3.11). Contents may be a uniform fill
 * (`b"\0" * 4096`): a join of fills of one byte stays a fill, so a 80 MB payload never becomes a
 * JS string.
 */

/** The content of several parts joined by `sep`, a fill when every part is one. */
function joinContent(parts: ByteContent[], sep: ByteContent): ByteContent | null {
  const total =
    parts.reduce((n, p) => n + byteLength(p), 0) + byteLength(sep) * Math.max(0, parts.length - 1);
  const fills = parts.every((p) => typeof p !== 'string' && !p.patches);
  if (fills && (byteLength(sep) === 0 || parts.length < 2)) {
    const v = parts.length && byteLength(parts[0]) ? byteAt(parts[0], 0) : 0;
    if (parts.every((p) => byteLength(p) === 0 || byteAt(p, 0) === v)) return { fill: v, length: total };
  }
  if (total > 1 << 28) return null;
  const sepText = byteString(sep);
  const texts = parts.map(byteString);
  if (sepText === null || texts.some((t) => t === null)) return null;
  return texts.join(sepText);
}

/**
 * bytes.join (stringlib/join.h): PySequence_Fast; one exact bytes item is returned as is; more
 * than 10 items need a PyMem array of Py_buffer (80 bytes each) beside the 10 on the C stack;
 * then the result (_PyBytes_FromSize, not zeroed), and the array freed.
 */
function join(vm: Vm, self: number, args: readonly number[]): number {
  const [items, temp] = sequenceFast(vm, args[0], 'can only join an iterable');
  let buffers = 0;
  try {
    const n = items.length;
    if (n === 0) return vm.s.emptyBytes;
    if (n === 1 && vm.table.type[items[0]] === T.Bytes) {
      vm.incref(items[0]);
      return items[0];
    }
    if (n > 10) buffers = vm.mem.malloc(80 * n);
    const parts: ByteContent[] = [];
    for (let i = 0; i < n; i++) {
      const t = vm.table.type[items[i]];
      if (t !== T.Bytes && t !== T.ByteArray)
        throw typeError(
          vm,
          'sequence item %zd: expected a bytes-like object, %.80s found',
          i,
          vm.typeOf(items[i]).name,
        );
      parts.push(bytesContent(vm, items[i]));
    }
    const c = joinContent(parts, bytesContent(vm, self));
    if (c === null) throw new NotSupported('bytes.join of more than 256 MB of mixed bytes');
    return bytesNew(vm, c);
  } finally {
    if (buffers) vm.mem.free(buffers);
    if (temp) vm.decref(temp);
  }
}

/**
 * bytes.decode(encoding='utf-8', errors='strict') of ASCII data: PyUnicode_New(size, 127) and
 * ascii_decode into it (one character: the cached singleton). Non-ASCII data goes through a
 * _PyUnicodeWriter that widens its buffer: not modelled yet.
 */
function decode(vm: Vm, self: number, args: readonly number[], kw: Kwargs | null): number {
  if (kw !== null && kw.size > 0) argParserInit(vm, 'bytes.decode', ['encoding', 'errors']);
  const encArg = args[0] ?? kw?.get('encoding');
  const enc = encArg === undefined ? 'utf-8' : strValue(vm, encArg).toLowerCase().replace(/_/g, '-');
  if (!['utf-8', 'utf8', 'ascii', 'us-ascii', 'latin-1', 'latin1', 'iso-8859-1'].includes(enc))
    throw new NotSupported(`bytes.decode('${enc}')`);
  const c = bytesContent(vm, self);
  const n = byteLength(c);
  if (n === 0) return vm.s.emptyStr;
  const text = byteString(c);
  if (text === null) throw new NotSupported('bytes.decode of more than 1 MB of zero-filled bytes');
  // eslint-disable-next-line no-control-regex -- ASCII is every code below 128, controls included
  if (!/^[\x00-\x7f]*$/.test(text)) throw new NotSupported('bytes.decode of non-ASCII data');
  if (n === 1) return vm.s.char(text.charCodeAt(0));
  return strNew(vm, text, 0);
}

const def = (name: string, flags: number, impl: MethodDef['impl']): MethodDef => ({
  name,
  flags,
  impl,
  qualname: `bytes.${name}`,
});

/** bytes___bytes___impl: exact bytes are themselves, a subclass's are copied into exact bytes. */
function dunderBytes(vm: Vm, self: number): number {
  if (vm.table.type[self] === T.Bytes) {
    vm.incref(self);
    return self;
  }
  return bytesNew(vm, bytesContent(vm, self));
}

export const BYTES_METHODS: Record<string, MethodDef> = {
  __bytes__: def('__bytes__', Meth.NoArgs, (vm, self) => dunderBytes(vm, self)),
  join: def('join', Meth.O, join),
  decode: def('decode', Meth.Fastcall | Meth.Keywords, decode),
};
