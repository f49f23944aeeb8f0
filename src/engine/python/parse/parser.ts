import type { SyntaxNode } from '@lezer/common';
import { parser } from '@lezer/python';
import { NotSupported } from '../errors';
import type { BinOpName, Expr, Stmt } from './ast';
import { ExprBuilder } from './expr';
import { Source, firstError, kids, splitAt } from './tree';

/** One top-level statement of a script, as the recorder splits them (tools/record.py). */
export interface ParsedStatement {
  /** The statement's source text (whole lines for compound statements). */
  code: string;
  line: number;
  endLine: number;
  stmt: Stmt;
}

const UNSUPPORTED_STMT: Record<string, string> = {
  TryStatement: 'try/except',
  WithStatement: 'with',
  ClassDefinition: 'class definitions',
  DecoratedStatement: 'decorators',
  RaiseStatement: 'raise',
  AssertStatement: 'assert',
  YieldStatement: 'yield',
  MatchStatement: 'match',
  PrintStatement: 'the Python 2 print statement',
  TypeDefinition: 'type aliases',
};

/** Parse a script into its top-level statements. Throws PySyntaxError (line, column). */
export function parseModule(text: string): ParsedStatement[] {
  const src = new Source(text);
  const tree = parser.parse(text);
  const err = firstError(tree.topNode);
  if (err) throw src.syntaxError(err.from);
  const b = new StmtBuilder(src);
  const out: ParsedStatement[] = [];
  for (const n of b.statementNodes(tree.topNode)) {
    const line = src.line(n.from);
    const endLine = src.line(Math.max(n.from, trimEnd(text, n.to) - 1));
    const stmt = b.guarded(n);
    const lines = text.split('\n').slice(line - 1, endLine);
    const code = endLine > line ? lines.join('\n').trimEnd() : text.slice(n.from, trimEnd(text, n.to));
    out.push({ code, line, endLine, stmt });
  }
  return out;
}

function trimEnd(text: string, to: number): number {
  while (to > 0 && /\s/.test(text[to - 1])) to--;
  return to;
}

class StmtBuilder {
  readonly e: ExprBuilder;
  constructor(readonly src: Source) {
    this.e = new ExprBuilder(src);
  }

  /** Statement nodes of a Script or Body, with `a; b` groups flattened. */
  statementNodes(n: SyntaxNode): SyntaxNode[] {
    const out: SyntaxNode[] = [];
    for (const c of kids(n)) {
      if (c.name === ':' || c.name === ';') continue;
      if (c.name === 'StatementGroup') out.push(...this.statementNodes(c));
      else out.push(c);
    }
    return out;
  }

  /** A statement, or an Unsupported placeholder that raises when it runs (earlier statements still run). */
  guarded(n: SyntaxNode): Stmt {
    try {
      return this.stmt(n);
    } catch (e) {
      if (e instanceof NotSupported) return { k: 'Unsupported', what: e.message.replace(/^not supported by Highwater yet: /, ''), line: e.line };
      throw e;
    }
  }

  block(n: SyntaxNode): Stmt[] {
    return this.statementNodes(n).map((c) => this.stmt(c));
  }

  stmt(n: SyntaxNode): Stmt {
    const line = this.src.line(n.from);
    const c = kids(n);
    switch (n.name) {
      case 'ExpressionStatement':
        return { k: 'Expr', value: this.e.exprList(c, line), line };
      case 'AssignStatement': {
        if (c.some((x) => x.name === 'TypeDef')) throw this.src.unsupported('annotated assignments', n);
        const groups = splitAt(c, 'AssignOp');
        const exprs = groups.map((g) => this.e.exprList(g, line));
        const value = exprs.pop()!;
        exprs.forEach((t) => this.checkTarget(t, n));
        return { k: 'Assign', targets: exprs, value, line };
      }
      case 'UpdateStatement': {
        const at = c.findIndex((x) => x.name === 'UpdateOp');
        const target = this.e.exprList(c.slice(0, at), line);
        if (target.k !== 'Name' && target.k !== 'Subscript' && target.k !== 'Attribute')
          throw this.src.syntaxError(n.from, "'tuple' is an illegal expression for augmented assignment");
        const op = this.src.slice(c[at]).slice(0, -1) as BinOpName;
        return { k: 'AugAssign', target, op, value: this.e.exprList(c.slice(at + 1), line), line };
      }
      case 'DeleteStatement': {
        const t = this.e.exprList(c.slice(1), line);
        const targets = t.k === 'Tuple' ? t.elts : [t];
        targets.forEach((x) => this.checkTarget(x, n, 'delete'));
        return { k: 'Delete', targets, line };
      }
      case 'PassStatement':
        return { k: 'Pass', line };
      case 'BreakStatement':
        return { k: 'Break', line };
      case 'ContinueStatement':
        return { k: 'Continue', line };
      case 'ReturnStatement':
        return { k: 'Return', value: c.length > 1 ? this.e.exprList(c.slice(1), line) : null, line };
      case 'ScopeStatement': {
        if (c[0].name === 'nonlocal') throw this.src.unsupported('nonlocal', n);
        return { k: 'Global', names: c.filter((x) => x.name === 'VariableName').map((x) => this.src.slice(x)), line };
      }
      case 'ImportStatement':
        return this.importStmt(n, c, line);
      case 'IfStatement':
        return this.ifStmt(c, 0, line);
      case 'WhileStatement':
        return { k: 'While', test: this.e.expr(c[1]), body: this.block(c[2]), orelse: c[4] ? this.block(c[4]) : [], line };
      case 'ForStatement': {
        if (c[0].name === 'async') throw this.src.unsupported('async for', n);
        const inAt = c.findIndex((x) => x.name === 'in');
        const bodyAt = c.findIndex((x) => x.name === 'Body');
        const target = this.e.exprList(c.slice(1, inAt), line);
        this.checkTarget(target, n);
        const iter = this.e.exprList(c.slice(inAt + 1, bodyAt), line);
        const orelse = c[bodyAt + 1]?.name === 'else' ? this.block(c[bodyAt + 2]) : [];
        return { k: 'For', target, iter, body: this.block(c[bodyAt]), orelse, line };
      }
      case 'FunctionDefinition':
        return this.functionDef(n, c, line);
      default:
        if (UNSUPPORTED_STMT[n.name]) throw this.src.unsupported(UNSUPPORTED_STMT[n.name], n);
        throw this.src.unsupported(`the statement "${this.src.slice(n).split('\n')[0]}"`, n);
    }
  }

