import type { Expr, Stmt, StmtOf } from '../ast';
import { Block, type Codegen } from './checks';
import { scopeFacts } from './scopes';

/** compiler_visit_stmt: the checks, in the order code generation meets them. */
export function stmtCheck(c: Codegen, s: Stmt): void {
  switch (s.k) {
    case 'FunctionDef':
    case 'AsyncFunctionDef':
      return functionDef(c, s);
    case 'ClassDef':
      c.exprs(s.decorators);
      c.inUnit('class', { generator: false, coroutine: false }, () => c.stmts(s.body));
      c.callHelper(s.bases, s.keywords);
      c.forbidden(s.name, 'store');
      return;
    case 'Return':
      return returnStmt(c, s);
    case 'Delete':
      c.exprs(s.targets);
      return;
    case 'Assign':
      c.expr(s.value);
      c.exprs(s.targets);
      return;
    case 'AugAssign': {
      // compiler_augassign: the target is read, the value computed, the target written.
      const t = s.target;
      if (t.k === 'Attribute') c.expr(t.value);
      else if (t.k === 'Subscript') {
        c.expr(t.value);
        c.expr(t.slice);
      }
      c.expr(s.value);
      c.setLoc(t);
      if (t.k === 'Name') c.forbidden(t.id, 'store');
      else if (t.k === 'Attribute') c.forbidden(t.attr, 'store');
      return;
    }
    case 'AnnAssign':
      return annAssign(c, s);
    case 'For':
    case 'AsyncFor':
      if (s.k === 'AsyncFor' && c.unit.scope !== 'async') throw c.error("'async for' outside async function");
      c.pushBlock(Block.ForLoop);
      c.expr(s.iter);
      c.expr(s.target);
      c.stmts(s.body);
      c.popBlock();
      c.stmts(s.orelse);
      return;
    case 'While':
      c.pushBlock(Block.WhileLoop);
      c.expr(s.test);
      c.stmts(s.body);
      c.popBlock();
      c.stmts(s.orelse);
      return;
    case 'If':
      c.expr(s.test);
      c.stmts(s.body);
      c.stmts(s.orelse);
      return;
    case 'With':
    case 'AsyncWith':
      if (s.k === 'AsyncWith' && c.unit.scope !== 'async')
        throw c.error("'async with' outside async function");
      withItems(c, s, 0);
      return;
    case 'Match':
      c.expr(s.subject);
      c.patterns(s);
      return;
    case 'Raise':
      c.expr(s.exc);
      c.expr(s.cause);
      return;
    case 'Try':
    case 'TryStar':
      return tryStmt(c, s);
    case 'Assert':
      c.expr(s.test);
      c.expr(s.msg);
      return;
    case 'Import':
      for (const a of s.names) c.forbidden(a.asname ?? a.name.split('.')[0], 'store');
      return;
    case 'ImportFrom':
      if (s.line > c.future.lineno && s.module === '__future__')
        throw c.error('from __future__ imports must occur at the beginning of the file');
      for (const a of s.names) if (a.name !== '*') c.forbidden(a.asname ?? a.name, 'store');
      return;
    case 'Expr':
      if (s.value.k !== 'Constant') c.expr(s.value);
      return;
    case 'Break':
    case 'Continue': {
      // compiler_break/continue: the statement's location is put back for "outside loop".
      const at = c.loc;
      if (!c.unwind(true))
        throw c.error(s.k === 'Break' ? "'break' outside loop" : "'continue' not properly in loop", at);
      return;
    }
    case 'Global':
    case 'Nonlocal':
    case 'Pass':
      return;
  }
}

