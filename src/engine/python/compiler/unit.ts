import type { Pos } from '../syntax/ast';
import { Block, type Instr, type Loc } from './cfg';
import type { CodeObject } from './code';
import { CompileError } from './errors';
import { Op, hasArg, isJump, isScopeExit } from './opcodes';
import type { CompileProbe } from './probe';
import { mangle, type SymbolTable, type SymbolTableEntry } from './symtable';
import { constKey, type Const } from './values';

/** compile.c's COMPILER_SCOPE_*. */
export type ScopeType = 'module' | 'class' | 'function' | 'async function' | 'lambda' | 'comprehension';

/** Frame blocks: what `break`, `continue` and `return` must unwind (enum fblocktype). */
export type FBlockType =
  | 'while'
  | 'for'
  | 'try-except'
  | 'finally-try'
  | 'finally-end'
  | 'with'
  | 'async-with'
  | 'handler-cleanup'
  | 'pop-value'
  | 'exception-handler'
  | 'exception-group-handler'
  | 'async-comprehension-generator';

export interface FBlock {
  type: FBlockType;
  block: Block | null;
  exit: Block | null;
  /** finally body (finally-try), the with statement (with), the handler's name (handler-cleanup). */
  datum: unknown;
}

/** An insertion-ordered name → index table (the u_names / u_varnames / … dicts). */
export class IndexMap {
  readonly map = new Map<string, number>();
  constructor(names: Iterable<string> = []) {
    for (const n of names) this.add(n);
  }
  add(name: string): number {
    let i = this.map.get(name);
    if (i === undefined) {
      i = this.map.size;
      this.map.set(name, i);
    }
    return i;
  }
  get(name: string): number | undefined {
    return this.map.get(name);
  }
  get size(): number {
    return this.map.size;
  }
  /** The names in index order (dict_keys_inorder). */
  ordered(offset = 0): string[] {
    const out: string[] = [];
    for (const [n, i] of this.map) out[i - offset] = n;
    return out;
  }
}

/** compiler_unit: the state of one code object being compiled. */
export class Unit {
  readonly consts: Const[] = [];
  readonly constIndex = new Map<string, number>();
  readonly names = new IndexMap();
  readonly varnames: IndexMap;
  readonly cellvars: IndexMap;
  readonly freevars: IndexMap;
  privateName: string | null = null;
  qualname = '';
  argcount = 0;
  posonlyargcount = 0;
  kwonlyargcount = 0;
  /** Every block, in allocation order (CPython walks its b_list from the newest). */
  readonly blocks: Block[] = [];
  cur: Block;
  readonly fblocks: FBlock[] = [];
  loc: Loc;
  needNewImplicitBlock = false;
  /** Jump-target labels made so far (Compiler.newBlock). */
  labels = 0;
  /** u_static_attributes (3.13, class units): the names stored as `self.NAME` in functions nested in it. */
  staticAttributes: Set<string> | null = null;
  /** u_fasthidden (3.12): an inlined comprehension's own names, FAST here while it is compiled. */
  fastHidden: Set<string> | null = null;
  /** u_in_inlined_comp (3.12): a cell read inside an inlined comprehension of a class body is LOAD_DEREF. */
  inInlinedComp = 0;

  constructor(
    readonly ste: SymbolTableEntry,
    readonly name: string,
    readonly scopeType: ScopeType,
    public firstlineno: number,
  ) {
    this.varnames = new IndexMap(ste.varnames);
    // dictbytype: cells and frees sorted by name; the frees are numbered after the cells.
    const byScope = (scope: number, flag: number): string[] =>
      [...ste.symbols.keys()]
        .filter((n) => ste.scope(n) === scope || (ste.flags(n) & flag) !== 0)
        .sort(cmpCodePoints);
    this.cellvars = new IndexMap(byScope(5, 0));
    if (ste.needsClassClosure) this.cellvars.add('__class__');
    this.freevars = new IndexMap();
    for (const n of byScope(4, 64)) this.freevars.map.set(n, this.cellvars.size + this.freevars.size);
    this.loc = { line: firstlineno, col: 0, endLine: firstlineno, endCol: 0 };
    this.cur = this.newBlock();
  }

