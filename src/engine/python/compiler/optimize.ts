import { Block, copyLoc, type Instr } from './cfg';
import { isBlockPush, isJump, Op } from './opcodes';
import { constKey, isTrue, type Const } from './values';

/**
 * The flow-graph passes of compile.c (3.11) that change the instruction stream: jump threading,
 * constant conditions, tuple folding, SWAP elimination, dead-block removal, NOP cleaning, exit
 * block copying and line-number propagation.
 */

/** Blocks in layout order (following b_next from the entry). */
export function* chain(entry: Block): Generator<Block> {
  for (let b: Block | null = entry; b; b = b.next) yield b;
}

/** normalize_basic_block: mark exits and fall-through, skip empty jump targets. */
export function normalizeBasicBlock(b: Block): void {
  for (let i = 0; i < b.instr.length; i++) {
    const ins = b.instr[i];
    switch (ins.op) {
      case Op.RETURN_VALUE:
      case Op.RAISE_VARARGS:
      case Op.RERAISE:
        b.exit = true;
        b.nofallthrough = true;
        break;
      case Op.JUMP:
      case Op.JUMP_NO_INTERRUPT:
      case Op.POP_JUMP_IF_NOT_NONE:
      case Op.POP_JUMP_IF_NONE:
      case Op.POP_JUMP_IF_FALSE:
      case Op.POP_JUMP_IF_TRUE:
      case Op.JUMP_IF_FALSE_OR_POP:
      case Op.JUMP_IF_TRUE_OR_POP:
      case Op.FOR_ITER:
        if (ins.op === Op.JUMP || ins.op === Op.JUMP_NO_INTERRUPT) b.nofallthrough = true;
        if (i !== b.instr.length - 1) throw new Error('internal: malformed control flow graph');
        while (ins.target!.instr.length === 0) ins.target = ins.target!.next;
        break;
      default:
        break;
    }
  }
}

const MAX_COPY_SIZE = 4;

const hasLineno = (b: Block): boolean => b.instr.some((i) => i.line > 0);

/** extend_block: a jump to a small exit block without line numbers becomes a copy of it. */
export function extendBlock(b: Block): void {
  const last = b.instr[b.instr.length - 1];
  if (!last || (last.op !== Op.JUMP && last.op !== Op.JUMP_FORWARD && last.op !== Op.JUMP_BACKWARD)) return;
  const to = last.target!;
  if (!to.exit || to.instr.length > MAX_COPY_SIZE || hasLineno(to)) return;
  last.op = Op.NOP;
  for (const ins of to.instr) b.instr.push({ ...ins });
  b.exit = true;
}

/** clean_basic_block: drop NOPs that carry no line number of their own. */
export function cleanBasicBlock(b: Block): void {
  const out: Instr[] = [];
  let prevLine = -1;
  const src = b.instr;
  for (let i = 0; i < src.length; i++) {
    const ins = src[i];
    const line = ins.line;
    if (ins.op === Op.NOP) {
      if (line < 0) continue;
      if (prevLine === line) continue;
      if (i < src.length - 1) {
        const nextLine = src[i + 1].line;
        if (nextLine === line) continue;
        if (nextLine < 0) {
          copyLoc(ins, src[i + 1]);
          continue;
        }
      } else {
        let next = b.next;
        while (next && next.instr.length === 0) next = next.next;
        if (next && line === next.instr[0].line) continue;
      }
    }
    out.push(ins);
    prevLine = line;
  }
  b.instr = out;
}

/** Where the constants of the unit live while the graph is optimized (a list that can grow). */
export interface ConstTable {
  list: Const[];
}

function indexOfConst(consts: ConstTable, c: Const): number {
  const key = constKey(c);
  for (let i = 0; i < consts.list.length; i++) if (constKey(consts.list[i]) === key) return i;
  return -1;
}

