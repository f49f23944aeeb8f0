import type { Expr, Pos, Stmt, StmtOf } from '../ast';
import { Block, type Codegen, type Task } from './codegen';
import { checkPatterns } from './patterns';
import { scopeFacts } from './scopes';

/**
 * compiler_visit_stmt: a statement's checks, in the order code generation meets them. Checks that
 * come first run now; the rest are scheduled as tasks (sub-visits in order, then later checks).
 */
export function stmtPlan(c: Codegen, s: Stmt): void {
  const { E, S, F } = c;
  switch (s.k) {
    case 'FunctionDef':
    case 'AsyncFunctionDef': {
      // compiler_function: debug args, decorators, defaults, annotations, the body, the name.
      c.debugArgs(s.args);
      const a = s.args;
      const annotations: (Expr | null)[] = [];
      if (!c.future.annotations) {
        for (const p of [...a.args, ...a.posonlyargs]) annotations.push(p.annotation);
        // `*args: *Ts`: the starred annotation's value is what is compiled.
        if (a.vararg)
          annotations.push(
            a.vararg.annotation?.k === 'Starred' ? a.vararg.annotation.value : a.vararg.annotation,
          );
        for (const p of a.kwonlyargs) annotations.push(p.annotation);
        if (a.kwarg) annotations.push(a.kwarg.annotation);
        annotations.push(s.returns);
      }
      const scope = s.k === 'AsyncFunctionDef' ? 'async' : 'function';
      c.later(
        s.decorators.map(E),
        a.defaults.map(E),
        a.kwDefaults.map(E),
        annotations.map(E),
        F(() => c.enterUnit(scope, () => scopeFacts(s.body, scope))),
        s.body.map(S),
        F(() => c.exitUnit()),
        F(() => c.forbidden(s.name, 'store')),
      );
      return;
    }
    case 'ClassDef':
      c.later(
        s.decorators.map(E),
        F(() => c.enterUnit('class', () => ({ generator: false, coroutine: false }))),
        s.body.map(S),
        F(() => c.exitUnit()),
        c.callTasks(s.bases, s.keywords),
        F(() => c.forbidden(s.name, 'store')),
      );
      return;
    case 'Return':
      return returnStmt(c, s);
    case 'Delete':
      c.later(s.targets.map(E));
      return;
    case 'Assign':
      c.later(E(s.value), s.targets.map(E));
      return;
    case 'AugAssign': {
      // compiler_augassign: the target is read, the value computed, the target written.
      const t = s.target;
      c.later(
        t.k === 'Attribute' ? E(t.value) : null,
        t.k === 'Subscript' ? [E(t.value), E(t.slice)] : null,
        E(s.value),
        F(() => {
          c.setLoc(t);
          if (t.k === 'Name') c.forbidden(t.id, 'store');
        }),
      );
      return;
    }
    case 'AnnAssign':
      return annAssign(c, s);
    case 'For':
    case 'AsyncFor':
      if (s.k === 'AsyncFor' && c.unit.scope !== 'async') throw c.error("'async for' outside async function");
      c.pushBlock(Block.ForLoop);
      c.later(
        E(s.iter),
        E(s.target),
        s.body.map(S),
        F(() => c.popBlock()),
        s.orelse.map(S),
      );
      return;
    case 'While':
      c.pushBlock(Block.WhileLoop);
      c.later(
        E(s.test),
        s.body.map(S),
        F(() => c.popBlock()),
        s.orelse.map(S),
      );
      return;
    case 'If':
      c.later(E(s.test), s.body.map(S), s.orelse.map(S));
      return;
    case 'With':
    case 'AsyncWith':
      if (s.k === 'AsyncWith' && c.unit.scope !== 'async')
        throw c.error("'async with' outside async function");
      c.later(withTasks(c, s, 0));
      return;
    case 'Match':
      c.later(
        E(s.subject),
        F(() => checkPatterns(c, s)),
      );
      return;
    case 'Raise':
      c.later(E(s.exc), E(s.cause));
      return;
    case 'Try':
    case 'TryStar':
      if (s.finalbody.length) {
        c.pushBlock(Block.FinallyTry, s.finalbody);
        c.later(
          s.handlers.length ? tryExceptTasks(c, s) : s.body.map(S),
          F(() => c.popBlock()),
          s.finalbody.map(S),
        );
      } else c.later(tryExceptTasks(c, s));
      return;
    case 'Assert':
      c.later(E(s.test), E(s.msg));
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
      if (s.value.k !== 'Constant') c.later(E(s.value));
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

/** compiler_return */
function returnStmt(c: Codegen, s: StmtOf<'Return'>): void {
  const v = s.value;
  if (c.unit.scope === 'module' || c.unit.scope === 'class') throw c.error("'return' outside function");
  if (v) {
    const f = c.unit.facts();
    if (f.coroutine && f.generator) throw c.error("'return' with value in async generator");
  }
  const preserveTos = v !== null && v.k !== 'Constant';
  c.later(
    preserveTos ? c.E(v) : null,
    c.F(() => {
      if (v && !preserveTos) c.setLoc(v);
      if (!v || v.line !== s.line) c.setLoc(s);
      c.unwind(false);
    }),
  );
}

/** compiler_annassign */
function annAssign(c: Codegen, s: StmtOf<'AnnAssign'>): void {
  const { E, F } = c;
  const t = s.target;
  const evaluated = !c.future.annotations && (c.unit.scope === 'module' || c.unit.scope === 'class');
  c.later(
    s.value ? [E(s.value), E(t)] : null,
    F(() => {
      if (t.k === 'Name') c.forbidden(t.id, 'store');
      else if (t.k === 'Attribute') c.forbidden(t.attr, 'store');
    }),
    t.k === 'Name' && s.simple && evaluated ? E(s.annotation) : null,
    t.k === 'Attribute' && !s.value ? E(t.value) : null,
    t.k === 'Subscript' && !s.value ? [E(t.value), E(t.slice)] : null,
    // check_annotation: a complex target's annotation is evaluated last.
    !s.simple && evaluated ? E(s.annotation) : null,
  );
}

/** compiler_with / compiler_async_with: one item at a time, the rest nested inside. */
function withTasks(c: Codegen, s: StmtOf<'With' | 'AsyncWith'>, i: number): (Task | null)[] {
  const item = s.items[i];
  return [
    c.E(item.contextExpr),
    c.F(() => c.pushBlock(s.k === 'AsyncWith' ? Block.AsyncWith : Block.With)),
    c.E(item.optionalVars),
    ...(i + 1 < s.items.length ? withTasks(c, s, i + 1) : s.body.map(c.S)),
    c.F(() => c.popBlock()),
  ];
}

/** compiler_try_except / compiler_try_star_except: body, else, then the handlers. */
function tryExceptTasks(c: Codegen, s: StmtOf<'Try' | 'TryStar'>): (Task | null)[] {
  const star = s.k === 'TryStar';
  const out: (Task | null)[] = [
    c.F(() => c.pushBlock(Block.TryExcept)),
    ...s.body.map(c.S),
    c.F(() => c.popBlock()),
    ...s.orelse.map(c.S),
    c.F(() => c.pushBlock(star ? Block.ExceptionGroupHandler : Block.ExceptionHandler)),
  ];
  s.handlers.forEach((h, i) => {
    out.push(
      c.F(() => {
        c.setLoc(h);
        if (!star && !h.type && i < s.handlers.length - 1) throw c.error("default 'except:' must be last");
      }),
      c.E(h.type),
      c.F(() => {
        if (h.name !== null) c.forbidden(h.name, 'store');
        c.pushBlock(Block.HandlerCleanup);
      }),
      ...h.body.map(c.S),
      c.F(() => c.popBlock()),
    );
  });
  out.push(c.F(() => c.popBlock()));
  return out;
}

/** compiler_visit_expr1: checks first, then sub-visits, then the saved location is put back. */
export function exprPlan(c: Codegen, e: Expr, saved: Pos): void {
  const { E, F, R } = c;
  switch (e.k) {
    case 'NamedExpr':
      c.later(E(e.value), E(e.target), R(saved));
      return;
    case 'BoolOp':
      c.later(e.values.map(E), R(saved));
      return;
    case 'BinOp':
      c.later(E(e.left), E(e.right), R(saved));
      return;
    case 'UnaryOp':
      c.later(E(e.operand), R(saved));
      return;
    case 'Lambda':
      c.debugArgs(e.args);
      c.later(
        e.args.defaults.map(E),
        e.args.kwDefaults.map(E),
        F(() => c.enterUnit('lambda', () => scopeFacts(e.body, 'lambda'))),
        E(e.body),
        F(() => c.exitUnit()),
        R(saved),
      );
      return;
    case 'IfExp':
      c.later(E(e.test), E(e.body), E(e.orelse), R(saved));
      return;
    case 'Dict':
      c.later(
        e.keys.flatMap((k, i) => [E(k), E(e.values[i])]),
        R(saved),
      );
      return;
    case 'Set':
      c.later(
        e.elts.map((x) => E(x.k === 'Starred' ? x.value : x)),
        R(saved),
      );
      return;
    case 'List':
    case 'Tuple':
      if (e.ctx === 'store') unpack(c, e.elts);
      c.later(
        e.elts.map((x) => E(x.k === 'Starred' ? x.value : x)),
        R(saved),
      );
      return;
    case 'ListComp':
    case 'SetComp':
    case 'GeneratorExp':
      c.later(c.comprehensionTasks(e, e.elt, null), R(saved));
      return;
    case 'DictComp':
      c.later(c.comprehensionTasks(e, e.key, e.value), R(saved));
      return;
    case 'Await':
      if (c.unit.scope === 'module' || c.unit.scope === 'class') throw c.error("'await' outside function");
      if (c.unit.scope !== 'async' && c.unit.scope !== 'comprehension')
        throw c.error("'await' outside async function");
      c.later(E(e.value), R(saved));
      return;
    case 'Yield':
    case 'YieldFrom':
      if (c.unit.scope === 'module' || c.unit.scope === 'class') throw c.error("'yield' outside function");
      if (e.k === 'YieldFrom' && c.unit.scope === 'async')
        throw c.error("'yield from' inside async function");
      c.later(E(e.value), R(saved));
      return;
    case 'Compare':
      c.later(E(e.left), e.comparators.map(E), R(saved));
      return;
    case 'Call':
      c.keywords(e.keywords);
      c.later(E(e.func), c.callTasks(e.args, e.keywords), R(saved));
      return;
    case 'FormattedValue':
      c.later(E(e.value), E(e.formatSpec), R(saved));
      return;
    case 'JoinedStr':
      c.later(e.values.map(E), R(saved));
      return;
    case 'Attribute':
      c.later(
        E(e.value),
        F(() => {
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
        }),
        R(saved),
      );
      return;
    case 'Subscript':
      c.later(E(e.value), E(e.slice), R(saved));
      return;
    case 'Starred':
      if (e.ctx === 'store') throw c.error('starred assignment target must be in a list or tuple');
      throw c.error("can't use starred expression here");
    case 'Name':
      c.forbidden(e.id, e.ctx);
      c.loc = saved;
      return;
    case 'Slice':
      c.later(E(e.lower), E(e.upper), E(e.step), R(saved));
      return;
    case 'Constant':
      c.loc = saved;
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
