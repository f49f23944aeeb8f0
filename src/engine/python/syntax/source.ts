import { PythonSyntaxError } from './errors';

/**
 * The script as the tokenizer reads it, prepared as CPython 3.11 prepares a file
 * (Parser/tokenizer.c: the BOM, check_coding_spec on the first two lines, decoding, universal
 * newlines, a final '\n' added when the last line lacks one).
 *
 * `mode: 'file'` is `python3 script.py` (what the CLI and the page run); `'string'` is
 * `compile(source_bytes, name, 'exec')`, which the differential test drives. They differ in how NUL
 * bytes and undecodable bytes are reported.
 */
export interface SourceOptions {
  filename?: string;
  mode?: 'file' | 'string';
}

export interface PreparedSource {
  /** Decoded text with '\n' newlines only, ending in '\n' unless the file is empty. */
  text: string;
  filename: string;
  mode: 'file' | 'string';
  /**
   * CPython's tok->encoding is set (a BOM or a coding cookie): parser errors then report character
   * offsets; without it 3.11 reports UTF-8 byte offsets for them.
   */
  charOffsets: boolean;
  /** The file's last line has no '\n' (CPython adds one; error texts read from the file lack it). */
  noFinalNewline: boolean;
  /** 1-based line whose reading fails in file mode (a NUL or undecodable byte), or 0. */
  badLine: number;
  badLineError: (() => PythonSyntaxError) | null;
}

const utf8 = new TextDecoder('utf-8');

export function prepareSource(input: string | Uint8Array, opts: SourceOptions = {}): PreparedSource {
  const filename = opts.filename ?? '<string>';
  const mode = opts.mode ?? 'file';
  if (typeof input === 'string') {
    // Text typed in the page: a UTF-8 file. A cookie naming another codec re-decodes its bytes as
    // the real interpreter would (rare, and then exact).
    const bom = input.charCodeAt(0) === 0xfeff;
    const text = bom ? input.slice(1) : input;
    const cookie = codingSpec(firstTwoLines(text));
    if (cookie !== null && cookie !== 'utf-8') return prepareSource(new TextEncoder().encode(input), opts);
    return finish(text, filename, mode, bom || cookie !== null);
  }
  let bytes = input;
  let bom = false;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    bytes = bytes.subarray(3);
    bom = true;
  }
  const head = latin1(bytes.subarray(0, Math.min(bytes.length, 4096)));
  const cookie = codingSpec(firstTwoLines(head));
  if (cookie !== null && cookie !== 'utf-8') {
    if (bom) throw noLocation(`encoding problem: ${cookie} with BOM`, mode);
    const text = decodeWith(cookie, bytes);
    if (text === null)
      throw noLocation(mode === 'file' ? `encoding problem: ${cookie}` : `unknown encoding: ${cookie}`, mode);
    return finish(text, filename, mode, true);
  }
  // UTF-8: find the first byte valid_utf8() refuses; file mode reports it when that line is read.
  const bad = firstInvalidUtf8(bytes);
  const text = utf8.decode(bytes);
  const src = finish(text, filename, mode, bom || cookie !== null);
  if (bad >= 0 && (src.badLine === 0 || lineOfByte(bytes, bad) < src.badLine)) {
    const line = lineOfByte(bytes, bad);
    if (mode === 'string') {
      throw noLocation(
        `(unicode error) 'utf-8' codec can't decode byte 0x${hex2(bytes[bad])}: invalid utf-8`,
      );
    }
    src.badLine = line;
    src.badLineError = () =>
      noLocation(
        `Non-UTF-8 code starting with '\\x${hex2(bytes[bad])}' in file ${filename} on line ${line}, ` +
          'but no encoding declared; see https://peps.python.org/pep-0263/ for details',
      );
  }
  return src;
}

function finish(
  raw: string,
  filename: string,
  mode: 'file' | 'string',
  charOffsets: boolean,
): PreparedSource {
  // Universal newlines: \r\n and a lone \r both end a line (translate_newlines, the file reader).
  let text = raw.indexOf('\r') >= 0 ? raw.replace(/\r\n?/g, '\n') : raw;
  const noFinalNewline = text.length > 0 && text.charCodeAt(text.length - 1) !== 10;
  if (noFinalNewline) text += '\n';
  if (mode === 'string' && text.length === 0) text = '\n';
  let badLine = 0;
  let badLineError: (() => PythonSyntaxError) | null = null;
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    if (mode === 'string') throw noLocation('source code string cannot contain null bytes');
    // tok_nextc: a line holding a NUL is refused when it is read, at column 0, its text cut at the NUL.
    const lineStart = text.lastIndexOf('\n', nul - 1) + 1;
    badLine = countLines(text, lineStart) + 1;
    const cut = text.slice(lineStart, nul);
    const line = badLine;
    badLineError = () =>
      new PythonSyntaxError('SyntaxError', 'source code cannot contain null bytes', line, 0, line, 0, cut);
  }
  return { text, filename, mode, charOffsets, noFinalNewline, badLine, badLineError };
}

