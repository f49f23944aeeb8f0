import type { Arg, Arguments, Expr, ExprOf, Stmt, StmtOf } from '../syntax/ast';
import { assemble } from './assemble';
import { callHelper } from './call';
import type { CodeObject } from './code';
import { checkForbidden, nameOp, visitExpr } from './expr';
import { getDocString } from './fold';
import { Op } from './opcodes';
import type { FuncDef } from './nodes';
import { visitStmt } from './stmt';
import { FUTURE_ANNOTATIONS, mangle, Scope } from './symtable';
import { cmpCodePoints, type Compiler, type ScopeType } from './unit';
import { unparse } from './unparse';
import { int, NONE, str, tuple } from './values';

/** Functions, lambdas and classes: each its own code object (compile.c). Comprehensions: comprehension.ts. */

/** compiler_body: SETUP_ANNOTATIONS if needed, the docstring as __doc__, then the statements. */
export function compileBody(c: Compiler, stmts: Stmt[]): void {
  if (c.u.scopeType === 'module' && stmts.length) c.setLoc(stmts[0]);
  if (findAnn(stmts)) c.addOp(Op.SETUP_ANNOTATIONS);
  if (!stmts.length) return;
  let i = 0;
  if (c.opts.optimize < 2 && getDocString(stmts) !== null) {
    i = 1;
    visitExpr(c, (stmts[0] as StmtOf<'Expr'>).value);
    c.unsetLoc();
    nameOp(c, '__doc__', 'store');
  }
  for (; i < stmts.length; i++) visitStmt(c, stmts[i]);
}

/** find_ann: does the block (not nested functions/classes) hold an annotated assignment? */
export function findAnn(stmts: Stmt[]): boolean {
  for (const s of stmts) {
    switch (s.k) {
      case 'AnnAssign':
        return true;
      case 'For':
      case 'AsyncFor':
      case 'While':
      case 'If':
        if (findAnn(s.body) || findAnn(s.orelse)) return true;
        break;
      case 'With':
      case 'AsyncWith':
        if (findAnn(s.body)) return true;
        break;
      case 'Try':
      case 'TryStar':
        if (s.handlers.some((h) => findAnn(h.body))) return true;
        if (findAnn(s.body) || findAnn(s.finalbody) || findAnn(s.orelse)) return true;
        break;
      case 'Match':
        if (s.cases.some((m) => findAnn(m.body))) return true;
        break;
      default:
        break;
    }
  }
  return false;
}

/** compiler_make_closure: LOAD_CLOSURE each free variable of `co`, then MAKE_FUNCTION. */
export function makeClosure(c: Compiler, co: CodeObject, flags: number): void {
  if (co.freevars.length) {
    for (const name of co.freevars) {
      // get_ref_type: in a class, __class__ is the class cell.
      const scope = c.u.scopeType === 'class' && name === '__class__' ? Scope.CELL : c.u.ste.scope(name);
      if (!scope) throw new Error(`internal: no scope for free variable ${name} in ${c.u.name}`);
      const table = scope === Scope.CELL ? c.u.cellvars : c.u.freevars;
      const arg = table.get(name);
      if (arg === undefined) throw new Error(`internal: compiler_lookup_arg(${name}) failed in ${c.u.name}`);
      c.addOp(Op.LOAD_CLOSURE, arg);
    }
    flags |= 0x08;
    c.addOp(Op.BUILD_TUPLE, co.freevars.length);
  }
  c.loadConst({ t: 'code', code: co });
  c.addOp(Op.MAKE_FUNCTION, flags);
}

/** compiler_check_debug_args: no parameter may be called __debug__. */
function checkDebugArgs(c: Compiler, a: Arguments): void {
  for (const p of [...a.posonlyargs, ...a.args, a.vararg, ...a.kwonlyargs, a.kwarg])
    if (p) checkForbidden(c, p.arg, 'store');
}

/** compiler_default_arguments: defaults tuple (flag 1) and keyword-only defaults dict (flag 2). */
function defaultArguments(c: Compiler, a: Arguments): number {
  let flags = 0;
  if (a.defaults.length) {
    a.defaults.forEach((d) => visitExpr(c, d));
    c.addOp(Op.BUILD_TUPLE, a.defaults.length);
    flags |= 0x01;
  }
  const keys: string[] = [];
  a.kwonlyargs.forEach((arg, i) => {
    const d = a.kwDefaults[i];
    if (!d) return;
    keys.push(mangle(c.u.privateName, arg.arg));
    visitExpr(c, d);
  });
  if (keys.length) {
    c.loadConst({ t: 'tuple', items: keys.map((v) => ({ t: 'str', v })) });
    c.addOp(Op.BUILD_CONST_KEY_MAP, keys.length);
    flags |= 0x02;
  }
  return flags;
}

const futureAnnotations = (c: Compiler): boolean => (c.opts.futureFeatures & FUTURE_ANNOTATIONS) !== 0;

/** The string an annotation becomes under `from __future__ import annotations` (_PyAST_ExprAsUnicode). */
export function annotationString(e: Expr): string {
  return unparse(e);
}