/** fold_tuple_on_constants: LOAD_CONST × n + BUILD_TUPLE n → LOAD_CONST (tuple). */
function foldTupleOnConstants(b: Block, start: number, n: number, consts: ConstTable): void {
  for (let i = 0; i < n; i++) if (b.instr[start + i].op !== Op.LOAD_CONST) return;
  const items = [];
  for (let i = 0; i < n; i++) {
    const c = consts.list[b.instr[start + i].arg];
    if (c.t === 'code') return;
    items.push(c);
  }
  const tuple: Const = { t: 'tuple', items };
  let index = indexOfConst(consts, tuple);
  if (index < 0) {
    index = consts.list.length;
    consts.list.push(tuple);
  }
  for (let i = 0; i < n; i++) b.instr[start + i].op = Op.NOP;
  b.instr[start + n].op = Op.LOAD_CONST;
  b.instr[start + n].arg = index;
}

/** swaptimize: a run of SWAPs and NOPs replaced by the fewest SWAPs with the same effect. */
function swaptimize(b: Block, ix: number): number {
  const ins = b.instr;
  let depth = ins[ix].arg;
  let len = 0;
  let more = false;
  const limit = ins.length - ix;
  while (++len < limit) {
    const op = ins[ix + len].op;
    if (op === Op.SWAP) {
      depth = Math.max(depth, ins[ix + len].arg);
      more = true;
    } else if (op !== Op.NOP) break;
  }
  if (!more) return ix;
  const stack: number[] = [];
  for (let i = 0; i < depth; i++) stack.push(i);
  for (let i = 0; i < len; i++) {
    if (ins[ix + i].op === Op.SWAP) {
      const oparg = ins[ix + i].arg;
      const top = stack[0];
      stack[0] = stack[oparg - 1];
      stack[oparg - 1] = top;
    }
  }
  const VISITED = -1;
  let current = len - 1;
  for (let i = 0; i < depth; i++) {
    if (stack[i] === VISITED || stack[i] === i) continue;
    let j = i;
    for (;;) {
      if (j) {
        ins[ix + current].op = Op.SWAP;
        ins[ix + current--].arg = j + 1;
      }
      if (stack[j] === VISITED) break;
      const next = stack[j];
      stack[j] = VISITED;
      j = next;
    }
  }
  while (current >= 0) ins[ix + current--].op = Op.NOP;
  return ix + len - 1;
}

const swappable = (op: number): boolean => op === Op.STORE_FAST || op === Op.POP_TOP;
const storesTo = (ins: Instr): number => (ins.op === Op.STORE_FAST ? ins.arg : -1);

function nextSwappable(b: Block, i: number, lineno: number): number {
  while (++i < b.instr.length) {
    const ins = b.instr[i];
    if (lineno >= 0 && ins.line !== lineno) return -1;
    if (ins.op === Op.NOP) continue;
    if (swappable(ins.op)) return i;
    return -1;
  }
  return -1;
}

/** apply_static_swaps: SWAP 2, POP_TOP, STORE_FAST x → NOP, STORE_FAST x, POP_TOP. */
function applyStaticSwaps(b: Block, i: number): void {
  for (; i >= 0; i--) {
    const swap = b.instr[i];
    if (swap.op !== Op.SWAP) {
      if (swap.op === Op.NOP || swappable(swap.op)) continue;
      return;
    }
    const j = nextSwappable(b, i, -1);
    if (j < 0) return;
    let k = j;
    const lineno = b.instr[j].line;
    for (let count = swap.arg - 1; count > 0; count--) {
      k = nextSwappable(b, k, lineno);
      if (k < 0) return;
    }
    const sj = storesTo(b.instr[j]);
    const sk = storesTo(b.instr[k]);
    if (sj >= 0 || sk >= 0) {
      if (sj === sk) return;
      for (let idx = j + 1; idx < k; idx++) {
        const s = storesTo(b.instr[idx]);
        if (s >= 0 && (s === sj || s === sk)) return;
      }
    }
    swap.op = Op.NOP;
    const tmp = b.instr[j];
    b.instr[j] = b.instr[k];
    b.instr[k] = tmp;
  }
}

