import type { ConstValue, Module } from '../syntax/ast';
import type { CodeObject } from './code';
import { decode } from './dis';
import type { Const } from './values';
import { constKey, constRepr } from './values';

/**
 * The recorded fixtures of tools/bytecode/record_bytecode.py (CPython 3.11.7's own output) and
 * the comparison of a compiled code object with them, field by field and instruction by
 * instruction.
 */

export interface RecordedCode {
  name: string;
  qualname: string;
  firstlineno: number;
  argcount: number;
  posonlyargcount: number;
  kwonlyargcount: number;
  nlocals: number;
  stacksize: number;
  flags: number;
  names: string[];
  varnames: string[];
  cellvars: string[];
  freevars: string[];
  consts: unknown[];
  codeUnits: number;
  instructions: [number, string, number | null][];
  positions: (number | null)[][];
  exceptionTable: [number, number, number, number, boolean][];
  linetable: string;
  exceptiontable: string;
}

export interface RecordedCase {
  name: string;
  source: string;
  ast: unknown;
  code?: RecordedCode;
  error?: { msg: string; line: number; col: number; endLine: number; endCol: number };
  warnings: { msg: string; line: number }[];
}

const parseFloatRepr = (s: string): number =>
  s === 'inf' ? Infinity : s === '-inf' ? -Infinity : s === 'nan' ? NaN : Number(s);

/** A recorded constant (ints and floats as strings) as a ConstValue. */
function constValue(j: Record<string, unknown>): ConstValue {
  switch (j.t) {
    case 'int':
      return { t: 'int', v: BigInt(j.v as string) };
    case 'float':
      return { t: 'float', v: parseFloatRepr(j.v as string) };
    case 'complex':
      return { t: 'complex', re: parseFloatRepr(j.re as string), im: parseFloatRepr(j.im as string) };
    case 'tuple':
    case 'frozenset':
      return { t: j.t, items: (j.items as Record<string, unknown>[]).map(constValue) };
    default:
      return j as ConstValue;
  }
}

/** The recorded tree with its constants turned into ConstValues (ints to bigint). */
export function recordedModule(ast: unknown): Module {
  const walk = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(walk);
    if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if (typeof o.t === 'string' && !('k' in o)) return constValue(o);
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(o)) out[k] = walk(v);
      return out;
    }
    return x;
  };
  return walk(ast) as Module;
}

/** A constant in a canonical, comparable text form (frozensets sorted, code objects by name). */
function recordedConstText(j: Record<string, unknown>): string {
  if (j.t === 'code') return `<code ${(j.code as RecordedCode).qualname}>`;
  return constText(constValue(j));
}

function constText(c: Const): string {
  if (c.t === 'code') return `<code ${c.code.qualname}>`;
  if (c.t === 'frozenset') return `frozenset{${c.items.map(constText).sort().join(', ')}}`;
  if (c.t === 'tuple') return `(${c.items.map(constText).join(', ')})`;
  if (c.t === 'float' || c.t === 'complex') return `${c.t}:${constKey(c)}`;
  return `${c.t}:${constRepr(c)}`;
}

const pos = (v: number): number | null => (v < 0 ? null : v);

/** Every difference between a compiled code object and the recorded one (recursing into code constants). */
export function compareCode(got: CodeObject, want: RecordedCode, path = want.qualname): string[] {
  const diffs: string[] = [];
  const same = (what: string, a: unknown, b: unknown): void => {
    if (JSON.stringify(a) !== JSON.stringify(b))
      diffs.push(`${path}: ${what}: got ${JSON.stringify(a)}, want ${JSON.stringify(b)}`);
  };
  same('name', got.name, want.name);
  same('qualname', got.qualname, want.qualname);
  same('firstlineno', got.firstlineno, want.firstlineno);
  same('argcount', got.argcount, want.argcount);
  same('posonlyargcount', got.posonlyargcount, want.posonlyargcount);
  same('kwonlyargcount', got.kwonlyargcount, want.kwonlyargcount);
  same('nlocals', got.nlocals, want.nlocals);
  same('stacksize', got.stacksize, want.stacksize);
  same('flags', got.flags, want.flags);
  same('names', got.names, want.names);
  same('varnames', got.varnames, want.varnames);
  same('cellvars', got.cellvars, want.cellvars);
  same('freevars', got.freevars, want.freevars);
  same(
    'consts',
    got.consts.map(constText),
    want.consts.map((c) => recordedConstText(c as Record<string, unknown>)),
  );
  const instrs = decode(got);
  const gotList = instrs.map((i) => [i.offset * 2, i.opname, i.arg]);
  const n = Math.max(gotList.length, want.instructions.length);
  for (let i = 0; i < n; i++) {
    const g = gotList[i];
    const w = want.instructions[i];
    if (JSON.stringify(g) !== JSON.stringify(w)) {
      diffs.push(`${path}: instruction ${i}: got ${JSON.stringify(g)}, want ${JSON.stringify(w)}`);
      break;
    }
    const p = instrs[i].offset * 4;
    const gp = [
      pos(got.positions[p]),
      pos(got.positions[p + 1]),
      pos(got.positions[p + 2]),
      pos(got.positions[p + 3]),
    ];
    if (JSON.stringify(gp) !== JSON.stringify(want.positions[i])) {
      diffs.push(
        `${path}: positions of instruction ${i} (${w?.[1]} at ${w?.[0]}): got ${JSON.stringify(gp)}, want ${JSON.stringify(want.positions[i])}`,
      );
    }
  }
  same('code units', got.code.length, want.codeUnits);
  const t = got.exceptionTable;
  const table: [number, number, number, number, boolean][] = [];
  for (let i = 0; i < t.length; i += 5)
    table.push([t[i] * 2, t[i + 1] * 2, t[i + 2] * 2, t[i + 3], t[i + 4] === 1]);
  same('exception table', table, want.exceptionTable);
  const hex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  same('co_linetable', hex(got.linetable), want.linetable);
  same('co_exceptiontable', hex(got.exceptiontable), want.exceptiontable);
  const codes = got.consts.filter((c) => c.t === 'code');
  const wantCodes = want.consts.filter((c) => (c as { t: string }).t === 'code') as { code: RecordedCode }[];
  codes.forEach((c, i) => {
    if (wantCodes[i] && c.t === 'code')
      diffs.push(...compareCode(c.code, wantCodes[i].code, `${path} > ${wantCodes[i].code.qualname}`));
  });
  return diffs;
}
