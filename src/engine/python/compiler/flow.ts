import type { Stmt, StmtOf } from '../syntax/ast';
import { jumpIf } from './conditions';
import { nameOp, visitExpr } from './expr';
import type { ForStmt } from './nodes';
import { Op } from './opcodes';
import { visitStmts } from './stmt';
import type { Compiler, FBlock } from './unit';
import { NONE } from './values';

/** Loops, returns, yields and the unwinding of frame blocks (compile.c). */

/** addop_yield: YIELD_VALUE, then RESUME 1 where the generator continues. */
export function addYield(c: Compiler): void {
  if (c.u.ste.generator && c.u.ste.coroutine) c.addOp(Op.ASYNC_GEN_WRAP);
  c.addOp(Op.YIELD_VALUE);
  c.addOp(Op.RESUME, 1);
}

/** compiler_add_yield_from: the SEND / YIELD_VALUE / RESUME loop of `yield from` and `await`. */
export function addYieldFrom(c: Compiler, isAwait: boolean): void {
  const start = c.newBlock();
  const resume = c.newBlock();
  const exit = c.newBlock();
  c.useNextBlock(start);
  c.addJump(Op.SEND, exit);
  c.useNextBlock(resume);
  c.addOp(Op.YIELD_VALUE);
  c.addOp(Op.RESUME, isAwait ? 3 : 2);
  c.addJump(Op.JUMP_NO_INTERRUPT, start);
  c.useNextBlock(exit);
}

/** compiler_pop_except_and_reraise: [exc_info, lasti, exc] → restore exc_info, re-raise. */
export function popExceptAndReraise(c: Compiler): void {
  c.addOp(Op.COPY, 3);
  c.addOp(Op.POP_EXCEPT);
  c.addOp(Op.RERAISE, 1);
}

/** compiler_call_exit_with_nones: __exit__(None, None, None). */
export function callExitWithNones(c: Compiler): void {
  c.loadConst(NONE);
  c.loadConst(NONE);
  c.loadConst(NONE);
  c.addOp(Op.PRECALL, 2);
  c.addOp(Op.CALL, 2);
}

/** compiler_unwind_fblock: the code that leaving this frame block early must run. */
function unwindFBlock(c: Compiler, info: FBlock, preserveTos: boolean): void {
  switch (info.type) {
    case 'while':
    case 'exception-handler':
    case 'exception-group-handler':
    case 'async-comprehension-generator':
      return;
    case 'for':
      if (preserveTos) c.addOp(Op.SWAP, 2);
      c.addOp(Op.POP_TOP); // the iterator
      return;
    case 'try-except':
      c.addOp(Op.POP_BLOCK);
      return;
    case 'finally-try':
      c.addOp(Op.POP_BLOCK); // it gets the line of the unwinding statement
      if (preserveTos) c.pushFBlock('pop-value', null, null, null);
      visitStmts(c, info.datum as Stmt[]);
      if (preserveTos) c.popFBlock('pop-value');
      // The finally body seems to run after the statement that unwinds: make what follows artificial.
      c.unsetLoc();
      return;
    case 'finally-end':
      if (preserveTos) c.addOp(Op.SWAP, 2);
      c.addOp(Op.POP_TOP); // exc_value
      if (preserveTos) c.addOp(Op.SWAP, 2);
      c.addOp(Op.POP_BLOCK);
      c.addOp(Op.POP_EXCEPT);
      return;
    case 'with':
    case 'async-with':
      c.setLoc(info.datum as Stmt);
      c.addOp(Op.POP_BLOCK);
      if (preserveTos) c.addOp(Op.SWAP, 2);
      callExitWithNones(c);
      if (info.type === 'async-with') {
        c.addOp(Op.GET_AWAITABLE, 2);
        c.loadConst(NONE);
        addYieldFrom(c, true);
      }
      c.addOp(Op.POP_TOP);
      c.unsetLoc();
      return;
    case 'handler-cleanup': {
      const name = info.datum as string | null;
      if (name) c.addOp(Op.POP_BLOCK);
      if (preserveTos) c.addOp(Op.SWAP, 2);
      c.addOp(Op.POP_BLOCK);
      c.addOp(Op.POP_EXCEPT);
      if (name) {
        c.loadConst(NONE);
        nameOp(c, name, 'store');
        nameOp(c, name, 'del');
      }
      return;
    }
    case 'pop-value':
      if (preserveTos) c.addOp(Op.SWAP, 2);
      c.addOp(Op.POP_TOP);
      return;
  }
}

/** compiler_unwind_fblock_stack: unwind everything, or up to the innermost loop. */
function unwindFBlockStack(c: Compiler, preserveTos: boolean, wantLoop: boolean): FBlock | null {
  const fb = c.u.fblocks;
  if (!fb.length) return null;
  const top = fb[fb.length - 1];
  if (top.type === 'exception-group-handler')
    c.error("'break', 'continue' and 'return' cannot appear in an except* block");
  if (wantLoop && (top.type === 'while' || top.type === 'for')) return top;
  fb.pop();
  unwindFBlock(c, top, preserveTos);
  const loop = unwindFBlockStack(c, preserveTos, wantLoop);
  fb.push(top);
  return loop;
}