  private ifStmt(c: SyntaxNode[], at: number, line: number): Stmt {
    // c: if test Body (elif test Body)* (else Body)?
    const test = this.e.expr(c[at + 1]);
    const body = this.block(c[at + 2]);
    let orelse: Stmt[] = [];
    const next = c[at + 3];
    if (next?.name === 'elif') orelse = [this.ifStmt(c, at + 3, this.src.line(next.from))];
    else if (next?.name === 'else') orelse = this.block(c[at + 4]);
    return { k: 'If', test, body, orelse, line };
  }

  private functionDef(n: SyntaxNode, c: SyntaxNode[], line: number): Stmt {
    if (c[0].name === 'async') throw this.src.unsupported('async def', n);
    const name = this.src.slice(c[1]);
    const paramList = c.find((x) => x.name === 'ParamList')!;
    if (c.some((x) => x.name === 'TypeDef' || x.name === 'TypeParamList')) throw this.src.unsupported('annotations', n);
    const params: string[] = [];
    const defaults: Expr[] = [];
    for (const g of splitAt(kids(paramList).filter((x) => x.name !== '(' && x.name !== ')'), ',')) {
      if (g.length === 0) continue;
      if (g[0].name !== 'VariableName' || g.some((x) => x.name === 'TypeDef'))
        throw this.src.unsupported('*args, **kwargs, keyword-only parameters and annotations', g[0]);
      params.push(this.src.slice(g[0]));
      if (g.length === 3 && g[1].name === 'AssignOp') defaults.push(this.e.expr(g[2]));
      else if (g.length !== 1) throw this.src.syntaxError(g[0].from);
      else if (defaults.length) throw this.src.syntaxError(g[0].from, 'non-default argument follows default argument');
    }
    const body = this.block(c.find((x) => x.name === 'Body')!);
    return { k: 'FunctionDef', name, params, defaults, body, scope: this.src.nextScope(), line };
  }

  private importStmt(n: SyntaxNode, c: SyntaxNode[], line: number): Stmt {
    const dotted = (nodes: SyntaxNode[]) => nodes.map((x) => this.src.slice(x)).join('');
    if (c[0].name === 'from') {
      const importAt = c.findIndex((x) => x.name === 'import');
      const module = dotted(c.slice(1, importAt));
      if (module.startsWith('.')) throw this.src.unsupported('relative imports', n);
      const rest = c.slice(importAt + 1).filter((x) => x.name !== '(' && x.name !== ')');
      if (rest.some((x) => x.name === '*')) throw this.src.unsupported('from ... import *', n);
      const names = splitAt(rest, ',').filter((g) => g.length).map((g) => ({ name: this.src.slice(g[0]), asname: g[2] ? this.src.slice(g[2]) : null }));
      return { k: 'ImportFrom', module, names, line };
    }
    const names = splitAt(c.slice(1), ',').map((g) => {
      const asAt = g.findIndex((x) => x.name === 'as');
      return asAt < 0 ? { name: dotted(g), asname: null } : { name: dotted(g.slice(0, asAt)), asname: this.src.slice(g[asAt + 1]) };
    });
    return { k: 'Import', names, line };
  }

  private checkTarget(t: Expr, n: SyntaxNode, verb = 'assign to'): void {
    switch (t.k) {
      case 'Name':
      case 'Subscript':
      case 'Attribute':
        return;
      case 'Tuple':
      case 'List':
        if (verb === 'delete' && t.k === 'List') throw this.src.unsupported('del of a list display', n);
        t.elts.forEach((x) => this.checkTarget(x, n, verb));
        return;
      default: {
        const what = t.k === 'Const' ? 'literal' : t.k === 'Call' ? 'function call' : 'expression';
        throw this.src.syntaxError(n.from, `cannot ${verb} ${what}`);
      }
    }
  }
}
