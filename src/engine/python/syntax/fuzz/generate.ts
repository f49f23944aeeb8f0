/**
 * Random Python programs for the differential test against CPython: a generator over the whole
 * 3.11 grammar (valid programs, most of the time). mutate.ts makes the invalid ones from these.
 * Seeded and deterministic.
 */

export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0 || 1;
  }
  /** mulberry32 */
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }
}

const NAMES = [
  'a',
  'b',
  'x',
  'y',
  'data',
  'items',
  'n',
  'i',
  'self',
  'obj',
  'result',
  'arr',
  'key',
  'value',
  'cls',
  'f',
  'g',
];
const ATTRS = ['append', 'items', 'value', 'x', 'shape', 'real', 'join', 'copy', 'keys', 'T'];
const BINOPS = ['+', '-', '*', '/', '//', '%', '**', '@', '<<', '>>', '|', '&', '^'];
const CMPOPS = ['<', '>', '<=', '>=', '==', '!=', 'in', 'not in', 'is', 'is not'];
const AUGOPS = ['+=', '-=', '*=', '/=', '//=', '%=', '**=', '@=', '<<=', '>>=', '|=', '&=', '^='];
const NUMBERS = [
  '0',
  '1',
  '42',
  '1_000',
  '0x1F',
  '0o17',
  '0b101',
  '1.5',
  '.5',
  '1e3',
  '2.5e-3',
  '3j',
  '1.5J',
  '10**3',
  '0.0',
  '1_0.0_1',
  '00',
  '1E+10',
];
const STRINGS = [
  "'abc'",
  '"hello world"',
  "''",
  'b"bytes"',
  "r'\\d+'",
  "'tab\\there'",
  '"""triple\nquoted"""',
  "u'unicode'",
  "'\\x41\\u00e9\\N{BULLET}'",
  "rb'\\x00'",
  "'é ü 中'",
  "B'\\n'",
  "'it''s'",
  '"a" "b"',
  "'\\101\\7'",
];

type Ctx = { inFunc: boolean; inLoop: boolean; inAsync: boolean; inClass: boolean };

/** The grammar-based generator. `depth` bounds nesting. */
export class ProgramGenerator {
  constructor(private readonly r: Rng) {}

  program(): string {
    const n = 1 + this.r.int(6);
    const lines: string[] = [];
    const ctx: Ctx = { inFunc: false, inLoop: false, inAsync: false, inClass: false };
    for (let i = 0; i < n; i++) {
      lines.push(...this.stmt(ctx, 0, 3));
      if (this.r.chance(0.1)) lines.push('');
      if (this.r.chance(0.05)) lines.push('# a comment');
    }
    return lines.join('\n') + (this.r.chance(0.9) ? '\n' : '');
  }

  private name(): string {
    return this.r.pick(NAMES);
  }

  private indent(level: number): string {
    return '    '.repeat(level);
  }

