import type { Comprehension, Expr, Stmt } from '../parse/ast';

/**
 * co_stacksize as Python/compile.c's stackdepth() finds it, for the bytecode 3.11 emits for the
 * subset. It decides frame sizes: a frame takes co_nlocalsplus + co_stacksize + 9 words
 * (FRAME_SPECIALS_SIZE = (sizeof(_PyInterpreterFrame) - 1) / 8), which is what a generator
 * object embeds and what a call takes from the data stack.
 */
export const FRAME_SPECIALS_SIZE = 9;

/** Depth needed to evaluate `e`, leaving its value on the stack. */
export function exprDepth(e: Expr): number {
  switch (e.k) {
    case 'Name':
    case 'Const':
      return 1;
    case 'BinOp':
      return Math.max(exprDepth(e.left), 1 + exprDepth(e.right));
    case 'UnaryOp':
      return exprDepth(e.operand);
    case 'BoolOp':
      return Math.max(...e.values.map(exprDepth));
    case 'Compare':
      // chained comparisons keep the previous operand: SWAP/COPY add one
      return Math.max(exprDepth(e.left), ...e.comparators.map((c, i) => (e.comparators.length > 1 ? 2 : 1) + exprDepth(c) + (i > 0 ? 0 : 0)));
    case 'IfExp':
      return Math.max(exprDepth(e.test), exprDepth(e.body), exprDepth(e.orelse));
    case 'Attribute':
      return exprDepth(e.value);
    case 'Subscript':
      return Math.max(exprDepth(e.value), 1 + exprDepth(e.slice));
    case 'Slice': {
      const parts = [e.lower, e.upper, e.step].filter((x, i) => x !== null || i < 2);
      return Math.max(...parts.map((p, i) => i + (p ? exprDepth(p) : 1)));
    }
    case 'List':
    case 'Set':
      if (e.constItems !== undefined) return 2;
      return seqDepth(e.elts, 0);
    case 'Tuple':
      return seqDepth(e.elts, 0);
    case 'Dict':
      return Math.max(1, ...e.values.map((v, i) => 2 * i + Math.max(e.keys[i] ? exprDepth(e.keys[i]!) : 0, 1 + exprDepth(v))));
    case 'Call': {
      // PUSH_NULL + callable (or LOAD_METHOD's two), then the arguments (+ KW_NAMES)
      const base = e.func.k === 'Attribute' ? Math.max(exprDepth(e.func.value), 2) : Math.max(2, 1 + exprDepth(e.func));
      const args = [...e.args, ...e.keywords.map((k) => k.value)];
      return Math.max(base, ...args.map((a, i) => 2 + i + exprDepth(a)));
    }
    case 'ListComp':
    case 'SetComp':
    case 'GeneratorExp':
    case 'DictComp':
      // (closure tuple) + code + MAKE_FUNCTION, then the first iterable and GET_ITER
      return Math.max(2, 1 + exprDepth(e.generators[0].iter));
  }
}

function seqDepth(elts: Expr[], base: number): number {
  if (elts.length > 30) return Math.max(1, ...elts.map((x) => 1 + exprDepth(x))); // BUILD_LIST + LIST_APPEND
  return Math.max(base + 1, ...elts.map((x, i) => base + i + exprDepth(x)));
}

function targetDepth(t: Expr, below: number): number {
  if (t.k === 'Tuple' || t.k === 'List') return below + t.elts.length + Math.max(0, ...t.elts.map((x) => targetDepth(x, 0)));
  if (t.k === 'Subscript') return below + 1 + Math.max(exprDepth(t.value), 1 + exprDepth(t.slice));
  if (t.k === 'Attribute') return below + 1 + exprDepth(t.value);
  return below;
}

/** The deepest statement of a body; `loops` iterators are already on the stack. */
export function bodyDepth(body: Stmt[], loops = 0): number {
  let d = 1; // LOAD_CONST None; RETURN_VALUE
  for (const s of body) d = Math.max(d, stmtDepth(s, loops));
  return d;
}

function stmtDepth(s: Stmt, loops: number): number {
  switch (s.k) {
    case 'Assign':
      return loops + Math.max(exprDepth(s.value) + (s.targets.length > 1 ? 1 : 0), ...s.targets.map((t) => targetDepth(t, 1)));
    case 'AugAssign':
      return loops + Math.max(exprDepth(s.target) + 2, 2 + exprDepth(s.value), targetDepth(s.target, 1));
    case 'Delete':
      return loops + Math.max(1, ...s.targets.map((t) => targetDepth(t, 0)));
    case 'Expr':
    case 'Return':
      return loops + (s.k === 'Expr' ? exprDepth(s.value) : s.value ? exprDepth(s.value) : 1);
    case 'For':
      return Math.max(loops + exprDepth(s.iter), targetDepth(s.target, loops + 2), bodyDepth(s.body, loops + 1), bodyDepth(s.orelse, loops));
    case 'While':
    case 'If':
      return Math.max(loops + exprDepth(s.test), bodyDepth(s.body, loops), bodyDepth(s.orelse, loops));
    case 'FunctionDef':
      return loops + Math.max(2, ...s.defaults.map((d, i) => i + exprDepth(d)));
    default:
      return loops + 1;
  }
}

/** co_stacksize of a comprehension's own code object. */
export function comprehensionDepth(kind: string, gens: Comprehension[], elts: Expr[]): number {
  const collection = kind === 'GeneratorExp' ? 0 : 1;
  let d = collection + 1;
  gens.forEach((g, level) => {
    const below = collection + level + 1; // iterators of this and outer loops
    if (level > 0) d = Math.max(d, collection + level + exprDepth(g.iter));
    d = Math.max(d, below + 1, targetDepth(g.target, below));
    for (const c of g.ifs) d = Math.max(d, below + exprDepth(c));
  });
  const below = collection + gens.length;
  if (elts.length === 2) d = Math.max(d, below + exprDepth(elts[0]), below + 1 + exprDepth(elts[1]));
  else d = Math.max(d, below + exprDepth(elts[0]));
  return d;
}