/** jump_thread: jump straight to where the target jump goes (same line only). */
function jumpThread(inst: Instr, target: Instr, op: number): boolean {
  if (inst.line === target.line && inst.target !== target.target) {
    inst.target = target.target;
    inst.op = op;
    return true;
  }
  return false;
}

const NOP_INSTR: Instr = { op: Op.NOP, arg: 0, target: null, except: null, line: -1, endLine: -1, col: -1, endCol: -1 };

/** optimize_basic_block. */
function optimizeBasicBlock(b: Block, consts: ConstTable): void {
  for (let i = 0; i < b.instr.length; i++) {
    const inst = b.instr[i];
    const oparg = inst.arg;
    const nextop = i + 1 < b.instr.length ? b.instr[i + 1].op : 0;
    let target = NOP_INSTR;
    if (isJump(inst.op) || isBlockPush(inst.op)) {
      while (inst.target!.instr.length === 0) inst.target = inst.target!.next;
      target = inst.target!.instr[0];
    }
    switch (inst.op) {
      case Op.LOAD_CONST: {
        const cnt = consts.list[oparg];
        switch (nextop) {
          case Op.POP_JUMP_IF_FALSE:
          case Op.POP_JUMP_IF_TRUE: {
            inst.op = Op.NOP;
            const jumpIfTrue = nextop === Op.POP_JUMP_IF_TRUE;
            if (isTrue(cnt) === jumpIfTrue) {
              b.instr[i + 1].op = Op.JUMP;
              b.nofallthrough = true;
            } else b.instr[i + 1].op = Op.NOP;
            break;
          }
          case Op.JUMP_IF_FALSE_OR_POP:
          case Op.JUMP_IF_TRUE_OR_POP: {
            const jumpIfTrue = nextop === Op.JUMP_IF_TRUE_OR_POP;
            if (isTrue(cnt) === jumpIfTrue) {
              b.instr[i + 1].op = Op.JUMP;
              b.nofallthrough = true;
            } else {
              inst.op = Op.NOP;
              b.instr[i + 1].op = Op.NOP;
            }
            break;
          }
          case Op.IS_OP: {
            const jumpOp = i + 2 < b.instr.length ? b.instr[i + 2].op : 0;
            if (cnt.t === 'none' && (jumpOp === Op.POP_JUMP_IF_FALSE || jumpOp === Op.POP_JUMP_IF_TRUE)) {
              const nextarg = b.instr[i + 1].arg & 0xff;
              inst.op = Op.NOP;
              b.instr[i + 1].op = Op.NOP;
              b.instr[i + 2].op = nextarg ^ (jumpOp === Op.POP_JUMP_IF_FALSE ? 1 : 0) ? Op.POP_JUMP_IF_NOT_NONE : Op.POP_JUMP_IF_NONE;
            }
            break;
          }
          default:
            break;
        }
        break;
      }
      case Op.BUILD_TUPLE:
        if (nextop === Op.UNPACK_SEQUENCE && oparg === b.instr[i + 1].arg) {
          if (oparg === 1) {
            inst.op = Op.NOP;
            b.instr[i + 1].op = Op.NOP;
            continue;
          }
          if (oparg === 2 || oparg === 3) {
            inst.op = Op.NOP;
            b.instr[i + 1].op = Op.SWAP;
            continue;
          }
        }
        if (i >= oparg) foldTupleOnConstants(b, i - oparg, oparg, consts);
        break;
      case Op.JUMP_IF_FALSE_OR_POP:
        switch (target.op) {
          case Op.POP_JUMP_IF_FALSE:
            i -= jumpThread(inst, target, Op.POP_JUMP_IF_FALSE) ? 1 : 0;
            break;
          case Op.JUMP:
          case Op.JUMP_IF_FALSE_OR_POP:
            i -= jumpThread(inst, target, Op.JUMP_IF_FALSE_OR_POP) ? 1 : 0;
            break;
          case Op.JUMP_IF_TRUE_OR_POP:
          case Op.POP_JUMP_IF_TRUE:
            if (inst.line === target.line) {
              inst.op = Op.POP_JUMP_IF_FALSE;
              inst.target = inst.target!.next;
              i--;
            }
            break;
          default:
            break;
        }
        break;
      case Op.JUMP_IF_TRUE_OR_POP:
        switch (target.op) {
          case Op.POP_JUMP_IF_TRUE:
            i -= jumpThread(inst, target, Op.POP_JUMP_IF_TRUE) ? 1 : 0;
            break;
          case Op.JUMP:
          case Op.JUMP_IF_TRUE_OR_POP:
            i -= jumpThread(inst, target, Op.JUMP_IF_TRUE_OR_POP) ? 1 : 0;
            break;
          case Op.JUMP_IF_FALSE_OR_POP:
          case Op.POP_JUMP_IF_FALSE:
            if (inst.line === target.line) {
              inst.op = Op.POP_JUMP_IF_TRUE;
              inst.target = inst.target!.next;
              i--;
            }
            break;
          default:
            break;
        }
        break;
      case Op.POP_JUMP_IF_NOT_NONE:
      case Op.POP_JUMP_IF_NONE:
      case Op.POP_JUMP_IF_FALSE:
      case Op.POP_JUMP_IF_TRUE:
      case Op.JUMP:
        if (target.op === Op.JUMP) i -= jumpThread(inst, target, inst.op) ? 1 : 0;
        break;
      case Op.SWAP:
        if (oparg === 1) {
          inst.op = Op.NOP;
          break;
        }
        i = swaptimize(b, i);
        applyStaticSwaps(b, i);
        break;
      case Op.PUSH_NULL:
        // CPython tests the opcode's low bit, not the oparg's: LOAD_GLOBAL (116) always passes.
        if (nextop === Op.LOAD_GLOBAL && (b.instr[i + 1].op & 1) === 0) {
          inst.op = Op.NOP;
          inst.arg = 0;
          b.instr[i + 1].arg |= 1;
        }
        break;
      default:
        break;
    }
  }
}