  stmt(ctx: Ctx, level: number, depth: number): string[] {
    const ind = this.indent(level);
    const r = this.r;
    const compound = depth > 0 && r.chance(0.35);
    if (!compound) return [ind + this.simpleStmts(ctx)];
    const body = (c: Ctx): string[] => {
      const out: string[] = [];
      const n = 1 + r.int(3);
      for (let i = 0; i < n; i++) out.push(...this.stmt(c, level + 1, depth - 1));
      return out;
    };
    const loopCtx = { ...ctx, inLoop: true };
    switch (r.int(11)) {
      case 0: {
        const out = [`${ind}if ${this.namedExpr(ctx, 2)}:`, ...body(ctx)];
        while (r.chance(0.3)) out.push(`${ind}elif ${this.namedExpr(ctx, 2)}:`, ...body(ctx));
        if (r.chance(0.3)) out.push(`${ind}else:`, ...body(ctx));
        return out;
      }
      case 1: {
        const out = [`${ind}while ${this.namedExpr(ctx, 2)}:`, ...body(loopCtx)];
        if (r.chance(0.2)) out.push(`${ind}else:`, ...body(ctx));
        return out;
      }
      case 2: {
        const asy = ctx.inAsync && r.chance(0.3) ? 'async ' : '';
        const out = [`${ind}${asy}for ${this.targets()} in ${this.starExprs(ctx, 2)}:`, ...body(loopCtx)];
        if (r.chance(0.2)) out.push(`${ind}else:`, ...body(ctx));
        return out;
      }
      case 3: {
        const star = r.chance(0.15);
        const out = [`${ind}try:`, ...body(ctx)];
        const handlers = r.int(3);
        for (let i = 0; i < handlers; i++) {
          const t = r.chance(0.7)
            ? ` ${r.pick(['ValueError', '(TypeError, KeyError)', 'Exception', 'OSError'])}`
            : '';
          const as = t && r.chance(0.5) ? ` as ${this.name()}` : '';
          out.push(`${ind}except${star ? '*' : ''}${star && !t ? ' ValueError' : t}${as}:`, ...body(ctx));
        }
        if (handlers && r.chance(0.3)) out.push(`${ind}else:`, ...body(ctx));
        if (!handlers || r.chance(0.3)) out.push(`${ind}finally:`, ...body(ctx));
        return out;
      }
      case 4: {
        const asy = ctx.inAsync && r.chance(0.3) ? 'async ' : '';
        const items = Array.from(
          { length: 1 + r.int(2) },
          () => this.expr(ctx, 2) + (r.chance(0.5) ? ` as ${this.target()}` : ''),
        );
        const head = r.chance(0.2) ? `(${items.join(', ')})` : items.join(', ');
        return [`${ind}${asy}with ${head}:`, ...body(ctx)];
      }
      case 5:
      case 6: {
        const decos = r.chance(0.3)
          ? [`${ind}@${this.r.pick(['staticmethod', 'property', 'functools.wraps(f)', 'cache'])}`]
          : [];
        const asy = r.chance(0.2);
        const fctx: Ctx = { inFunc: true, inLoop: false, inAsync: asy, inClass: false };
        const ret = r.chance(0.2) ? ` -> ${this.expr(fctx, 1)}` : '';
        return [
          ...decos,
          `${ind}${asy ? 'async ' : ''}def ${this.name()}(${this.params(false)})${ret}:`,
          ...body(fctx),
        ];
      }
      case 7: {
        const bases = r.chance(0.5) ? `(${this.args({ ...ctx }, 1)})` : r.chance(0.2) ? '()' : '';
        return [
          `${ind}class ${r.pick(['A', 'Point', 'Node', 'Cache'])}${bases}:`,
          ...body({ ...ctx, inClass: true, inFunc: false, inLoop: false }),
        ];
      }
      case 8: {
        const out = [
          `${ind}match ${r.chance(0.2) ? `${this.expr(ctx, 1)}, ${this.expr(ctx, 1)}` : this.namedExpr(ctx, 2)}:`,
        ];
        const n = 1 + r.int(3);
        for (let i = 0; i < n; i++) {
          const guard = r.chance(0.2) ? ` if ${this.namedExpr(ctx, 1)}` : '';
          out.push(`${ind}    case ${this.patterns(2)}${guard}:`);
          const m = 1 + r.int(2);
          for (let j = 0; j < m; j++) out.push(...this.stmt(ctx, level + 2, depth - 1));
        }
        return out;
      }
      default:
        return [ind + this.simpleStmts(ctx)];
    }
  }

  private simpleStmts(ctx: Ctx): string {
    const n = this.r.chance(0.1) ? 2 : 1;
    const parts = Array.from({ length: n }, () => this.simpleStmt(ctx));
    return parts.join('; ') + (this.r.chance(0.03) ? ';' : '') + (this.r.chance(0.05) ? '  # trailing' : '');
  }

