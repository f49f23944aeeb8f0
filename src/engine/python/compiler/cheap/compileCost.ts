import { chain, type Block } from '../cfg';
import type { CodeObject } from '../code';
import { CACHES, Op } from '../opcodes';
import type { CompileProbe } from '../probe';
import type { Unit } from '../unit';
import { constKey, type Const } from '../values';
import type { Arena } from './arena';
import { CHeap, GrowingDict, GrowingList, type Held } from './heap';

/** sizeof(struct compiler_unit) in 3.11.7 (PyObject_Calloc(1, …) in compiler_enter_scope). */
export const COMPILER_UNIT_SIZE = 792;
/** DEFAULT_BLOCK_SIZE instructions of sizeof(struct instr) = 40 bytes (compiler_next_instr). */
const BLOCK_INSTRS = 16;
const INSTR_SIZE = 40;
/** PyBytesObject_SIZE: the header and the trailing NUL (offsetof(ob_sval) + 1). */
export const BYTES_HEADER = 33;
/** PyCodeObject's tp_basicsize in 3.11 (co_code_adaptive holds the code units, 2 bytes each). */
const CODE_BASICSIZE = 184;
/** A GC-tracked tuple: the GC header (16), PyTupleObject's head (24), 8 bytes an item. */
const tupleBytes = (n: number): number => 16 + 24 + 8 * n;
/** assemble_init's first buffers (compile.c: DEFAULT_CODE_SIZE, DEFAULT_CNOTAB_SIZE, DEFAULT_LNOTAB_SIZE). */
const CODE_INITIAL = 128;
const LINETABLE_INITIAL = 32;
const EXCEPTTABLE_INITIAL = 16;
/** write_location_info_entry's THEORETICAL_MAX_ENTRY_SIZE; assemble_emit_exception_table_entry's MAX_SIZE_OF_ENTRY. */
const MAX_LOCATION_ENTRY = 25;
const MAX_EXCEPT_ENTRY = 20;

interface UnitState {
  unit: Held;
  consts: GrowingDict;
  names: GrowingDict;
  cellOffsets: Held | null;
  /** Blocks on the b_next chain when assemble() began (the traversal stacks are sized by it). */
  chainBlocks: number;
}

interface BlockState {
  instr: Held | null;
  ialloc: number;
}

/**
 * The glibc calls of compile.c (3.11) for one module, driven by the compiler as it runs
 * (CompileProbe): a compiler_unit per scope (calloc 1 × 792), each basic block's instruction
 * array (calloc 16 × 40 at its first instruction, doubled by realloc in compiler_next_instr),
 * the const cache and each unit's u_consts and u_names dicts, assemble()'s cell-offset table
 * (build_cellfixedoffsets: PyMem_New(int, cells + frees), malloc(1) when there are none) and
 * insert_prefix_instructions' PyMem_RawCalloc, the assembler's bytes objects (grown by
 * _PyBytes_Resize, cut to size), the names/consts/localsplus tuples and the code object.
 * Blocks are freed at compiler_exit_scope newest first (b_list), then the unit's dicts and the unit.
 * The bytecode buffers stay in the const cache (merge_const_one) until compiler_free.
 */
export class CompileCost implements CompileProbe {
  private readonly units = new Map<Unit, UnitState>();
  protected readonly blocks = new Map<Block, BlockState>();
  private readonly cacheKeys = new Set<string>();
  readonly constCache: GrowingDict;
  /** Bytes the const cache alone holds (each unit's a_bytecode): freed with the cache. */
  protected readonly cacheHeld: Held[] = [];
  /** What the code objects keep: the code objects, their line and exception tables, big tuples. */
  readonly survivors: Held[] = [];

  constructor(
    readonly heap: CHeap,
    /** The arena the tree was converted into (ast_opt's folded constants join it). */
    private readonly arena: Arena | null = null,
    /** PyCodeObject's tp_basicsize (the version's). */
    protected readonly codeBasicsize = CODE_BASICSIZE,
  ) {
    this.constCache = new GrowingDict(heap, false);
  }

  folded(): void {
    this.arena?.addObject();
  }

  /** st_blocks: the symbol table's dict of entries by node id (PyLong keys: a general table). */
  private stBlocks: GrowingDict | null = null;

  symtable(scopes: number): void {
    this.stBlocks = new GrowingDict(this.heap, false);
    for (let i = 0; i < scopes; i++) this.stBlocks.insert();
  }

  enterScope(u: Unit): void {
    const h = this.heap;
    const unit = h.calloc(1, COMPILER_UNIT_SIZE);
    // dictbytype (cells, then frees): PyDict_Keys(ste_symbols) sorted, a list dropped at once
    const nsym = u.ste.symbols.size;
    if (nsym) for (let i = 0; i < 2; i++) h.free(h.calloc(nsym, 8));
    this.units.set(u, {
      unit,
      consts: new GrowingDict(h, false),
      names: new GrowingDict(h, true),
      cellOffsets: null,
      chainBlocks: 0,
    });
  }

