import { chain, type Block, type ExceptStack } from './cfg';
import { isBlockPush, isJump, Op } from './opcodes';
import { instrSize } from './positions';

/**
 * 3.11's zero-cost exceptions at assembly time: which handler covers each instruction
 * (label_exception_targets), and the table the eval loop searches when something raises
 * (assemble_exception_table: start, end, target, stack depth, lasti).
 */

/** label_exception_targets: walk the graph with the stack of active handlers; tag every instruction. */
export function labelExceptionTargets(entry: Block): void {
  for (const b of chain(entry)) b.visited = false;
  const copy = (s: ExceptStack): ExceptStack => ({ handlers: [...s.handlers], depth: s.depth });
  const todo: Block[] = [entry];
  entry.visited = true;
  entry.exceptStack = { handlers: [null], depth: 0 };
  while (todo.length) {
    const b = todo.pop()!;
    // `stack` goes to a jump target when nothing falls through (then it is null: never read again)
    let stack = b.exceptStack! as ExceptStack;
    b.exceptStack = null;
    let handler = stack.handlers[stack.depth];
    for (let i = 0; i < b.instr.length; i++) {
      const ins = b.instr[i];
      if (isBlockPush(ins.op)) {
        const t = ins.target!;
        if (!t.visited) {
          t.exceptStack = copy(stack);
          t.visited = true;
          todo.push(t);
        }
        // push_except_block: SETUP_WITH / SETUP_CLEANUP handlers also get lasti
        if (ins.op === Op.SETUP_WITH || ins.op === Op.SETUP_CLEANUP) t.preserveLasti = true;
        stack.handlers[++stack.depth] = t;
        handler = t;
      } else if (ins.op === Op.POP_BLOCK) {
        handler = stack.handlers[--stack.depth];
      } else if (isJump(ins.op)) {
        ins.except = handler;
        const t = ins.target!;
        if (!t.visited) {
          if (!b.nofallthrough) t.exceptStack = copy(stack);
          else {
            t.exceptStack = stack;
            stack = null as unknown as ExceptStack;
          }
          t.visited = true;
          todo.push(t);
        }
      } else ins.except = handler;
    }
    if (!b.nofallthrough && !b.next!.visited) {
      b.next!.exceptStack = stack;
      b.next!.visited = true;
      todo.push(b.next!);
    }
  }
}

/** assemble_exception_table: one entry per run of instructions with the same handler. */
export function exceptionEntries(entry: Block): Int32Array {
  const out: number[] = [];
  let handler: Block | null = null;
  let start = -1;
  let offset = 0;
  const emit = (end: number): void => {
    const h = handler!;
    const depth = h.startDepth - 1 - (h.preserveLasti ? 1 : 0);
    out.push(start, end, h.offset, depth, h.preserveLasti ? 1 : 0);
  };
  for (const b of chain(entry)) {
    offset = b.offset;
    for (const ins of b.instr) {
      if (ins.except !== handler) {
        if (handler) emit(offset);
        start = offset;
        handler = ins.except;
      }
      offset += instrSize(ins);
    }
  }
  if (handler) emit(offset);
  return Int32Array.from(out);
}

/**
 * co_exceptiontable, byte for byte (assemble_emit_exception_table_entry): per entry start,
 * length, target and (depth << 1 | lasti), each a big-endian varint of 6-bit groups with bit 6
 * as "more follows", and bit 7 marking the first byte of an entry.
 */
export function encodeExceptionTable(entries: Int32Array): Uint8Array {
  const out: number[] = [];
  const item = (value: number, msb: number): void => {
    const groups: number[] = [];
    for (let shift = 24; shift > 0; shift -= 6) if (value >= 1 << shift) groups.push((value >> shift) & 0x3f);
    groups.push(value & 0x3f);
    groups.forEach((g, i) => out.push(g | (i < groups.length - 1 ? 64 : 0) | (i === 0 ? msb : 0)));
  };
  for (let i = 0; i < entries.length; i += 5) {
    item(entries[i], 128);
    item(entries[i + 1] - entries[i], 0);
    item(entries[i + 2], 0);
    item((entries[i + 3] << 1) | entries[i + 4], 0);
  }
  return Uint8Array.from(out);
}
