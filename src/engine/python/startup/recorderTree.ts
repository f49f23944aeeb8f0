import { sizeClass, SMALL_REQUEST_THRESHOLD } from '../compiler/cheap/heap';
import { BYTES_HEADER } from '../compiler/cheap/compileCost';
import { futurePrefix } from '../eval/script';
import type { Module } from '../syntax/ast';
import { Ast2Obj } from './ast2obj';
import {
  AstHeap,
  type AstObjectShape,
  type ListCapacity,
  type PyObj,
  type TreeList,
  type TreeMemory,
  type TreeNode,
} from './astHeap';

/** enumerate's object (head, index, iterator, result, long index) and a list iterator, with GC headers. */
const ENUMERATE_BYTES = 64;
const LIST_ITERATOR_BYTES = 48;

/**
 * What differs by release: the node's size and type_params. (3.13's defaults for omitted optional
 * fields are not instance attributes: `Constant(value=5).__dict__` has 'value' only on 3.11–3.13.)
 */
export interface RecorderTreeShape extends AstObjectShape {
  /** FunctionDef and ClassDef carry type_params (3.12+). */
  readonly typeParams: boolean;
}

/**
 * The Python objects of tools/hw_child.py's `_build` in pymalloc, from the source bytes to
 * gc.collect(): `build` runs up to the second compile (the caller then makes what that compile
 * leaves behind: code objects, constants, names, which land among the tree's blocks), `release`
 * is _build's return and the collection that empties the free lists.
 *
 *   src = f.read()                          bytes (pymalloc when 33 + n + 1 <= 512)
 *   tree = compile(src, …, PyCF_ONLY_AST)   ast2obj (startup/ast2obj.ts)
 *   body = b[:lead] + [step(0, 1)]          the markers: 5 nodes each, made from Python
 *   for i, stmt in enumerate(b, 1): …       body.append (list_resize)
 *   compile(Module(body=body, …))           the survivors (the caller); the Module dropped
 *   return                                  the frame's locals cleared in co_varnames order:
 *                                           f, src, tree, step, b, n, lead, body, i, stmt
 */
export class RecorderTree {
  private readonly heap: AstHeap;
  private src = 0;
  private tree: TreeNode | null = null;
  private b: TreeList | null = null;
  private body: TreeList | null = null;
  private lastI: PyObj = null;
  private lastStmt: PyObj = null;

  constructor(
    mem: TreeMemory,
    private readonly shape: RecorderTreeShape,
  ) {
    this.heap = new AstHeap(mem, shape);
  }

  build(tree: Module, sourceBytes: number): void {
    const h = this.heap;
    // FileIO.readall: PyBytes of n + 1, _PyBytes_Resize to n (the same block)
    if (BYTES_HEADER + sourceBytes + 1 <= SMALL_REQUEST_THRESHOLD)
      this.src = h.mem.malloc(BYTES_HEADER + sourceBytes + 1);
    // ast2obj_mod: Module(body, type_ignores)
    const mod = new Ast2Obj(h, this.shape.typeParams).module(tree);
    const b = mod.values[0] as TreeList;
    this.tree = mod;
    this.b = h.incref(b) as TreeList;

    // body = b[:lead] + [step(0, 1)]: the slice, the one-item list, their concatenation
    const lead = futurePrefix(tree.body);
    const head = h.list(lead);
    for (let i = 0; i < lead; i++) head.elts.push(h.incref(b.elts[i]));
    const step0 = this.marker();
    const first = h.list(1);
    first.elts.push(step0);
    const body = h.list(lead + 1);
    for (const o of [...head.elts, ...first.elts]) body.elts.push(h.incref(o));
    h.decref(head);
    h.decref(first);
    const cap: ListCapacity = { allocated: lead + 1, block: lead + 1 <= 64 ? sizeClass((lead + 1) * 8) : 0 };

    // for i, stmt in enumerate(b, 1): body.append(stmt) after the lead; body.append(step(i, …))
    const dropEnumerate = h.transient(ENUMERATE_BYTES);
    const dropIterator = h.transient(LIST_ITERATOR_BYTES);
    b.elts.forEach((stmt, k) => {
      const i = k + 1;
      h.decref(this.lastI);
      this.lastI = h.int(i);
      h.decref(this.lastStmt);
      this.lastStmt = h.incref(stmt);
      if (i > lead) h.append(body, h.incref(stmt), cap);
      h.append(body, this.marker(this.lastI), cap);
    });
    // the exhausted enumerate: enum_dealloc drops its iterator first
    dropIterator();
    dropEnumerate();
    this.body = body;

    // _ast.Module(body=body, type_ignores=[]): the list, the keywords dict, the node; dropped once
    // compile returns (the caller's compile runs while it lives: its objects come after these)
    const ignores = h.list(0);
    const kw = h.kwargsDict(2);
    const mod2 = h.node();
    h.setAttr(mod2, h.incref(body));
    h.setAttr(mod2, ignores);
    kw();
    this.module2 = mod2;
  }

  private module2: TreeNode | null = null;

  /**
   * step(i, line) in _build (`iObj`: i when past the small ints): Call(func=Name(id=…, ctx=Load()), args=[Constant(value=i)],
   * keywords=[]) in Expr(value=call), each type called with keywords (a dict made and dropped per
   * call), then lineno, end_lineno, col_offset, end_col_offset set on all four (the positions are
   * the tree's own ints or small ones: nothing new). Returns the Expr.
   */
  private marker(iObj: PyObj = null): TreeNode {
    const h = this.heap;
    const construct = (n: number, values: PyObj[]): TreeNode => {
      const done = h.kwargsDict(n);
      const o = h.node();
      for (const v of values) h.setAttr(o, v);
      done();
      return o;
    };
    const load = h.node(); // _ast.Load(): a new instance with no fields, no dict
    const name = construct(2, [null, load]);
    const constant = construct(1, [h.incref(iObj)]);
    const args = h.list(1);
    args.elts.push(constant);
    const call = construct(3, [name, args, h.list(0)]);
    const expr = construct(1, [call]);
    // for n in (node, call, call.func, call.args[0]): the 4-tuple comes from the tuple free list
    for (const n of [expr, call, name, constant]) for (let k = 0; k < 4; k++) h.setAttr(n, null);
    return expr;
  }

  /**
   * compile() returned, then _build: its locals go in co_varnames order; `afterBuild` is what the
   * child does next (its __main__ namespace: the dicts come off the free lists the tree filled);
   * then gc.collect().
   */
  release(afterBuild?: (heap: AstHeap) => void): void {
    const h = this.heap;
    h.decref(this.module2);
    if (this.src) h.mem.free(this.src);
    h.decref(this.tree);
    h.decref(this.b);
    h.decref(this.body);
    h.decref(this.lastI);
    h.decref(this.lastStmt);
    afterBuild?.(h);
    h.clearFreeLists();
  }
}

/** The script's length in bytes, as f.read() returns it. */
export function sourceBytes(input: string | Uint8Array): number {
  return typeof input === 'string' ? new TextEncoder().encode(input).length : input.length;
}
