import type { Alias, BinOpName, Expr, Stmt } from '../ast';
import * as T from '../tokens';
import { setExprContext } from './actions';
import { compoundStmt } from './compound';
import type { Parser as P } from './core';
import { expression, gather, starExpressions, yieldExpr } from './expressions';
import { invalidAssignment, invalidDelStmt, invalidImportFromTargets } from './invalidStmt';
import { R } from './rules';
import { delTargets, singleSubscriptAttributeTarget, singleTarget, starTargets } from './targets';

const K = T.KW;

/** file: [statements] ENDMARKER */
export function file(p: P): Stmt[] | null {
  p.enter();
  const mark = p.mark;
  const a = statements(p, true);
  if (p.expect(T.ENDMARKER) >= 0) return p.leave(a ?? []);
  p.mark = mark;
  return p.leave(null);
}

/** statements: statement+ (flattened). At the top level, each statement's memo is released after it. */
export function statements(p: P, top = false): Stmt[] | null {
  p.enter();
  p.enter(); // _loop1
  const out: Stmt[] = [];
  let m = p.mark;
  for (let s = statement(p); s; s = statement(p)) {
    for (const x of s) out.push(x);
    m = p.mark;
    if (top) p.releaseMemo(m);
  }
  p.mark = m;
  p.leave(0);
  return p.leave(out.length ? out : null);
}

/** statement: compound_stmt | simple_stmts */
function statement(p: P): Stmt[] | null {
  p.enter();
  const mark = p.mark;
  const c = compoundStmt(p);
  if (c) return p.leave([c]);
  p.mark = mark;
  const s = simpleStmts(p);
  if (s) return p.leave(s);
  p.mark = mark;
  return p.leave(null);
}

/** simple_stmts: simple_stmt !';' NEWLINE | ';'.simple_stmt+ [';'] NEWLINE */
export function simpleStmts(p: P): Stmt[] | null {
  p.enter();
  const mark = p.mark;
  const a = simpleStmt(p);
  if (a && !p.peek(T.SEMI) && p.expect(T.NEWLINE) >= 0) return p.leave([a]);
  p.mark = mark;
  const b = gather(p, simpleStmt, T.SEMI);
  if (b) {
    p.expect(T.SEMI);
    if (p.expect(T.NEWLINE) >= 0) return p.leave(b);
  }
  p.mark = mark;
  return p.leave(null);
}

/** A lookahead on a group of tokens (a _tmp rule called through _PyPegen_lookahead). */
function peekAny(p: P, ...types: number[]): boolean {
  p.enter();
  p.ensure();
  const t = p.type[p.mark];
  return p.leave(types.includes(t));
}

/** simple_stmt (memo) */
function simpleStmt(p: P): Stmt | null {
  p.enter();
  if (p.memoized(R.simple_stmt)) return p.leave(p.memoNode as Stmt | null);
  const mark = p.mark;
  let res: Stmt | null;
  done: {
    res = assignment(p);
    if (res) break done;
    p.mark = mark;
    const e = starExpressions(p);
    if (e) {
      res = p.st({ k: 'Expr', value: e }, mark);
      break done;
    }
    p.mark = mark;
    const t = p.type[mark];
    if (t === K.return) {
      res = returnStmt(p);
    } else if (t === K.import || t === K.from) {
      if (peekAny(p, K.import, K.from)) res = importStmt(p);
    } else if (t === K.raise) {
      res = raiseStmt(p);
    } else if (t === K.pass) {
      p.mark++;
      res = p.st({ k: 'Pass' }, mark);
    } else if (t === K.del) {
      res = delStmt(p);
    } else if (t === K.yield) {
      res = yieldStmt(p);
    } else if (t === K.assert) {
      res = assertStmt(p);
    } else if (t === K.break) {
      p.mark++;
      res = p.st({ k: 'Break' }, mark);
    } else if (t === K.continue) {
      p.mark++;
      res = p.st({ k: 'Continue' }, mark);
    } else if (t === K.global || t === K.nonlocal) {
      res = globalStmt(p, t === K.global ? 'Global' : 'Nonlocal');
    }
    if (!res) p.mark = mark;
  }
  p.insertMemo(mark, R.simple_stmt, res);
  return p.leave(res);
}

/** `['=' annotated_rhs]` of an annotated assignment (a _tmp). */
function annValue(p: P): Expr | null {
  p.enter();
  const m = p.mark;
  let d: Expr | null = null;
  if (p.expect(T.EQUAL) >= 0) d = annotatedRhs(p);
  if (!d) p.mark = m;
  return p.leave(d);
}

