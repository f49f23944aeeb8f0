import type { Expr, ExprOf, Stmt, StmtOf } from '../syntax/ast';
import { compileClass, compileFunction, annotationString } from './defs';
import { jumpIf } from './conditions';
import { checkForbidden, inplaceOparg, nameOp, updateStartLocationToMatchAttr, visitExpr } from './expr';
import {
  compileAsyncFor,
  compileBreakContinue,
  compileFor,
  compileIf,
  compileReturn,
  compileWhile,
} from './flow';
import { compileTry, compileWith } from './handlers';
import { FUTURE_ANNOTATIONS } from './symtable';
import { compileMatch } from './patterns';
import { Op } from './opcodes';
import type { Compiler } from './unit';

export function visitStmts(c: Compiler, list: Stmt[]): void {
  for (const s of list) visitStmt(c, s);
}

/** compiler_visit_stmt: every statement sets the location of what it emits. */
export function visitStmt(c: Compiler, s: Stmt): void {
  c.setLoc(s);
  switch (s.k) {
    case 'FunctionDef':
    case 'AsyncFunctionDef':
      return compileFunction(c, s);
    case 'ClassDef':
      return compileClass(c, s);
    case 'Return':
      return compileReturn(c, s);
    case 'Delete':
      s.targets.forEach((t) => visitExpr(c, t));
      return;
    case 'Assign':
      visitExpr(c, s.value);
      s.targets.forEach((t, i) => {
        if (i < s.targets.length - 1) c.addOp(Op.COPY, 1);
        visitExpr(c, t);
      });
      return;
    case 'AugAssign':
      return augAssign(c, s);
    case 'AnnAssign':
      return annAssign(c, s);
    case 'For':
      return compileFor(c, s);
    case 'AsyncFor':
      return compileAsyncFor(c, s);
    case 'While':
      return compileWhile(c, s);
    case 'If':
      return compileIf(c, s);
    case 'Match':
      return compileMatch(c, s);
    case 'Raise': {
      let n = 0;
      if (s.exc) {
        visitExpr(c, s.exc);
        n++;
        if (s.cause) {
          visitExpr(c, s.cause);
          n++;
        }
      }
      c.addOp(Op.RAISE_VARARGS, n);
      return;
    }
    case 'Try':
    case 'TryStar':
      return compileTry(c, s);
    case 'Assert':
      return compileAssert(c, s);
    case 'Import':
      return compileImport(c, s);
    case 'ImportFrom':
      return compileFromImport(c, s);
    case 'Global':
    case 'Nonlocal':
      return;
    case 'Expr':
      return exprStmt(c, s.value);
    case 'Pass':
      c.addOp(Op.NOP);
      return;
    case 'Break':
    case 'Continue':
      return compileBreakContinue(c, s.k === 'Break');
    case 'With':
    case 'AsyncWith':
      return compileWith(c, s, 0);
  }
}

/** compiler_visit_stmt_expr: a bare constant is a NOP; otherwise the value is popped (artificially). */
function exprStmt(c: Compiler, value: Expr): void {
  if (value.k === 'Constant') {
    c.addOp(Op.NOP);
    return;
  }
  visitExpr(c, value);
  c.unsetLoc();
  c.addOp(Op.POP_TOP);
}

/** compiler_augassign: the target is loaded once (COPY keeps the object / index). */
function augAssign(c: Compiler, s: StmtOf<'AugAssign'>): void {
  const e = s.target;
  const saved = c.u.loc;
  c.setLoc(e);
  switch (e.k) {
    case 'Attribute':
      visitExpr(c, e.value);
      c.addOp(Op.COPY, 1);
      updateStartLocationToMatchAttr(c, e);
      c.addName(Op.LOAD_ATTR, e.attr);
      break;
    case 'Subscript':
      visitExpr(c, e.value);
      visitExpr(c, e.slice);
      c.addOp(Op.COPY, 2);
      c.addOp(Op.COPY, 2);
      c.addOp(Op.BINARY_SUBSCR);
      break;
    case 'Name':
      nameOp(c, e.id, 'load');
      break;
    default:
      c.error('illegal expression for augmented assignment');
  }
  c.u.loc = saved;
  visitExpr(c, s.value);
  c.addOp(Op.BINARY_OP, inplaceOparg(s.op));
  c.setLoc(e);
  switch (e.k) {
    case 'Attribute':
      updateStartLocationToMatchAttr(c, e);
      c.addOp(Op.SWAP, 2);
      c.addName(Op.STORE_ATTR, e.attr);
      break;
    case 'Subscript':
      c.addOp(Op.SWAP, 3);
      c.addOp(Op.SWAP, 2);
      c.addOp(Op.STORE_SUBSCR);
      break;
    default:
      nameOp(c, (e as ExprOf<'Name'>).id, 'store');
  }
}

/** check_ann_expr: evaluated for its side effects, then dropped. */
function checkAnnExpr(c: Compiler, e: Expr): void {
  visitExpr(c, e);
  c.addOp(Op.POP_TOP);
}

function checkAnnSubscr(c: Compiler, e: Expr): void {
  if (e.k === 'Slice') {
    for (const x of [e.lower, e.upper, e.step]) if (x) checkAnnExpr(c, x);
  } else if (e.k === 'Tuple') e.elts.forEach((x) => checkAnnSubscr(c, x));
  else checkAnnExpr(c, e);
}

