import type { Stmt } from '../syntax/ast';
import type { Block } from './cfg';
import { nameOp, visitExpr } from './expr';
import { addYieldFrom, callExitWithNones, popExceptAndReraise } from './flow';
import type { TryStmt, WithStmt } from './nodes';
import { Op } from './opcodes';
import { visitStmts } from './stmt';
import type { Compiler } from './unit';
import { NONE } from './values';

/**
 * try / except / except* / finally and with, as compile.c lays them out for 3.11's zero-cost
 * exceptions: SETUP_FINALLY / SETUP_CLEANUP / SETUP_WITH and POP_BLOCK are pseudo-instructions
 * that only mark which handler covers which instructions; the assembler turns them into the
 * exception table and NOPs.
 */

export function compileTry(c: Compiler, s: TryStmt): void {
  if (s.finalbody.length) tryFinally(c, s);
  else if (s.k === 'TryStar') tryStarExcept(c, s);
  else tryExcept(c, s);
}

/** compiler_try_finally (and compiler_try_star_finally): the finally body twice, normal and exceptional. */
function tryFinally(c: Compiler, s: TryStmt): void {
  const body = c.newBlock();
  const end = c.newBlock();
  const exit = c.newBlock();
  const cleanup = c.newBlock();
  c.addJump(Op.SETUP_FINALLY, end);
  c.useNextBlock(body);
  c.pushFBlock('finally-try', body, end, s.finalbody);
  if (s.handlers.length) {
    if (s.k === 'TryStar') tryStarExcept(c, s);
    else tryExcept(c, s);
  } else visitStmts(c, s.body);
  c.addOpNoLine(Op.POP_BLOCK);
  c.popFBlock('finally-try');
  visitStmts(c, s.finalbody);
  c.addJumpNoLine(Op.JUMP, exit);
  // the finally block, on the exception path
  c.useNextBlock(end);
  c.unsetLoc();
  c.addJump(Op.SETUP_CLEANUP, cleanup);
  c.addOp(Op.PUSH_EXC_INFO);
  c.pushFBlock('finally-end', end, null, null);
  visitStmts(c, s.finalbody);
  c.popFBlock('finally-end');
  c.addOp(Op.RERAISE, 0);
  c.useNextBlock(cleanup);
  popExceptAndReraise(c);
  c.useNextBlock(exit);
}

/** compiler_try_except: handlers tried in order; a named one deletes its name on the way out. */
function tryExcept(c: Compiler, s: TryStmt): void {
  const body = c.newBlock();
  let except = c.newBlock();
  const end = c.newBlock();
  const cleanup = c.newBlock();
  c.addJump(Op.SETUP_FINALLY, except);
  c.useNextBlock(body);
  c.pushFBlock('try-except', body, null, null);
  visitStmts(c, s.body);
  c.popFBlock('try-except');
  c.addOpNoLine(Op.POP_BLOCK);
  visitStmts(c, s.orelse);
  c.addJumpNoLine(Op.JUMP, end);
  const n = s.handlers.length;
  c.useNextBlock(except);
  c.unsetLoc();
  c.addJump(Op.SETUP_CLEANUP, cleanup);
  c.addOp(Op.PUSH_EXC_INFO);
  // the runtime pushes the exception info: account for it
  c.pushFBlock('exception-handler', null, null, null);
  s.handlers.forEach((handler, i) => {
    c.setLoc(handler);
    if (!handler.type && i < n - 1) c.error("default 'except:' must be last");
    except = c.newBlock();
    if (handler.type) {
      visitExpr(c, handler.type);
      c.addOp(Op.CHECK_EXC_MATCH);
      c.addJump(Op.POP_JUMP_IF_FALSE, except);
    }
    if (handler.name) {
      const cleanupEnd = c.newBlock();
      const cleanupBody = c.newBlock();
      nameOp(c, handler.name, 'store');
      // try: body  finally: name = None; del name   (the body may have deleted it)
      c.addJump(Op.SETUP_CLEANUP, cleanupEnd);
      c.useNextBlock(cleanupBody);
      c.pushFBlock('handler-cleanup', cleanupBody, null, handler.name);
      visitStmts(c, handler.body);
      c.popFBlock('handler-cleanup');
      c.unsetLoc();
      c.addOp(Op.POP_BLOCK);
      c.addOp(Op.POP_BLOCK);
      c.addOp(Op.POP_EXCEPT);
      c.loadConst(NONE);
      nameOp(c, handler.name, 'store');
      nameOp(c, handler.name, 'del');
      c.addJump(Op.JUMP, end);
      c.useNextBlock(cleanupEnd);
      c.unsetLoc();
      c.loadConst(NONE);
      nameOp(c, handler.name, 'store');
      nameOp(c, handler.name, 'del');
      c.addOp(Op.RERAISE, 1);
    } else {
      const cleanupBody = c.newBlock();
      c.addOp(Op.POP_TOP); // exc_value
      c.useNextBlock(cleanupBody);
      c.pushFBlock('handler-cleanup', cleanupBody, null, null);
      visitStmts(c, handler.body);
      c.popFBlock('handler-cleanup');
      c.unsetLoc();
      c.addOp(Op.POP_BLOCK);
      c.addOp(Op.POP_EXCEPT);
      c.addJump(Op.JUMP, end);
    }
    c.useNextBlock(except);
  });
  c.unsetLoc();
  c.popFBlock('exception-handler');
  c.addOp(Op.RERAISE, 0);
  c.useNextBlock(cleanup);
  popExceptAndReraise(c);
  c.useNextBlock(end);
}

