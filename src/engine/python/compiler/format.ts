import type { Expr } from '../syntax/ast';
import { copyNode } from './foldops';

/**
 * ast_opt.c's printf-style rewrite (3.11): `'%s: %r' % (a, b)` with only %s / %r / %a units, a
 * tuple of as many items and no starred item becomes the f-string f'{a!s}: {b!r}'.
 */

/** parse_literal: text up to the next lone '%', with '%%' turned into '%'. */
function parseLiteral(fmt: string[], pos: { i: number }): Expr | null {
  const start = pos.i;
  let hasPercents = false;
  while (pos.i < fmt.length) {
    if (fmt[pos.i] !== '%') pos.i++;
    else if (pos.i + 1 < fmt.length && fmt[pos.i + 1] === '%') {
      hasPercents = true;
      pos.i += 2;
    } else break;
  }
  if (pos.i === start) return null;
  let s = fmt.slice(start, pos.i).join('');
  if (hasPercents) s = s.split('%%').join('%');
  return artificialConst(s);
}

/** A constant the optimizer makes up: it has no position (-1), like _PyAST_Constant(..., -1, ...). */
const artificialConst = (s: string): Expr => ({
  k: 'Constant',
  value: { t: 'str', v: s },
  kind: null,
  line: -1,
  col: -1,
  endLine: -1,
  endCol: -1,
});

const MAXDIGITS = 3;

/** simple_format_arg_parse + parse_format: %s, %r, %a with a width/precision up to two digits. */
function parseFormat(fmt: string[], pos: { i: number }, arg: Expr): Expr | null {
  let i = pos.i;
  let ch = '';
  const next = (): boolean => {
    if (i >= fmt.length) return false;
    ch = fmt[i++];
    return true;
  };
  let ljust = false;
  for (;;) {
    if (!next()) return null;
    if (ch === '-') ljust = true;
    else if (ch === '+' || ch === ' ' || ch === '#' || ch === '0') continue;
    else break;
  }
  let width = -1;
  let prec = -1;
  const isDigit = (): boolean => ch >= '0' && ch <= '9';
  if (isDigit()) {
    width = 0;
    let digits = 0;
    while (isDigit()) {
      width = width * 10 + Number(ch);
      if (!next()) return null;
      if (++digits >= MAXDIGITS) return null;
    }
  }
  if (ch === '.') {
    if (!next()) return null;
    prec = 0;
    if (isDigit()) {
      let digits = 0;
      while (isDigit()) {
        prec = prec * 10 + Number(ch);
        if (!next()) return null;
        if (++digits >= MAXDIGITS) return null;
      }
    }
  }
  const spec = ch;
  pos.i = i;
  if (spec !== 's' && spec !== 'r' && spec !== 'a') return null;
  let buf = '';
  if (!ljust && width > 0) buf += '>';
  if (width >= 0) buf += String(width);
  if (prec >= 0) buf += '.' + String(prec);
  return {
    k: 'FormattedValue',
    value: arg,
    conversion: spec.charCodeAt(0),
    formatSpec: buf ? artificialConst(buf) : null,
    line: arg.line,
    col: arg.col,
    endLine: arg.endLine,
    endCol: arg.endCol,
  };
}

/** optimize_format: `'%s: %r' % (a, b)` becomes the f-string f'{a!s}: {b!r}'. */
export function optimizeFormat(node: Expr, fmtStr: string, elts: Expr[]): void {
  const fmt = Array.from(fmtStr);
  const pos = { i: 0 };
  let cnt = 0;
  const values: Expr[] = [];
  for (;;) {
    const lit = parseLiteral(fmt, pos);
    if (lit) values.push(lit);
    if (pos.i >= fmt.length) break;
    if (cnt >= elts.length) return; // more format units than items
    pos.i++;
    const e = parseFormat(fmt, pos, elts[cnt]);
    cnt++;
    if (!e) return;
    values.push(e);
  }
  if (cnt < elts.length) return; // more items than format units
  copyNode(node, {
    k: 'JoinedStr',
    values,
    line: node.line,
    col: node.col,
    endLine: node.endLine,
    endCol: node.endCol,
  });
}