/** (yield_expr | star_expressions) as a _tmp group. */
function yieldOrStar(p: P): Expr | null {
  p.enter();
  const m = p.mark;
  let e = yieldExpr(p);
  if (!e) {
    p.mark = m;
    e = starExpressions(p);
  }
  if (!e) p.mark = m;
  return p.leave(e);
}

/** assignment: annotated, chained `=`, augmented, invalid_assignment */
function assignment(p: P): Stmt | null {
  p.enter();
  const mark = p.mark;
  let a: Expr | null, b: Expr | null;
  // NAME ':' expression ['=' annotated_rhs]
  const n = p.expect(T.NAME);
  if (n >= 0 && p.expect(T.COLON) >= 0 && (b = expression(p))) {
    const c = annValue(p);
    const target = setExprContext(p.nameNode(n), 'store');
    return p.leave(p.st({ k: 'AnnAssign', target, annotation: b, value: c, simple: true }, mark));
  }
  p.mark = mark;
  // ('(' single_target ')' | single_subscript_attribute_target) ':' expression ['=' annotated_rhs]
  if ((a = parenTargetOrSubscript(p)) && p.expect(T.COLON) >= 0 && (b = expression(p))) {
    const c = annValue(p);
    return p.leave(p.st({ k: 'AnnAssign', target: a, annotation: b, value: c, simple: false }, mark));
  }
  p.mark = mark;
  // (star_targets '=')+ (yield_expr | star_expressions) !'=' [TYPE_COMMENT]
  const targets = targetsLoop(p);
  if (targets && (b = yieldOrStar(p)) && !p.peek(T.EQUAL)) {
    p.ensure(); // tc=[TYPE_COMMENT]
    return p.leave(p.st({ k: 'Assign', targets, value: b }, mark));
  }
  p.mark = mark;
  // single_target augassign ~ (yield_expr | star_expressions)
  let op: BinOpName | null;
  if ((a = singleTarget(p)) && (op = augassign(p))) {
    const c = yieldOrStar(p);
    if (c) return p.leave(p.st({ k: 'AugAssign', target: a, op, value: c }, mark));
    p.mark = mark;
    return p.leave(null); // the cut
  }
  p.mark = mark;
  if (p.callInvalidRules) {
    const r = invalidAssignment(p);
    if (r) return p.leave(r as Stmt);
    p.mark = mark;
  }
  return p.leave(null);
}

function parenTargetOrSubscript(p: P): Expr | null {
  p.enter(); // _tmp
  const m = p.mark;
  let b: Expr | null;
  if (p.expect(T.LPAR) >= 0 && (b = singleTarget(p)) && p.expect(T.RPAR) >= 0) return p.leave(b);
  p.mark = m;
  const s = singleSubscriptAttributeTarget(p);
  if (!s) p.mark = m;
  return p.leave(s);
}

function targetsLoop(p: P): Expr[] | null {
  p.enter(); // _loop1
  const out: Expr[] = [];
  let m = p.mark;
  for (;;) {
    p.enter(); // _tmp: star_targets '='
    const s = p.mark;
    let z = starTargets(p);
    if (z && p.expect(T.EQUAL) < 0) z = null;
    if (!z) p.mark = s;
    p.leave(0);
    if (!z) break;
    out.push(z);
    m = p.mark;
  }
  p.mark = m;
  return p.leave(out.length ? out : null);
}

/** annotated_rhs: yield_expr | star_expressions */
export function annotatedRhs(p: P): Expr | null {
  p.enter();
  const m = p.mark;
  let e = yieldExpr(p);
  if (!e) {
    p.mark = m;
    e = starExpressions(p);
  }
  if (!e) p.mark = m;
  return p.leave(e);
}

const AUG: Record<number, BinOpName> = {
  [T.PLUSEQUAL]: '+',
  [T.MINEQUAL]: '-',
  [T.STAREQUAL]: '*',
  [T.ATEQUAL]: '@',
  [T.SLASHEQUAL]: '/',
  [T.PERCENTEQUAL]: '%',
  [T.AMPEREQUAL]: '&',
  [T.VBAREQUAL]: '|',
  [T.CIRCUMFLEXEQUAL]: '^',
  [T.LEFTSHIFTEQUAL]: '<<',
  [T.RIGHTSHIFTEQUAL]: '>>',
  [T.DOUBLESTAREQUAL]: '**',
  [T.DOUBLESLASHEQUAL]: '//',
};

