import type { Arguments, ExceptHandler, Expr, Stmt, WithItem } from '../ast';
import * as T from '../tokens';
import { emptyArguments, stmtWithDecorators } from './actions';
import { argumentsRule } from './calls';
import type { Parser as P } from './core';
import { expression, gather, namedExpression, starExpressions } from './expressions';
import {
  invalidBlock,
  invalidClassDefRaw,
  invalidDefRaw,
  invalidDoubleTypeComments,
  invalidElifStmt,
  invalidElseStmt,
  invalidExceptStarStmtIndent,
  invalidExceptStmt,
  invalidExceptStmtIndent,
  invalidFinallyStmt,
  invalidForStmt,
  invalidIfStmt,
  invalidTryStmt,
  invalidWhileStmt,
  invalidWithItem,
  invalidWithStmt,
  invalidWithStmtIndent,
} from './invalidStmt';
import { invalidForTarget } from './invalidExpr';
import { matchStmt } from './match';
import { params } from './params';
import { R } from './rules';
import { condStmt, rules } from './chains';
import { simpleStmts, statements } from './statements';
import { starTarget, starTargets } from './targets';

const K = T.KW;

/** Try an invalid_* alternative (second pass only): its non-null result ends the rule. */
function inv<X>(p: P, mark: number, rule: (p: P) => unknown): X | null {
  if (!p.callInvalidRules) return null;
  const r = rule(p);
  if (r) return r as X;
  p.mark = mark;
  return null;
}

/** A lookahead on a group of tokens (a _tmp rule called through _PyPegen_lookahead). */
function peekAny(p: P, ...types: number[]): boolean {
  p.enter();
  p.ensure();
  const t = p.type[p.mark];
  return p.leave(types.includes(t));
}

/** compound_stmt */
export function compoundStmt(p: P): Stmt | null {
  p.enter();
  const mark = p.mark;
  p.ensure();
  let r: Stmt | null = null;
  if (peekAny(p, K.def, T.AT, T.ASYNC)) r = functionDef(p);
  if (!r && ((p.mark = mark), p.peek(K.if))) r = ifStmt(p);
  if (!r && ((p.mark = mark), peekAny(p, K.class, T.AT))) r = classDef(p);
  if (!r && ((p.mark = mark), peekAny(p, K.with, T.ASYNC))) r = withStmt(p);
  if (!r && ((p.mark = mark), peekAny(p, K.for, T.ASYNC))) r = forStmt(p);
  if (!r && ((p.mark = mark), p.peek(K.try))) r = tryStmt(p);
  if (!r && ((p.mark = mark), p.peek(K.while))) r = whileStmt(p);
  if (!r) {
    p.mark = mark;
    r = matchStmt(p);
  }
  if (!r) p.mark = mark;
  return p.leave(r);
}

/** block (memo): NEWLINE INDENT statements DEDENT | simple_stmts | invalid_block */
export function block(p: P): Stmt[] | null {
  p.enter();
  if (p.memoized(R.block)) return p.leave(p.memoNode as Stmt[] | null);
  const mark = p.mark;
  let res: Stmt[] | null;
  let a: Stmt[] | null;
  if (p.expect(T.NEWLINE) >= 0 && p.expect(T.INDENT) >= 0 && (a = statements(p)) && p.expect(T.DEDENT) >= 0)
    res = a;
  else {
    p.mark = mark;
    res = simpleStmts(p);
    if (!res) {
      p.mark = mark;
      res = inv(p, mark, invalidBlock);
    }
  }
  p.insertMemo(mark, R.block, res);
  return p.leave(res);
}

/** decorators: ('@' named_expression NEWLINE)+ */
function decorators(p: P): Expr[] | null {
  p.enter();
  p.enter(); // _loop1
  const out: Expr[] = [];
  let m = p.mark;
  for (;;) {
    p.enter(); // _tmp
    let f: Expr | null = null;
    if (p.expect(T.AT) >= 0) {
      f = namedExpression(p);
      if (f && p.expect(T.NEWLINE) < 0) f = null;
    }
    p.leave(0);
    if (!f) break;
    out.push(f);
    m = p.mark;
  }
  p.mark = m;
  p.leave(0);
  return p.leave(out.length ? out : null);
}

