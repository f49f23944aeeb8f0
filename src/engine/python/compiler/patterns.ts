import type { Pattern, StmtOf } from '../syntax/ast';
import type { Block } from './cfg';
import { jumpIf } from './conditions';
import { unpackHelper } from './displays';
import { checkForbidden, nameOp, visitExpr } from './expr';
import { Op } from './opcodes';
import { visitStmts } from './stmt';
import type { Compiler } from './unit';
import { constKey, constRepr, NONE } from './values';

/**
 * PEP 634 match statements (compile.c's compiler_pattern_*). Each pattern consumes the subject on
 * top of the stack and jumps to a fail_pop block on no match; captured values stay on the stack
 * under `onTop` items and are stored only once the whole pattern matched.
 */
interface PatternContext {
  stores: string[];
  allowIrrefutable: boolean;
  failPop: Block[];
  onTop: number;
}

const isWildcard = (p: Pattern): boolean => p.k === 'MatchAs' && !p.pattern && !p.name;
const isWildcardStar = (p: Pattern): boolean => p.k === 'MatchStar' && !p.name;

function ensureFailPop(c: Compiler, pc: PatternContext, n: number): void {
  while (pc.failPop.length < n + 1) pc.failPop.push(c.newBlock());
}

/** jump_to_fail_pop: pop what is on top, plus the captures so far. */
function jumpToFailPop(c: Compiler, pc: PatternContext, op: number): void {
  const pops = pc.onTop + pc.stores.length;
  ensureFailPop(c, pc, pops);
  c.addJump(op, pc.failPop[pops]);
}

/** emit_and_reset_fail_pop: fail_pop[n] pops one and falls into fail_pop[n-1]. */
function emitAndResetFailPop(c: Compiler, pc: PatternContext): void {
  if (!pc.failPop.length) return;
  for (let i = pc.failPop.length - 1; i > 0; i--) {
    c.useNextBlock(pc.failPop[i]);
    c.addOp(Op.POP_TOP);
  }
  c.useNextBlock(pc.failPop[0]);
  pc.failPop = [];
}

/** pattern_helper_rotate: ROT_N as SWAPs. */
function rotate(c: Compiler, count: number): void {
  while (count > 1) c.addOp(Op.SWAP, count--);
}

function storeName(c: Compiler, name: string | null, pc: PatternContext): void {
  if (name === null) {
    c.addOp(Op.POP_TOP);
    return;
  }
  checkForbidden(c, name, 'store');
  if (pc.stores.includes(name)) c.error(`multiple assignments to name '${name}' in pattern`);
  rotate(c, pc.onTop + pc.stores.length + 1);
  pc.stores.push(name);
}

function subpattern(c: Compiler, p: Pattern, pc: PatternContext): void {
  const allow = pc.allowIrrefutable;
  pc.allowIrrefutable = true;
  pattern(c, p, pc);
  pc.allowIrrefutable = allow;
}

function pattern(c: Compiler, p: Pattern, pc: PatternContext): void {
  c.setLoc(p);
  switch (p.k) {
    case 'MatchValue':
      if (p.value.k !== 'Constant' && p.value.k !== 'Attribute')
        c.error('patterns may only match literals and attribute lookups');
      visitExpr(c, p.value);
      c.addOp(Op.COMPARE_OP, 2); // ==
      jumpToFailPop(c, pc, Op.POP_JUMP_IF_FALSE);
      return;
    case 'MatchSingleton':
      c.loadConst(p.value);
      c.addOp(Op.IS_OP, 0);
      jumpToFailPop(c, pc, Op.POP_JUMP_IF_FALSE);
      return;
    case 'MatchSequence':
      return sequencePattern(c, p, pc);
    case 'MatchMapping':
      return mappingPattern(c, p, pc);
    case 'MatchClass':
      return classPattern(c, p, pc);
    case 'MatchStar':
      storeName(c, p.name, pc);
      return;
    case 'MatchAs':
      if (!p.pattern) {
        if (!pc.allowIrrefutable) {
          if (p.name) c.error(`name capture '${p.name}' makes remaining patterns unreachable`);
          c.error('wildcard makes remaining patterns unreachable');
        }
        storeName(c, p.name, pc);
        return;
      }
      pc.onTop++;
      c.addOp(Op.COPY, 1);
      pattern(c, p.pattern, pc);
      pc.onTop--;
      storeName(c, p.name, pc);
      return;
    case 'MatchOr':
      return orPattern(c, p, pc);
  }
}