/** compiler_return. */
export function compileReturn(c: Compiler, s: StmtOf<'Return'>): void {
  const value = s.value;
  const preserveTos = value !== null && value.k !== 'Constant';
  if (c.u.ste.type !== 'function') c.error("'return' outside function");
  if (value && c.u.ste.coroutine && c.u.ste.generator) c.error("'return' with value in async generator");
  if (preserveTos) visitExpr(c, value!);
  else if (value) {
    // a line number for the returned constant
    c.setLoc(value);
    c.addOp(Op.NOP);
  }
  if (!value || value.line !== s.line) {
    c.setLoc(s);
    c.addOp(Op.NOP);
  }
  unwindFBlockStack(c, preserveTos, false);
  if (!value) c.loadConst(NONE);
  else if (!preserveTos && value.k === 'Constant') c.loadConst(value.value);
  c.addOp(Op.RETURN_VALUE);
}

/** compiler_break / compiler_continue. */
export function compileBreakContinue(c: Compiler, isBreak: boolean): void {
  const saved = c.u.loc;
  c.addOp(Op.NOP); // the statement's line number
  const loop = unwindFBlockStack(c, false, true);
  if (!loop) {
    c.u.loc = saved;
    c.error(isBreak ? "'break' outside loop" : "'continue' not properly in loop");
  }
  if (isBreak) {
    unwindFBlock(c, loop, false);
    c.addJump(Op.JUMP, loop.exit!);
  } else c.addJump(Op.JUMP, loop.block!);
}

/** compiler_if. */
export function compileIf(c: Compiler, s: StmtOf<'If'>): void {
  const end = c.newBlock();
  const next = s.orelse.length ? c.newBlock() : end;
  jumpIf(c, s.test, next, false);
  visitStmts(c, s.body);
  if (s.orelse.length) {
    c.addJumpNoLine(Op.JUMP, end);
    c.useNextBlock(next);
    visitStmts(c, s.orelse);
  }
  c.useNextBlock(end);
}

/** compiler_for: GET_ITER, FOR_ITER to the cleanup, the body, and a jump back (artificial). */
export function compileFor(c: Compiler, s: ForStmt): void {
  const start = c.newBlock();
  const body = c.newBlock();
  const cleanup = c.newBlock();
  const end = c.newBlock();
  c.pushFBlock('for', start, end, null);
  visitExpr(c, s.iter);
  c.addOp(Op.GET_ITER);
  c.useNextBlock(start);
  c.addJump(Op.FOR_ITER, cleanup);
  c.useNextBlock(body);
  visitExpr(c, s.target);
  visitStmts(c, s.body);
  c.unsetLoc();
  c.addJump(Op.JUMP, start);
  c.useNextBlock(cleanup);
  c.popFBlock('for');
  visitStmts(c, s.orelse);
  c.useNextBlock(end);
}

/** compiler_async_for. */
export function compileAsyncFor(c: Compiler, s: ForStmt): void {
  if (c.u.scopeType !== 'async function') c.error("'async for' outside async function");
  const start = c.newBlock();
  const except = c.newBlock();
  const end = c.newBlock();
  visitExpr(c, s.iter);
  c.addOp(Op.GET_AITER);
  c.useNextBlock(start);
  c.pushFBlock('for', start, end, null);
  c.addJump(Op.SETUP_FINALLY, except); // guards the __anext__ call
  c.addOp(Op.GET_ANEXT);
  c.loadConst(NONE);
  addYieldFrom(c, true);
  c.addOp(Op.POP_BLOCK);
  visitExpr(c, s.target);
  visitStmts(c, s.body);
  c.unsetLoc();
  c.addJump(Op.JUMP, start);
  c.popFBlock('for');
  c.useNextBlock(except);
  // END_ASYNC_FOR carries the iterator's line: it ends the `for`, not the body.
  c.setLoc(s.iter);
  c.addOp(Op.END_ASYNC_FOR);
  visitStmts(c, s.orelse);
  c.useNextBlock(end);
}

/** compiler_while: the test at the top, and again (inverted) at the bottom of the body. */
export function compileWhile(c: Compiler, s: StmtOf<'While'>): void {
  const loop = c.newBlock();
  const body = c.newBlock();
  const anchor = c.newBlock();
  const end = c.newBlock();
  c.useNextBlock(loop);
  c.pushFBlock('while', loop, end, null);
  jumpIf(c, s.test, anchor, false);
  c.useNextBlock(body);
  visitStmts(c, s.body);
  c.setLoc(s);
  jumpIf(c, s.test, body, true);
  c.popFBlock('while');
  c.useNextBlock(anchor);
  visitStmts(c, s.orelse);
  c.useNextBlock(end);
}
