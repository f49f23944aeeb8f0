import type { Pos } from '../syntax/ast';

/**
 * compile.c's control-flow graph: instructions in basic blocks. Jumps point at blocks; the
 * assembler turns them into offsets. A location of -1 marks an artificial instruction (no line).
 */
export interface Instr {
  op: number;
  arg: number;
  target: Block | null;
  /** The handler an exception here goes to (label_exception_targets). */
  except: Block | null;
  line: number;
  endLine: number;
  col: number;
  endCol: number;
}

/** The exception handlers active at the start of a block (ExceptStack). */
export interface ExceptStack {
  handlers: (Block | null)[];
  depth: number;
}

export class Block {
  instr: Instr[] = [];
  /** The block reached by falling through (b_next). */
  next: Block | null = null;
  exceptStack: ExceptStack | null = null;
  predecessors = 0;
  startDepth = -2147483648;
  offset = 0;
  nofallthrough = false;
  preserveLasti = false;
  visited = false;
  exit = false;
  returns = false;
  /** The jump-target label the code generator made this block for (its unit's count then); -1 for a block after a jump. */
  label = -1;
}

export type Loc = Pos;

export const NO_LOCATION: Loc = { line: -1, endLine: 0, col: 0, endCol: 0 };

export function copyLoc(from: Instr | Loc, to: Instr): void {
  to.line = from.line;
  to.endLine = from.endLine;
  to.col = from.col;
  to.endCol = from.endCol;
}

/** Blocks in layout order (following b_next from the entry). */
export function* chain(entry: Block): Generator<Block> {
  for (let b: Block | null = entry; b; b = b.next) yield b;
}