/** compiler_function: debug args, decorators, defaults, annotations, the body, the name. */
function functionDef(c: Codegen, s: StmtOf<'FunctionDef' | 'AsyncFunctionDef'>): void {
  c.debugArgs(s.args);
  c.exprs(s.decorators);
  c.exprs(s.args.defaults);
  c.exprs(s.args.kwDefaults);
  if (!c.future.annotations) {
    const a = s.args;
    for (const p of [...a.args, ...a.posonlyargs]) c.expr(p.annotation);
    // `*args: *Ts`: the starred annotation's value is what is compiled.
    if (a.vararg)
      c.expr(a.vararg.annotation?.k === 'Starred' ? a.vararg.annotation.value : a.vararg.annotation);
    for (const p of a.kwonlyargs) c.expr(p.annotation);
    if (a.kwarg) c.expr(a.kwarg.annotation);
    c.expr(s.returns);
  }
  const async = s.k === 'AsyncFunctionDef';
  c.inUnit(async ? 'async' : 'function', scopeFacts(s.body, async ? 'async' : 'function'), () =>
    c.stmts(s.body),
  );
  c.forbidden(s.name, 'store');
}

/** compiler_return */
function returnStmt(c: Codegen, s: StmtOf<'Return'>): void {
  const v = s.value;
  const scope = c.unit.scope;
  if (scope === 'module' || scope === 'class') throw c.error("'return' outside function");
  if (v && c.unit.facts.coroutine && c.unit.facts.generator)
    throw c.error("'return' with value in async generator");
  const preserveTos = v !== null && v.k !== 'Constant';
  if (preserveTos) c.expr(v);
  else if (v) c.setLoc(v);
  if (!v || v.line !== s.line) c.setLoc(s);
  c.unwind(false);
}

/** compiler_annassign */
function annAssign(c: Codegen, s: StmtOf<'AnnAssign'>): void {
  const t = s.target;
  if (s.value) {
    c.expr(s.value);
    c.expr(t);
  }
  const evaluates = !c.future.annotations;
  if (t.k === 'Name') {
    c.forbidden(t.id, 'store');
    if (s.simple && (c.unit.scope === 'module' || c.unit.scope === 'class') && evaluates)
      c.expr(s.annotation);
  } else if (t.k === 'Attribute') {
    c.forbidden(t.attr, 'store');
    if (!s.value) c.expr(t.value);
    if (evaluates && (c.unit.scope === 'module' || c.unit.scope === 'class')) c.expr(s.annotation);
  } else if (t.k === 'Subscript') {
    if (!s.value) {
      c.expr(t.value);
      c.expr(t.slice);
    }
    if (evaluates && (c.unit.scope === 'module' || c.unit.scope === 'class')) c.expr(s.annotation);
  }
}

/** compiler_with / compiler_async_with: one item at a time, the rest nested inside. */
function withItems(c: Codegen, s: StmtOf<'With' | 'AsyncWith'>, i: number): void {
  const item = s.items[i];
  c.expr(item.contextExpr);
  c.pushBlock(s.k === 'AsyncWith' ? Block.AsyncWith : Block.With);
  c.expr(item.optionalVars);
  if (i + 1 < s.items.length) withItems(c, s, i + 1);
  else c.stmts(s.body);
  c.popBlock();
}

/** compiler_try_finally around compiler_try_except / compiler_try_star_except. */
function tryStmt(c: Codegen, s: StmtOf<'Try' | 'TryStar'>): void {
  if (s.finalbody.length) {
    c.pushBlock(Block.FinallyTry, s.finalbody);
    if (s.handlers.length) tryExcept(c, s);
    else c.stmts(s.body);
    c.popBlock();
    c.stmts(s.finalbody);
    return;
  }
  tryExcept(c, s);
}

function tryExcept(c: Codegen, s: StmtOf<'Try' | 'TryStar'>): void {
  c.pushBlock(Block.TryExcept);
  c.stmts(s.body);
  c.popBlock();
  c.stmts(s.orelse);
  const star = s.k === 'TryStar';
  c.pushBlock(star ? Block.ExceptionGroupHandler : Block.ExceptionHandler);
  s.handlers.forEach((h, i) => {
    c.setLoc(h);
    if (!star && !h.type && i < s.handlers.length - 1) throw c.error("default 'except:' must be last");
    c.expr(h.type);
    if (h.name !== null) c.forbidden(h.name, 'store');
    c.pushBlock(Block.HandlerCleanup);
    c.stmts(h.body);
    c.popBlock();
  });
  c.popBlock();
}