/** class_def: decorators class_def_raw | class_def_raw */
function classDef(p: P): Stmt | null {
  p.enter();
  const mark = p.mark;
  let d: Expr[] | null, c: Stmt | null;
  if ((d = decorators(p)) && (c = classDefRaw(p))) return p.leave(stmtWithDecorators(d, c));
  p.mark = mark;
  c = classDefRaw(p);
  if (!c) p.mark = mark;
  return p.leave(c);
}

/** class_def_raw: invalid_class_def_raw | 'class' NAME ['(' [arguments] ')'] ':' block */
function classDefRaw(p: P): Stmt | null {
  p.enter();
  const mark = p.mark;
  const r = inv<Stmt>(p, mark, invalidClassDefRaw);
  if (r) return p.leave(r);
  let a: Expr | null;
  if (p.expect(K.class) >= 0 && (a = p.name())) {
    p.enter(); // _tmp: '(' [arguments] ')'
    const m = p.mark;
    let call: Expr | null = null;
    let ok = false;
    if (p.expect(T.LPAR) >= 0) {
      call = argumentsRule(p);
      ok = p.expect(T.RPAR) >= 0;
    }
    if (!ok) p.mark = m;
    p.leave(0);
    let c: Stmt[] | null;
    if (p.expect(T.COLON) >= 0 && (c = block(p))) {
      const args = call && call.k === 'Call' ? call : null;
      return p.leave(
        p.st(
          {
            k: 'ClassDef',
            name: (a as { id: string }).id,
            bases: args ? args.args : [],
            keywords: args ? args.keywords : [],
            body: c,
            decorators: [],
          },
          mark,
        ),
      );
    }
  }
  p.mark = mark;
  return p.leave(null);
}

/** function_def: decorators function_def_raw | function_def_raw */
function functionDef(p: P): Stmt | null {
  p.enter();
  const mark = p.mark;
  let d: Expr[] | null, f: Stmt | null;
  if ((d = decorators(p)) && (f = functionDefRaw(p))) return p.leave(stmtWithDecorators(d, f));
  p.mark = mark;
  f = functionDefRaw(p);
  if (!f) p.mark = mark;
  return p.leave(f);
}

/** function_def_raw: invalid_def_raw | [ASYNC] 'def' NAME &&'(' [params] ')' ['->' expression] &&':' [func_type_comment] block */
function functionDefRaw(p: P): Stmt | null {
  p.enter();
  const mark = p.mark;
  const r = inv<Stmt>(p, mark, invalidDefRaw);
  if (r) return p.leave(r);
  for (const isAsync of [false, true]) {
    let n: Expr | null;
    if ((!isAsync || p.expect(T.ASYNC) >= 0) && p.expect(K.def) >= 0 && (n = p.name())) {
      p.expectForced(T.LPAR, '(');
      const ps: Arguments | null = params(p);
      if (p.expect(T.RPAR) >= 0) {
        p.enter(); // _tmp: '->' expression
        const m = p.mark;
        let ret: Expr | null = null;
        if (p.expect(T.RARROW) >= 0) ret = expression(p);
        if (!ret) p.mark = m;
        p.leave(0);
        p.expectForced(T.COLON, ':');
        funcTypeComment(p);
        const b = block(p);
        if (b)
          return p.leave(
            p.st(
              {
                k: isAsync ? 'AsyncFunctionDef' : 'FunctionDef',
                name: (n as { id: string }).id,
                args: ps ?? emptyArguments(),
                body: b,
                decorators: [],
                returns: ret,
              },
              mark,
            ),
          );
      }
    }
    p.mark = mark;
  }
  return p.leave(null);
}

/** func_type_comment: NEWLINE TYPE_COMMENT &(NEWLINE INDENT) | invalid_double_type_comments | TYPE_COMMENT (never matches: type comments are off) */
function funcTypeComment(p: P): void {
  p.enter();
  const mark = p.mark;
  if (p.expect(T.NEWLINE) >= 0) p.ensure(); // the TYPE_COMMENT after it is fetched, never matched
  p.mark = mark;
  if (p.callInvalidRules) invalidDoubleTypeComments(p);
  p.mark = mark;
  p.ensure();
  p.leave(0);
}

/** if_stmt: 'if' named_expression ':' block (elif_stmt | [else_block]) */
function ifStmt(p: P): Stmt | null {
  return condStmt(p, K.if);
}

