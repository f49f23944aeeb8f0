import { chain, type Block } from '../cfg';
import type { CodeObject } from '../code';
import { CACHES, Op } from '../opcodes';
import { encodeLocations, type Loc } from '../positions';
import type { Unit } from '../unit';
import { constKey, type Const } from '../values';
import type { Arena } from './arena';
import { CompileCost } from './compileCost';
import { CHeap, GrowingDict, GrowingList, type Held } from './heap';
import { versionInstrs, type InstructionSet } from './versionCode';

/** compile.c: INITIAL_INSTR_SEQUENCE_SIZE, INITIAL_INSTR_SEQUENCE_LABELS_MAP_SIZE; flowgraph.c DEFAULT_BLOCK_SIZE. */
const SEQUENCE_INITIAL = 100;
const LABELS_INITIAL = 10;
const BLOCK_INITIAL = 16;
/** sizeof(cfg_instr): opcode, oparg, location (16), i_target, i_except. */
const CFG_INSTR = 40;

/** What differs between 3.12's and 3.13's instruction sequences and code objects. */
export interface SequenceShape {
  compilerUnit: number;
  sequenceInstr: number;
  optimizedLabels: 'offset' | 'block';
  codeBasicsize: number;
  instructions: InstructionSet;
}

/**
 * An array grown by _PyCompile_EnsureArrayLargeEnough (3.12+): PyObject_Calloc(default, size) for
 * index `idx` (idx + default when that is past it), then PyObject_Realloc to twice the slots
 * (or idx + default) whenever idx reaches the slots held.
 */
export class EnsuredArray {
  held: Held | null = null;
  private alloc = 0;

  constructor(
    private readonly heap: CHeap,
    private readonly initial: number,
    private readonly itemSize: number,
  ) {}

  ensure(idx: number): void {
    if (this.held === null) {
      this.alloc = idx >= this.initial ? idx + this.initial : this.initial;
      this.held = this.heap.calloc(this.alloc, this.itemSize);
    } else if (idx >= this.alloc) {
      let n = this.alloc << 1;
      if (idx >= n) n = idx + this.initial;
      this.alloc = n;
      this.held = this.heap.realloc(this.held, n * this.itemSize);
    }
  }

  free(): void {
    this.heap.free(this.held);
    this.held = null;
  }
}

/** An instruction sequence (instr_sequence): its instructions and its label map. */
class Sequence {
  readonly instrs: EnsuredArray;
  readonly labels: EnsuredArray;
  used = 0;

  constructor(heap: CHeap, instrSize: number) {
    this.instrs = new EnsuredArray(heap, SEQUENCE_INITIAL, instrSize);
    this.labels = new EnsuredArray(heap, LABELS_INITIAL, 4);
  }

  /** instr_sequence_next_inst: room for s_used + 1. */
  add(): void {
    this.instrs.ensure(this.used + 1);
    this.used++;
  }

  /** instr_sequence_fini: the label map, then the instructions. */
  free(): void {
    this.labels.free();
    this.instrs.free();
  }
}

interface SeqUnit {
  unit: Held;
  consts: GrowingDict;
  names: GrowingDict;
  seq: Sequence;
  /** The highest label placed (translate_jump_labels_to_targets sizes its map by it). */
  maxLabel: number;
  /** The code generator's blocks in layout order with their lengths, as assembly began. */
  layout: { block: Block; length: number }[];
  entryLength: number;
  /** add_return_at_end's block after a final return. */
  returnBlock: boolean;
}

/** Instructions a block holds in the release (3.11's PRECALL is no instruction there). */
function releaseLength(b: Block, dropped: readonly number[]): number {
  let n = 0;
  for (const ins of b.instr) if (!dropped.includes(ins.op)) n++;
  return n;
}

/**
 * compile.c, flowgraph.c and assemble.c of 3.12 and 3.13 for one module, driven by the compiler
 * (CompileProbe): each unit (PyObject_Calloc(1, sizeof(struct compiler_unit))) emits into an
 * instruction sequence (calloc 100 × 36 at RESUME, doubled; its label map 10 ints, grown as
 * USE_LABEL places each label); optimize_and_assemble_code_unit then builds the graph from it
 * (every block's b_instr calloc 16 × 40 at its first instruction, doubled at the 16th),
 * translate_jump_labels_to_targets' map (8 bytes a label, malloc(1) without labels),
 * remove_unused_consts' index map, build_cellfixedoffsets (malloc(1) without cells or frees) and
 * insert_prefix_instructions, the optimized sequence (calloc 100 × 36, its labels the blocks'
 * first instructions: 3.12; the blocks' indexes: 3.13), the assembler's bytes and the code
 * object; then frees the consts list, the optimized sequence and the graph (newest block first).
 * compiler_exit_scope frees the unit's sequence, its dicts and the unit.
 */
export class SequenceCompileCost extends CompileCost {
  private readonly seqUnits = new Map<Unit, SeqUnit>();
  private readonly droppedOps: number[];

