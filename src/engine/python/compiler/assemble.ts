import { chain, type Block, type Instr } from './cfg';
import {
  CO_ASYNC_GENERATOR,
  CO_COROUTINE,
  CO_FAST_CELL,
  CO_FAST_FREE,
  CO_FAST_LOCAL,
  CO_GENERATOR,
  CO_NESTED,
  CO_NEWLOCALS,
  CO_OPTIMIZED,
  CO_VARARGS,
  CO_VARKEYWORDS,
  FRAME_SPECIALS_SIZE,
  type CodeObject,
} from './code';
import { isBackwardJump, isBlockPush, isJump, Op, stackEffect } from './opcodes';
import { duplicateExitsWithoutLineno, guaranteeLinenoForExits, propagateLineNumbers } from './lines';
import {
  cleanBasicBlock,
  extendBlock,
  normalizeBasicBlock,
  optimizeCfg,
  trimUnusedConsts,
  type ConstTable,
} from './optimize';
import { encodeExceptionTable, exceptionEntries, labelExceptionTargets } from './exceptions';
import { decodePositions, encodeLinetable, instrSize, writeCode } from './positions';
import type { Compiler, Unit } from './unit';
import { NONE } from './values';

/** The CO_FUTURE_* flags every code object of the module inherits (PyCF_MASK). */
const PYCF_MASK = 0x20000 | 0x40000 | 0x80000 | 0x100000 | 0x200000 | 0x400000 | 0x800000 | 0x1000000;

/** compute_code_flags. */
function codeFlags(c: Compiler): number {
  const ste = c.u.ste;
  let flags = 0;
  if (ste.type === 'function') {
    flags |= CO_NEWLOCALS | CO_OPTIMIZED;
    if (ste.nested) flags |= CO_NESTED;
    if (ste.generator && !ste.coroutine) flags |= CO_GENERATOR;
    if (!ste.generator && ste.coroutine) flags |= CO_COROUTINE;
    if (ste.generator && ste.coroutine) flags |= CO_ASYNC_GENERATOR;
    if (ste.varargs) flags |= CO_VARARGS;
    if (ste.varkeywords) flags |= CO_VARKEYWORDS;
  }
  return flags | (c.opts.futureFeatures & PYCF_MASK);
}

/** build_cellfixedoffsets: where each cell/free lives in localsplus (argument cells stay in place). */
function cellFixedOffsets(u: Unit): number[] {
  const nlocals = u.varnames.size;
  const fixed: number[] = [];
  for (let i = 0; i < u.cellvars.size + u.freevars.size; i++) fixed.push(nlocals + i);
  for (const [name, cellIndex] of u.cellvars.map) {
    const varIndex = u.varnames.get(name);
    if (varIndex !== undefined) fixed[cellIndex] = varIndex;
  }
  return fixed;
}

const artificial = (op: number, arg: number): Instr => ({
  op,
  arg,
  target: null,
  except: null,
  line: -1,
  endLine: -1,
  col: -1,
  endCol: -1,
});

/** insert_prefix_instructions: COPY_FREE_VARS, MAKE_CELL…, RETURN_GENERATOR + POP_TOP before RESUME. */
function insertPrefix(c: Compiler, entry: Block, fixed: number[], flags: number): void {
  const u = c.u;
  if (flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) {
    entry.instr.splice(
      0,
      0,
      { ...artificial(Op.RETURN_GENERATOR, 0), line: u.firstlineno, endLine: u.firstlineno },
      artificial(Op.POP_TOP, 0),
    );
  }
  const ncells = u.cellvars.size;
  if (ncells) {
    const sorted: number[] = new Array(ncells + u.varnames.size).fill(0);
    for (let i = 0; i < ncells; i++) sorted[fixed[i]] = i + 1;
    let used = 0;
    for (let i = 0; used < ncells; i++) {
      const old = sorted[i] - 1;
      if (old === -1) continue;
      entry.instr.splice(used++, 0, artificial(Op.MAKE_CELL, old));
    }
  }
  if (u.freevars.size) entry.instr.splice(0, 0, artificial(Op.COPY_FREE_VARS, u.freevars.size));
}

/** fix_cell_offsets: cell and free opargs become localsplus indexes; returns the cells dropped. */
function fixCellOffsets(u: Unit, entry: Block, fixed: number[]): number {
  const nlocals = u.varnames.size;
  let dropped = 0;
  for (let i = 0; i < fixed.length; i++) {
    if (fixed[i] === i + nlocals) fixed[i] -= dropped;
    else dropped++;
  }
  for (const b of chain(entry)) {
    for (const ins of b.instr) {
      switch (ins.op) {
        case Op.MAKE_CELL:
        case Op.LOAD_CLOSURE:
        case Op.LOAD_DEREF:
        case Op.STORE_DEREF:
        case Op.DELETE_DEREF:
        case Op.LOAD_CLASSDEREF:
          ins.arg = fixed[ins.arg];
          break;
        default:
          break;
      }
    }
  }
  return dropped;
}

