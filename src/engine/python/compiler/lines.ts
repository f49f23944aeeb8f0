import { Block, chain, copyLoc, type Instr } from './cfg';
import { isJump, Op } from './opcodes';

/** PEP 626 line numbers: compile.c's passes that give every instruction, and every exit, a line. */

const NO_LINE: Instr = {
  op: Op.NOP,
  arg: 0,
  target: null,
  except: null,
  line: -1,
  endLine: -1,
  col: -1,
  endCol: -1,
};

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
    if (!b.nofallthrough && b.next && b.instr.length && isExitWithoutLineno(b.next))
      copyLoc(b.instr[b.instr.length - 1], b.next.instr[0]);
  }
}

/** propagate_line_numbers: an instruction without a line takes the one before it. */
export function propagateLineNumbers(entry: Block): void {
  for (const b of chain(entry)) {
    if (!b.instr.length) continue;
    const prev: Instr = { ...NO_LINE };
    for (const ins of b.instr) {
      if (ins.line < 0) copyLoc(prev, ins);
      else copyLoc(ins, prev);
    }
    if (
      !b.nofallthrough &&
      b.next &&
      b.next.predecessors === 1 &&
      b.next.instr.length &&
      b.next.instr[0].line < 0
    ) {
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
