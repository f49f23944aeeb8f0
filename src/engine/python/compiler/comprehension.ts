import type { Comprehension, Expr } from '../syntax/ast';
import { assemble } from './assemble';
import type { Block } from './cfg';
import { jumpIf } from './conditions';
import { makeClosure } from './defs';
import { DEF_LOCAL, DEF_NONLOCAL, Scope } from './ste';
import { visitExpr } from './expr';
import { addYield, addYieldFrom } from './flow';
import type { CompExpr } from './nodes';
import { Op } from './opcodes';
import type { Compiler } from './unit';
import { NONE } from './values';

/**
 * Comprehensions as 3.11 runs them: a nested function, made and called at once with the
 * outermost iterator as its argument `.0`; or, when the symbol table inlined one (PEP 709, 3.12),
 * as 3.12 runs it: in the enclosing code, no function object and no frame.
 */
type CompKind = 'genexpr' | 'list' | 'set' | 'dict';

/** compiler_comprehension: a function made and called at once with the outermost iterator. */
export function compileComprehension(c: Compiler, e: CompExpr): void {
  const kind: CompKind = (
    { GeneratorExp: 'genexpr', ListComp: 'list', SetComp: 'set', DictComp: 'dict' } as const
  )[e.k];
  if (c.opts.inlineComprehensions && kind !== 'genexpr' && c.st.lookup(e).inlined) {
    inlinedComprehension(c, e, kind);
    return;
  }
  const name = { genexpr: '<genexpr>', list: '<listcomp>', set: '<setcomp>', dict: '<dictcomp>' }[kind];
  const outer = e.generators[0];
  const parentScope = c.u.scopeType;
  c.enterScope(name, 'comprehension', e, e.line);
  c.setLoc(e);
  const isAsyncGenerator = c.u.ste.coroutine;
  if (
    isAsyncGenerator &&
    kind !== 'genexpr' &&
    parentScope !== 'async function' &&
    parentScope !== 'comprehension'
  ) {
    c.error('asynchronous comprehension outside of an asynchronous function');
  }
  if (kind !== 'genexpr') c.addOp({ list: Op.BUILD_LIST, set: Op.BUILD_SET, dict: Op.BUILD_MAP }[kind], 0);
  const elt = e.k === 'DictComp' ? e.key : e.elt;
  const val = e.k === 'DictComp' ? e.value : null;
  comprehensionGenerator(c, e.generators, 0, 0, elt, val, kind);
  if (kind !== 'genexpr') c.addOp(Op.RETURN_VALUE);
  const co = assemble(c, true);
  c.exitScope();
  makeClosure(c, co, 0);
  visitExpr(c, outer.iter);
  c.addOp(outer.isAsync ? Op.GET_AITER : Op.GET_ITER);
  c.addOp(Op.PRECALL, 0);
  c.addOp(Op.CALL, 0);
  if (isAsyncGenerator && kind !== 'genexpr') {
    c.addOp(Op.GET_AWAITABLE, 0);
    c.loadConst(NONE);
    addYieldFrom(c, true);
  }
}

/**
 * 3.12's compiler_comprehension for an inlined comprehension: the outermost iterator, then the
 * names the comprehension binds saved (LOAD_FAST_AND_CLEAR, push_inlined_comprehension_state) and
 * FAST while it runs, the collection built under the iterator, and the saved values put back
 * after it (pop_inlined_comprehension_state) or when an exception leaves it (the cleanup handler).
 */
function inlinedComprehension(c: Compiler, e: CompExpr, kind: Exclude<CompKind, 'genexpr'>): void {
  const ste = c.st.lookup(e);
  const outer = e.generators[0];
  c.setLoc(e);
  // the check compiler_comprehension makes in the enclosing unit (an inlined one has no scope)
  const scope = c.u.scopeType;
  if (ste.coroutine && scope !== 'async function' && scope !== 'comprehension')
    c.error('asynchronous comprehension outside of an asynchronous function');
  visitExpr(c, outer.iter);
  c.addOp(outer.isAsync ? Op.GET_AITER : Op.GET_ITER);
  const pushed: string[] = [];
  const cells: string[] = [];
  // a name the comprehension has as a cell but the parent does not is a cell while it is
  // compiled (temp_symbols); one free outside stays free (*_DEREF either way)
  const overridden: [string, Scope | 0][] = [];
  for (const [name, flags] of ste.symbols) {
    if (!(flags & DEF_LOCAL) || flags & DEF_NONLOCAL) continue;
    c.addOp(Op.LOAD_FAST_AND_CLEAR, c.u.varnames.add(name));
    pushed.push(name);
    if (ste.scope(name) === Scope.CELL || ste.compCells.has(name)) {
      // the cell itself was pushed; a new one for the comprehension (MAKE_CELL)
      const outer = c.u.ste.scope(name);
      if (outer !== Scope.CELL && outer !== Scope.FREE) {
        overridden.push([name, outer]);
        c.u.ste.scopes.set(name, Scope.CELL);
      }
      const table = outer === Scope.FREE ? c.u.freevars : c.u.cellvars;
      c.addOp(Op.MAKE_CELL, table.get(name) ?? table.add(name));
      cells.push(name);
    }
  }
  if (pushed.length) c.addOp(Op.SWAP, pushed.length + 1);
  const hidden = c.u.fastHidden;
  // u_fasthidden: only the names that are plain locals inside (a cell is *_DEREF)
  c.u.fastHidden = new Set([...(hidden ?? []), ...pushed.filter((n) => !cells.includes(n))]);
  c.u.inInlinedComp++;
  const cleanup = c.newBlock();
  const end = c.newBlock();
  if (pushed.length) c.addJump(Op.SETUP_FINALLY, cleanup);
  c.addOp({ list: Op.BUILD_LIST, set: Op.BUILD_SET, dict: Op.BUILD_MAP }[kind], 0);
  c.addOp(Op.SWAP, 2);
  const elt = e.k === 'DictComp' ? e.key : e.elt;
  const val = e.k === 'DictComp' ? e.value : null;
  comprehensionGenerator(c, e.generators, 0, 0, elt, val, kind, true);
  c.u.fastHidden = hidden;
  c.u.inInlinedComp--;
  for (const [name, scope] of overridden) {
    if (scope) c.u.ste.scopes.set(name, scope);
    else c.u.ste.scopes.delete(name);
  }
  if (!pushed.length) return;
  const restore = (): void => {
    c.addOp(Op.SWAP, pushed.length + 1);
    for (let i = pushed.length - 1; i >= 0; i--) c.addOp(Op.STORE_FAST, c.u.varnames.add(pushed[i]));
  };
  c.addOp(Op.POP_BLOCK);
  c.addJump(Op.JUMP, end);
  // the exception's way out: the partial collection dropped, the outer values back, re-raised
  c.useNextBlock(cleanup);
  c.addOp(Op.SWAP, 2);
  c.addOp(Op.POP_TOP);
  restore();
  c.addOp(Op.RERAISE, 0);
  c.useNextBlock(end);
  restore();
}