/** compiler_try_star_except: except* splits an exception group, collecting what is raised. */
function tryStarExcept(c: Compiler, s: TryStmt): void {
  const body = c.newBlock();
  let except = c.newBlock();
  const orelse = c.newBlock();
  const end = c.newBlock();
  const cleanup = c.newBlock();
  const reraiseStar = c.newBlock();
  c.addJump(Op.SETUP_FINALLY, except);
  c.useNextBlock(body);
  c.pushFBlock('try-except', body, null, null);
  visitStmts(c, s.body);
  c.popFBlock('try-except');
  c.addOpNoLine(Op.POP_BLOCK);
  c.addJumpNoLine(Op.JUMP, orelse);
  const n = s.handlers.length;
  c.useNextBlock(except);
  c.unsetLoc();
  c.addJump(Op.SETUP_CLEANUP, cleanup);
  c.addOp(Op.PUSH_EXC_INFO);
  c.pushFBlock('exception-group-handler', null, null, 'except handler');
  s.handlers.forEach((handler, i) => {
    c.setLoc(handler);
    except = c.newBlock();
    const exceptWithError = c.newBlock();
    const noMatch = c.newBlock();
    if (i === 0) {
      // [exc] → [orig, [], exc]: the original group, and a list of what the handlers raise
      c.addOp(Op.COPY, 1);
      c.addOp(Op.BUILD_LIST, 0);
      c.addOp(Op.SWAP, 2);
    }
    if (handler.type) {
      visitExpr(c, handler.type);
      c.addOp(Op.CHECK_EG_MATCH);
      c.addOp(Op.COPY, 1);
      c.addJump(Op.POP_JUMP_IF_NONE, noMatch);
    }
    const cleanupEnd = c.newBlock();
    const cleanupBody = c.newBlock();
    if (handler.name) nameOp(c, handler.name, 'store');
    else c.addOp(Op.POP_TOP); // match
    c.addJump(Op.SETUP_CLEANUP, cleanupEnd);
    c.useNextBlock(cleanupBody);
    c.pushFBlock('handler-cleanup', cleanupBody, null, handler.name);
    visitStmts(c, handler.body);
    c.popFBlock('handler-cleanup');
    c.unsetLoc();
    c.addOp(Op.POP_BLOCK);
    if (handler.name) {
      c.loadConst(NONE);
      nameOp(c, handler.name, 'store');
      nameOp(c, handler.name, 'del');
    }
    c.addJump(Op.JUMP, except);
    c.useNextBlock(cleanupEnd);
    c.unsetLoc();
    if (handler.name) {
      c.loadConst(NONE);
      nameOp(c, handler.name, 'store');
      nameOp(c, handler.name, 'del');
    }
    c.addOp(Op.LIST_APPEND, 3); // an exception raised in the except* body joins the list
    c.addOp(Op.POP_TOP); // lasti
    c.addJump(Op.JUMP, exceptWithError);
    c.useNextBlock(except);
    c.addOp(Op.NOP); // holds a propagated location
    c.addJump(Op.JUMP, exceptWithError);
    c.useNextBlock(noMatch);
    c.addOp(Op.POP_TOP); // match (None)
    c.useNextBlock(exceptWithError);
    if (i === n - 1) {
      c.addOp(Op.LIST_APPEND, 1); // the unhandled rest of the group (or None)
      c.addJump(Op.JUMP, reraiseStar);
    }
  });
  c.unsetLoc();
  c.popFBlock('exception-group-handler');
  const reraise = c.newBlock();
  c.useNextBlock(reraiseStar);
  c.addOp(Op.PREP_RERAISE_STAR);
  c.addOp(Op.COPY, 1);
  c.addJump(Op.POP_JUMP_IF_NOT_NONE, reraise);
  c.addOp(Op.POP_TOP); // nothing to re-raise
  c.addOp(Op.POP_BLOCK);
  c.addOp(Op.POP_EXCEPT);
  c.addJump(Op.JUMP, end);
  c.useNextBlock(reraise);
  c.addOp(Op.POP_BLOCK);
  c.addOp(Op.SWAP, 2);
  c.addOp(Op.POP_EXCEPT);
  c.addOp(Op.RERAISE, 0);
  c.useNextBlock(cleanup);
  popExceptAndReraise(c);
  c.useNextBlock(orelse);
  visitStmts(c, s.orelse);
  c.useNextBlock(end);
}

