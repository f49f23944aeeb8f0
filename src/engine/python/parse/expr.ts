import type { SyntaxNode } from '@lezer/common';
import type { Comprehension, ConstValue, Expr, Keyword } from './ast';
import { LiteralError, parseNumber, parseString } from './literals';
import { OperatorParser, flatten } from './operators';
import { kids, splitAt, type Source } from './tree';

const UNSUPPORTED_EXPR: Record<string, string> = {
  LambdaExpression: 'lambda',
  AwaitExpression: 'await',
  YieldExpression: 'yield',
  NamedExpression: 'the walrus operator :=',
  FormatString: 'f-strings',
};

/** lezer/python expression nodes → Expr. Operator precedence is redone here (see flatten). */
export class ExprBuilder {
  constructor(readonly src: Source) {}

  expr(n: SyntaxNode): Expr {
    const line = this.src.line(n.from);
    switch (n.name) {
      case 'VariableName':
        return { k: 'Name', id: this.src.slice(n), line };
      case 'Number':
        return { k: 'Const', value: this.literal(n, () => parseNumber(this.src.slice(n))), line };
      case 'String':
        return { k: 'Const', value: this.literal(n, () => parseString(this.src.slice(n))), line };
      case 'ContinuedString':
        return { k: 'Const', value: this.concatStrings(n), line };
      case 'Boolean':
        return { k: 'Const', value: { t: 'bool', v: this.src.slice(n) === 'True' }, line };
      case 'None':
        return { k: 'Const', value: { t: 'none' }, line };
      case 'Ellipsis':
        return { k: 'Const', value: { t: 'ellipsis' }, line };
      case 'ParenthesizedExpression': {
        const inner = kids(n).filter((c) => c.name !== '(' && c.name !== ')');
        if (inner.length !== 1) throw this.src.syntaxError(n.from);
        return this.expr(inner[0]);
      }
      case 'TupleExpression':
        return { k: 'Tuple', elts: this.elements(n, '(', ')'), line };
      case 'ArrayExpression':
        return { k: 'List', elts: this.elements(n, '[', ']'), line };
      case 'SetExpression':
        return { k: 'Set', elts: this.elements(n, '{', '}'), line };
      case 'DictionaryExpression':
        return this.dict(n, line);
      case 'ArrayComprehensionExpression':
      case 'SetComprehensionExpression':
      case 'ComprehensionExpression': {
        const body = kids(n).slice(1, -1);
        const k = n.name === 'ArrayComprehensionExpression' ? 'ListComp' : n.name === 'SetComprehensionExpression' ? 'SetComp' : 'GeneratorExp';
        return this.comprehension(k, body, line);
      }
      case 'DictionaryComprehensionExpression': {
        const body = kids(n).slice(1, -1);
        const colon = body.findIndex((c) => c.name === ':');
        const forAt = body.findIndex((c) => c.name === 'for');
        if (colon !== 1 || forAt !== 3) throw this.src.unsupported('this dict comprehension', n);
        return {
          k: 'DictComp',
          key: this.expr(body[0]),
          value: this.expr(body[2]),
          generators: this.generators(body.slice(3)),
          scope: this.src.nextScope(),
          line,
        };
      }
      case 'BinaryExpression':
      case 'UnaryExpression':
        return new OperatorParser(this, flatten(n, this.src)).parse();
      case 'ConditionalExpression': {
        const c = kids(n);
        return { k: 'IfExp', body: this.expr(c[0]), test: this.expr(c[2]), orelse: this.expr(c[4]), line };
      }
      case 'CallExpression':
        return this.call(n, line);
      case 'MemberExpression':
        return this.member(n, line);
      default:
        if (UNSUPPORTED_EXPR[n.name]) throw this.src.unsupported(UNSUPPORTED_EXPR[n.name], n);
        if (n.type.isError) throw this.src.syntaxError(n.from);
        throw this.src.unsupported(`the expression "${clip(this.src.slice(n))}"`, n);
    }
  }

  /** A comma-separated list of expressions (the tuple rule: a trailing comma is allowed). */
  exprList(nodes: SyntaxNode[], line: number): Expr {
    const groups = splitAt(nodes, ',');
    if (groups.length === 1) {
      if (groups[0].length !== 1) throw this.badGroup(groups[0], nodes);
      return this.expr(groups[0][0]);
    }
    const elts: Expr[] = [];
    groups.forEach((g, i) => {
      if (g.length === 0 && i === groups.length - 1) return;
      if (g.length !== 1) throw this.badGroup(g, nodes);
      elts.push(this.expr(g[0]));
    });
    return { k: 'Tuple', elts, line };
  }

  private badGroup(g: SyntaxNode[], all: SyntaxNode[]) {
    const at = g[0] ?? all[0];
    if (at && (at.name === '*' || at.name === '**')) return this.src.unsupported('starred expressions', at);
    return this.src.syntaxError(at ? at.from : 0);
  }

  private literal(n: SyntaxNode, f: () => ConstValue): ConstValue {
    try {
      return f();
    } catch (e) {
      if (e instanceof LiteralError) {
        if (/^(complex|f-strings|\\N)/.test(e.message)) throw this.src.unsupported(e.message, n);
        throw this.src.syntaxError(n.from, e.message);
      }
      throw e;
    }
  }

