import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** The most a script or trace file may hold: 256 MiB (a 10^7-op malloc trace is 90 MB). */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

/**
 * Read a script or trace with a bound: a regular file up to MAX_INPUT_BYTES, and anything else
 * that is not a directory (a FIFO, /dev/stdin, a device) read in chunks until end of file or the
 * bound, so `/dev/zero` is refused in a moment instead of filling memory.
 */
export function readInput(path: string): Buffer {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw new Error(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { cause: e });
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new Error(`cannot read ${path}: EISDIR`);
    if (st.isFile() && st.size > MAX_INPUT_BYTES) throw tooBig(path);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(1 << 20);
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      total += n;
      if (total > MAX_INPUT_BYTES) throw tooBig(path);
      chunks.push(buf.subarray(0, n));
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

const tooBig = (path: string): Error =>
  new Error(`${path} holds more than ${MAX_INPUT_BYTES / (1 << 20)} MiB: not a script or trace Highwater reads`);

/** What decodeScript found wrong: CPython's SyntaxError for the file, before anything runs. */
export class SourceDecodeError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

const COOKIE = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;

/**
 * The script's text as CPython's tokenizer reads the file: UTF-8 unless a coding cookie on line 1
 * or 2 says otherwise (latin-1 is read; other codecs are not modelled), a UTF-8 BOM dropped.
 * Bytes that are not UTF-8 raise CPython's SyntaxError ("Non-UTF-8 code starting with '\xff'
 * in file F on line N, but no encoding declared; …").
 */
export function decodeScript(bytes: Buffer, filename: string): string {
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const firstLines = bytes.subarray(start, Math.min(bytes.length, start + 400)).toString('latin1').split('\n', 2);
  const cookie = firstLines.map((l) => COOKIE.exec(l)?.[1]).find((c) => c !== undefined);
  const codec = cookie?.toLowerCase().replace(/_/g, '-');
  if (codec && /^(latin-1|iso-8859-1|iso8859-1|l1|latin1|iso-latin-1)$/.test(codec))
    return bytes.subarray(start).toString('latin1');
  if (codec && !/^(utf-8|utf8)$/.test(codec) && !codec.startsWith('utf-8-'))
    throw new SourceDecodeError(`not supported by Highwater yet: scripts in the ${cookie} encoding`, 1);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start));
  } catch {
    const bad = firstInvalidUtf8(bytes, start);
    const line = 1 + countNewlines(bytes, start, bad);
    throw new SourceDecodeError(
      `Non-UTF-8 code starting with '\\x${bytes[bad].toString(16).padStart(2, '0')}' in file ${filename} on line ${line}, ` +
        'but no encoding declared; see https://peps.python.org/pep-0263/ for details',
      line,
    );
  }
}

function countNewlines(b: Buffer, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (b[i] === 10) n++;
  return n;
}

/** The offset of the first byte that does not start a valid UTF-8 sequence. */
function firstInvalidUtf8(b: Buffer, from: number): number {
  const ok = new TextDecoder('utf-8', { fatal: true });
  let i = from;
  while (i < b.length) {
    const c = b[i];
    const len = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > b.length) return i;
    if (len > 1)
      try {
        ok.decode(b.subarray(i, i + len));
      } catch {
        return i;
      }
    i += len;
  }
  return b.length - 1;
}
