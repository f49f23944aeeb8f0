import type { Instr } from './cfg';
import { CACHES, hasArg, Op } from './opcodes';

/** instr_size: EXTENDED_ARG prefixes + the instruction + its inline caches, in code units. */
export function instrSize(i: Instr): number {
  const oparg = hasArg(i.op) ? i.arg : 0;
  const ext = (oparg > 0xffffff ? 1 : 0) + (oparg > 0xffff ? 1 : 0) + (oparg > 0xff ? 1 : 0);
  return ext + 1 + CACHES[i.op];
}

/**
 * write_instr and the location table (assemble_emit_location): the code units, and for every
 * unit the position co_positions() would give back. The 3.11 line table is lossy in known ways,
 * kept here so positions match: no line → no position at all; a missing column on a one-line
 * span drops both columns; otherwise every field survives.
 */
export function writeLocations(
  instrs: Instr[],
  size: (i: Instr) => number,
): { code: Uint16Array; positions: Int32Array } {
  let total = 0;
  for (const i of instrs) total += size(i);
  const code = new Uint16Array(total);
  const positions = new Int32Array(total * 4).fill(-1);
  let at = 0;
  for (const ins of instrs) {
    const n = size(ins);
    const caches = CACHES[ins.op];
    const oparg = hasArg(ins.op) ? ins.arg : 0;
    let u = at;
    const ext = n - caches - 1;
    for (let k = ext; k > 0; k--) code[u++] = Op.EXTENDED_ARG | (((oparg >>> (8 * k)) & 0xff) << 8);
    code[u] = ins.op | ((oparg & 0xff) << 8);
    // cache units stay 0 (CACHE)
    const [line, endLine, col, endCol] = decodedPosition(ins);
    for (let k = 0; k < n; k++) {
      const p = (at + k) * 4;
      positions[p] = line;
      positions[p + 1] = endLine;
      positions[p + 2] = col;
      positions[p + 3] = endCol;
    }
    at += n;
  }
  return { code, positions };
}

/** What write_location_info_entry stores, as the decoder reads it back (-1 = None). */
function decodedPosition(i: Instr): [number, number, number, number] {
  if (i.line < 0) return [-1, -1, -1, -1];
  if (i.col < 0 || i.endCol < 0) {
    // the "no column" form, or the long form with columns stored as 0 (None)
    if (i.endLine === i.line || i.endLine === -1) return [i.line, i.line, -1, -1];
    return [i.line, i.endLine, i.col < 0 ? -1 : i.col, i.endCol < 0 ? -1 : i.endCol];
  }
  return [i.line, i.endLine, i.col, i.endCol];
}