  constructor(
    heap: CHeap,
    arena: Arena | null,
    private readonly shape: SequenceShape,
  ) {
    super(heap, arena, shape.codeBasicsize);
    this.droppedOps = shape.instructions.dropped.map((n) => Op[n as keyof typeof Op]);
  }

  override enterScope(u: Unit): void {
    const h = this.heap;
    const unit = h.calloc(1, this.shape.compilerUnit);
    // dictbytype (cells, then frees): PyDict_Keys(ste_symbols) sorted, a list dropped at once
    const nsym = u.ste.symbols.size;
    if (nsym) for (let i = 0; i < 2; i++) h.free(h.calloc(nsym, 8));
    this.seqUnits.set(u, {
      unit,
      consts: new GrowingDict(h, false),
      names: new GrowingDict(h, true),
      seq: new Sequence(h, this.shape.sequenceInstr),
      maxLabel: -1,
      layout: [],
      entryLength: 0,
      returnBlock: false,
    });
  }

  /** Between `assembling` and `assembled` the calls are the assembler's, not new instructions. */
  private inAssembly = false;

  /** During code generation each call is one instruction appended to the newest unit's sequence. */
  override instrs(b: Block): void {
    if (this.inAssembly) return;
    const ins = b.instr[b.instr.length - 1];
    let newest: SeqUnit | null = null;
    for (const st of this.seqUnits.values()) newest = st;
    if (newest && ins && !this.droppedOps.includes(ins.op)) newest.seq.add();
  }

  useLabel(u: Unit, id: number): void {
    const st = this.seqUnits.get(u);
    if (!st) return;
    st.seq.labels.ensure(id);
    if (id > st.maxLabel) st.maxLabel = id;
  }

  override addConst(u: Unit, c: Const, isNew: boolean): void {
    this.merge(c);
    if (isNew) this.seqUnits.get(u)?.consts.insert();
  }

  override addName(u: Unit, isNew: boolean): void {
    if (isNew) this.seqUnits.get(u)?.names.insert();
  }

  /**
   * optimize_and_assemble begins with add_return_at_end: `return None` appended whatever the
   * unit ends with (3.11 added it only when the last block did not return), so a unit that ends
   * in a return gets one more block of two instructions (dead, but its b_instr is allocated) and
   * None in its consts.
   */
  assembling(u: Unit): void {
    const st = this.seqUnits.get(u);
    if (st) {
      st.seq.add();
      st.seq.add();
      st.returnBlock = u.cur.returns;
      // our compiler adds the None itself when the unit does not end in a return
      if (u.cur.returns && !u.constIndex.has(constKey({ t: 'none' }))) st.consts.insert();
    }
    this.inAssembly = true;
  }

  /** Right after the blocks were normalized: the layout the graph is built from. */
  override cellOffsets(u: Unit): void {
    const st = this.seqUnits.get(u);
    if (!st) return;
    st.layout = [...chain(u.blocks[0])].map((block) => ({
      block,
      length: releaseLength(block, this.droppedOps),
    }));
    if (st.returnBlock) st.layout.push({ block: u.blocks[0], length: 2 });
  }

  override cellOffsetsDone(u: Unit): void {
    const st = this.seqUnits.get(u);
    if (st) st.entryLength = releaseLength(u.blocks[0], this.droppedOps);
  }

  override assembled(u: Unit, code: CodeObject, constsBefore: number, folded: readonly Const[]): void {
    this.inAssembly = false;
    const st = this.seqUnits.get(u);
    if (!st) return;
    const h = this.heap;
    // consts_dict_keys_inorder
    const consts = new GrowingList(h);
    consts.allocate(constsBefore);
    // instr_sequence_to_cfg: an int per instruction (the jump targets), then the blocks in order
    const targets = h.malloc(4 * st.seq.used);
    const graph: EnsuredArray[] = [];
    let entry: EnsuredArray | null = null;
    for (const { length } of st.layout) {
      if (length === 0) continue;
      const a = new EnsuredArray(h, BLOCK_INITIAL, CFG_INSTR);
      for (let k = 1; k <= length; k++) a.ensure(k);
      graph.push(a);
      entry ??= a;
    }
    h.free(targets);
    // _PyCfg_OptimizeCodeUnit: translate_jump_labels_to_targets' map (max_label + 1 block pointers),
    // then make_cfg_traversal_stack's 8 bytes a block for label_exception_targets and mark_reachable
    h.free(h.malloc(8 * (st.maxLabel + 1)));
    const stack = (blocks: number): void => h.free(h.malloc(8 * blocks));
    stack(graph.length);
    stack(graph.length);
    // optimize_cfg's folds join the consts; remove_unused_consts' index map, the list cut
    for (const c of folded) {
      this.merge(c);
      consts.append();
    }
    if (consts.size > 0) h.free(h.malloc(8 * consts.size));
    consts.resize(code.consts.length);
    // the blocks left (unreachable and empty ones gone): add_checks_for_loads_of_uninitialized_variables,
    // push_cold_blocks_to_end's mark_warm and mark_cold, _PyCfg_Stackdepth
    let left = 0;
    for (const b of chain(u.blocks[0])) if (b.instr.length) left++;
    for (let i = 0; i < 3; i++) stack(left);
    // insert_prefix_instructions (MAKE_CELL, COPY_FREE_VARS, RETURN_GENERATOR) into the entry block
    if (entry) for (let k = 1; k <= st.entryLength; k++) entry.ensure(k);
    // prepare_localsplus: build_cellfixedoffsets, then insert_prefix_instructions' sorted cells
    h.free(h.malloc(4 * (u.cellvars.size + u.freevars.size)));
    if (u.cellvars.size) h.free(h.rawCalloc(u.cellvars.size + u.varnames.size, 4));
    stack(left); // _PyCfg_Stackdepth, after prepare_localsplus
    // cfg_to_instr_sequence: each block's label placed, then its instructions
    const { sizes, indexAt, origin } = versionInstrs(code.code, this.shape.instructions);
    const opt = new Sequence(h, this.shape.sequenceInstr);
    const starts = blockStarts(code, indexAt);
    starts.forEach((start, i) => {
      opt.labels.ensure(this.shape.optimizedLabels === 'offset' ? start : i);
      const end = i + 1 < starts.length ? starts[i + 1] : sizes.length;
      for (let k = start; k < end; k++) opt.add();
    });
    this.assembleCode(code, sizes, releaseLinetable(code, sizes, origin));
    // the end of optimize_and_assemble_code_unit: consts, the optimized sequence, the graph
    consts.free();
    opt.free();
    for (let i = graph.length - 1; i >= 0; i--) graph[i].free();
  }