/** mark_reachable: count each block's predecessors from the entry. */
function markReachable(entry: Block): void {
  entry.predecessors = 1;
  const stack = [entry];
  while (stack.length) {
    const b = stack.pop()!;
    if (b.next && !b.nofallthrough) {
      if (b.next.predecessors === 0) stack.push(b.next);
      b.next.predecessors++;
    }
    for (const ins of b.instr) {
      if (isJump(ins.op) || isBlockPush(ins.op)) {
        const t = ins.target!;
        if (t.predecessors === 0) stack.push(t);
        t.predecessors++;
      }
    }
  }
}

/** eliminate_empty_basic_blocks. */
function eliminateEmptyBasicBlocks(entry: Block): void {
  for (const b of chain(entry)) {
    let next = b.next;
    if (next) {
      while (next.instr.length === 0 && next.next) next = next.next;
      b.next = next;
    }
  }
  for (const b of chain(entry)) {
    const last = b.instr[b.instr.length - 1];
    if (last && isJump(last.op)) {
      let t = last.target!;
      while (t.instr.length === 0) t = t.next!;
      last.target = t;
    }
  }
}

/** optimize_cfg. */
export function optimizeCfg(entry: Block, allBlocks: Block[], consts: ConstTable): void {
  for (const b of chain(entry)) {
    optimizeBasicBlock(b, consts);
    cleanBasicBlock(b);
  }
  for (let i = allBlocks.length - 1; i >= 0; i--) extendBlock(allBlocks[i]);
  markReachable(entry);
  for (const b of chain(entry)) {
    if (b.predecessors === 0) {
      b.instr = [];
      b.nofallthrough = false;
    }
  }
  eliminateEmptyBasicBlocks(entry);
  for (const b of chain(entry)) cleanBasicBlock(b);
  // A jump to the very next block is redundant.
  let maybeEmpty = false;
  for (const b of chain(entry)) {
    const last = b.instr[b.instr.length - 1];
    if (last && (last.op === Op.JUMP || last.op === Op.JUMP_NO_INTERRUPT) && last.target === b.next) {
      b.nofallthrough = false;
      last.op = Op.NOP;
      maybeEmpty = true;
    }
  }
  if (maybeEmpty) eliminateEmptyBasicBlocks(entry);
}