/** augassign: '+=' | '-=' | ... */
export function augassign(p: P): BinOpName | null {
  p.enter();
  p.ensure();
  const op = AUG[p.type[p.mark]];
  if (op) p.mark++;
  return p.leave(op ?? null);
}

/** return_stmt: 'return' [star_expressions] */
function returnStmt(p: P): Stmt | null {
  p.enter();
  const mark = p.mark;
  if (p.expect(K.return) >= 0) {
    const a = starExpressions(p);
    return p.leave(p.st({ k: 'Return', value: a }, mark));
  }
  p.mark = mark;
  return p.leave(null);
}

/** raise_stmt: 'raise' expression ['from' expression] | 'raise' */
function raiseStmt(p: P): Stmt | null {
  p.enter();
  const mark = p.mark;
  let a: Expr | null;
  if (p.expect(K.raise) >= 0 && (a = expression(p))) {
    p.enter(); // _tmp
    const m = p.mark;
    let b: Expr | null = null;
    if (p.expect(K.from) >= 0) b = expression(p);
    if (!b) p.mark = m;
    p.leave(0);
    return p.leave(p.st({ k: 'Raise', exc: a, cause: b }, mark));
  }
  p.mark = mark;
  if (p.expect(K.raise) >= 0) return p.leave(p.st({ k: 'Raise', exc: null, cause: null }, mark));
  p.mark = mark;
  return p.leave(null);
}

/** global_stmt / nonlocal_stmt: 'global' ','.NAME+ */
function globalStmt(p: P, k: 'Global' | 'Nonlocal'): Stmt | null {
  p.enter();
  const mark = p.mark;
  let a: Expr[] | null;
  if (p.expect(k === 'Global' ? K.global : K.nonlocal) >= 0 && (a = gather(p, (q) => q.name())))
    return p.leave(p.st({ k, names: a.map((n) => (n as { id: string }).id) }, mark));
  p.mark = mark;
  return p.leave(null);
}

/** del_stmt: 'del' del_targets &(';' | NEWLINE) | invalid_del_stmt */
function delStmt(p: P): Stmt | null {
  p.enter();
  const mark = p.mark;
  let a: Expr[] | null;
  if (p.expect(K.del) >= 0 && (a = delTargets(p)) && peekAny(p, T.SEMI, T.NEWLINE))
    return p.leave(p.st({ k: 'Delete', targets: a }, mark));
  p.mark = mark;
  if (p.callInvalidRules) {
    const r = invalidDelStmt(p);
    if (r) return p.leave(r as Stmt);
    p.mark = mark;
  }
  return p.leave(null);
}

/** yield_stmt: yield_expr */
function yieldStmt(p: P): Stmt | null {
  p.enter();
  const mark = p.mark;
  const y = yieldExpr(p);
  if (y) return p.leave(p.st({ k: 'Expr', value: y }, mark));
  p.mark = mark;
  return p.leave(null);
}

/** assert_stmt: 'assert' expression [',' expression] */
function assertStmt(p: P): Stmt | null {
  p.enter();
  const mark = p.mark;
  let a: Expr | null;
  if (p.expect(K.assert) >= 0 && (a = expression(p))) {
    p.enter(); // _tmp
    const m = p.mark;
    let b: Expr | null = null;
    if (p.expect(T.COMMA) >= 0) b = expression(p);
    if (!b) p.mark = m;
    p.leave(0);
    return p.leave(p.st({ k: 'Assert', test: a, msg: b }, mark));
  }
  p.mark = mark;
  return p.leave(null);
}

/** import_stmt: import_name | import_from */
function importStmt(p: P): Stmt | null {
  p.enter();
  const mark = p.mark;
  const a = importName(p) ?? ((p.mark = mark), importFrom(p));
  if (!a) p.mark = mark;
  return p.leave(a);
}

/** import_name: 'import' dotted_as_names */
function importName(p: P): Stmt | null {
  p.enter();
  const mark = p.mark;
  let a: Alias[] | null;
  if (p.expect(K.import) >= 0 && (a = gather(p, dottedAsName)))
    return p.leave(p.st({ k: 'Import', names: a }, mark));
  p.mark = mark;
  return p.leave(null);
}

/** `('.' | '...')*` (or +): the number of leading dots. */
function dots(p: P): number {
  p.enter(); // _loop
  let n = 0;
  for (;;) {
    p.enter(); // _tmp
    p.ensure();
    const t = p.type[p.mark];
    p.leave(0);
    if (t === T.DOT) n += 1;
    else if (t === T.ELLIPSIS) n += 3;
    else break;
    p.mark++;
  }
  return p.leave(n);
}