  instrs(b: Block): void {
    const n = b.instr.length;
    if (n === 0) return;
    let st = this.blocks.get(b);
    if (!st) {
      st = { instr: null, ialloc: 0 };
      this.blocks.set(b, st);
    }
    if (st.instr === null) {
      st.instr = this.heap.calloc(BLOCK_INSTRS, INSTR_SIZE);
      st.ialloc = BLOCK_INSTRS;
    }
    while (n > st.ialloc) {
      st.ialloc *= 2;
      st.instr = this.heap.realloc(st.instr, st.ialloc * INSTR_SIZE);
    }
  }

  /** compiler_add_const: merge_consts_recursive (the cache) then compiler_add_o (u_consts). */
  addConst(u: Unit, c: Const, isNew: boolean): void {
    this.merge(c);
    if (isNew) this.units.get(u)?.consts.insert();
  }

  addName(u: Unit, isNew: boolean): void {
    if (isNew) this.units.get(u)?.names.insert();
  }

  /**
   * merge_consts_recursive: None and Ellipsis are their own keys; a tuple's key (_PyCode_ConstantKey)
   * holds a new tuple of its items' keys, kept by the cache; tuples and frozensets merge their items.
   */
  protected merge(c: Const): void {
    if (c.t === 'none' || c.t === 'ellipsis') return;
    this.mergeKey(constKey(c), c.t === 'tuple' ? c.items.length : -1);
    if (c.t === 'tuple' || c.t === 'frozenset') for (const item of c.items) this.merge(item);
  }

  /** Insert a key; a tuple's (n items, else -1) allocates its key tuple first. */
  protected mergeKey(key: string, n: number): boolean {
    const keyTuple = n >= 0 ? this.heap.malloc(tupleBytes(n)) : null;
    const isNew = this.cacheInsert(key);
    if (keyTuple && keyTuple.id >= 0) {
      if (isNew) this.cacheHeld.push(keyTuple);
      else this.heap.free(keyTuple);
    }
    return isNew;
  }

  protected cacheInsert(key: string): boolean {
    if (this.cacheKeys.has(key)) return false;
    this.cacheKeys.add(key);
    this.constCache.insert();
    return true;
  }

  cellOffsets(u: Unit): void {
    const st = this.units.get(u);
    if (!st) return;
    // build_cellfixedoffsets: PyMem_New(int, ncellvars + nfreevars)
    st.cellOffsets = this.heap.malloc(4 * (u.cellvars.size + u.freevars.size));
    // insert_prefix_instructions: PyMem_RawCalloc(nvars, sizeof(int)) to order MAKE_CELLs, freed at once
    if (u.cellvars.size) {
      const sorted = this.heap.rawCalloc(u.cellvars.size + u.varnames.size, 4);
      this.heap.free(sorted);
    }
  }

  cellOffsetsDone(u: Unit): void {
    const st = this.units.get(u);
    if (!st) return;
    this.heap.free(st.cellOffsets);
    st.cellOffsets = null;
    let n = 0;
    for (const _ of chain(u.blocks[0])) n++;
    st.chainBlocks = n;
  }

  assembled(u: Unit, code: CodeObject, constsBefore: number, folded: readonly Const[]): void {
    const h = this.heap;
    const st = this.units.get(u);
    // consts_dict_keys_inorder: PyList_New(n); optimize_cfg folds (fold_tuple_on_constants: the
    // tuple merged into the const cache, appended to the list); trim_unused_consts cuts the tail
    const consts = new GrowingList(h);
    consts.allocate(constsBefore);
    for (const c of folded) {
      this.merge(c);
      consts.append();
    }
    consts.resize(code.consts.length);
    // make_cfg_traversal_stack (mark_reachable, then stackdepth) over the chain as it was, then
    // label_exception_targets' todo stack over the chain left after empty blocks went
    const before = st?.chainBlocks ?? 0;
    let after = 0;
    for (const _ of chain(u.blocks[0])) after++;
    for (const n of [before, before, after]) h.free(h.malloc(8 * n));
    // blocks that came into being during assemble (duplicate_exits_without_lineno's copies)
    for (const b of u.blocks) this.instrs(b);
    this.assembleCode(code);
    consts.free();
  }

