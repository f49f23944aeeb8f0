import type { ConstValue, Expr, Pattern, StmtOf } from '../ast';
import { constKey, constRepr, strRepr } from '../pyrepr';
import type { Codegen } from './codegen';

/** compile.c's pattern_context: names bound so far, and whether an irrefutable pattern may come. */
interface PatternContext {
  stores: string[];
  allowIrrefutable: boolean;
}

const isWildcard = (p: Pattern): boolean => p.k === 'MatchAs' && p.pattern === null && p.name === null;

/** compiler_match_inner: each case's pattern, guard and body; a trailing `case _` is not compiled as a pattern. */
export function checkPatterns(c: Codegen, s: StmtOf<'Match'>): void {
  const cases = s.cases;
  const hasDefault = isWildcard(cases[cases.length - 1].pattern) && cases.length > 1;
  for (let i = 0; i < cases.length - (hasDefault ? 1 : 0); i++) {
    const m = cases[i];
    c.setLoc(m.pattern);
    const pc: PatternContext = { stores: [], allowIrrefutable: m.guard !== null || i === cases.length - 1 };
    pattern(c, m.pattern, pc);
    for (const name of pc.stores) c.forbidden(name, 'store');
    c.expr(m.guard);
    c.stmts(m.body);
  }
  if (hasDefault) {
    const m = cases[cases.length - 1];
    c.setLoc(m.pattern);
    c.expr(m.guard);
    c.stmts(m.body);
  }
}

/** compiler_pattern: SET_LOC, then the pattern's own checks (the location is not restored). */
function pattern(c: Codegen, p: Pattern, pc: PatternContext): void {
  c.setLoc(p);
  switch (p.k) {
    case 'MatchValue': {
      // After ast_opt's folding, numbers (-1, 1+2j) are constants; an f-string is not.
      const v = p.value;
      const folded = v.k === 'Constant' || v.k === 'Attribute' || v.k === 'UnaryOp' || v.k === 'BinOp';
      if (!folded) throw c.error('patterns may only match literals and attribute lookups');
      c.expr(v);
      return;
    }
    case 'MatchSingleton':
      return;
    case 'MatchSequence': {
      // compiler_pattern_sequence: at most one star; `[_, *_]`-like patterns compile nothing; with a
      // `*_`, wildcards and the star are skipped (pattern_helper_sequence_subscr).
      let star = -1;
      let onlyWildcard = true;
      let starWildcard = false;
      p.patterns.forEach((sub, i) => {
        if (sub.k === 'MatchStar') {
          if (star >= 0) throw c.error('multiple starred names in sequence pattern');
          starWildcard = sub.name === null;
          onlyWildcard &&= starWildcard;
          star = i;
          return;
        }
        onlyWildcard &&= isWildcard(sub);
      });
      if (onlyWildcard) return;
      if (starWildcard) {
        p.patterns.forEach((sub, i) => {
          if (i !== star && !isWildcard(sub)) subpattern(c, sub, pc);
        });
        return;
      }
      if (star >= 256) throw c.error('too many expressions in star-unpacking sequence pattern');
      for (const sub of p.patterns) subpattern(c, sub, pc);
      return;
    }
    case 'MatchMapping': {
      const seen = new Set<string>();
      for (const key of p.keys) {
        if (key.k === 'Constant') {
          const k = constKey(key.value);
          if (seen.has(k)) throw c.error(`mapping pattern checks duplicate key (${constRepr(key.value)})`);
          seen.add(k);
        } else if (foldedConstant(key)) {
          const v = foldedConstant(key)!;
          const k = constKey(v);
          if (seen.has(k)) throw c.error(`mapping pattern checks duplicate key (${constRepr(v)})`);
          seen.add(k);
        } else if (key.k !== 'Attribute')
          throw c.error('mapping pattern keys may only match literals and attribute lookups');
        c.expr(key);
      }
      for (const sub of p.patterns) subpattern(c, sub, pc);
      storeName(c, p.rest, pc);
      return;
    }
    case 'MatchClass': {
      if (p.kwdAttrs.length) {
        p.kwdAttrs.forEach((attr, i) => {
          c.setLoc(p.kwdPatterns[i]);
          c.forbidden(attr, 'store');
          for (let j = i + 1; j < p.kwdAttrs.length; j++) {
            if (p.kwdAttrs[j] === attr) {
              c.setLoc(p.kwdPatterns[j]);
              throw c.error(`attribute name repeated in class pattern: ${attr}`);
            }
          }
        });
        c.setLoc(p);
      }
      c.expr(p.cls);
      for (const sub of [...p.patterns, ...p.kwdPatterns]) if (!isWildcard(sub)) subpattern(c, sub, pc);
      return;
    }
    case 'MatchStar':
      storeName(c, p.name, pc);
      return;
    case 'MatchAs':
      if (p.pattern === null) {
        if (!pc.allowIrrefutable) {
          if (p.name) throw c.error(`name capture ${strRepr(p.name)} makes remaining patterns unreachable`);
          throw c.error('wildcard makes remaining patterns unreachable');
        }
        storeName(c, p.name, pc);
        return;
      }
      pattern(c, p.pattern, pc);
      storeName(c, p.name, pc);
      return;
    case 'MatchOr': {
      const outer = pc.stores;
      const allow = pc.allowIrrefutable;
      let control: string[] | null = null;
      p.patterns.forEach((alt, i) => {
        c.setLoc(alt);
        pc.stores = [];
        pc.allowIrrefutable = i === p.patterns.length - 1 && allow;
        pattern(c, alt, pc);
        if (i === 0) control = pc.stores;
        else if (pc.stores.length !== control!.length || control!.some((n) => !pc.stores.includes(n)))
          throw c.error('alternative patterns bind different names');
      });
      pc.stores = outer;
      pc.allowIrrefutable = allow;
      for (const name of control!) {
        if (pc.stores.includes(name))
          throw c.error(`multiple assignments to name ${strRepr(name)} in pattern`);
        pc.stores.push(name);
      }
      return;
    }
  }
}