  override exitScope(u: Unit): void {
    const st = this.seqUnits.get(u);
    if (!st) return;
    st.seq.free();
    st.consts.free();
    st.names.free();
    this.heap.free(st.unit);
    this.seqUnits.delete(u);
  }
}

/**
 * Where the final code's blocks begin, as indexes of the release's instructions: at every jump
 * target and handler, and after every jump or scope exit (the graph's blocks once the empty
 * ones went). Found in 3.11's code, mapped through `indexAt`.
 */
function blockStarts(code: CodeObject, indexAt: Int32Array): number[] {
  const n = code.code.length;
  const targets = new Set<number>([0]);
  // the handlers and the ranges they cover (a SETUP_* or POP_BLOCK began a block there)
  const t = code.exceptionTable;
  for (let k = 0; k + 4 < t.length; k += 5) for (let j = 0; j < 3; j++) targets.add(t[k + j]);
  for (let i = 0; i < n;) {
    const op = code.code[i] & 0xff;
    const next = i + 1 + CACHES[op];
    const target = jumpTarget(op, code.code[i] >> 8, next);
    if (target !== null) {
      targets.add(target);
      targets.add(next);
    } else if (op === Op.RETURN_VALUE || op === Op.RAISE_VARARGS || op === Op.RERAISE) targets.add(next);
    i = next;
  }
  const starts = [...new Set([...targets].filter((t) => t < n).map((t) => indexAt[t]))];
  return starts.sort((a, b) => a - b);
}

/** A jump's target in code units (3.11's relative jumps), or null when `op` does not jump. */
function jumpTarget(op: number, arg: number, next: number): number | null {
  switch (op) {
    case Op.JUMP_FORWARD:
    case Op.POP_JUMP_FORWARD_IF_FALSE:
    case Op.POP_JUMP_FORWARD_IF_TRUE:
    case Op.POP_JUMP_FORWARD_IF_NONE:
    case Op.POP_JUMP_FORWARD_IF_NOT_NONE:
    case Op.JUMP_IF_FALSE_OR_POP:
    case Op.JUMP_IF_TRUE_OR_POP:
    case Op.FOR_ITER:
    case Op.SEND:
      return next + arg;
    case Op.JUMP_BACKWARD:
    case Op.JUMP_BACKWARD_NO_INTERRUPT:
    case Op.POP_JUMP_BACKWARD_IF_FALSE:
    case Op.POP_JUMP_BACKWARD_IF_TRUE:
    case Op.POP_JUMP_BACKWARD_IF_NONE:
    case Op.POP_JUMP_BACKWARD_IF_NOT_NONE:
      return next - arg;
    default:
      return null;
  }
}

/**
 * The release's co_linetable: each instruction at the location of the 3.11 instruction it comes
 * from, consecutive ones at the same location one run (assemble_location_info, 3.12+).
 */
function releaseLinetable(code: CodeObject, sizes: number[], origin: number[]): Uint8Array {
  const p = code.positions;
  const runs: [Loc, number][] = [];
  let last: Loc | null = null;
  for (let k = 0; k < sizes.length; k++) {
    const u = 4 * origin[k];
    const loc: Loc = { line: p[u], endLine: p[u + 1], col: p[u + 2], endCol: p[u + 3] };
    if (
      last &&
      last.line === loc.line &&
      last.endLine === loc.endLine &&
      last.col === loc.col &&
      last.endCol === loc.endCol
    )
      runs[runs.length - 1][1] += sizes[k];
    else runs.push([loc, sizes[k]]);
    last = loc;
  }
  return encodeLocations(runs, code.firstlineno);
}