  simpleStmt(ctx: Ctx): string {
    const r = this.r;
    switch (r.int(17)) {
      case 0:
      case 1:
      case 2:
        return `${this.targetsList()} = ${this.rhs(ctx)}`;
      case 3:
        return `${this.singleTarget()} ${r.pick(AUGOPS)} ${this.rhs(ctx)}`;
      case 4:
        return `${r.chance(0.7) ? this.name() : `(${this.name()})`}: ${this.expr(ctx, 1)}${r.chance(0.6) ? ` = ${this.rhs(ctx)}` : ''}`;
      case 5:
        return `del ${Array.from({ length: 1 + r.int(2) }, () => this.singleTarget()).join(', ')}`;
      case 6:
        return ctx.inLoop ? r.pick(['break', 'continue']) : 'pass';
      case 7:
        return ctx.inFunc
          ? `return${r.chance(0.7) ? ' ' + this.starExprs(ctx, 2) : ''}`
          : this.starExprs(ctx, 2);
      case 8:
        return r.chance(0.5)
          ? `raise ${this.expr(ctx, 1)}${r.chance(0.3) ? ` from ${this.expr(ctx, 1)}` : ''}`
          : 'raise';
      case 9:
        return ctx.inFunc ? `${r.pick(['global', 'nonlocal'])} ${this.name()}` : `global ${this.name()}`;
      case 10:
        return r.pick([
          'import os',
          'import os.path as osp, sys',
          'from collections import deque, defaultdict as dd',
          'from . import x',
          'from ..pkg.mod import (a, b,)',
          'from math import *',
          'import numpy as np',
        ]);
      case 11:
        return `assert ${this.expr(ctx, 2)}${r.chance(0.4) ? `, ${this.expr(ctx, 1)}` : ''}`;
      case 12:
        return ctx.inFunc ? `${this.r.chance(0.3) ? 'x = ' : ''}${this.yieldExpr(ctx)}` : 'pass';
      default:
        return this.starExprs(ctx, 3);
    }
  }

  private yieldExpr(ctx: Ctx): string {
    return this.r.chance(0.3)
      ? `yield from ${this.expr(ctx, 1)}`
      : `yield${this.r.chance(0.7) ? ' ' + this.starExprs(ctx, 1) : ''}`;
  }

  private rhs(ctx: Ctx): string {
    return ctx.inFunc && this.r.chance(0.05) ? this.yieldExpr(ctx) : this.starExprs(ctx, 3);
  }

  private targetsList(): string {
    const n = this.r.chance(0.1) ? 2 : 1;
    return Array.from({ length: n }, () => this.targets()).join(' = ');
  }

  targets(): string {
    const r = this.r;
    if (r.chance(0.7)) return this.target();
    const n = 2 + r.int(2);
    const items = Array.from({ length: n }, (_, i) =>
      i === 1 && r.chance(0.2) ? '*' + this.name() : this.target(),
    );
    const s = items.join(', ');
    return r.pick([s, `(${s})`, `[${s}]`, s + ',']);
  }

  private target(): string {
    const r = this.r;
    switch (r.int(5)) {
      case 0:
        return `${this.name()}.${r.pick(ATTRS)}`;
      case 1:
        return `${this.name()}[${r.pick(['0', 'i', '1:2', '::2', 'i, j', '"k"'])}]`;
      default:
        return this.name();
    }
  }

  private singleTarget(): string {
    return this.r.chance(0.1) ? `(${this.target()})` : this.target();
  }

  private params(lambda: boolean): string {
    const r = this.r;
    const parts: string[] = [];
    const ann = (): string =>
      !lambda && r.chance(0.3) ? `: ${r.pick(['int', 'str', 'list[int]', '"T"', 'Optional[int]'])}` : '';
    const n = r.int(3);
    let defaults = false;
    for (let i = 0; i < n; i++) {
      defaults ||= r.chance(0.3);
      parts.push(`p${i}${ann()}${defaults ? `=${r.pick(NUMBERS)}` : ''}`);
    }
    if (n && r.chance(0.15)) parts.push('/');
    if (r.chance(0.3)) {
      parts.push(r.chance(0.5) ? `*args${ann()}` : '*');
      parts.push(`k${r.int(3)}${ann()}${r.chance(0.5) ? '=None' : ''}`);
    }
    if (r.chance(0.2)) parts.push(`**kw${ann()}`);
    return parts.join(', ') + (parts.length && !lambda && r.chance(0.1) ? ',' : '');
  }

  private args(ctx: Ctx, depth: number): string {
    const r = this.r;
    const parts: string[] = [];
    const n = r.int(4);
    for (let i = 0; i < n; i++)
      parts.push(r.chance(0.15) ? `*${this.expr(ctx, depth)}` : this.namedExpr(ctx, depth));
    if (r.chance(0.3)) parts.push(`${this.name()}=${this.expr(ctx, depth)}`);
    if (r.chance(0.1)) parts.push(`**${this.expr(ctx, depth)}`);
    if (parts.length === 1 && r.chance(0.1))
      return `${this.expr(ctx, depth)} for ${this.name()} in ${this.expr(ctx, depth)}`;
    return parts.join(', ');
  }

