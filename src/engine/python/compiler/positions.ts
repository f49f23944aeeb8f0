import type { Instr } from './cfg';
import { CACHES, hasArg, Op } from './opcodes';

/** instr_size: EXTENDED_ARG prefixes + the instruction + its inline caches, in code units. */
export function instrSize(i: Instr): number {
  const oparg = hasArg(i.op) ? i.arg : 0;
  const ext = (oparg > 0xffffff ? 1 : 0) + (oparg > 0xffff ? 1 : 0) + (oparg > 0xff ? 1 : 0);
  return ext + 1 + CACHES[i.op];
}

/** write_instr: EXTENDED_ARG prefixes, the instruction, then its CACHE units (0). */
export function writeCode(instrs: Instr[]): Uint16Array {
  let total = 0;
  for (const i of instrs) total += instrSize(i);
  const code = new Uint16Array(total);
  let at = 0;
  for (const ins of instrs) {
    const n = instrSize(ins);
    const oparg = hasArg(ins.op) ? ins.arg : 0;
    const ext = n - CACHES[ins.op] - 1;
    for (let k = ext; k > 0; k--) code[at++] = Op.EXTENDED_ARG | (((oparg >>> (8 * k)) & 0xff) << 8);
    code[at] = ins.op | ((oparg & 0xff) << 8);
    at += 1 + CACHES[ins.op];
  }
  return code;
}

// The entry kinds of 3.11's location table (Objects/locations.md: PY_CODE_LOCATION_INFO_*).
const SHORT0 = 0;
const ONE_LINE0 = 10;
const NO_COLUMNS = 13;
const LONG = 14;
const NONE = 15;

/**
 * assemble_emit_location / write_location_info_entry: co_linetable, byte for byte. Each entry
 * covers up to 8 code units; the short and one-line forms need the line to be the previous
 * entry's (or 1–2 below), columns under 80/128 and a span under 16.
 */
export function encodeLinetable(instrs: Instr[], firstlineno: number): Uint8Array {
  return encodeLocations(
    instrs.map((ins): [Loc, number] => [ins, instrSize(ins)]),
    firstlineno,
  );
}

/** A source location as the table stores it (-1 line: none). */
export type Loc = Pick<Instr, 'line' | 'endLine' | 'col' | 'endCol'>;

/**
 * The table for a list of (location, code units): one run each, split into entries of up to 8
 * units. 3.11 writes a run per instruction; 3.12's assemble_location_info merges consecutive
 * instructions with the same location into one run first.
 */
export function encodeLocations(runs: [Loc, number][], firstlineno: number): Uint8Array {
  const out: number[] = [];
  let prevLine = firstlineno;
  const varint = (v: number): void => {
    v >>>= 0; // CPython writes `unsigned int`: a negative span wraps as in C
    while (v >= 64) {
      out.push(64 | (v & 63));
      v = Math.floor(v / 64);
    }
    out.push(v);
  };
  const signed = (v: number): void => varint(v < 0 ? (-v << 1) | 1 : v << 1);
  const start = (code: number, length: number): void => {
    out.push(0x80 | (code << 3) | (length - 1));
  };
  const entry = (i: Loc, length: number): void => {
    if (i.line < 0) return start(NONE, length);
    const lineDelta = i.line - prevLine;
    const col = i.col;
    const endCol = i.endCol;
    if (col < 0 || endCol < 0) {
      if (i.endLine === i.line || i.endLine === -1) {
        start(NO_COLUMNS, length);
        signed(lineDelta);
        prevLine = i.line;
        return;
      }
    } else if (i.endLine === i.line) {
      if (lineDelta === 0 && col < 80 && endCol - col < 16 && endCol >= col) {
        start(SHORT0 + (col >> 3), length);
        out.push(((col & 7) << 4) | (endCol - col));
        return;
      }
      if (lineDelta >= 0 && lineDelta < 3 && col < 128 && endCol < 128) {
        start(ONE_LINE0 + lineDelta, length);
        out.push(col, endCol);
        prevLine = i.line;
        return;
      }
    }
    start(LONG, length);
    signed(lineDelta);
    varint(i.endLine - i.line);
    varint(col + 1);
    varint(endCol + 1);
    prevLine = i.line;
  };
  for (const [ins, size] of runs) {
    let n = size;
    while (n > 8) {
      entry(ins, 8);
      n -= 8;
    }
    entry(ins, n);
  }
  return Uint8Array.from(out);
}

/**
 * co_positions(): the table read back (codeobject.c advance_with_locations), one
 * (line, end line, column, end column) per code unit, -1 where Python gives None.
 */
export function decodePositions(table: Uint8Array, firstlineno: number, units: number): Int32Array {
  const out = new Int32Array(units * 4).fill(-1);
  let p = 0;
  let line = firstlineno;
  let unit = 0;
  const byte = (): number => table[p++];
  const varint = (): number => {
    let read = byte();
    let val = read & 63;
    let shift = 0;
    while (read & 64) {
      read = byte();
      shift += 6;
      val |= (read & 63) << shift;
    }
    return val | 0;
  };
  const signed = (): number => {
    const v = varint() >>> 0;
    return v & 1 ? -(v >>> 1) : v >>> 1;
  };
  while (p < table.length && unit < units) {
    const first = byte();
    const code = (first >> 3) & 15;
    const length = (first & 7) + 1;
    let l = -1;
    let el = -1;
    let c = -1;
    let ec = -1;
    if (code === NONE) {
      // no position at all
    } else if (code === LONG) {
      line += signed();
      l = line;
      el = (l + varint()) | 0;
      c = varint() - 1;
      ec = varint() - 1;
    } else if (code === NO_COLUMNS) {
      line += signed();
      l = el = line;
    } else if (code >= ONE_LINE0) {
      line += code - ONE_LINE0;
      l = el = line;
      c = byte();
      ec = byte();
    } else {
      const second = byte();
      l = el = line;
      c = (code << 3) | (second >> 4);
      ec = c + (second & 15);
    }
    for (let k = 0; k < length && unit < units; k++, unit++) out.set([l, el, c, ec], unit * 4);
  }
  return out;
}