  newBlock(): Block {
    const b = new Block();
    this.blocks.push(b);
    return b;
  }
}

/** Python sorts str by code point; JS by UTF-16 unit. */
export function cmpCodePoints(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0)! - y[i].codePointAt(0)!;
    if (d) return d;
  }
  return x.length - y.length;
}

export interface CompilerOptions {
  filename: string;
  /** -O level. */
  optimize: number;
  /** Future features (CO_FUTURE_* flags) of the module. */
  futureFeatures: number;
  /** Line of the last `from __future__ import` (ff_lineno), -1 when none. */
  futureLineno: number;
  /** PEP 709 (3.12): inline list/set/dict comprehensions (a version profile says; 3.11 does not). */
  inlineComprehensions: boolean;
  /**
   * 3.13's class bodies store `__firstlineno__` after `__qualname__`, and `__static_attributes__`
   * (the sorted names assigned as `self.NAME = …` in the functions nested in the class) after the body.
   */
  classBodyAttributes: boolean;
  /**
   * 3.12's exception handlers in generators and coroutines (the body's StopIteration guard, yield
   * from's CLEANUP_THROW), which the 3.11 instructions emitted here do not have: counted in co_stacksize.
   */
  generatorHandlers: boolean;
}

/** struct compiler: the state shared by all units of one module. */
export class Compiler {
  u!: Unit;
  readonly stack: Unit[] = [];
  nestLevel = 0;
  readonly warnings: { msg: string; line: number }[] = [];

  constructor(
    readonly st: SymbolTable,
    readonly opts: CompilerOptions,
    /** An observer of the C structures compile.c allocates (cheap/compileCost.ts), if any. */
    readonly probe: CompileProbe | null = null,
  ) {}

  error(msg: string, at: Pos = this.u.loc): never {
    throw new CompileError(msg, at);
  }

  /** compiler_warn: a SyntaxWarning (CPython prints it to stderr and goes on). */
  warn(msg: string): void {
    this.warnings.push({ msg, line: this.u.loc.line });
  }

  // ---------------------------------------------------------------- locations

  setLoc(p: Pos): void {
    this.u.loc = { line: p.line, col: p.col, endLine: p.endLine, endCol: p.endCol };
  }

  /** UNSET_LOC: what follows is artificial. */
  unsetLoc(): void {
    this.u.loc = { line: -1, col: -1, endLine: -1, endCol: -1 };
  }

  // ---------------------------------------------------------------- blocks

  /** A jump target (compiler_new_block; 3.12's NEW_JUMP_TARGET_LABEL numbers it). */
  newBlock(): Block {
    const b = this.u.newBlock();
    b.label = this.u.labels++;
    return b;
  }

  /** compiler_use_next_block. */
  useNextBlock(b: Block): Block {
    if (b.label >= 0) this.probe?.useLabel?.(this.u, b.label);
    this.u.cur.next = b;
    this.u.cur = b;
    this.u.needNewImplicitBlock = false;
    return b;
  }

  // ---------------------------------------------------------------- emitting

  private emit(op: number, arg: number, target: Block | null, loc: Loc): void {
    if (this.u.needNewImplicitBlock) this.useNextBlock(this.u.newBlock());
    const b = this.u.cur;
    const i: Instr = {
      op,
      arg,
      target,
      except: null,
      line: loc.line,
      endLine: loc.endLine,
      col: loc.col,
      endCol: loc.endCol,
    };
    b.instr.push(i);
    this.probe?.instrs(b);
    if (op === Op.RETURN_VALUE) b.returns = true;
    // is_end_of_basic_block: the next instruction starts a new block.
    if (isJump(op) || isScopeExit(op)) this.u.needNewImplicitBlock = true;
  }