  private concatStrings(n: SyntaxNode): ConstValue {
    const parts = kids(n).map((c) => {
      if (c.name === 'FormatString') throw this.src.unsupported('f-strings', c);
      return this.literal(c, () => parseString(this.src.slice(c)));
    });
    const kinds = new Set(parts.map((p) => p.t));
    if (kinds.size > 1) throw this.src.syntaxError(n.from, 'cannot mix bytes and nonbytes literals');
    return { t: parts[0].t as 'str', v: parts.map((p) => (p as { v: string }).v).join('') };
  }

  private elements(n: SyntaxNode, open: string, close: string): Expr[] {
    const inner = kids(n).filter((c) => c.name !== open && c.name !== close);
    if (inner.length === 0) return [];
    const e = this.exprList(inner, this.src.line(n.from));
    // A parenthesised single element without a comma is not a tuple, but TupleExpression always has one.
    return e.k === 'Tuple' && (open !== '(' || inner.some((c) => c.name === ',')) ? e.elts : [e];
  }

  private dict(n: SyntaxNode, line: number): Expr {
    const inner = kids(n).filter((c) => c.name !== '{' && c.name !== '}');
    const keys: (Expr | null)[] = [];
    const values: Expr[] = [];
    for (const g of splitAt(inner, ',')) {
      if (g.length === 0) continue;
      if (g.length === 2 && g[0].name === '**') {
        keys.push(null);
        values.push(this.expr(g[1]));
      } else if (g.length === 3 && g[1].name === ':') {
        keys.push(this.expr(g[0]));
        values.push(this.expr(g[2]));
      } else throw this.src.syntaxError(g[0].from);
    }
    return { k: 'Dict', keys, values, line };
  }

  /** `elt for t in it if c for ...` → a comprehension node. */
  comprehension(k: 'ListComp' | 'SetComp' | 'GeneratorExp', body: SyntaxNode[], line: number): Expr {
    const forAt = body.findIndex((c) => c.name === 'for');
    if (forAt !== 1) {
      if (body.some((c) => c.name === 'async')) throw this.src.unsupported('async comprehensions', body[0]);
      throw this.src.syntaxError(body[0]?.from ?? 0);
    }
    return { k, elt: this.expr(body[0]), generators: this.generators(body.slice(1)), scope: this.src.nextScope(), line };
  }

  private generators(nodes: SyntaxNode[]): Comprehension[] {
    const out: Comprehension[] = [];
    let i = 0;
    while (i < nodes.length) {
      if (nodes[i].name !== 'for') throw this.src.syntaxError(nodes[i].from);
      const inAt = nodes.findIndex((c, j) => j > i && c.name === 'in');
      const target = this.exprList(nodes.slice(i + 1, inAt), this.src.line(nodes[i].from));
      let j = inAt + 1;
      const iter = this.expr(nodes[j++]);
      const ifs: Expr[] = [];
      while (j < nodes.length && nodes[j].name === 'if') {
        ifs.push(this.expr(nodes[j + 1]));
        j += 2;
      }
      out.push({ target, iter, ifs });
      i = j;
    }
    return out;
  }

  private call(n: SyntaxNode, line: number): Expr {
    const [fn, argList] = kids(n);
    const func = this.expr(fn);
    const inner = kids(argList).filter((c) => c.name !== '(' && c.name !== ')');
    if (inner.some((c) => c.name === 'for')) {
      return { k: 'Call', func, args: [this.comprehension('GeneratorExp', inner, line)], keywords: [], line };
    }
    const args: Expr[] = [];
    const keywords: Keyword[] = [];
    for (const g of splitAt(inner, ',')) {
      if (g.length === 0) continue;
      if (g[0].name === '*' || g[0].name === '**') throw this.src.unsupported('*args and **kwargs in calls', g[0]);
      if (g.length === 3 && g[1].name === 'AssignOp') keywords.push({ arg: this.src.slice(g[0]), value: this.expr(g[2]) });
      else if (g.length === 1) {
        if (keywords.length) throw this.src.syntaxError(g[0].from, 'positional argument follows keyword argument');
        args.push(this.expr(g[0]));
      } else throw this.src.syntaxError(g[0].from);
    }
    return { k: 'Call', func, args, keywords, line };
  }

  private member(n: SyntaxNode, line: number): Expr {
    const c = kids(n);
    const value = this.expr(c[0]);
    if (c[1].name === '.') return { k: 'Attribute', value, attr: this.src.slice(c[2]), line };
    const inner = c.slice(2, -1);
    const parts = splitAt(inner, ',');
    const one = (g: SyntaxNode[]): Expr => {
      if (!g.some((x) => x.name === ':')) {
        if (g.length !== 1) throw this.src.syntaxError(g[0]?.from ?? n.from);
        return this.expr(g[0]);
      }
      const sl = splitAt(g, ':');
      if (sl.length > 3 || sl.some((s) => s.length > 1)) throw this.src.syntaxError(g[0].from);
      const part = (s: SyntaxNode[] | undefined) => (s && s.length ? this.expr(s[0]) : null);
      return { k: 'Slice', lower: part(sl[0]), upper: part(sl[1]), step: part(sl[2]), line };
    };
    const slice: Expr = parts.length === 1 ? one(parts[0]) : { k: 'Tuple', elts: parts.filter((p) => p.length).map(one), line };
    return { k: 'Subscript', value, slice, line };
  }
}

const clip = (s: string): string => (s.length > 30 ? s.slice(0, 30) + '…' : s);