const futureAnnotations = (c: Compiler): boolean => (c.opts.futureFeatures & FUTURE_ANNOTATIONS) !== 0;

/** compiler_annassign: `x: T = v` at module or class level also stores __annotations__['x']. */
function annAssign(c: Compiler, s: StmtOf<'AnnAssign'>): void {
  const targ = s.target;
  if (s.value) {
    visitExpr(c, s.value);
    visitExpr(c, targ);
  }
  const moduleOrClass = c.u.scopeType === 'module' || c.u.scopeType === 'class';
  switch (targ.k) {
    case 'Name':
      checkForbidden(c, targ.id, 'store');
      if (s.simple && moduleOrClass) {
        if (futureAnnotations(c)) c.loadConst({ t: 'str', v: annotationString(s.annotation) });
        else visitExpr(c, s.annotation);
        c.addName(Op.LOAD_NAME, '__annotations__');
        c.loadConst({ t: 'str', v: mangleFor(c, targ.id) });
        c.addOp(Op.STORE_SUBSCR);
      }
      break;
    case 'Attribute':
      checkForbidden(c, targ.attr, 'store');
      if (!s.value) checkAnnExpr(c, targ.value);
      break;
    case 'Subscript':
      if (!s.value) {
        checkAnnExpr(c, targ.value);
        checkAnnSubscr(c, targ.slice);
      }
      break;
    default:
      c.error('invalid node type for annotated assignment');
  }
  // check_annotation: a complex target's annotation is still evaluated (module and class only).
  if (!s.simple && !futureAnnotations(c) && moduleOrClass) checkAnnExpr(c, s.annotation);
}

function mangleFor(c: Compiler, name: string): string {
  const p = c.u.privateName;
  if (p === null || !name.startsWith('__') || name.endsWith('__') || name.includes('.')) return name;
  const stripped = p.replace(/^_+/, '');
  return stripped ? '_' + stripped + name : name;
}

/** compiler_assert: LOAD_ASSERTION_ERROR … RAISE_VARARGS, skipped when the test holds. */
function compileAssert(c: Compiler, s: StmtOf<'Assert'>): void {
  const t = s.test;
  if (
    (t.k === 'Tuple' && t.elts.length > 0) ||
    (t.k === 'Constant' && t.value.t === 'tuple' && t.value.items.length > 0)
  ) {
    c.warn('assertion is always true, perhaps remove parentheses?');
  }
  if (c.opts.optimize) return;
  const end = c.newBlock();
  jumpIf(c, s.test, end, true);
  c.addOp(Op.LOAD_ASSERTION_ERROR);
  if (s.msg) {
    visitExpr(c, s.msg);
    c.addOp(Op.PRECALL, 0);
    c.addOp(Op.CALL, 0);
  }
  c.addOp(Op.RAISE_VARARGS, 1);
  c.useNextBlock(end);
}

/** compiler_import_as: `import a.b.c as d` walks the attributes with IMPORT_FROM. */
function importAs(c: Compiler, name: string, asname: string): void {
  const parts = name.split('.');
  if (parts.length > 1) {
    for (let i = 1; i < parts.length; i++) {
      c.addOp(Op.IMPORT_FROM, c.u.names.add(parts[i]));
      if (i === parts.length - 1) break;
      c.addOp(Op.SWAP, 2);
      c.addOp(Op.POP_TOP);
    }
    nameOp(c, asname, 'store');
    c.addOp(Op.POP_TOP);
    return;
  }
  nameOp(c, asname, 'store');
}

/** compiler_import: IMPORT_NAME with level 0 and fromlist None; `import a.b` binds `a`. */
function compileImport(c: Compiler, s: StmtOf<'Import'>): void {
  for (const alias of s.names) {
    c.loadConst({ t: 'int', v: 0n });
    c.loadConst({ t: 'none' });
    c.addName(Op.IMPORT_NAME, alias.name);
    if (alias.asname) importAs(c, alias.name, alias.asname);
    else nameOp(c, alias.name.split('.')[0], 'store');
  }
}

/** compiler_from_import: IMPORT_NAME with the level and the names, then IMPORT_FROM each (or IMPORT_STAR). */
function compileFromImport(c: Compiler, s: StmtOf<'ImportFrom'>): void {
  c.loadConst({ t: 'int', v: BigInt(s.level) });
  if (s.line > c.opts.futureLineno && s.module === '__future__') {
    c.error('from __future__ imports must occur at the beginning of the file');
  }
  c.loadConst({ t: 'tuple', items: s.names.map((a) => ({ t: 'str', v: a.name })) });
  c.addName(Op.IMPORT_NAME, s.module ?? '');
  for (let i = 0; i < s.names.length; i++) {
    const alias = s.names[i];
    if (i === 0 && alias.name.startsWith('*')) {
      c.addOp(Op.IMPORT_STAR);
      return;
    }
    c.addName(Op.IMPORT_FROM, alias.name);
    nameOp(c, alias.asname ?? alias.name, 'store');
  }
  c.addOp(Op.POP_TOP); // the module
}