/**
 * A SyntaxError raised while decoding, before any token: the file reader gives no location; the
 * string tokenizer's decoder reports line 0, offset -1.
 */
export function noLocation(msg: string, mode: 'file' | 'string' = 'file'): PythonSyntaxError {
  return new PythonSyntaxError('SyntaxError', msg, 0, mode === 'string' ? -1 : 0, 0, 0, null);
}

function countLines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function firstTwoLines(text: string): [string, string | null] {
  const a = text.indexOf('\n');
  const l1 = a < 0 ? text : text.slice(0, a + 1);
  if (a < 0) return [l1, null];
  const b = text.indexOf('\n', a + 1);
  return [l1, b < 0 ? text.slice(a + 1) : text.slice(a + 1, b + 1)];
}

/**
 * check_coding_spec on line 1, then on line 2 only if line 1 is blank or a comment; the name is
 * normalised by get_normal_name ("utf-8", "iso-8859-1", else as written).
 */
export function codingSpec([l1, l2]: [string, string | null]): string | null {
  const s1 = specIn(l1);
  if (typeof s1 === 'string') return s1;
  if (s1 === undefined || l2 === null) return null;
  const s2 = specIn(l2);
  return typeof s2 === 'string' ? s2 : null;
}

/** undefined: the line is not a comment line; null: a comment line without a spec. */
function specIn(line: string): string | null | undefined {
  const m = /^[ \t\f]*#/.exec(line);
  if (!m) return /^[ \t\f]*[\r\n]*$/.test(line) ? null : undefined;
  const rest = line.slice(m[0].length - 1);
  const c = /coding[:=][ \t]*([-\w.]+)/.exec(rest);
  if (!c) return null;
  return normalName(c[1]);
}

function normalName(s: string): string {
  const b = s.slice(0, 12).replace(/_/g, '-').toLowerCase();
  if (b === 'utf-8' || b.startsWith('utf-8-')) return 'utf-8';
  if (
    b === 'latin-1' ||
    b === 'iso-8859-1' ||
    b === 'iso-latin-1' ||
    b.startsWith('latin-1-') ||
    b.startsWith('iso-8859-1-') ||
    b.startsWith('iso-latin-1-')
  )
    return 'iso-8859-1';
  return s;
}

/** Decode with a codec Python knows by that name; null when Python would not find it. */
function decodeWith(name: string, bytes: Uint8Array): string | null {
  const n = name.toLowerCase().replace(/[-\s]/g, '_');
  if (
    n === 'iso_8859_1' ||
    n === 'latin_1' ||
    n === 'latin1' ||
    n === 'l1' ||
    n === 'iso8859_1' ||
    n === 'cp819'
  )
    return latin1(bytes);
  if (n === 'ascii' || n === 'us_ascii' || n === '646') return latin1(bytes);
  if (n === 'utf8' || n === 'utf_8' || n === 'u8') return utf8.decode(bytes);
  const label = n.replace(/_/g, '-');
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return null;
  }
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
}

/** Offset of the first byte Parser/tokenizer.c's valid_utf8() refuses, or -1. */
function firstInvalidUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length;) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let expected: number;
    if (c < 0xc0) return i;
    else if (c < 0xe0) expected = 1;
    else if (c < 0xf0) expected = 2;
    else if (c < 0xf8) expected = 3;
    else return i;
    for (let k = 1; k <= expected; k++) {
      const d = b[i + k];
      if (d === undefined || d < 0x80 || d >= 0xc0) return i;
    }
    i += expected + 1;
  }
  return -1;
}

function lineOfByte(b: Uint8Array, at: number): number {
  let n = 1;
  for (let i = 0; i < at; i++) {
    if (b[i] === 10) n++;
    else if (b[i] === 13 && b[i + 1] !== 10) n++;
  }
  return n;
}

function hex2(n: number): string {
  return n.toString(16).padStart(2, '0');
}

/**
 * The `text` of an error on a line, as `python3 script.py` gets it (err_programtext): the line
 * read back from the file in pieces of at most 999 bytes, of which the last is kept (long lines
 * show only their tail); null when that piece is not valid UTF-8 on its own.
 */
export function fileLineText(line: string): string | null {
  const bytes = new TextEncoder().encode(line);
  if (bytes.length <= 999) return line;
  const tail = bytes.subarray(bytes.length - ((bytes.length - 1) % 999) - 1);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(tail);
  } catch {
    return null;
  }
}