/** else_block: invalid_else_stmt | 'else' &&':' block */
function elseBlock(p: P): Stmt[] | null {
  p.enter();
  const mark = p.mark;
  const r = inv<Stmt[]>(p, mark, invalidElseStmt);
  if (r) return p.leave(r);
  if (p.expect(K.else) >= 0) {
    p.expectForced(T.COLON, ':');
    const b = block(p);
    if (b) return p.leave(b);
  }
  p.mark = mark;
  return p.leave(null);
}

/** while_stmt: invalid_while_stmt | 'while' named_expression ':' block [else_block] */
function whileStmt(p: P): Stmt | null {
  p.enter();
  const mark = p.mark;
  const r = inv<Stmt>(p, mark, invalidWhileStmt);
  if (r) return p.leave(r);
  let a: Expr | null, b: Stmt[] | null;
  if (p.expect(K.while) >= 0 && (a = namedExpression(p)) && p.expect(T.COLON) >= 0 && (b = block(p))) {
    const c = elseBlock(p);
    return p.leave(p.st({ k: 'While', test: a, body: b, orelse: c ?? [] }, mark));
  }
  p.mark = mark;
  return p.leave(null);
}

/** for_stmt: invalid_for_stmt | [ASYNC] 'for' star_targets 'in' ~ star_expressions ':' [TYPE_COMMENT] block [else_block] | invalid_for_target */
function forStmt(p: P): Stmt | null {
  p.enter();
  const mark = p.mark;
  const r = inv<Stmt>(p, mark, invalidForStmt);
  if (r) return p.leave(r);
  for (const isAsync of [false, true]) {
    let t: Expr | null;
    if (
      (!isAsync || p.expect(T.ASYNC) >= 0) &&
      p.expect(K.for) >= 0 &&
      (t = starTargets(p)) &&
      p.expect(K.in) >= 0
    ) {
      let ex: Expr | null, b: Stmt[] | null;
      if ((ex = starExpressions(p)) && p.expect(T.COLON) >= 0 && (p.ensure(), (b = block(p)))) {
        const el = elseBlock(p);
        return p.leave(
          p.st(
            {
              k: isAsync ? 'AsyncFor' : 'For',
              target: t,
              iter: ex,
              body: b,
              orelse: el ?? [],
            },
            mark,
          ),
        );
      }
      p.mark = mark;
      return p.leave(null); // the cut after 'in'
    }
    p.mark = mark;
  }
  const r2 = inv<Stmt>(p, mark, invalidForTarget);
  if (r2) return p.leave(r2);
  return p.leave(null);
}

/** with_stmt */
function withStmt(p: P): Stmt | null {
  p.enter();
  const mark = p.mark;
  const r = inv<Stmt>(p, mark, invalidWithStmtIndent);
  if (r) return p.leave(r);
  for (const isAsync of [false, true]) {
    const k = isAsync ? 'AsyncWith' : 'With';
    let a: WithItem[] | null, b: Stmt[] | null;
    if (
      (!isAsync || p.expect(T.ASYNC) >= 0) &&
      p.expect(K.with) >= 0 &&
      p.expect(T.LPAR) >= 0 &&
      (a = gather(p, withItem))
    ) {
      p.expect(T.COMMA);
      if (p.expect(T.RPAR) >= 0 && p.expect(T.COLON) >= 0 && (b = block(p)))
        return p.leave(p.st({ k, items: a, body: b }, mark));
    }
    p.mark = mark;
    if (
      (!isAsync || p.expect(T.ASYNC) >= 0) &&
      p.expect(K.with) >= 0 &&
      (a = gather(p, withItem)) &&
      p.expect(T.COLON) >= 0
    ) {
      p.ensure(); // [TYPE_COMMENT]
      if ((b = block(p))) return p.leave(p.st({ k, items: a, body: b }, mark));
    }
    p.mark = mark;
  }
  const r2 = inv<Stmt>(p, mark, invalidWithStmt);
  if (r2) return p.leave(r2);
  return p.leave(null);
}

/** with_item: expression 'as' star_target &(',' | ')' | ':') | invalid_with_item | expression */
export function withItem(p: P): WithItem | null {
  p.enter();
  const mark = p.mark;
  let e: Expr | null, t: Expr | null;
  if (
    (e = expression(p)) &&
    p.expect(K.as) >= 0 &&
    (t = starTarget(p)) &&
    peekAny(p, T.COMMA, T.RPAR, T.COLON)
  )
    return p.leave({ contextExpr: e, optionalVars: t });
  p.mark = mark;
  const r = inv<WithItem>(p, mark, invalidWithItem);
  if (r) return p.leave(r);
  if ((e = expression(p))) return p.leave({ contextExpr: e, optionalVars: null });
  p.mark = mark;
  return p.leave(null);
}