/** import_from */
function importFrom(p: P): Stmt | null {
  p.enter();
  const mark = p.mark;
  let b: Expr | null, c: Alias[] | null;
  if (p.expect(K.from) >= 0) {
    const level = dots(p);
    if ((b = dottedName(p)) && p.expect(K.import) >= 0 && (c = importFromTargets(p)))
      return p.leave(p.st({ k: 'ImportFrom', module: (b as { id: string }).id, names: c, level }, mark));
  }
  p.mark = mark;
  if (p.expect(K.from) >= 0) {
    const m = p.mark;
    const level = dots(p);
    if (p.mark > m && p.expect(K.import) >= 0 && (c = importFromTargets(p)))
      return p.leave(p.st({ k: 'ImportFrom', module: null, names: c, level }, mark));
  }
  p.mark = mark;
  return p.leave(null);
}

/** import_from_targets: '(' names [','] ')' | names !',' | '*' | invalid_import_from_targets */
function importFromTargets(p: P): Alias[] | null {
  p.enter();
  const mark = p.mark;
  let a: Alias[] | null;
  if (p.expect(T.LPAR) >= 0 && (a = importFromAsNames(p))) {
    p.expect(T.COMMA);
    if (p.expect(T.RPAR) >= 0) return p.leave(a);
  }
  p.mark = mark;
  if ((a = importFromAsNames(p)) && !p.peek(T.COMMA)) return p.leave(a);
  p.mark = mark;
  if (p.expect(T.STAR) >= 0) return p.leave([p.at({ name: '*', asname: null }, mark)]);
  p.mark = mark;
  if (p.callInvalidRules) {
    const r = invalidImportFromTargets(p);
    if (r) return p.leave(r as Alias[]);
    p.mark = mark;
  }
  return p.leave(null);
}

/** import_from_as_names: ','.import_from_as_name+ */
export function importFromAsNames(p: P): Alias[] | null {
  p.enter();
  const mark = p.mark;
  const a = gather(p, importFromAsName);
  if (!a) p.mark = mark;
  return p.leave(a);
}

/** `['as' NAME]` (a _tmp) */
function asName(p: P): string | null {
  p.enter();
  const m = p.mark;
  let z: Expr | null = null;
  if (p.expect(K.as) >= 0) z = p.name();
  if (!z) p.mark = m;
  return p.leave(z ? (z as { id: string }).id : null);
}

/** import_from_as_name: NAME ['as' NAME] */
function importFromAsName(p: P): Alias | null {
  p.enter();
  const mark = p.mark;
  const a = p.name();
  if (a) {
    const b = asName(p);
    return p.leave(p.at({ name: (a as { id: string }).id, asname: b }, mark));
  }
  p.mark = mark;
  return p.leave(null);
}

/** dotted_as_name: dotted_name ['as' NAME] */
function dottedAsName(p: P): Alias | null {
  p.enter();
  const mark = p.mark;
  const a = dottedName(p);
  if (a) {
    const b = asName(p);
    return p.leave(p.at({ name: (a as { id: string }).id, asname: b }, mark));
  }
  p.mark = mark;
  return p.leave(null);
}

/** dotted_name (left-recursive): dotted_name '.' NAME | NAME */
export function dottedName(p: P): Expr | null {
  p.enter();
  if (p.memoized(R.dotted_name)) return p.leave(p.memoNode as Expr | null);
  const mark = p.mark;
  let res: Expr | null = null;
  let resmark = p.mark;
  for (;;) {
    p.updateMemo(mark, R.dotted_name, res);
    p.mark = mark;
    const r = dottedNameRaw(p);
    if (r === null || p.mark <= resmark) break;
    resmark = p.mark;
    res = r;
  }
  p.mark = resmark;
  return p.leave(res);
}

function dottedNameRaw(p: P): Expr | null {
  p.enter();
  const mark = p.mark;
  let a: Expr | null, b: Expr | null;
  if ((a = dottedName(p)) && p.expect(T.DOT) >= 0 && (b = p.name())) {
    const id = `${(a as { id: string }).id}.${(b as { id: string }).id}`;
    return p.leave(p.ex({ k: 'Name', id, ctx: 'load' }, mark));
  }
  p.mark = mark;
  const n = p.name();
  if (!n) p.mark = mark;
  return p.leave(n);
}
