import type { Libc } from '../../libc/libc';
import { compileModule } from '../compiler';
import { Arena, obj2ast, treeBytes } from '../compiler/cheap/arena';
import { BYTES_HEADER, CompileCost } from '../compiler/cheap/compileCost';
import { CHeap, GrowingList, type CallLog, type Held } from '../compiler/cheap/heap';
import { ParseCost } from '../compiler/cheap/parseCost';
import { SequenceCompileCost } from '../compiler/cheap/sequenceCost';
import { withMarkers } from '../eval/script';
import { cpythonVersion, type CPythonVersion } from '../versions';
import type { Module } from '../syntax/ast';
import { parse } from '../syntax';
import { Parser, type ParseProbe } from '../syntax/parser/core';

/** _bufferedreader_init's buffer (st_blksize on this machine's filesystems) and its lock. */
const READ_BUFFER = 4096;
const LOCK_SIZE = 32;
/**
 * Arena bytes pegen takes per byte of the final tree, beyond the memo entries and the leaf nodes
 * (parseCost.ts): the inner nodes, the sequences the _loop rules collect, the helper pairs
 * (KeyValuePair, CmpopExprPair, NameDefaultPair…). Fitted with parseCost's constants on the
 * recorded tails' phase-1 arena blocks (tools/compile_tail_check.ts): 0.5.
 */
export const PEGEN_NODE_FACTOR = 0.5;

const encoder = new TextEncoder();

/** A parse's probe events, kept to be replayed once the tree's size is known. */
class ParseEvents implements ParseProbe {
  readonly kind: number[] = [];
  readonly arg: number[] = [];
  tokens = 0;
  token(bytes: number): void {
    this.kind.push(0);
    this.arg.push(bytes);
    this.tokens++;
  }
  memo(): void {
    this.kind.push(1);
    this.arg.push(0);
  }
  object(): void {
    this.kind.push(2);
    this.arg.push(0);
  }
  subParser(open: boolean, exprBytes: number): void {
    this.kind.push(open ? 3 : 4);
    this.arg.push(exprBytes);
  }
  replay(to: ParseCost): void {
    for (let i = 0; i < this.kind.length; i++) {
      const k = this.kind[i];
      if (k === 0) to.token(this.arg[i]);
      else if (k === 1) to.memo();
      else if (k === 2) to.object();
      else to.subParser(k === 3, this.arg[i]);
    }
  }
}

export interface CompileTail {
  log: CallLog;
  /** The module's tree as parsed (the caller need not parse again). */
  tree: Module;
}

/**
 * The glibc calls of tools/hw_child.py's _build() for this script, the last part of every
 * recording's `<start>` (the captured start-up ends with this compile for the scenario `pass`):
 *
 * 1. `open(path, "rb")`: a BufferedReader (4,096-byte buffer, a lock); `f.read()` (FileIO.readall:
 *    PyBytes of size + 1, cut to size); leaving `with` closes it (the buffer is freed).
 * 2. `compile(src, path, "exec", PyCF_ONLY_AST)`: an arena, pegen's tokenizer and parser
 *    (ParseCost), the tree converted to objects (ast2obj: a list field of n > 64 items is a
 *    calloc(n, 8)), then the parser, tokenizer and arena freed.
 * 3. The new body list with the __hw_step__ markers (PyList_Append growth).
 * 4. `compile(Module(body), path, "exec")`: obj2ast into a new arena, ast_opt's folding (each
 *    result joins the arena), the symbol table and compile.c (`probe`, a CompileCost, sees the
 *    compiler run: the caller runs it, or `compileTail` does), compiler_free, the arena freed.
 * 5. _build returns (`end`): its locals go (the file object's lock, the source bytes, the trees' lists).
 *
 * What survives (code objects, line tables, big names tuples) is never freed. The release's
 * differences (the tokenizer's state, f-strings, the tree's statements, 3.12's instruction
 * sequence and its graph built at assembly: SequenceCompileCost) come from its version profile.
 */
export class CompileTailBuilder {
  readonly tree: Module;
  readonly probe: CompileCost;
  private readonly heap: CHeap;
  private readonly lock: Held;
  private readonly src: Held;
  private readonly treeLists: Held[];
  private readonly body: GrowingList;
  private readonly arena2: Arena;