  private starExprs(ctx: Ctx, depth: number): string {
    const r = this.r;
    if (r.chance(0.8)) return this.expr(ctx, depth);
    const n = 1 + r.int(3);
    const items = Array.from({ length: n }, () =>
      r.chance(0.2) ? `*${this.atom(ctx, depth - 1)}` : this.expr(ctx, depth - 1),
    );
    return items.join(', ') + (n === 1 || r.chance(0.2) ? ',' : '');
  }

  private namedExpr(ctx: Ctx, depth: number): string {
    return this.r.chance(0.1) ? `(${this.name()} := ${this.expr(ctx, depth - 1)})` : this.expr(ctx, depth);
  }

  expr(ctx: Ctx, depth: number): string {
    const r = this.r;
    if (depth <= 0) return this.atom(ctx, 0);
    switch (r.int(14)) {
      case 0:
      case 1:
        return `${this.expr(ctx, depth - 1)} ${r.pick(BINOPS)} ${this.expr(ctx, depth - 1)}`;
      case 2:
        return `${this.expr(ctx, depth - 1)} ${r.pick(CMPOPS)} ${this.expr(ctx, depth - 1)}${r.chance(0.2) ? ` ${r.pick(CMPOPS)} ${this.atom(ctx, 0)}` : ''}`;
      case 3:
        return `${this.expr(ctx, depth - 1)} ${r.pick(['and', 'or'])} ${this.expr(ctx, depth - 1)}`;
      case 4:
        return `${r.pick(['not ', '-', '+', '~'])}${this.expr(ctx, depth - 1)}`;
      case 5:
        return `${this.expr(ctx, depth - 1)} if ${this.expr(ctx, depth - 1)} else ${this.expr(ctx, depth - 1)}`;
      case 6:
        return `lambda ${this.params(true)}: ${this.expr(ctx, depth - 1)}`;
      case 7:
        return ctx.inAsync && r.chance(0.5)
          ? `await ${this.primary(ctx, depth - 1)}`
          : this.primary(ctx, depth);
      default:
        return this.primary(ctx, depth);
    }
  }

  private primary(ctx: Ctx, depth: number): string {
    const r = this.r;
    let e = this.atom(ctx, depth - 1);
    const n = r.int(3);
    for (let i = 0; i < n; i++) {
      switch (r.int(4)) {
        case 0:
          e += `.${r.pick(ATTRS)}`;
          break;
        case 1:
          e += `(${this.args(ctx, depth - 1)})`;
          break;
        case 2:
          e += `[${this.slices(ctx, depth - 1)}]`;
          break;
        default:
          e += `.${r.pick(ATTRS)}()`;
      }
    }
    return e;
  }

  private slices(ctx: Ctx, depth: number): string {
    const r = this.r;
    const one = (): string =>
      r.chance(0.6)
        ? this.expr(ctx, depth)
        : `${r.chance(0.5) ? this.atom(ctx, 0) : ''}:${r.chance(0.5) ? this.atom(ctx, 0) : ''}${r.chance(0.3) ? `:${this.atom(ctx, 0)}` : ''}`;
    return r.chance(0.8) ? one() : `${one()}, ${one()}`;
  }

  atom(ctx: Ctx, depth: number): string {
    const r = this.r;
    const d = depth - 1;
    switch (r.int(depth > 0 ? 16 : 6)) {
      case 0:
      case 1:
        return this.name();
      case 2:
        return r.pick(NUMBERS);
      case 3:
        return r.pick(STRINGS);
      case 4:
        return r.pick(['None', 'True', 'False', '...']);
      case 5:
        return this.fstring(ctx);
      case 6:
        return `(${this.expr(ctx, d)})`;
      case 7:
        return `(${Array.from({ length: r.int(3) }, () => this.expr(ctx, d)).join(', ')}${r.chance(0.5) ? ',' : ''})`;
      case 8:
        return `[${Array.from({ length: r.int(4) }, () => (r.chance(0.1) ? '*' : '') + this.expr(ctx, d)).join(', ')}]`;
      case 9:
        return `{${Array.from({ length: r.int(3) }, () => (r.chance(0.1) ? `**${this.atom(ctx, 0)}` : `${this.atom(ctx, 0)}: ${this.expr(ctx, d)}`)).join(', ')}}`;
      case 10:
        return `{${Array.from({ length: 1 + r.int(3) }, () => this.expr(ctx, d)).join(', ')}}`;
      case 11:
        return `[${this.expr(ctx, d)} ${this.comp(ctx, d)}]`;
      case 12:
        return `{${this.atom(ctx, 0)}: ${this.expr(ctx, d)} ${this.comp(ctx, d)}}`;
      case 13:
        return `(${this.expr(ctx, d)} ${this.comp(ctx, d)})`;
      case 14:
        return `{${this.expr(ctx, d)} ${this.comp(ctx, d)}}`;
      default:
        return ctx.inFunc && r.chance(0.3) ? `(${this.yieldExpr(ctx)})` : this.name();
    }
  }

