import type { Pos } from '../syntax/ast';

/** pycore_symtable.h: what the symbol table records per block and per name. */

// Flags of a name in a block (DEF_* of pycore_symtable.h).
export const DEF_GLOBAL = 1;
export const DEF_LOCAL = 2;
export const DEF_PARAM = 4;
export const DEF_NONLOCAL = 8;
export const USE = 16;
export const DEF_FREE = 32;
export const DEF_FREE_CLASS = 64;
export const DEF_IMPORT = 128;
export const DEF_ANNOT = 256;
export const DEF_COMP_ITER = 512;
export const DEF_BOUND = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

/** The scope analyze.ts gives each name (LOCAL … CELL of pycore_symtable.h). */
export const enum Scope {
  LOCAL = 1,
  GLOBAL_EXPLICIT = 2,
  GLOBAL_IMPLICIT = 3,
  FREE = 4,
  CELL = 5,
}

export type BlockType = 'function' | 'class' | 'module' | 'annotation';
export type ComprehensionKind = 'list' | 'set' | 'dict' | 'genexpr' | null;

/** PySTEntryObject. */
export class SymbolTableEntry {
  readonly symbols = new Map<string, number>();
  readonly scopes = new Map<string, Scope>();
  /** Parameters in order (ste_varnames): co_varnames starts with them. */
  readonly varnames: string[] = [];
  readonly children: SymbolTableEntry[] = [];
  /** global / nonlocal statements: name → where (to point errors at them). */
  readonly directives = new Map<string, Pos>();
  nested = false;
  free = false;
  childFree = false;
  generator = false;
  coroutine = false;
  comprehension: ComprehensionKind = null;
  /** ste_comp_inlined (3.12, PEP 709): compiled into its parent's code, its names merged there. */
  inlined = false;
  /** DEF_COMP_CELL (3.12): names that are cells of a comprehension inlined into this block. */
  readonly compCells = new Set<string>();
  varargs = false;
  varkeywords = false;
  returnsValue = false;
  needsClassClosure = false;
  compIterTarget = false;
  compIterExpr = 0;

  constructor(
    readonly name: string,
    readonly type: BlockType,
    readonly at: Pos,
  ) {}

  flags(name: string): number {
    return this.symbols.get(name) ?? 0;
  }

  /** _PyST_GetScope (0 when the name is unknown here). */
  scope(name: string): Scope | 0 {
    return this.scopes.get(name) ?? 0;
  }
}

export const FUTURE_ANNOTATIONS = 0x1000000;

/** _Py_Mangle: __name inside class C becomes _C__name (not dunder names, not dotted ones). */
export function mangle(privateName: string | null, name: string): string {
  if (privateName === null || !name.startsWith('__')) return name;
  if (name.endsWith('__') || name.includes('.')) return name;
  const stripped = privateName.replace(/^_+/, '');
  if (!stripped) return name;
  return '_' + stripped + name;
}
