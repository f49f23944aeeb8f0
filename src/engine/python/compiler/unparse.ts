import type { Arguments, Comprehension, Expr } from '../syntax/ast';
import { constRepr } from './values';

/**
 * Python/ast_unparse.c: an expression back to source text, for annotations under
 * `from __future__ import annotations` (they are stored as these strings).
 */
const enum Pr {
  TUPLE,
  TEST,
  OR,
  AND,
  NOT,
  CMP,
  EXPR,
  BXOR,
  BAND,
  SHIFT,
  ARITH,
  TERM,
  FACTOR,
  POWER,
  AWAIT,
  ATOM,
}

const BINOP: Record<string, [string, Pr]> = {
  '+': [' + ', Pr.ARITH],
  '-': [' - ', Pr.ARITH],
  '*': [' * ', Pr.TERM],
  '@': [' @ ', Pr.TERM],
  '/': [' / ', Pr.TERM],
  '%': [' % ', Pr.TERM],
  '//': [' // ', Pr.TERM],
  '<<': [' << ', Pr.SHIFT],
  '>>': [' >> ', Pr.SHIFT],
  '|': [' | ', Pr.EXPR],
  '^': [' ^ ', Pr.BXOR],
  '&': [' & ', Pr.BAND],
  '**': [' ** ', Pr.POWER],
};

const paren = (cond: boolean, s: string): string => (cond ? `(${s})` : s);

/** _PyAST_ExprAsUnicode. */
export function unparse(e: Expr): string {
  return expr(e, Pr.TEST);
}

/** append_repr: repr(), with infinities written so they read back (1e309). */
function constant(e: Expr & { k: 'Constant' }): string {
  const v = e.value;
  if (v.t === 'ellipsis') return '...';
  let r = constRepr(v);
  if ((v.t === 'float' && !Number.isFinite(v.v) && !Number.isNaN(v.v)) || v.t === 'complex')
    r = r.replace(/inf/g, '1e309');
  return (e.kind === 'u' ? 'u' : '') + r;
}

function args(a: Arguments): string {
  const parts: string[] = [];
  const arg = (p: { arg: string; annotation: Expr | null }): string =>
    p.arg + (p.annotation ? ': ' + expr(p.annotation, Pr.TEST) : '');
  const positional = [...a.posonlyargs, ...a.args];
  const firstDefault = positional.length - a.defaults.length;
  positional.forEach((p, i) => {
    let s = arg(p);
    if (i >= firstDefault) s += '=' + expr(a.defaults[i - firstDefault], Pr.TEST);
    parts.push(s);
    if (i + 1 === a.posonlyargs.length) parts.push('/');
  });
  if (a.vararg || a.kwonlyargs.length) parts.push('*' + (a.vararg ? arg(a.vararg) : ''));
  a.kwonlyargs.forEach((p, i) => {
    const d = a.kwDefaults[i];
    parts.push(arg(p) + (d ? '=' + expr(d, Pr.TEST) : ''));
  });
  if (a.kwarg) parts.push('**' + arg(a.kwarg));
  return parts.join(', ');
}

function comprehensions(gens: Comprehension[]): string {
  return gens
    .map(
      (g) =>
        `${g.isAsync ? ' async for ' : ' for '}${expr(g.target, Pr.TUPLE)} in ${expr(g.iter, Pr.TEST + 1)}${g.ifs.map((x) => ' if ' + expr(x, Pr.TEST + 1)).join('')}`,
    )
    .join('');
}

/** build_fstring_body: the text inside the f-string's quotes. */
function fstringBody(values: Expr[], isFormatSpec: boolean): string {
  let out = '';
  for (const v of values) {
    if (v.k === 'Constant' && v.value.t === 'str') out += v.value.v.replace(/\{/g, '{{').replace(/\}/g, '}}');
    else if (v.k === 'JoinedStr') out += fstringBody(v.values, isFormatSpec);
    else if (v.k === 'FormattedValue') {
      let inner = expr(v.value, Pr.TEST + 1);
      if (inner.startsWith('{')) inner = ' ' + inner;
      let s = '{' + inner;
      if (v.conversion > 0) s += '!' + String.fromCharCode(v.conversion);
      if (v.formatSpec)
        s +=
          ':' +
          (v.formatSpec.k === 'JoinedStr'
            ? fstringBody(v.formatSpec.values, true)
            : fstringBody([v.formatSpec], true));
      out += s + '}';
    }
  }
  return out;
}