/** stackdepth: the deepest stack along any path (cycles are assumed to have no net effect). */
function stackDepth(c: Compiler, blocks: Block[]): number {
  for (const b of blocks) b.startDepth = -2147483648;
  const stack: Block[] = [];
  const push = (b: Block, depth: number): void => {
    if (b.startDepth < depth && b.startDepth < 100) {
      b.startDepth = depth;
      stack.push(b);
    }
  };
  push(blocks[0], c.u.ste.generator || c.u.ste.coroutine ? 1 : 0);
  let max = 0;
  while (stack.length) {
    const b = stack.pop()!;
    let depth = b.startDepth;
    let next = b.next;
    for (const ins of b.instr) {
      const newDepth = depth + stackEffect(ins.op, ins.arg, false);
      if (newDepth > max) max = newDepth;
      // 3.12+ compiler_add_yield_from: a SETUP_FINALLY after SEND whose handler (CLEANUP_THROW) holds
      // the sub-iterator, the last value sent and the exception: one deeper than the SEND's operands
      if (c.opts.generatorHandlers && ins.op === Op.SEND && depth + 1 > max) max = depth + 1;
      if (isJump(ins.op) || isBlockPush(ins.op)) {
        const targetDepth = depth + stackEffect(ins.op, ins.arg, true);
        if (targetDepth > max) max = targetDepth;
        push(ins.target!, targetDepth);
      }
      depth = newDepth;
      if (
        ins.op === Op.JUMP_NO_INTERRUPT ||
        ins.op === Op.JUMP ||
        ins.op === Op.RETURN_VALUE ||
        ins.op === Op.RAISE_VARARGS ||
        ins.op === Op.RERAISE
      ) {
        next = null;
        break;
      }
    }
    if (next) push(next, depth);
  }
  // 3.12+ wraps a generator's or coroutine's body in SETUP_CLEANUP with lasti (the handler that turns
  // StopIteration into RuntimeError): its entry holds lasti and the exception (measured: a bare
  // `yield 1` generator has co_stacksize 2 on 3.12.1 and 3.13.0, 1 on 3.11.7). compiler_lambda does
  // not wrap its body (measured: `lambda: (yield 1)` has co_stacksize 1 on both)
  const wrapped = (c.u.ste.generator || c.u.ste.coroutine) && c.u.name !== '<lambda>';
  if (c.opts.generatorHandlers && wrapped && max < 2) max = 2;
  return max;
}

/** normalize_jumps: each pseudo jump becomes its forward or backward opcode. */
function normalizeJumps(entry: Block): void {
  for (const b of chain(entry)) b.visited = false;
  const forms: Record<number, [number, number]> = {
    [Op.JUMP]: [Op.JUMP_FORWARD, Op.JUMP_BACKWARD],
    [Op.JUMP_NO_INTERRUPT]: [Op.JUMP_FORWARD, Op.JUMP_BACKWARD_NO_INTERRUPT],
    [Op.POP_JUMP_IF_NOT_NONE]: [Op.POP_JUMP_FORWARD_IF_NOT_NONE, Op.POP_JUMP_BACKWARD_IF_NOT_NONE],
    [Op.POP_JUMP_IF_NONE]: [Op.POP_JUMP_FORWARD_IF_NONE, Op.POP_JUMP_BACKWARD_IF_NONE],
    [Op.POP_JUMP_IF_FALSE]: [Op.POP_JUMP_FORWARD_IF_FALSE, Op.POP_JUMP_BACKWARD_IF_FALSE],
    [Op.POP_JUMP_IF_TRUE]: [Op.POP_JUMP_FORWARD_IF_TRUE, Op.POP_JUMP_BACKWARD_IF_TRUE],
  };
  for (const b of chain(entry)) {
    b.visited = true;
    const last = b.instr[b.instr.length - 1];
    if (!last || !isJump(last.op)) continue;
    const forward = !last.target!.visited;
    const form = forms[last.op];
    if (form) last.op = forward ? form[0] : form[1];
    else if ((last.op === Op.JUMP_IF_TRUE_OR_POP || last.op === Op.JUMP_IF_FALSE_OR_POP) && !forward) {
      throw new Error('internal: a JUMP_IF_*_OR_POP jumping backwards');
    }
  }
}

/** assemble_jump_offsets: relative opargs in code units, redone while EXTENDED_ARGs appear. */
function jumpOffsets(entry: Block, blocks: Block[]): void {
  for (;;) {
    let total = 0;
    for (const b of chain(entry)) {
      b.offset = total;
      for (const ins of b.instr) total += instrSize(ins);
    }
    let again = false;
    for (const b of blocks) {
      let pos = b.offset;
      for (const ins of b.instr) {
        const size = instrSize(ins);
        pos += size;
        if (!isJump(ins.op)) continue;
        const target = ins.target!.offset;
        ins.arg = target < pos ? pos - target : target - pos;
        if (target < pos !== isBackwardJump(ins.op)) throw new Error('internal: jump direction mismatch');
        if (instrSize(ins) !== size) again = true;
      }
    }
    if (!again) return;
  }
}

