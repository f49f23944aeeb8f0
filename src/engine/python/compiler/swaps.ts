import type { Block, Instr } from './cfg';
import { Op } from './opcodes';

/** SWAP elimination (compile.c: swaptimize and apply_static_swaps). */

/** swaptimize: a run of SWAPs and NOPs replaced by the fewest SWAPs with the same effect. */
export function swaptimize(b: Block, ix: number): number {
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
export function applyStaticSwaps(b: Block, i: number): void {
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