/** compiler_visit_expr1 */
export function exprCheck(c: Codegen, e: Expr): void {
  switch (e.k) {
    case 'NamedExpr':
      c.expr(e.value);
      c.expr(e.target);
      return;
    case 'BoolOp':
      c.exprs(e.values);
      return;
    case 'BinOp':
      c.expr(e.left);
      c.expr(e.right);
      return;
    case 'UnaryOp':
      c.expr(e.operand);
      return;
    case 'Lambda':
      c.debugArgs(e.args);
      c.exprs(e.args.defaults);
      c.exprs(e.args.kwDefaults);
      c.inUnit('lambda', scopeFacts(e.body, 'lambda'), () => c.expr(e.body));
      return;
    case 'IfExp':
      c.expr(e.test);
      c.expr(e.body);
      c.expr(e.orelse);
      return;
    case 'Dict':
      e.keys.forEach((k, i) => {
        c.expr(k);
        c.expr(e.values[i]);
      });
      return;
    case 'Set':
      for (const x of e.elts) c.expr(x.k === 'Starred' ? x.value : x);
      return;
    case 'List':
    case 'Tuple':
      if (e.ctx === 'store') unpack(c, e.elts);
      for (const x of e.elts) c.expr(x.k === 'Starred' ? x.value : x);
      return;
    case 'ListComp':
    case 'SetComp':
    case 'GeneratorExp':
      c.comprehension(e, e.elt, null);
      return;
    case 'DictComp':
      c.comprehension(e, e.key, e.value);
      return;
    case 'Await':
      if (c.unit.scope === 'module' || c.unit.scope === 'class') throw c.error("'await' outside function");
      if (c.unit.scope !== 'async' && c.unit.scope !== 'comprehension')
        throw c.error("'await' outside async function");
      c.expr(e.value);
      return;
    case 'Yield':
    case 'YieldFrom':
      if (c.unit.scope === 'module' || c.unit.scope === 'class') throw c.error("'yield' outside function");
      if (e.k === 'YieldFrom' && c.unit.scope === 'async')
        throw c.error("'yield from' inside async function");
      c.expr(e.value);
      return;
    case 'Compare':
      c.expr(e.left);
      c.exprs(e.comparators);
      return;
    case 'Call':
      c.keywords(e.keywords);
      c.expr(e.func);
      c.callHelper(e.args, e.keywords);
      return;
    case 'FormattedValue':
      c.expr(e.value);
      c.expr(e.formatSpec);
      return;
    case 'JoinedStr':
      c.exprs(e.values);
      return;
    case 'Attribute':
      c.expr(e.value);
      if (e.line !== e.endLine) {
        // update_start_location_to_match_attr: the location moves to the attribute's own line.
        const len = [...e.attr].length;
        c.loc = {
          line: e.endLine,
          col: len <= e.endCol ? e.endCol - len : -1,
          endLine: e.endLine,
          endCol: e.endCol,
        };
      }
      if (e.ctx === 'store') c.forbidden(e.attr, 'store');
      return;
    case 'Subscript':
      c.expr(e.value);
      c.expr(e.slice);
      return;
    case 'Starred':
      if (e.ctx === 'store') throw c.error('starred assignment target must be in a list or tuple');
      throw c.error("can't use starred expression here");
    case 'Name':
      c.forbidden(e.id, e.ctx);
      return;
    case 'Slice':
      c.expr(e.lower);
      c.expr(e.upper);
      c.expr(e.step);
      return;
    case 'Constant':
      return;
  }
}

/** unpack_helper: one starred target at most, fewer than 256 targets before it. */
function unpack(c: Codegen, elts: Expr[]): void {
  let seen = false;
  elts.forEach((x, i) => {
    if (x.k !== 'Starred') return;
    if (seen) throw c.error('multiple starred expressions in assignment');
    if (i >= 256) throw c.error('too many expressions in star-unpacking assignment');
    seen = true;
  });
}