function expr(e: Expr, level: Pr): string {
  switch (e.k) {
    case 'BoolOp': {
      const pr = e.op === 'and' ? Pr.AND : Pr.OR;
      return paren(level > pr, e.values.map((v) => expr(v, pr + 1)).join(e.op === 'and' ? ' and ' : ' or '));
    }
    case 'BinOp': {
      const [op, pr] = BINOP[e.op];
      const rassoc = e.op === '**' ? 1 : 0;
      return paren(level > pr, expr(e.left, pr + rassoc) + op + expr(e.right, pr + 1 - rassoc));
    }
    case 'UnaryOp': {
      const pr = e.op === 'not' ? Pr.NOT : Pr.FACTOR;
      return paren(level > pr, (e.op === 'not' ? 'not ' : e.op) + expr(e.operand, pr));
    }
    case 'Lambda': {
      const n = e.args.args.length + e.args.posonlyargs.length;
      return paren(level > Pr.TEST, (n ? 'lambda ' : 'lambda') + args(e.args) + ': ' + expr(e.body, Pr.TEST));
    }
    case 'IfExp':
      return paren(
        level > Pr.TEST,
        `${expr(e.body, Pr.TEST + 1)} if ${expr(e.test, Pr.TEST + 1)} else ${expr(e.orelse, Pr.TEST)}`,
      );
    case 'Dict':
      return (
        '{' +
        e.values
          .map((v, i) =>
            e.keys[i] ? `${expr(e.keys[i]!, Pr.TEST)}: ${expr(v, Pr.TEST)}` : '**' + expr(v, Pr.EXPR),
          )
          .join(', ') +
        '}'
      );
    case 'Set':
      return '{' + e.elts.map((x) => expr(x, Pr.TEST)).join(', ') + '}';
    case 'ListComp':
      return `[${expr(e.elt, Pr.TEST)}${comprehensions(e.generators)}]`;
    case 'SetComp':
      return `{${expr(e.elt, Pr.TEST)}${comprehensions(e.generators)}}`;
    case 'GeneratorExp':
      return `(${expr(e.elt, Pr.TEST)}${comprehensions(e.generators)})`;
    case 'DictComp':
      return `{${expr(e.key, Pr.TEST)}: ${expr(e.value, Pr.TEST)}${comprehensions(e.generators)}}`;
    case 'Await':
      return paren(level > Pr.AWAIT, 'await ' + expr(e.value, Pr.ATOM));
    case 'Yield':
      return e.value ? `(yield ${expr(e.value, Pr.TEST)})` : '(yield)';
    case 'YieldFrom':
      return `(yield from ${expr(e.value, Pr.TEST)})`;
    case 'Compare':
      return paren(
        level > Pr.CMP,
        expr(e.left, Pr.CMP + 1) +
          e.ops.map((op, i) => ` ${op} ${expr(e.comparators[i], Pr.CMP + 1)}`).join(''),
      );
    case 'Call': {
      const func = expr(e.func, Pr.ATOM);
      if (e.args.length === 1 && !e.keywords.length && e.args[0].k === 'GeneratorExp')
        return func + expr(e.args[0], Pr.TEST);
      const parts = [
        ...e.args.map((a) => expr(a, Pr.TEST)),
        ...e.keywords.map((k) => (k.arg === null ? '**' : k.arg + '=') + expr(k.value, Pr.TEST)),
      ];
      return `${func}(${parts.join(', ')})`;
    }
    case 'Constant':
      return constant(e);
    case 'JoinedStr':
      return 'f' + constRepr({ t: 'str', v: fstringBody(e.values, false) });
    case 'FormattedValue':
      return 'f' + constRepr({ t: 'str', v: fstringBody([e], false) });
    case 'Attribute': {
      const v = e.value;
      const period = v.k === 'Constant' && v.value.t === 'int' ? ' .' : '.';
      return expr(v, Pr.ATOM) + period + e.attr;
    }
    case 'Subscript':
      return `${expr(e.value, Pr.ATOM)}[${expr(e.slice, Pr.TUPLE)}]`;
    case 'Starred':
      return '*' + expr(e.value, Pr.EXPR);
    case 'Name':
      return e.id;
    case 'List':
      return '[' + e.elts.map((x) => expr(x, Pr.TEST)).join(', ') + ']';
    case 'Tuple': {
      if (!e.elts.length) return '()';
      const s = e.elts.map((x) => expr(x, Pr.TEST)).join(', ') + (e.elts.length === 1 ? ',' : '');
      return paren(level > Pr.TUPLE, s);
    }
    case 'Slice':
      return (
        (e.lower ? expr(e.lower, Pr.TEST) : '') +
        ':' +
        (e.upper ? expr(e.upper, Pr.TEST) : '') +
        (e.step ? ':' + expr(e.step, Pr.TEST) : '')
      );
    case 'NamedExpr':
      return paren(level > Pr.TUPLE, `${expr(e.target, Pr.ATOM)} := ${expr(e.value, Pr.ATOM)}`);
  }
}
