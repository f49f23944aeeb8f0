import { memoryError } from '../errors';
import { strKindOf, strNew } from '../objects/str';
import type { Vm } from '../runtime/vm';

/**
 * open()'s `newline` in text mode, as _io.TextIOWrapper applies it (textio.c, 3.11):
 *  - None: universal newlines read and translated ('\r\n' and '\r' become '\n'); '\n' written as is
 *    (os.linesep is '\n' here);
 *  - '': universal newlines read, not translated (a line ends at '\r', '\n' or '\r\n'); nothing
 *    translated on write — the csv module's idiom, since its writer ends rows with '\r\n';
 *  - '\n', '\r', '\r\n': a line ends only there; '\r' and '\r\n' replace every '\n' written.
 * The universal modes read through an IncrementalNewlineDecoder (the 40-byte object open() makes
 * for them, measured), which keeps a chunk's last '\r' back until the next chunk so that a
 * '\r\n' split across two 8192-byte chunks is seen whole.
 */
export type Newline = null | '' | '\n' | '\r' | '\r\n';

export const LEGAL_NEWLINES: readonly string[] = ['', '\n', '\r', '\r\n'];

/** readuniversal: None or '' (textiowrapper_init). */
export const readsUniversal = (nl: Newline): boolean => nl === null || nl === '';

export interface NewlineState {
  newline: Newline;
  /** The decoder's pendingcr: a '\r' held back from the last chunk. */
  pendingCr: boolean;
}

/** PyMem_Malloc that raises MemoryError when the model's allocator refuses (the file methods' blocks too). */
export function mallocOrFail(vm: Vm, n: number): number {
  const p = vm.mem.malloc(n);
  if (p === 0) throw memoryError();
  return p;
}

/** One character's bytes in a str of this content (PyUnicode_KIND: 1, 2 or 4). */
const charWidth = (s: string): number => Math.max(1, strKindOf(s));

/**
 * _PyIncrementalNewlineDecoder_decode over what the inner utf-8 decoder gave (`output`, a str
 * handle or 0 for ''): the held '\r' put in front (a new str), this chunk's last '\r' held back
 * unless final (PyUnicode_Substring), and under None '\r\n'/'\r' translated through a PyMem
 * buffer of len × kind bytes (allocated, the old str dropped, the new one made, the buffer freed).
 * Returns the decoded text and its str handle (0 for '').
 */
export function decodeNewlines(
  vm: Vm,
  st: NewlineState,
  text: string,
  output: number,
  final: boolean,
): { text: string; output: number } {
  const replace = (next: string): void => {
    const h = next.length ? strNew(vm, next) : 0;
    if (output) vm.decref(output);
    output = h;
    text = next;
  };
  if (st.pendingCr && (final || text.length > 0)) {
    st.pendingCr = false;
    replace('\r' + text);
  }
  if (!final && text.length > 0 && text.endsWith('\r')) {
    replace(text.slice(0, -1));
    st.pendingCr = true;
  }
  if (st.newline === null && text.includes('\r')) {
    const buffer = mallocOrFail(vm, text.length * charWidth(text));
    const translated = text.replace(/\r\n?/g, '\n');
    if (output) vm.decref(output);
    output = translated.length ? strNew(vm, translated) : 0;
    text = translated;
    vm.mem.free(buffer);
  }
  return { text, output };
}

/**
 * Where the first line of `s` ends (the index after its terminator), or -1 when `s` holds no
 * whole line (_PyIO_find_line_ending). Translated text (None) and '\n' end at '\n'; '' at the
 * first '\r', '\n' or '\r\n' (a '\r' is never last in a chunk: the decoder holds it back).
 */
export function lineEnd(nl: Newline, s: string): number {
  if (nl === null || nl === '\n' || nl === '\r' || nl === '\r\n') {
    const term = nl ?? '\n';
    const i = s.indexOf(term);
    return i < 0 ? -1 : i + term.length;
  }
  const r = s.indexOf('\r');
  const n = s.indexOf('\n');
  if (r < 0) return n < 0 ? -1 : n + 1;
  if (n >= 0 && n < r) return n + 1;
  return s[r + 1] === '\n' ? r + 2 : r + 1;
}

/**
 * textiowrapper_write under newline '\r' or '\r\n' (writetranslate with a writenl): the text is
 * `text.replace('\n', writenl)` called through _PyObject_CallMethod — the bound method (72 bytes)
 * and, for '\r\n', the writenl str (51) around the new str (measured: m72 m51 mN f51 f72). Returns
 * the str handle to write (a new reference) or 0 when nothing is replaced.
 */
export function translateWrite(vm: Vm, nl: Newline, s: string): { text: string; handle: number } {
  if ((nl !== '\r' && nl !== '\r\n') || !s.includes('\n')) return { text: s, handle: 0 };
  const method = mallocOrFail(vm, 72);
  const arg = nl.length > 1 ? mallocOrFail(vm, 51) : 0;
  const text = s.replace(/\n/g, nl);
  const handle = strNew(vm, text);
  if (arg) vm.mem.free(arg);
  vm.mem.free(method);
  return { text, handle };
}