/** assemble(): the unit's graph becomes a code object. */
export function assemble(c: Compiler, addNone: boolean): CodeObject {
  const u = c.u;
  c.probe?.assembling?.(u);
  if (!u.cur.returns) {
    c.unsetLoc();
    if (addNone) c.loadConst(NONE);
    c.addOp(Op.RETURN_VALUE);
  }
  const newestFirst = (): Block[] => [...u.blocks].reverse();
  for (const b of newestFirst()) normalizeBasicBlock(b);
  for (const b of newestFirst()) extendBlock(b);
  const probe = c.probe;
  if (probe) for (const b of u.blocks) probe.instrs(b);
  const entry = u.blocks[0];
  const nlocals = u.varnames.size;
  let nlocalsplus = nlocals + u.cellvars.size + u.freevars.size;
  probe?.cellOffsets(u);
  const fixed = cellFixedOffsets(u);
  if (!u.firstlineno) u.firstlineno = entry.instr[0]?.line || 1;
  const flags = codeFlags(c);
  insertPrefix(c, entry, fixed, flags);
  probe?.instrs(entry);
  nlocalsplus -= fixCellOffsets(u, entry, fixed);
  probe?.cellOffsetsDone(u);

  const consts: ConstTable = { list: [...u.consts] };
  const constsBefore = consts.list.length;
  optimizeCfg(entry, u.blocks, consts);
  const constsFolded = consts.list.slice(constsBefore);
  duplicateExitsWithoutLineno(u.blocks);
  trimUnusedConsts(entry, consts);
  propagateLineNumbers(entry);
  guaranteeLinenoForExits(entry, u.firstlineno);
  const stacksize = stackDepth(c, u.blocks);
  labelExceptionTargets(entry);
  for (const b of chain(entry))
    for (const ins of b.instr) if (isBlockPush(ins.op) || ins.op === Op.POP_BLOCK) ins.op = Op.NOP;
  for (const b of chain(entry)) cleanBasicBlock(b);
  normalizeJumps(entry);
  jumpOffsets(entry, newestFirst());

  const instrs: Instr[] = [];
  // one push per instruction: a module of 10,000 calls is one block of ~90,000 instructions, past
  // what a spread's arguments may hold (V8 threw a RangeError, reported as a RecursionError)
  for (const b of chain(entry)) for (const ins of b.instr) instrs.push(ins);
  const code = writeCode(instrs);
  const linetable = encodeLinetable(instrs, u.firstlineno);
  const positions = decodePositions(linetable, u.firstlineno, code.length);
  const exceptionTable = exceptionEntries(entry);

  // compute_localsplus_info: locals (cell arguments flagged), then the other cells, then frees.
  const names: string[] = [];
  const kinds = new Uint8Array(nlocalsplus);
  for (const [name, i] of u.varnames.map) {
    names[i] = name;
    kinds[i] = CO_FAST_LOCAL | (u.cellvars.get(name) !== undefined ? CO_FAST_CELL : 0);
  }
  let dropped = 0;
  for (const [name, i] of u.cellvars.map) {
    if (u.varnames.get(name) !== undefined) {
      dropped++;
      continue;
    }
    names[i + nlocals - dropped] = name;
    kinds[i + nlocals - dropped] = CO_FAST_CELL;
  }
  for (const [name, i] of u.freevars.map) {
    names[i + nlocals - dropped] = name;
    kinds[i + nlocals - dropped] = CO_FAST_FREE;
  }
  const pick = (kind: number): string[] => names.filter((_, i) => kinds[i] & kind);
  const co: CodeObject = {
    name: u.name,
    qualname: u.qualname || u.name,
    filename: c.opts.filename,
    firstlineno: u.firstlineno,
    argcount: u.posonlyargcount + u.argcount,
    posonlyargcount: u.posonlyargcount,
    kwonlyargcount: u.kwonlyargcount,
    flags,
    code,
    consts: consts.list,
    names: u.names.ordered(),
    localsplusnames: names,
    localspluskinds: kinds,
    nlocals,
    nlocalsplus,
    stacksize,
    varnames: pick(CO_FAST_LOCAL),
    cellvars: pick(CO_FAST_CELL),
    freevars: pick(CO_FAST_FREE),
    positions,
    linetable,
    exceptionTable,
    exceptiontable: encodeExceptionTable(exceptionTable),
    framesize: nlocalsplus + stacksize + FRAME_SPECIALS_SIZE,
  };
  probe?.assembled(u, co, constsBefore, constsFolded);
  return co;
}