function comprehensionGenerator(
  c: Compiler,
  gens: Comprehension[],
  index: number,
  depth: number,
  elt: Expr,
  val: Expr | null,
  kind: CompKind,
  iterOnStack = false,
): void {
  if (gens[index].isAsync) asyncComprehensionGenerator(c, gens, index, depth, elt, val, kind, iterOnStack);
  else syncComprehensionGenerator(c, gens, index, depth, elt, val, kind, iterOnStack);
}

/** The element: yield it, or add it to the collection `depth + 1` below the top. */
function emitElement(c: Compiler, elt: Expr, val: Expr | null, kind: CompKind, depth: number): void {
  visitExpr(c, elt);
  switch (kind) {
    case 'genexpr':
      addYield(c);
      c.addOp(Op.POP_TOP);
      return;
    case 'list':
      c.addOp(Op.LIST_APPEND, depth + 1);
      return;
    case 'set':
      c.addOp(Op.SET_ADD, depth + 1);
      return;
    case 'dict':
      visitExpr(c, val!);
      c.addOp(Op.MAP_ADD, depth + 1);
  }
}

/** compiler_sync_comprehension_generator. */
function syncComprehensionGenerator(
  c: Compiler,
  gens: Comprehension[],
  index: number,
  depth: number,
  elt: Expr,
  val: Expr | null,
  kind: CompKind,
  iterOnStack = false,
): void {
  let start: Block | null = c.newBlock();
  const ifCleanup = c.newBlock();
  const anchor = c.newBlock();
  const gen = gens[index];
  if (index === 0) {
    // the outermost iterator arrives as the implicit argument .0 (inlined: it is on the stack)
    if (!iterOnStack) {
      c.u.argcount = 1;
      c.addOp(Op.LOAD_FAST, 0);
    }
  } else {
    // `for y in [f(x)]`: a one-element display is just the value, no loop
    const elts = gen.iter.k === 'List' || gen.iter.k === 'Tuple' ? gen.iter.elts : null;
    if (elts && elts.length === 1 && elts[0].k !== 'Starred') {
      visitExpr(c, elts[0]);
      start = null;
    }
    if (start) {
      visitExpr(c, gen.iter);
      c.addOp(Op.GET_ITER);
    }
  }
  if (start) {
    depth++;
    c.useNextBlock(start);
    c.addJump(Op.FOR_ITER, anchor);
  }
  visitExpr(c, gen.target);
  for (const cond of gen.ifs) jumpIf(c, cond, ifCleanup, false);
  if (++index < gens.length) comprehensionGenerator(c, gens, index, depth, elt, val, kind);
  if (index >= gens.length) emitElement(c, elt, val, kind, depth);
  c.useNextBlock(ifCleanup);
  if (start) {
    c.addJump(Op.JUMP, start);
    c.useNextBlock(anchor);
  }
}

/** compiler_async_comprehension_generator. */
function asyncComprehensionGenerator(
  c: Compiler,
  gens: Comprehension[],
  index: number,
  depth: number,
  elt: Expr,
  val: Expr | null,
  kind: CompKind,
  iterOnStack = false,
): void {
  const start = c.newBlock();
  const except = c.newBlock();
  const ifCleanup = c.newBlock();
  const gen = gens[index];
  if (index === 0) {
    // the outermost async iterator arrives as .0 (inlined: GET_AITER left it on the stack)
    if (!iterOnStack) {
      c.u.argcount = 1;
      c.addOp(Op.LOAD_FAST, 0);
    }
  } else {
    visitExpr(c, gen.iter);
    c.addOp(Op.GET_AITER);
  }
  c.useNextBlock(start);
  c.pushFBlock('async-comprehension-generator', start, null, null);
  c.addJump(Op.SETUP_FINALLY, except);
  c.addOp(Op.GET_ANEXT);
  c.loadConst(NONE);
  addYieldFrom(c, true);
  c.addOp(Op.POP_BLOCK);
  visitExpr(c, gen.target);
  for (const cond of gen.ifs) jumpIf(c, cond, ifCleanup, false);
  depth++;
  if (++index < gens.length) comprehensionGenerator(c, gens, index, depth, elt, val, kind);
  if (index >= gens.length) emitElement(c, elt, val, kind, depth);
  c.useNextBlock(ifCleanup);
  c.addJump(Op.JUMP, start);
  c.popFBlock('async-comprehension-generator');
  c.useNextBlock(except);
  c.addOp(Op.END_ASYNC_FOR);
}
