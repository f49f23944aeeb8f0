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
    throw new Error(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, {
      cause: e,
    });
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
  new Error(
    `${path} holds more than ${MAX_INPUT_BYTES / (1 << 20)} MiB: not a script or trace Highwater reads`,
  );

/**
 * The script for the engine: its text when the file is plain UTF-8 (a BOM or a UTF-8 cookie at
 * most), else its bytes, which the engine's tokenizer decodes as CPython's does (a coding cookie,
 * or the SyntaxError "Non-UTF-8 code starting with '\xff' in file F on line N, …").
 */
export function scriptInput(bytes: Buffer): string | Buffer {
  const head = bytes.subarray(0, 400).toString('latin1');
  if (/^[^\n]*\n?[^\n]*coding[:=]/.test(head) && !/coding[:=][ \t]*utf[-_]?8\b/i.test(head)) return bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return bytes;
  }
}