function sequencePattern(c: Compiler, p: Extract<Pattern, { k: 'MatchSequence' }>, pc: PatternContext): void {
  const patterns = p.patterns;
  const size = patterns.length;
  let star = -1;
  let onlyWildcard = true;
  let starWildcard = false;
  patterns.forEach((q, i) => {
    if (q.k === 'MatchStar') {
      if (star >= 0) c.error('multiple starred names in sequence pattern');
      starWildcard = isWildcardStar(q);
      onlyWildcard &&= starWildcard;
      star = i;
      return;
    }
    onlyWildcard &&= isWildcard(q);
  });
  pc.onTop++;
  c.addOp(Op.MATCH_SEQUENCE);
  jumpToFailPop(c, pc, Op.POP_JUMP_IF_FALSE);
  if (star < 0) {
    c.addOp(Op.GET_LEN);
    c.loadConst({ t: 'int', v: BigInt(size) });
    c.addOp(Op.COMPARE_OP, 2); // ==
    jumpToFailPop(c, pc, Op.POP_JUMP_IF_FALSE);
  } else if (size > 1) {
    c.addOp(Op.GET_LEN);
    c.loadConst({ t: 'int', v: BigInt(size - 1) });
    c.addOp(Op.COMPARE_OP, 5); // >=
    jumpToFailPop(c, pc, Op.POP_JUMP_IF_FALSE);
  }
  pc.onTop--;
  if (onlyWildcard) c.addOp(Op.POP_TOP);
  else if (starWildcard) {
    // pattern_helper_sequence_subscr: [a, *_, b] indexes instead of unpacking
    pc.onTop++;
    patterns.forEach((q, i) => {
      if (isWildcard(q) || i === star) return;
      c.addOp(Op.COPY, 1);
      if (i < star) c.loadConst({ t: 'int', v: BigInt(i) });
      else {
        c.addOp(Op.GET_LEN);
        c.loadConst({ t: 'int', v: BigInt(size - i) });
        c.addOp(Op.BINARY_OP, 10); // -
      }
      c.addOp(Op.BINARY_SUBSCR);
      subpattern(c, q, pc);
    });
    pc.onTop--;
    c.addOp(Op.POP_TOP);
  } else {
    // pattern_helper_sequence_unpack
    unpackHelper(c, patterns, 'sequence pattern');
    pc.onTop += size;
    for (const q of patterns) {
      pc.onTop--;
      subpattern(c, q, pc);
    }
  }
}

function mappingPattern(c: Compiler, p: Extract<Pattern, { k: 'MatchMapping' }>, pc: PatternContext): void {
  const { keys, patterns, rest } = p;
  let size = keys.length;
  pc.onTop++;
  c.addOp(Op.MATCH_MAPPING);
  jumpToFailPop(c, pc, Op.POP_JUMP_IF_FALSE);
  if (!size && !rest) {
    pc.onTop--;
    c.addOp(Op.POP_TOP);
    return;
  }
  if (size) {
    c.addOp(Op.GET_LEN);
    c.loadConst({ t: 'int', v: BigInt(size) });
    c.addOp(Op.COMPARE_OP, 5); // >=
    jumpToFailPop(c, pc, Op.POP_JUMP_IF_FALSE);
  }
  const seen = new Set<string>();
  for (const key of keys) {
    if (key.k === 'Constant') {
      const k = constKey(key.value);
      if (seen.has(k)) c.error(`mapping pattern checks duplicate key (${constRepr(key.value)})`);
      seen.add(k);
    } else if (key.k !== 'Attribute')
      c.error('mapping pattern keys may only match literals and attribute lookups');
    visitExpr(c, key);
  }
  c.addOp(Op.BUILD_TUPLE, size);
  c.addOp(Op.MATCH_KEYS);
  pc.onTop += 2;
  c.addOp(Op.COPY, 1);
  c.loadConst(NONE);
  c.addOp(Op.IS_OP, 1);
  jumpToFailPop(c, pc, Op.POP_JUMP_IF_FALSE);
  c.addOp(Op.UNPACK_SEQUENCE, size);
  pc.onTop += size - 1;
  for (const q of patterns) {
    pc.onTop--;
    subpattern(c, q, pc);
  }
  pc.onTop -= 2;
  if (rest) {
    // rest = dict(subject); del rest[key] for each key
    c.addOp(Op.BUILD_MAP, 0);
    c.addOp(Op.SWAP, 3);
    c.addOp(Op.DICT_UPDATE, 2);
    c.addOp(Op.UNPACK_SEQUENCE, size);
    while (size) {
      c.addOp(Op.COPY, 1 + size--);
      c.addOp(Op.SWAP, 2);
      c.addOp(Op.DELETE_SUBSCR);
    }
    storeName(c, rest, pc);
  } else {
    c.addOp(Op.POP_TOP); // the tuple of keys
    c.addOp(Op.POP_TOP); // the subject
  }
}

