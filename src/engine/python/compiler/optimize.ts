import { chain, copyLoc, type Block, type Instr } from './cfg';
import { applyStaticSwaps, swaptimize } from './swaps';
import { isBlockPush, isJump, Op } from './opcodes';
import { constKey, isTrue, type Const } from './values';

/**
 * The flow-graph passes of compile.c (3.11) that change the instruction stream: jump threading,
 * constant conditions, tuple folding, SWAP elimination, dead-block removal, NOP cleaning, exit
 * block copying and line-number propagation.
 */

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
  /** constKey → index, for the constants of `list` (built on first use). */
  index?: Map<string, number>;
}

/** The index of an equal constant in the list (CPython compares the merged objects), or -1. */
function indexOfConst(consts: ConstTable, c: Const): number {
  if (!consts.index) {
    consts.index = new Map();
    consts.list.forEach((x, i) => {
      const k = constKey(x);
      if (!consts.index!.has(k)) consts.index!.set(k, i);
    });
  }
  return consts.index.get(constKey(c)) ?? -1;
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
    consts.index!.set(constKey(tuple), index);
  }
  for (let i = 0; i < n; i++) b.instr[start + i].op = Op.NOP;
  b.instr[start + n].op = Op.LOAD_CONST;
  b.instr[start + n].arg = index;
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

const NOP_INSTR: Instr = {
  op: Op.NOP,
  arg: 0,
  target: null,
  except: null,
  line: -1,
  endLine: -1,
  col: -1,
  endCol: -1,
};

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
              b.instr[i + 2].op =
                nextarg ^ (jumpOp === Op.POP_JUMP_IF_FALSE ? 1 : 0)
                  ? Op.POP_JUMP_IF_NOT_NONE
                  : Op.POP_JUMP_IF_NONE;
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
  for (const b of chain(entry))
    for (const ins of b.instr)
      if ((ins.op === Op.LOAD_CONST || ins.op === Op.KW_NAMES) && ins.arg > max) max = ins.arg;
  if (max + 1 < consts.list.length) consts.list.length = max + 1;
}
