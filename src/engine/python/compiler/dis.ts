import type { CodeObject } from './code';
import { CACHES, CMP_OPS, HAVE_ARGUMENT, NB_OPS, Op, OPNAME, isBackwardJump, isJump } from './opcodes';
import { constRepr } from './values';

/** One instruction as `dis.get_instructions` lists it (CACHE units skipped, EXTENDED_ARG kept). */
export interface DecodedInstr {
  /** Offset in code units (dis shows bytes: twice this). */
  offset: number;
  op: number;
  opname: string;
  /** The full oparg (EXTENDED_ARG prefixes folded in), null for opcodes without one. */
  arg: number | null;
}

/** dis._unpack_opargs. */
export function decode(code: CodeObject): DecodedInstr[] {
  const out: DecodedInstr[] = [];
  let ext = 0;
  let caches = 0;
  for (let i = 0; i < code.code.length; i++) {
    if (caches) {
      caches--;
      continue;
    }
    const op = code.code[i] & 0xff;
    caches = CACHES[op];
    let arg: number | null = null;
    if (op >= HAVE_ARGUMENT) {
      arg = (code.code[i] >> 8) | ext;
      ext = op === Op.EXTENDED_ARG ? arg << 8 : 0;
    } else ext = 0;
    out.push({ offset: i, op, opname: OPNAME[op] ?? `<${op}>`, arg });
  }
  return out;
}

/** The argument as dis explains it (name, constant, jump target, operator). */
function argRepr(code: CodeObject, ins: DecodedInstr, next: number): string {
  const a = ins.arg;
  if (a === null) return '';
  switch (ins.op) {
    case Op.LOAD_CONST:
    case Op.KW_NAMES:
      return constRepr(code.consts[a]);
    case Op.LOAD_GLOBAL:
      return code.names[a >> 1] + (a & 1 ? ' + NULL' : '');
    case Op.LOAD_NAME:
    case Op.STORE_NAME:
    case Op.DELETE_NAME:
    case Op.LOAD_ATTR:
    case Op.STORE_ATTR:
    case Op.DELETE_ATTR:
    case Op.STORE_GLOBAL:
    case Op.DELETE_GLOBAL:
    case Op.IMPORT_NAME:
    case Op.IMPORT_FROM:
    case Op.LOAD_METHOD:
      return code.names[a];
    case Op.LOAD_FAST:
    case Op.STORE_FAST:
    case Op.DELETE_FAST:
    case Op.LOAD_CLOSURE:
    case Op.LOAD_DEREF:
    case Op.STORE_DEREF:
    case Op.DELETE_DEREF:
    case Op.LOAD_CLASSDEREF:
    case Op.MAKE_CELL:
      return code.localsplusnames[a];
    case Op.COMPARE_OP:
      return CMP_OPS[a] ?? String(a);
    case Op.BINARY_OP:
      return (NB_OPS[a % 13] ?? '?') + (a >= 13 ? '=' : '');
    default:
      if (isJump(ins.op)) return `to ${2 * (isBackwardJump(ins.op) ? next - a : next + a)}`;
      return '';
  }
}

/** A `dis.dis`-like listing of a code object and, after it, of the code objects in its constants. */
export function disassemble(code: CodeObject): string {
  const lines: string[] = [];
  const one = (co: CodeObject): void => {
    lines.push(`Disassembly of <code object ${co.name} (${co.qualname}), line ${co.firstlineno}>:`);
    lines.push(
      `  stacksize ${co.stacksize}, nlocalsplus ${co.nlocalsplus}, framesize ${co.framesize}, flags 0x${co.flags.toString(16)}`,
    );
    const targets = new Set<number>();
    const decoded = decode(co);
    for (let i = 0; i < co.exceptionTable.length; i += 5) targets.add(co.exceptionTable[i + 2]);
    for (const ins of decoded) {
      const after = ins.offset + 1 + CACHES[ins.op];
      if (isJump(ins.op) && ins.arg !== null)
        targets.add(isBackwardJump(ins.op) ? after - ins.arg : after + ins.arg);
    }
    let lastLine = -2;
    decoded.forEach((ins, k) => {
      const after = ins.offset + 1 + CACHES[ins.op];
      const line = co.positions[ins.offset * 4];
      const lineCol = line !== lastLine ? String(line < 0 ? '' : line).padStart(4) : '    ';
      if (line !== lastLine && k) lines.push('');
      lastLine = line;
      const mark = targets.has(ins.offset) ? '>>' : '  ';
      const arg = ins.arg === null ? '' : String(ins.arg).padStart(4);
      const rep = argRepr(co, ins, after);
      lines.push(
        `${lineCol}    ${mark} ${String(ins.offset * 2).padStart(4)} ${ins.opname.padEnd(28)}${arg}${rep ? ` (${rep})` : ''}`,
      );
    });
    const t = co.exceptionTable;
    if (t.length) {
      lines.push('ExceptionTable:');
      for (let i = 0; i < t.length; i += 5) {
        lines.push(
          `  ${t[i] * 2} to ${t[i + 1] * 2} -> ${t[i + 2] * 2} [${t[i + 3]}]${t[i + 4] ? ' lasti' : ''}`,
        );
      }
    }
    lines.push('');
    for (const c of co.consts) if (c.t === 'code') one(c.code);
  };
  one(code);
  return lines.join('\n');
}
