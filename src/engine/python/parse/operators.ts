import type { SyntaxNode } from '@lezer/common';
import type { BinOpName, CmpOpName, Expr } from './ast';
import { kids, type Source } from './tree';

/** What the operator parser needs from the expression builder. */
interface OperandBuilder {
  readonly src: Source;
  expr(n: SyntaxNode): Expr;
}

type Tok = { op: string; at: SyntaxNode } | { node: SyntaxNode };

/**
 * lezer/python nests `not` and binary operators with its own precedence, which is not Python's
 * (`a and not b or c` comes out as `a and not (b or c)`). So operator expressions are flattened
 * back to the token sequence and parsed again with Python's grammar (Grammar/python.gram).
 */
export function flatten(n: SyntaxNode, src: Source, out: Tok[] = []): Tok[] {
  for (const c of kids(n)) {
    if (c.name === 'BinaryExpression' || c.name === 'UnaryExpression') flatten(c, src, out);
    else if (c.name === 'ArithOp' || c.name === 'BitOp' || c.name === 'CompareOp') out.push({ op: src.slice(c), at: c });
    else if (c.name === 'and' || c.name === 'or' || c.name === 'not' || c.name === 'in' || c.name === 'is')
      out.push({ op: c.name, at: c });
    else out.push({ node: c });
  }
  return out;
}

const CMP = new Set(['<', '>', '<=', '>=', '==', '!=', 'in', 'is', 'not']);
const LEVELS: string[][] = [['|'], ['^'], ['&'], ['<<', '>>'], ['+', '-'], ['*', '@', '/', '//', '%']];

export class OperatorParser {
  private i = 0;
  constructor(
    private readonly b: OperandBuilder,
    private readonly toks: Tok[],
  ) {}

  parse(): Expr {
    const e = this.or();
    if (this.i < this.toks.length) throw this.error();
    return e;
  }

  private peek(): string | null {
    const t = this.toks[this.i];
    return t && 'op' in t ? t.op : null;
  }
  private error() {
    const t = this.toks[Math.min(this.i, this.toks.length - 1)];
    return this.b.src.syntaxError('op' in t ? t.at.from : t.node.from);
  }
  private line(): number {
    const t = this.toks[Math.min(this.i, this.toks.length - 1)];
    return this.b.src.line('op' in t ? t.at.from : t.node.from);
  }

  private boolOp(op: 'and' | 'or', next: () => Expr): Expr {
    const line = this.line();
    const values = [next()];
    while (this.peek() === op) {
      this.i++;
      values.push(next());
    }
    return values.length === 1 ? values[0] : { k: 'BoolOp', op, values, line };
  }
  private or(): Expr {
    return this.boolOp('or', () => this.and());
  }
  private and(): Expr {
    return this.boolOp('and', () => this.not());
  }
  private not(): Expr {
    if (this.peek() === 'not') {
      const line = this.line();
      this.i++;
      return { k: 'UnaryOp', op: 'not', operand: this.not(), line };
    }
    return this.comparison();
  }
  private comparison(): Expr {
    const line = this.line();
    const left = this.binary(0);
    const ops: CmpOpName[] = [];
    const comparators: Expr[] = [];
    for (let op = this.peek(); op !== null && CMP.has(op); op = this.peek()) {
      this.i++;
      let name = op as CmpOpName;
      if (op === 'not') {
        if (this.peek() !== 'in') throw this.error();
        this.i++;
        name = 'not in';
      } else if (op === 'is' && this.peek() === 'not') {
        this.i++;
        name = 'is not';
      }
      ops.push(name);
      comparators.push(this.binary(0));
    }
    return ops.length ? { k: 'Compare', left, ops, comparators, line } : left;
  }
  private binary(level: number): Expr {
    if (level === LEVELS.length) return this.factor();
    let left = this.binary(level + 1);
    for (let op = this.peek(); op !== null && LEVELS[level].includes(op); op = this.peek()) {
      const line = this.line();
      this.i++;
      left = { k: 'BinOp', op: op as BinOpName, left, right: this.binary(level + 1), line };
    }
    return left;
  }
  private factor(): Expr {
    const op = this.peek();
    if (op === '-' || op === '+' || op === '~') {
      const line = this.line();
      this.i++;
      return { k: 'UnaryOp', op, operand: this.factor(), line };
    }
    return this.power();
  }
  private power(): Expr {
    const t = this.toks[this.i];
    if (!t || 'op' in t) throw this.error();
    this.i++;
    const base = this.b.expr(t.node);
    if (this.peek() === '**') {
      const line = this.line();
      this.i++;
      return { k: 'BinOp', op: '**', left: base, right: this.factor(), line };
    }
    return base;
  }
}