/** try_stmt */
function tryStmt(p: P): Stmt | null {
  p.enter();
  const mark = p.mark;
  const r = inv<Stmt>(p, mark, invalidTryStmt);
  if (r) return p.leave(r);
  let b: Stmt[] | null, f: Stmt[] | null;
  if (p.expect(K.try) >= 0) {
    p.expectForced(T.COLON, ':');
    if ((b = block(p)) && (f = finallyBlock(p)))
      return p.leave(p.st({ k: 'Try', body: b, handlers: [], orelse: [], finalbody: f }, mark));
  }
  p.mark = mark;
  for (const star of [false, true]) {
    if (p.expect(K.try) >= 0) {
      p.expectForced(T.COLON, ':');
      let ex: ExceptHandler[] | null;
      if ((b = block(p)) && (ex = exceptLoop(p, star))) {
        const el = elseBlock(p);
        const fb = finallyBlock(p);
        return p.leave(
          p.st(
            {
              k: star ? 'TryStar' : 'Try',
              body: b,
              handlers: ex,
              orelse: el ?? [],
              finalbody: fb ?? [],
            },
            mark,
          ),
        );
      }
    }
    p.mark = mark;
  }
  return p.leave(null);
}

/** except_block+ or except_star_block+ */
export function exceptLoop(p: P, star: boolean): ExceptHandler[] | null {
  p.enter();
  const out: ExceptHandler[] = [];
  let m = p.mark;
  for (
    let h = star ? exceptStarBlock(p) : exceptBlock(p);
    h;
    h = star ? exceptStarBlock(p) : exceptBlock(p)
  ) {
    out.push(h);
    m = p.mark;
  }
  p.mark = m;
  return p.leave(out.length ? out : null);
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

/** except_block */
export function exceptBlock(p: P): ExceptHandler | null {
  p.enter();
  const mark = p.mark;
  const r = inv<ExceptHandler>(p, mark, invalidExceptStmtIndent);
  if (r) return p.leave(r);
  let e: Expr | null, b: Stmt[] | null;
  if (p.expect(K.except) >= 0 && (e = expression(p))) {
    const t = asName(p);
    if (p.expect(T.COLON) >= 0 && (b = block(p))) return p.leave(p.at({ type: e, name: t, body: b }, mark));
  }
  p.mark = mark;
  if (p.expect(K.except) >= 0 && p.expect(T.COLON) >= 0 && (b = block(p)))
    return p.leave(p.at({ type: null, name: null, body: b }, mark));
  p.mark = mark;
  const r2 = inv<ExceptHandler>(p, mark, invalidExceptStmt);
  if (r2) return p.leave(r2);
  return p.leave(null);
}

/** except_star_block */
function exceptStarBlock(p: P): ExceptHandler | null {
  p.enter();
  const mark = p.mark;
  const r = inv<ExceptHandler>(p, mark, invalidExceptStarStmtIndent);
  if (r) return p.leave(r);
  let e: Expr | null, b: Stmt[] | null;
  if (p.expect(K.except) >= 0 && p.expect(T.STAR) >= 0 && (e = expression(p))) {
    const t = asName(p);
    if (p.expect(T.COLON) >= 0 && (b = block(p))) return p.leave(p.at({ type: e, name: t, body: b }, mark));
  }
  p.mark = mark;
  const r2 = inv<ExceptHandler>(p, mark, invalidExceptStmt);
  if (r2) return p.leave(r2);
  return p.leave(null);
}

/** finally_block: invalid_finally_stmt | 'finally' &&':' block */
export function finallyBlock(p: P): Stmt[] | null {
  p.enter();
  const mark = p.mark;
  const r = inv<Stmt[]>(p, mark, invalidFinallyStmt);
  if (r) return p.leave(r);
  if (p.expect(K.finally) >= 0) {
    p.expectForced(T.COLON, ':');
    const a = block(p);
    if (a) return p.leave(a);
  }
  p.mark = mark;
  return p.leave(null);
}

rules.block = block;
rules.elseBlock = elseBlock;
rules.invalidIfStmt = invalidIfStmt;
rules.invalidElifStmt = invalidElifStmt;