/** trim_unused_consts: drop constants past the last one used (the first always stays). */
export function trimUnusedConsts(entry: Block, consts: ConstTable): void {
  let max = 0;
  for (const b of chain(entry)) for (const ins of b.instr) if ((ins.op === Op.LOAD_CONST || ins.op === Op.KW_NAMES) && ins.arg > max) max = ins.arg;
  if (max + 1 < consts.list.length) consts.list.length = max + 1;
}

const isExitWithoutLineno = (b: Block): boolean => b.exit && b.instr.every((i) => i.line < 0);

/**
 * duplicate_exits_without_lineno (PEP 626): an exit block without a line number reached by more
 * than one jump is copied, so each copy can inherit its predecessor's line.
 */
export function duplicateExitsWithoutLineno(allBlocks: Block[]): void {
  const snapshot = [...allBlocks];
  for (let i = snapshot.length - 1; i >= 0; i--) {
    const b = snapshot[i];
    const last = b.instr[b.instr.length - 1];
    if (!last || !isJump(last.op)) continue;
    const target = last.target!;
    if (isExitWithoutLineno(target) && target.predecessors > 1) {
      const copy = new Block();
      allBlocks.push(copy);
      copy.instr = target.instr.map((x) => ({ ...x }));
      copy.exit = target.exit;
      copy.nofallthrough = true;
      copyLoc(last, copy.instr[0]);
      last.target = copy;
      target.predecessors--;
      copy.predecessors = 1;
      copy.next = target.next;
      target.next = copy;
    }
  }
  for (let i = allBlocks.length - 1; i >= 0; i--) {
    const b = allBlocks[i];
    while (b.next && b.next.instr.length === 0) b.next = b.next.next;
  }
  for (let i = allBlocks.length - 1; i >= 0; i--) {
    const b = allBlocks[i];
    if (!b.nofallthrough && b.next && b.instr.length && isExitWithoutLineno(b.next)) copyLoc(b.instr[b.instr.length - 1], b.next.instr[0]);
  }
}

/** propagate_line_numbers: an instruction without a line takes the one before it. */
export function propagateLineNumbers(entry: Block): void {
  for (const b of chain(entry)) {
    if (!b.instr.length) continue;
    const prev: Instr = { ...NOP_INSTR };
    for (const ins of b.instr) {
      if (ins.line < 0) copyLoc(prev, ins);
      else copyLoc(ins, prev);
    }
    if (!b.nofallthrough && b.next && b.next.predecessors === 1 && b.next.instr.length && b.next.instr[0].line < 0) {
      copyLoc(prev, b.next.instr[0]);
    }
    const last = b.instr[b.instr.length - 1];
    if (isJump(last.op)) {
      const t = last.target!;
      if (t.predecessors === 1 && t.instr.length && t.instr[0].line < 0) copyLoc(prev, t.instr[0]);
    }
  }
}

/** guarantee_lineno_for_exits: a RETURN_VALUE block still without a line gets the last line seen. */
export function guaranteeLinenoForExits(entry: Block, firstlineno: number): void {
  let lineno = firstlineno;
  for (const b of chain(entry)) {
    const last = b.instr[b.instr.length - 1];
    if (!last) continue;
    if (last.line < 0) {
      if (last.op === Op.RETURN_VALUE) for (const ins of b.instr) ins.line = lineno;
    } else lineno = last.line;
  }
}
