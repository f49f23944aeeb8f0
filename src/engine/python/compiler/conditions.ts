import type { CmpOpName, Expr, ExprOf } from '../syntax/ast';
import type { Block } from './cfg';
import { visitExpr } from './expr';
import { CMP_OPS, Op } from './opcodes';
import type { Compiler } from './unit';

/** Comparisons, `and` / `or`, and conditions compiled for their truth only (compiler_jump_if). */
/** compiler_boolop: JUMP_IF_FALSE_OR_POP / JUMP_IF_TRUE_OR_POP to a common end. */
export function boolOp(c: Compiler, e: ExprOf<'BoolOp'>): void {
  const jump = e.op === 'and' ? Op.JUMP_IF_FALSE_OR_POP : Op.JUMP_IF_TRUE_OR_POP;
  const end = c.newBlock();
  const n = e.values.length - 1;
  for (let i = 0; i < n; i++) {
    visitExpr(c, e.values[i]);
    c.addJump(jump, end);
    c.useNextBlock(c.newBlock());
  }
  visitExpr(c, e.values[n]);
  c.useNextBlock(end);
}

/** compiler_addcompare. */
function addCompare(c: Compiler, op: CmpOpName): void {
  switch (op) {
    case 'is':
    case 'is not':
      c.addOp(Op.IS_OP, op === 'is' ? 0 : 1);
      return;
    case 'in':
    case 'not in':
      c.addOp(Op.CONTAINS_OP, op === 'in' ? 0 : 1);
      return;
    default:
      c.addOp(Op.COMPARE_OP, CMP_OPS.indexOf(op));
  }
}

/** check_compare: `x is 1` warns (SyntaxWarning), as CPython does. */
export function checkCompare(c: Compiler, e: ExprOf<'Compare'>): void {
  const isArg = (x: Expr): boolean => x.k !== 'Constant' || ['none', 'bool', 'ellipsis'].includes(x.value.t);
  let left = isArg(e.left);
  e.ops.forEach((op, i) => {
    const right = isArg(e.comparators[i]);
    if ((op === 'is' || op === 'is not') && (!right || !left)) {
      c.warn(
        op === 'is'
          ? '"is" with a literal. Did you mean "=="?'
          : '"is not" with a literal. Did you mean "!="?',
      );
    }
    left = right;
  });
}

/** compiler_compare: chains keep the middle operand with SWAP/COPY. */
export function compare(c: Compiler, e: ExprOf<'Compare'>): void {
  checkCompare(c, e);
  visitExpr(c, e.left);
  const n = e.ops.length - 1;
  if (n === 0) {
    visitExpr(c, e.comparators[0]);
    addCompare(c, e.ops[0]);
    return;
  }
  const cleanup = c.newBlock();
  for (let i = 0; i < n; i++) {
    visitExpr(c, e.comparators[i]);
    c.addOp(Op.SWAP, 2);
    c.addOp(Op.COPY, 2);
    addCompare(c, e.ops[i]);
    c.addJump(Op.JUMP_IF_FALSE_OR_POP, cleanup);
  }
  visitExpr(c, e.comparators[n]);
  addCompare(c, e.ops[n]);
  const end = c.newBlock();
  c.addJumpNoLine(Op.JUMP, end);
  c.useNextBlock(cleanup);
  c.addOp(Op.SWAP, 2);
  c.addOp(Op.POP_TOP);
  c.useNextBlock(end);
}

/** compiler_jump_if: evaluate a condition for its truth only, jumping to `next` when it is `cond`. */
export function jumpIf(c: Compiler, e: Expr, next: Block, cond: boolean): void {
  switch (e.k) {
    case 'UnaryOp':
      if (e.op === 'not') return jumpIf(c, e.operand, next, !cond);
      break;
    case 'BoolOp': {
      const cond2 = e.op === 'or';
      const next2 = cond2 !== cond ? c.newBlock() : next;
      const n = e.values.length - 1;
      for (let i = 0; i < n; i++) jumpIf(c, e.values[i], next2, cond2);
      jumpIf(c, e.values[n], next, cond);
      if (next2 !== next) c.useNextBlock(next2);
      return;
    }
    case 'IfExp': {
      const end = c.newBlock();
      const next2 = c.newBlock();
      jumpIf(c, e.test, next2, false);
      jumpIf(c, e.body, next, cond);
      c.addJumpNoLine(Op.JUMP, end);
      c.useNextBlock(next2);
      jumpIf(c, e.orelse, next, cond);
      c.useNextBlock(end);
      return;
    }
    case 'Compare': {
      c.setLoc(e);
      const n = e.ops.length - 1;
      if (n > 0) {
        checkCompare(c, e);
        const cleanup = c.newBlock();
        visitExpr(c, e.left);
        for (let i = 0; i < n; i++) {
          visitExpr(c, e.comparators[i]);
          c.addOp(Op.SWAP, 2);
          c.addOp(Op.COPY, 2);
          addCompare(c, e.ops[i]);
          c.addJump(Op.POP_JUMP_IF_FALSE, cleanup);
        }
        visitExpr(c, e.comparators[n]);
        addCompare(c, e.ops[n]);
        c.addJump(cond ? Op.POP_JUMP_IF_TRUE : Op.POP_JUMP_IF_FALSE, next);
        const end = c.newBlock();
        c.addJumpNoLine(Op.JUMP, end);
        c.useNextBlock(cleanup);
        c.addOp(Op.POP_TOP);
        if (!cond) c.addJumpNoLine(Op.JUMP, next);
        c.useNextBlock(end);
        return;
      }
      break;
    }
    default:
      break;
  }
  visitExpr(c, e);
  c.addJump(cond ? Op.POP_JUMP_IF_TRUE : Op.POP_JUMP_IF_FALSE, next);
}