  private comp(ctx: Ctx, depth: number): string {
    const r = this.r;
    let s = `${ctx.inAsync && r.chance(0.2) ? 'async ' : ''}for ${this.targets()} in ${this.expr(ctx, depth)}`;
    if (r.chance(0.3)) s += ` if ${this.expr(ctx, depth)}`;
    if (r.chance(0.15)) s += ` for ${this.name()} in ${this.atom(ctx, 0)}`;
    return s;
  }

  private fstring(_ctx: Ctx): string {
    const r = this.r;
    const q = r.pick(["'", '"', "'''", '"""']);
    const inner = q[0] === "'" ? '"' : "'";
    const parts: string[] = [];
    const n = 1 + r.int(3);
    for (let i = 0; i < n; i++) {
      if (r.chance(0.4)) parts.push(r.pick(['text ', 'a=', '{{', '}}', ' é ', '\\n']));
      const e = r.pick([
        this.name(),
        `${this.name()}.${r.pick(ATTRS)}`,
        `${this.name()}[${inner}k${inner}]`,
        `${this.name()} + 1`,
        `${inner}s${inner}`,
        `f${inner}{${this.name()}}${inner}`,
      ]);
      const eq = r.chance(0.1) ? '=' : '';
      const conv = r.chance(0.2) ? r.pick(['!r', '!s', '!a']) : '';
      const spec = r.chance(0.2) ? `:${r.pick(['>10', '.2f', '{width}', '08.3f', ',', '%Y-%m'])}` : '';
      parts.push(`{${e}${eq}${conv}${spec}}`);
    }
    return `${r.pick(['f', 'F', 'rf', 'fR'])}${q}${parts.join('')}${q}`;
  }

  private patterns(depth: number): string {
    const r = this.r;
    if (r.chance(0.15))
      return `${this.pattern(depth)}, ${this.pattern(depth)}${r.chance(0.3) ? ', *rest' : ''}`;
    return this.pattern(depth);
  }

  private pattern(depth: number): string {
    const r = this.r;
    const p = this.closedPattern(depth);
    if (r.chance(0.15)) return `${p} | ${this.closedPattern(depth)}`;
    if (r.chance(0.1)) return `${p} as ${this.name()}`;
    return p;
  }

  private closedPattern(depth: number): string {
    const r = this.r;
    const d = depth - 1;
    switch (r.int(depth > 0 ? 10 : 4)) {
      case 0:
        return r.pick(['1', '-1', '1.5', '"s"', "b'x'", 'None', 'True', 'False', '1 + 2j', '-1 - 1j']);
      case 1:
        return this.name();
      case 2:
        return '_';
      case 3:
        return r.pick(['Color.RED', 'mod.CONST', 'a.b.c']);
      case 4:
        return `(${this.pattern(d)})`;
      case 5:
        return `[${Array.from({ length: r.int(3) }, () => this.pattern(d)).join(', ')}${r.chance(0.3) ? ', *_' : ''}]`;
      case 6:
        return `(${this.pattern(d)}, ${r.chance(0.3) ? '*' + this.name() : this.pattern(d)})`;
      case 7:
        return `{${r.pick(['"k"', '1', 'None', 'K.A'])}: ${this.pattern(d)}${r.chance(0.3) ? ', **rest' : ''}}`;
      case 8:
        return `${r.pick(['Point', 'mod.Cls', 'int'])}(${r.chance(0.5) ? this.pattern(d) : ''}${r.chance(0.4) ? `${r.chance(0.5) ? ', ' : ''}x=${this.pattern(d)}` : ''})`;
      default:
        return '{}';
    }
  }
}