function classPattern(c: Compiler, p: Extract<Pattern, { k: 'MatchClass' }>, pc: PatternContext): void {
  const { patterns, kwdAttrs, kwdPatterns } = p;
  const nargs = patterns.length;
  const nattrs = kwdAttrs.length;
  if (nattrs) {
    kwdAttrs.forEach((attr, i) => {
      c.setLoc(kwdPatterns[i]);
      checkForbidden(c, attr, 'store');
      kwdAttrs.slice(i + 1).forEach((other, j) => {
        if (other === attr) {
          c.setLoc(kwdPatterns[i + 1 + j]);
          c.error(`attribute name repeated in class pattern: ${attr}`);
        }
      });
    });
    c.setLoc(p);
  }
  visitExpr(c, p.cls);
  c.loadConst({ t: 'tuple', items: kwdAttrs.map((v) => ({ t: 'str', v })) });
  c.addOp(Op.MATCH_CLASS, nargs);
  c.addOp(Op.COPY, 1);
  c.loadConst(NONE);
  c.addOp(Op.IS_OP, 1);
  pc.onTop++;
  jumpToFailPop(c, pc, Op.POP_JUMP_IF_FALSE);
  c.addOp(Op.UNPACK_SEQUENCE, nargs + nattrs);
  pc.onTop += nargs + nattrs - 1;
  for (const q of [...patterns, ...kwdPatterns]) {
    pc.onTop--;
    if (isWildcard(q)) {
      c.addOp(Op.POP_TOP);
      continue;
    }
    subpattern(c, q, pc);
  }
}

function orPattern(c: Compiler, p: Extract<Pattern, { k: 'MatchOr' }>, pc: PatternContext): void {
  const end = c.newBlock();
  const size = p.patterns.length;
  const old = { ...pc, stores: [...pc.stores] };
  let control: string[] | null = null;
  p.patterns.forEach((alt, i) => {
    c.setLoc(alt);
    pc.stores = [];
    pc.allowIrrefutable = i === size - 1 && old.allowIrrefutable;
    pc.failPop = [];
    pc.onTop = 0;
    c.addOp(Op.COPY, 1);
    pattern(c, alt, pc);
    const nstores = pc.stores.length;
    if (i === 0) control = pc.stores;
    else if (nstores !== control!.length) c.error('alternative patterns bind different names');
    else if (nstores) {
      // reorder the captures to the order of the first alternative
      for (let icontrol = nstores - 1; icontrol >= 0; icontrol--) {
        const name = control![icontrol];
        const istores = pc.stores.indexOf(name);
        if (istores < 0) c.error('alternative patterns bind different names');
        if (icontrol !== istores) {
          let rotations = istores + 1;
          const rotated = pc.stores.slice(0, rotations);
          pc.stores.splice(0, rotations);
          pc.stores.splice(icontrol - istores, 0, ...rotated);
          while (rotations--) rotate(c, icontrol + 1);
        }
      }
    }
    c.addJump(Op.JUMP, end);
    emitAndResetFailPop(c, pc);
  });
  pc.stores = old.stores;
  pc.allowIrrefutable = old.allowIrrefutable;
  pc.failPop = old.failPop;
  pc.onTop = old.onTop;
  // no alternative matched: pop the subject's copy and fail
  c.addOp(Op.POP_TOP);
  jumpToFailPop(c, pc, Op.JUMP);
  c.useNextBlock(end);
  const nstores = control!.length;
  const nrots = nstores + 1 + pc.onTop + pc.stores.length;
  for (let i = 0; i < nstores; i++) {
    rotate(c, nrots);
    const name = control![i];
    if (pc.stores.includes(name)) c.error(`multiple assignments to name '${name}' in pattern`);
    pc.stores.push(name);
  }
  c.addOp(Op.POP_TOP); // the subject's copy
}

/** compiler_match: try each case in turn on a copy of the subject. */
export function compileMatch(c: Compiler, s: StmtOf<'Match'>): void {
  visitExpr(c, s.subject);
  const end = c.newBlock();
  const cases = s.cases.length;
  const last = s.cases[cases - 1];
  const hasDefault = isWildcard(last.pattern) && cases > 1 ? 1 : 0;
  for (let i = 0; i < cases - hasDefault; i++) {
    const m = s.cases[i];
    c.setLoc(m.pattern);
    if (i !== cases - hasDefault - 1) c.addOp(Op.COPY, 1);
    const pc: PatternContext = {
      stores: [],
      allowIrrefutable: m.guard !== null || i === cases - 1,
      failPop: [],
      onTop: 0,
    };
    pattern(c, m.pattern, pc);
    for (const name of pc.stores) nameOp(c, name, 'store');
    if (m.guard) {
      ensureFailPop(c, pc, 0);
      jumpIf(c, m.guard, pc.failPop[0], false);
    }
    if (i !== cases - hasDefault - 1) c.addOp(Op.POP_TOP);
    visitStmts(c, m.body);
    c.unsetLoc();
    c.addJump(Op.JUMP, end);
    // a failed match takes the pattern's line, not the body's
    c.setLoc(m.pattern);
    emitAndResetFailPop(c, pc);
  }
  if (hasDefault) {
    c.setLoc(last.pattern);
    if (cases === 1) c.addOp(Op.POP_TOP);
    else c.addOp(Op.NOP); // line coverage for `case _:`
    if (last.guard) jumpIf(c, last.guard, end, false);
    visitStmts(c, last.body);
    c.unsetLoc();
  }
  c.useNextBlock(end);
}