/** compiler_pattern_subpattern: irrefutable patterns are fine inside others. */
function subpattern(c: Codegen, p: Pattern, pc: PatternContext): void {
  const allow = pc.allowIrrefutable;
  pc.allowIrrefutable = true;
  pattern(c, p, pc);
  pc.allowIrrefutable = allow;
}

/** pattern_helper_store_name */
function storeName(c: Codegen, name: string | null, pc: PatternContext): void {
  if (name === null) return;
  c.forbidden(name, 'store');
  if (pc.stores.includes(name)) throw c.error(`multiple assignments to name ${strRepr(name)} in pattern`);
  pc.stores.push(name);
}

/** A mapping key the optimizer folds to a constant (-1, 1+2j); null otherwise. */
function foldedConstant(e: Expr): ConstValue | null {
  if (e.k === 'UnaryOp' && e.op === '-' && e.operand.k === 'Constant') {
    const v = e.operand.value;
    if (v.t === 'int') return { t: 'int' as const, v: -v.v };
    if (v.t === 'float') return { t: 'float' as const, v: -v.v };
    if (v.t === 'complex') return { t: 'complex' as const, re: -v.re, im: -v.im };
  }
  if (
    e.k === 'BinOp' &&
    (e.op === '+' || e.op === '-') &&
    e.right.k === 'Constant' &&
    e.right.value.t === 'complex'
  ) {
    const l: ConstValue | null = e.left.k === 'Constant' ? e.left.value : foldedConstant(e.left);
    const im = e.right.value.im;
    if (l && (l.t === 'int' || l.t === 'float'))
      return { t: 'complex' as const, re: Number(l.v), im: e.op === '+' ? im : -im };
  }
  return null;
}