/** compiler_visit_annotations: a flat tuple name, value, name, value… (flag 4). */
function visitAnnotations(c: Compiler, a: Arguments, returns: Expr | null): boolean {
  let len = 0;
  const one = (id: string, ann: Expr | null): void => {
    if (!ann) return;
    c.loadConst({ t: 'str', v: mangle(c.u.privateName, id) });
    if (futureAnnotations(c)) c.loadConst({ t: 'str', v: annotationString(ann) });
    else if (ann.k === 'Starred') {
      // *args: *Ts
      visitExpr(c, ann.value);
      c.addOp(Op.UNPACK_SEQUENCE, 1);
    } else visitExpr(c, ann);
    len += 2;
  };
  const seq = (args: Arg[]): void => args.forEach((p) => one(p.arg, p.annotation));
  seq(a.args);
  seq(a.posonlyargs);
  if (a.vararg) one(a.vararg.arg, a.vararg.annotation);
  seq(a.kwonlyargs);
  if (a.kwarg) one(a.kwarg.arg, a.kwarg.annotation);
  one('return', returns);
  if (!len) return false;
  c.addOp(Op.BUILD_TUPLE, len);
  return true;
}

/** compiler_apply_decorators: innermost first, each call at its decorator's location. */
function applyDecorators(c: Compiler, decorators: Expr[]): void {
  const saved = c.u.loc;
  for (let i = decorators.length - 1; i >= 0; i--) {
    c.setLoc(decorators[i]);
    c.addOp(Op.PRECALL, 0);
    c.addOp(Op.CALL, 0);
  }
  c.u.loc = saved;
}

/** compiler_function. */
export function compileFunction(c: Compiler, s: FuncDef): void {
  const scopeType: ScopeType = s.k === 'AsyncFunctionDef' ? 'async function' : 'function';
  checkDebugArgs(c, s.args);
  s.decorators.forEach((d) => visitExpr(c, d));
  const firstlineno = s.decorators.length ? s.decorators[0].line : s.line;
  let flags = defaultArguments(c, s.args);
  if (visitAnnotations(c, s.args, s.returns)) flags |= 0x04;
  c.enterScope(s.name, scopeType, s, firstlineno);
  const docstring = c.opts.optimize < 2 ? getDocString(s.body) : null;
  c.addConst(docstring !== null ? { t: 'str', v: docstring } : NONE);
  c.u.argcount = s.args.args.length;
  c.u.posonlyargcount = s.args.posonlyargs.length;
  c.u.kwonlyargcount = s.args.kwonlyargs.length;
  for (let i = docstring !== null ? 1 : 0; i < s.body.length; i++) visitStmt(c, s.body[i]);
  const co = assemble(c, true);
  c.exitScope();
  makeClosure(c, co, flags);
  applyDecorators(c, s.decorators);
  nameOp(c, s.name, 'store');
}

/** compiler_class: __build_class__(<body function>, name, *bases, **keywords), then decorators. */
export function compileClass(c: Compiler, s: StmtOf<'ClassDef'>): void {
  s.decorators.forEach((d) => visitExpr(c, d));
  const firstlineno = s.decorators.length ? s.decorators[0].line : s.line;
  c.enterScope(s.name, 'class', s, firstlineno);
  c.u.privateName = s.name;
  nameOp(c, '__name__', 'load');
  nameOp(c, '__module__', 'store');
  c.loadConst({ t: 'str', v: c.u.qualname });
  nameOp(c, '__qualname__', 'store');
  if (c.opts.classBodyAttributes) {
    // 3.13 compiler_class_body: the first line (a decorator's, if any), then the body, then the names
    // its methods assign on self, sorted, as one tuple constant (A.__static_attributes__)
    c.u.staticAttributes = new Set();
    c.loadConst(int(firstlineno));
    nameOp(c, '__firstlineno__', 'store');
  }
  compileBody(c, s.body);
  if (c.u.staticAttributes) {
    c.loadConst(tuple([...c.u.staticAttributes].sort(cmpCodePoints).map((n) => str(n))));
    nameOp(c, '__static_attributes__', 'store');
  }
  c.unsetLoc();
  if (c.u.ste.needsClassClosure) {
    // return the __class__ cell, and store it as __classcell__ for type.__new__
    c.addOp(Op.LOAD_CLOSURE, c.u.cellvars.get('__class__')!);
    c.addOp(Op.COPY, 1);
    nameOp(c, '__classcell__', 'store');
  } else c.loadConst(NONE);
  c.addOp(Op.RETURN_VALUE);
  const co = assemble(c, true);
  c.exitScope();
  c.addOp(Op.PUSH_NULL);
  c.addOp(Op.LOAD_BUILD_CLASS);
  makeClosure(c, co, 0);
  c.loadConst({ t: 'str', v: s.name });
  callHelper(c, 2, s.bases, s.keywords);
  applyDecorators(c, s.decorators);
  nameOp(c, s.name, 'store');
}

/** compiler_lambda: None is the first constant, so a lambda never has a docstring. */
export function compileLambda(c: Compiler, e: ExprOf<'Lambda'>): void {
  checkDebugArgs(c, e.args);
  const flags = defaultArguments(c, e.args);
  c.enterScope('<lambda>', 'lambda', e, e.line);
  c.addConst(NONE);
  c.u.argcount = e.args.args.length;
  c.u.posonlyargcount = e.args.posonlyargs.length;
  c.u.kwonlyargcount = e.args.kwonlyargs.length;
  visitExpr(c, e.body);
  let co: CodeObject;
  if (c.u.ste.generator) co = assemble(c, false);
  else {
    c.addOp(Op.RETURN_VALUE);
    co = assemble(c, true);
  }
  c.exitScope();
  makeClosure(c, co, flags);
}