  /**
   * _PyAssemble_MakeCodeObject (assemble() in 3.11): the bytecode, line table and exception table
   * buffers grown as the instructions are emitted and cut to size (each merged into the const
   * cache), then makecode's names/consts/localsplusnames tuples and the code object.
   */
  protected assembleCode(
    code: CodeObject,
    sizes: number[] = instrSizes(code.code),
    lines: Uint8Array = code.linetable,
  ): void {
    const h = this.heap;
    let codeUnits = 0;
    for (const size of sizes) codeUnits += size;
    // assemble_init, then assemble_emit per instruction: grow when a_offset + size >= capacity
    let bytecode = h.malloc(BYTES_HEADER + CODE_INITIAL);
    let cap = CODE_INITIAL;
    let offset = 0;
    for (const size of sizes) {
      if (offset + size >= cap / 2) {
        cap *= 2;
        bytecode = h.realloc(bytecode, BYTES_HEADER + cap);
      }
      offset += size;
    }
    // write_location_info_entry: before each entry, grow when off + 25 >= len
    let linetable = h.malloc(BYTES_HEADER + LINETABLE_INITIAL);
    linetable = grow(h, linetable, LINETABLE_INITIAL, entryStarts(lines, 0x80), MAX_LOCATION_ENTRY);
    let except = h.malloc(BYTES_HEADER + EXCEPTTABLE_INITIAL);
    except = grow(h, except, EXCEPTTABLE_INITIAL, entryStarts(code.exceptiontable, 0x80), MAX_EXCEPT_ENTRY);
    // the _PyBytes_Resize calls that cut each to its length: exception table, line table, code
    except = resizeBytes(h, except, code.exceptiontable.length);
    this.cacheBytes(code.exceptiontable);
    linetable = resizeBytes(h, linetable, lines.length);
    this.cacheBytes(lines);
    bytecode = resizeBytes(h, bytecode, codeUnits * 2);
    if (this.cacheBytes(code.code)) this.cacheHeld.push(bytecode);
    else h.free(bytecode);
    // makecode: co_names and co_consts tuples (merged), localsplusnames and kinds, the code object
    const strs = (names: string[]): string =>
      constKey({ t: 'tuple', items: names.map((v): Const => ({ t: 'str', v })) as never });
    const tuples: [number, string][] = [
      [code.names.length, strs(code.names)],
      [code.consts.length, constKey({ t: 'tuple', items: code.consts as never })],
    ];
    for (const [n, key] of tuples) {
      const t = n ? h.malloc(tupleBytes(n)) : null;
      if (this.mergeKey(key, n)) this.survivors.push(...(t ? [t] : []));
      else h.free(t);
    }
    const nlp = code.nlocalsplus;
    const lpn = nlp ? h.malloc(tupleBytes(nlp)) : null;
    const kinds = nlp ? h.malloc(BYTES_HEADER + nlp) : null;
    if (this.mergeKey(strs(code.localsplusnames), nlp)) this.survivors.push(...(lpn ? [lpn] : []));
    else h.free(lpn);
    if (kinds) this.survivors.push(kinds);
    this.survivors.push(h.malloc((this.codeBasicsize + 2 * codeUnits + 7) & ~7));
    this.survivors.push(linetable, except);
  }

  /** merge_const_one on a bytes object: true when it entered the cache (else an equal one was there). */
  protected cacheBytes(bytes: Uint8Array | Uint16Array): boolean {
    // every bytes object keys alike, (bytes, value): the code units' two bytes each as one char
    let key = bytes instanceof Uint16Array ? 'B' : 'b';
    for (let i = 0; i < bytes.length; i += 4096)
      key += String.fromCharCode.apply(null, Array.from(bytes.subarray(i, i + 4096)));
    return this.cacheInsert(key);
  }

  exitScope(u: Unit): void {
    const st = this.units.get(u);
    if (!st) return;
    const h = this.heap;
    // compiler_unit_free: b_list is newest first
    for (let i = u.blocks.length - 1; i >= 0; i--) {
      const b = u.blocks[i];
      const bs = this.blocks.get(b);
      if (bs) {
        h.free(bs.instr);
        this.blocks.delete(b);
      }
    }
    st.consts.free();
    st.names.free();
    h.free(st.unit);
    this.units.delete(u);
  }

  /** compiler_free: the symbol table (st_blocks), then the const cache with the bytes only it held. */
  finish(): void {
    this.stBlocks?.free();
    for (const b of this.cacheHeld) this.heap.free(b);
    this.constCache.free();
  }
}

/** instr_size of each instruction in emission order: its EXTENDED_ARGs, itself, its inline caches. */
export function instrSizes(code: Uint16Array): number[] {
  const out: number[] = [];
  let pending = 0;
  for (let i = 0; i < code.length;) {
    const op = code[i] & 0xff;
    if (op === Op.EXTENDED_ARG) {
      pending++;
      i++;
      continue;
    }
    const size = pending + 1 + CACHES[op];
    out.push(size);
    pending = 0;
    i += 1 + CACHES[op];
  }
  return out;
}

/** Offsets where entries start: the bytes with the start bit set. */
function entryStarts(table: Uint8Array, startBit: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < table.length; i++) if (table[i] & startBit) out.push(i);
  return out;
}

/** A table's buffer doubled (_PyBytes_Resize) before an entry at `off` when off + max >= len. */
function grow(h: CHeap, held: Held, initial: number, starts: number[], max: number): Held {
  let len = initial;
  for (const off of starts) {
    if (off + max >= len) {
      len *= 2;
      held = h.realloc(held, BYTES_HEADER + len);
    }
  }
  return held;
}

/** _PyBytes_Resize to n: to 0 the empty singleton replaces it (the old is freed). */
function resizeBytes(h: CHeap, held: Held, n: number): Held {
  if (n === 0) {
    h.free(held);
    return { id: -1, size: 0 };
  }
  if (held.id >= 0 && held.size === BYTES_HEADER + n) return held; // Py_SIZE(v) == newsize: nothing to do
  return h.realloc(held, BYTES_HEADER + n);
}