  constructor(
    source: string | Uint8Array,
    filename: string,
    readonly py: CPythonVersion = cpythonVersion(),
    firstId?: number,
  ) {
    const shape = py.compileTail;
    const ast = { stmtBytes: shape.stmtBytes, typeParams: shape.typeParams };
    const bytes = typeof source === 'string' ? encoder.encode(source) : source;
    const heap = (this.heap = new CHeap(firstId));
    // 1. the file
    const buffer = heap.malloc(READ_BUFFER);
    this.lock = heap.rawMalloc(LOCK_SIZE);
    this.src = resize(heap, heap.malloc(BYTES_HEADER + bytes.length + 1), BYTES_HEADER + bytes.length);
    heap.free(buffer);

    // 2. compile(src, PyCF_ONLY_AST): parse first (events), then replay them with the tree's size known
    const events = new ParseEvents();
    Parser.probe = events;
    try {
      this.tree = parse(source, { filename });
    } finally {
      Parser.probe = null;
    }
    const arena = new Arena(heap);
    const pc = new ParseCost(heap, arena, shape);
    pc.setNodeBytesPerToken(
      events.tokens ? (treeBytes(this.tree, ast) * PEGEN_NODE_FACTOR) / events.tokens : 0,
    );
    pc.open(bytes.length, translatedLength(bytes));
    events.replay(pc);
    pc.close();
    this.treeLists = ast2objLists(heap, this.tree);
    arena.free();

    // 3. body = [step(0, 1)] + [stmt, step(i, end)]...
    this.body = new GrowingList(heap);
    for (let i = 0; i < 2 * this.tree.body.length + 1; i++) this.body.append();

    // 4. compile(Module(body)): obj2ast now, the compiler when the caller runs it with `probe`
    this.arena2 = new Arena(heap);
    obj2ast(withMarkers(this.tree), this.arena2, ast);
    this.probe =
      shape.codegen === 'sequence'
        ? new SequenceCompileCost(heap, this.arena2, shape)
        : new CompileCost(heap, this.arena2, shape.codeBasicsize);
  }

  /** After the compiler ran: compiler_free, the arena, then _build's locals. */
  end(): CallLog {
    const heap = this.heap;
    this.probe.finish();
    this.arena2.free();
    // 5. f (the reader's lock), src, tree (its lists), body
    heap.free(this.lock);
    heap.free(this.src);
    for (let i = this.treeLists.length - 1; i >= 0; i--) heap.free(this.treeLists[i]);
    this.body.free();
    return heap.log;
  }
}

/** The whole tail for a script, its compiler run here (tests, tools). */
export function compileTail(
  source: string | Uint8Array,
  filename: string,
  py: CPythonVersion = cpythonVersion(),
  firstId?: number,
): CompileTail {
  const b = new CompileTailBuilder(source, filename, py, firstId);
  // the release's code generation, as eval/script.ts compile() runs it
  compileModule(withMarkers(b.tree), {
    filename,
    probe: b.probe,
    inlineComprehensions: py.comprehensions === 'inlined',
    classBodyAttributes: py.classBodyAttributes,
    generatorHandlers: py.generatorHandlers,
  });
  return { log: b.end(), tree: b.tree };
}

/** _PyBytes_Resize on a block (a no-op at the same size). */
function resize(heap: CHeap, h: Held, n: number): Held {
  if (h.id >= 0 && h.size === n) return h;
  return heap.realloc(h, n);
}

/** translate_newlines: \r\n and \r become \n, and a final \n is added when missing. */
function translatedLength(b: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < b.length; i++) {
    if (b[i] === 13 && b[i + 1] === 10) continue;
    n++;
  }
  if (b.length === 0 || (b[b.length - 1] !== 10 && b[b.length - 1] !== 13)) n++;
  return n;
}

/** ast2obj (pre-order): every list field of more than 64 items gets PyList_New(n)'s calloc(n, 8). */
function ast2objLists(heap: CHeap, tree: Module): Held[] {
  const out: Held[] = [];
  const visit = (x: unknown): void => {
    if (Array.isArray(x)) {
      if (x.length > 64) out.push(heap.calloc(x.length, 8));
      for (const item of x) visit(item);
    } else if (x && typeof x === 'object' && !('t' in x && !('k' in x))) {
      for (const key in x) visit((x as Record<string, unknown>)[key]);
    }
  };
  visit(tree.body);
  return out.filter((h) => h.id >= 0);
}

/** Replay a generated tail on the process's C library (its ids are its own). */
export function replayTail(libc: Libc, log: CallLog): void {
  const live = new Map<number, number>();
  for (let i = 0; i < log.op.length; i++) {
    const id = log.id[i];
    switch (log.op[i]) {
      case 0:
        live.set(id, libc.malloc(log.a[i]));
        break;
      case 1:
        live.set(id, libc.calloc(log.a[i], log.b[i]));
        break;
      case 2:
        live.set(id, libc.realloc(live.get(id) ?? 0, log.a[i]));
        break;
      default: {
        const p = live.get(id);
        if (p !== undefined) libc.free(p);
        live.delete(id);
      }
    }
  }
}
