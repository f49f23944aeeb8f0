import type { Comprehension, Expr } from '../syntax/ast';
import { assemble } from './assemble';
import type { Block } from './cfg';
import { jumpIf } from './conditions';
import { makeClosure } from './defs';
import { notSupported } from './errors';
import { visitExpr } from './expr';
import { addYield, addYieldFrom } from './flow';
import type { CompExpr } from './nodes';
import { Op } from './opcodes';
import type { Compiler } from './unit';
import { NONE } from './values';

/**
 * Comprehensions as 3.11 runs them: a nested function, made and called at once with the
 * outermost iterator as its argument `.0` (PEP 709 inlined them in 3.12).
 */
type CompKind = 'genexpr' | 'list' | 'set' | 'dict';

/** compiler_comprehension: a function made and called at once with the outermost iterator. */
export function compileComprehension(c: Compiler, e: CompExpr): void {
  if (c.opts.inlineComprehensions && e.k !== 'GeneratorExp')
    throw notSupported('inlined comprehensions (PEP 709, Python 3.12)', e);
  const kind: CompKind = (
    { GeneratorExp: 'genexpr', ListComp: 'list', SetComp: 'set', DictComp: 'dict' } as const
  )[e.k];
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

function comprehensionGenerator(
  c: Compiler,
  gens: Comprehension[],
  index: number,
  depth: number,
  elt: Expr,
  val: Expr | null,
  kind: CompKind,
): void {
  if (gens[index].isAsync) asyncComprehensionGenerator(c, gens, index, depth, elt, val, kind);
  else syncComprehensionGenerator(c, gens, index, depth, elt, val, kind);
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
): void {
  let start: Block | null = c.newBlock();
  const ifCleanup = c.newBlock();
  const anchor = c.newBlock();
  const gen = gens[index];
  if (index === 0) {
    // the outermost iterator arrives as the implicit argument .0
    c.u.argcount = 1;
    c.addOp(Op.LOAD_FAST, 0);
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
): void {
  const start = c.newBlock();
  const except = c.newBlock();
  const ifCleanup = c.newBlock();
  const gen = gens[index];
  if (index === 0) {
    c.u.argcount = 1;
    c.addOp(Op.LOAD_FAST, 0);
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