/** compiler_with_except_finish: the exit path when __exit__ was called with an exception. */
function withExceptFinish(c: Compiler, cleanup: Block): void {
  c.unsetLoc();
  const exit = c.newBlock();
  c.addJump(Op.POP_JUMP_IF_TRUE, exit);
  c.addOp(Op.RERAISE, 2);
  c.useNextBlock(cleanup);
  popExceptAndReraise(c);
  c.useNextBlock(exit);
  c.addOp(Op.POP_TOP); // exc_value
  c.addOp(Op.POP_BLOCK);
  c.addOp(Op.POP_EXCEPT);
  c.addOp(Op.POP_TOP);
  c.addOp(Op.POP_TOP);
}

/** compiler_with / compiler_async_with: one nested level per item. */
export function compileWith(c: Compiler, s: WithStmt, pos: number): void {
  const isAsync = s.k === 'AsyncWith';
  if (isAsync && c.u.scopeType !== 'async function') c.error("'async with' outside async function");
  const item = s.items[pos];
  const block = c.newBlock();
  const final = c.newBlock();
  const exit = c.newBlock();
  const cleanup = c.newBlock();
  visitExpr(c, item.contextExpr);
  if (isAsync) {
    c.addOp(Op.BEFORE_ASYNC_WITH);
    c.addOp(Op.GET_AWAITABLE, 1);
    c.loadConst(NONE);
    addYieldFrom(c, true);
  } else c.addOp(Op.BEFORE_WITH); // pushes the bound __exit__
  c.addJump(Op.SETUP_WITH, final);
  c.useNextBlock(block);
  c.pushFBlock(isAsync ? 'async-with' : 'with', block, final, s);
  if (item.optionalVars) visitExpr(c, item.optionalVars);
  else c.addOp(Op.POP_TOP); // the result of __enter__
  if (pos + 1 === s.items.length) visitStmts(c, s.body);
  else compileWith(c, s, pos + 1);
  if (isAsync) {
    c.popFBlock('async-with');
    c.addOp(Op.POP_BLOCK);
  } else {
    c.unsetLoc();
    c.addOp(Op.POP_BLOCK);
    c.popFBlock('with');
  }
  // the normal exit: __exit__(None, None, None)
  c.setLoc(s as Stmt);
  callExitWithNones(c);
  if (isAsync) {
    c.addOp(Op.GET_AWAITABLE, 2);
    c.loadConst(NONE);
    addYieldFrom(c, true);
  }
  c.addOp(Op.POP_TOP);
  c.addJump(Op.JUMP, exit);
  // the exceptional exit
  c.useNextBlock(final);
  c.addJump(Op.SETUP_CLEANUP, cleanup);
  c.addOp(Op.PUSH_EXC_INFO);
  c.addOp(Op.WITH_EXCEPT_START);
  if (isAsync) {
    c.addOp(Op.GET_AWAITABLE, 2);
    c.loadConst(NONE);
    addYieldFrom(c, true);
  }
  withExceptFinish(c, cleanup);
  c.useNextBlock(exit);
}