  /** ADDOP / ADDOP_I. */
  addOp(op: number, arg = 0): void {
    this.emit(op, hasArg(op) ? arg : 0, null, this.u.loc);
  }

  /** ADDOP_NOLINE / ADDOP_I_NOLINE: an artificial instruction. */
  addOpNoLine(op: number, arg = 0): void {
    this.emit(op, arg, null, { line: -1, endLine: 0, col: 0, endCol: 0 });
  }

  /** ADDOP_JUMP. */
  addJump(op: number, target: Block): void {
    this.emit(op, 0, target, this.u.loc);
  }

  /** ADDOP_JUMP_NOLINE. */
  addJumpNoLine(op: number, target: Block): void {
    this.emit(op, 0, target, { line: -1, endLine: 0, col: 0, endCol: 0 });
  }

  /** compiler_add_const: merged by _PyCode_ConstantKey. */
  addConst(c: Const): number {
    const key = constKey(c);
    let i = this.u.constIndex.get(key);
    const isNew = i === undefined;
    if (i === undefined) {
      i = this.u.consts.length;
      this.u.consts.push(c);
      this.u.constIndex.set(key, i);
    }
    this.probe?.addConst(this.u, c, isNew);
    return i;
  }

  loadConst(c: Const): void {
    this.addOp(Op.LOAD_CONST, this.addConst(c));
  }

  /** ADDOP_NAME: a mangled name in co_names. */
  addName(op: number, name: string): void {
    const before = this.u.names.size;
    const i = this.u.names.add(mangle(this.u.privateName, name));
    this.probe?.addName(this.u, this.u.names.size > before);
    this.addOp(op, i);
  }

  // ---------------------------------------------------------------- frame blocks

  pushFBlock(type: FBlockType, block: Block | null, exit: Block | null, datum: unknown): void {
    if (this.u.fblocks.length >= 20) this.error('too many statically nested blocks');
    this.u.fblocks.push({ type, block, exit, datum });
  }

  popFBlock(type: FBlockType): void {
    const f = this.u.fblocks.pop();
    if (!f || f.type !== type) throw new Error('internal: bad frame block pop');
  }

  // ---------------------------------------------------------------- scopes

  /** compiler_enter_scope. */
  enterScope(name: string, scopeType: ScopeType, node: object, lineno: number): void {
    const u = new Unit(this.st.lookup(node), name, scopeType, lineno);
    if (this.stack.length || this.u) {
      this.stack.push(this.u);
      u.privateName = this.u.privateName;
    }
    this.u = u;
    this.nestLevel++;
    this.probe?.enterScope(u);
    if (scopeType === 'module') u.loc = { ...u.loc, line: 0 };
    else this.setQualname();
    this.addOp(Op.RESUME, 0);
    if (scopeType === 'module') u.loc = { ...u.loc, line: -1 };
  }

  exitScope(): void {
    this.probe?.exitScope(this.u);
    this.nestLevel--;
    const parent = this.stack.pop();
    if (parent) this.u = parent;
  }

  /** compiler_set_qualname. */
  private setQualname(): void {
    const u = this.u;
    const parent = this.stack[this.stack.length - 1];
    let base: string | null = null;
    if (parent && parent.scopeType !== 'module') {
      let forceGlobal = false;
      if (u.scopeType === 'function' || u.scopeType === 'async function' || u.scopeType === 'class') {
        const mangled = mangle(parent.privateName, u.name);
        if (parent.ste.scope(mangled) === 2) forceGlobal = true; // GLOBAL_EXPLICIT
      }
      if (!forceGlobal) {
        const fn =
          parent.scopeType === 'function' ||
          parent.scopeType === 'async function' ||
          parent.scopeType === 'lambda';
        base = fn ? parent.qualname + '.<locals>' : parent.qualname;
      }
    }
    u.qualname = base !== null ? base + '.' + u.name : u.name;
  }
}

export type CompiledCode = CodeObject;
