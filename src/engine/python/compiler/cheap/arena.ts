import type { Module } from '../../syntax/ast';
import { CHeap, GrowingList, type Held } from './heap';

/** pyarena.c: DEFAULT_BLOCK_SIZE, and a block's header (ab_size, ab_offset, ab_next, ab_mem). */
const BLOCK_SIZE = 8192;
const BLOCK_HEADER = 32;

/**
 * A PyArena (Python/pyarena.c): a chain of blocks (PyMem_Malloc(32 + 8192), larger for a larger
 * request) that _PyArena_Malloc bumps through, 8-byte aligned, and the a_objects list every
 * PyObject the parse or the conversion made is appended to (PyList_Append: list_resize growth).
 * _PyArena_Free frees the blocks first to last, then the list (its items, then its array).
 */
export class Arena {
  private readonly blocks: Held[] = [];
  private offset = 0;
  private size = 0;
  readonly objects: GrowingList;
  /** Big PyObjects the list holds (a long string token's bytes): freed with it, last first. */
  private readonly bigObjects: Held[] = [];

  constructor(private readonly heap: CHeap) {
    this.newBlock(BLOCK_SIZE);
    this.objects = new GrowingList(heap);
  }

  private newBlock(size: number): void {
    this.blocks.push(this.heap.malloc(BLOCK_HEADER + size));
    this.size = size;
    this.offset = 0;
  }

  /** _PyArena_Malloc (block_alloc). */
  alloc(n: number): void {
    const size = (n + 7) & ~7;
    if (this.offset + size > this.size) this.newBlock(Math.max(size, BLOCK_SIZE));
    this.offset += size;
  }

  /** _PyArena_AddPyObject; `held` when the object itself is a glibc block. */
  addObject(held: Held | null = null): void {
    if (held && held.id >= 0) this.bigObjects.push(held);
    this.objects.append();
  }

  free(): void {
    for (const b of this.blocks) this.heap.free(b);
    for (let i = this.bigObjects.length - 1; i >= 0; i--) this.heap.free(this.bigObjects[i]);
    this.objects.free();
  }
}

// The C structs' sizes (3.11 pycore_ast.h, x86-64): kind + union + four int positions.
const STMT = 72;
const EXPR = 48;
const PATTERN = 56;
const EXCEPTHANDLER = 48;
const ARGUMENTS = 56;
const ARG = 40;
const KEYWORD = 32;
const ALIAS = 32;
const COMPREHENSION = 32;
const WITHITEM = 16;
const MATCH_CASE = 24;
const MOD = 24;

const STMT_KINDS = new Set([
  'FunctionDef', 'AsyncFunctionDef', 'ClassDef', 'Return', 'Delete', 'Assign', 'AugAssign', 'AnnAssign',
  'For', 'AsyncFor', 'While', 'If', 'With', 'AsyncWith', 'Match', 'Raise', 'Try', 'TryStar', 'Assert',
  'Import', 'ImportFrom', 'Global', 'Nonlocal', 'Expr', 'Pass', 'Break', 'Continue',
]); // prettier-ignore

/** The C tree's shape in a release: sizeof(stmt) and whether functions and classes have type_params. */
export interface AstShape {
  stmtBytes: number;
  typeParams: boolean;
}

export const AST_3_11: AstShape = { stmtBytes: STMT, typeParams: false };

/** Statements with type_params (PEP 695, 3.12): obj2ast reads them after the body and decorators. */
const TYPE_PARAMS_KINDS = new Set(['FunctionDef', 'AsyncFunctionDef', 'ClassDef']);

/** Fields that hold identifiers (obj2ast_identifier adds each to the arena). */
const IDENTIFIER_FIELDS = new Set(['id', 'attr', 'name', 'asname', 'arg', 'module', 'rest', 'kind']);
const IDENTIFIER_LIST_FIELDS = new Set(['names', 'kwdAttrs']);

/** asdl_seq of n pointers (_Py_asdl_*_seq_new): size, elements, then the items. */
function seqBytes(n: number): number {
  return 24 + 8 * Math.max(0, n - 1);
}

/** Compare's ops: an asdl_int_seq (4-byte items). */
function intSeqBytes(n: number): number {
  return (24 + 4 * Math.max(0, n - 1) + 7) & ~7;
}

/**
 * PyAST_obj2mod (Python/Python-ast.c) on a tree: every node converted children first (a list
 * field's sequence is allocated before its items), the node last, each identifier and constant
 * added to the arena as it is read. `visit` sees each arena allocation and each added object in
 * that order.
 */
export function obj2ast(
  mod: Module,
  arena: { alloc(n: number): void; addObject(): void },
  shape: AstShape = AST_3_11,
): void {
  const node = (x: Record<string, unknown>): void => {
    for (const key in x) {
      const v = x[key];
      if (key === 'k' || key === 'line' || key === 'col' || key === 'endLine' || key === 'endCol') continue;
      if (typeof v === 'string') {
        if (IDENTIFIER_FIELDS.has(key)) arena.addObject();
      } else if (Array.isArray(v)) {
        if (key === 'ops') {
          arena.alloc(intSeqBytes(v.length));
          continue;
        }
        arena.alloc(seqBytes(v.length));
        for (const item of v) {
          if (typeof item === 'string') {
            if (IDENTIFIER_LIST_FIELDS.has(key)) arena.addObject();
          } else if (item && typeof item === 'object') node(item as Record<string, unknown>);
        }
      } else if (v && typeof v === 'object') {
        if ('t' in v && !('k' in v))
          arena.addObject(); // a Constant's (or MatchSingleton's) value
        else node(v as Record<string, unknown>);
      }
    }
    // 3.12+: FunctionDef's and ClassDef's type_params, an empty sequence in a tree from source
    if (shape.typeParams && TYPE_PARAMS_KINDS.has(x.k as string)) arena.alloc(seqBytes(0));
    const bytes = nodeBytes(x);
    arena.alloc(bytes === STMT ? shape.stmtBytes : bytes);
  };
  arena.alloc(seqBytes(mod.body.length));
  for (const s of mod.body) node(s as unknown as Record<string, unknown>);
  arena.alloc(seqBytes(0)); // type_ignores
  arena.alloc(MOD);
}

/** The C struct a syntax-tree object of ours stands for. */
function nodeBytes(x: Record<string, unknown>): number {
  const k = x.k;
  if (typeof k === 'string') {
    if (STMT_KINDS.has(k)) return STMT;
    if (k.startsWith('Match') && k !== 'Match') return PATTERN;
    return EXPR;
  }
  if ('posonlyargs' in x) return ARGUMENTS;
  if ('contextExpr' in x) return WITHITEM;
  if ('isAsync' in x) return COMPREHENSION;
  if ('pattern' in x && 'guard' in x) return MATCH_CASE;
  if ('type' in x && 'body' in x) return EXCEPTHANDLER;
  if ('asname' in x) return ALIAS;
  if ('annotation' in x) return ARG;
  if ('arg' in x) return KEYWORD;
  return EXPR;
}

/** The bytes obj2ast would take from the arena for this tree (nodes and sequences). */
export function treeBytes(mod: Module, shape: AstShape = AST_3_11): number {
  let n = 0;
  obj2ast(mod, { alloc: (b) => void (n += (b + 7) & ~7), addObject: () => undefined }, shape);
  return n;
}
