import { CompileError } from './errors';
import {
  DEF_BOUND,
  DEF_FREE_CLASS,
  DEF_GLOBAL,
  DEF_NONLOCAL,
  DEF_PARAM,
  Scope,
  type SymbolTableEntry,
} from './ste';

/**
 * symtable.c's second pass (analyze_block, analyze_name, analyze_cells, update_symbols),
 * 3.11 (and 3.12's comprehension inlining when asked): every name of every block gets its scope. A parent passes down the names bound in
 * enclosing functions (`bound`) and the explicit globals (`global`); a child passes up the free
 * names it needs (`free`), which turn the parent's locals into cells.
 */
export function analyze(top: SymbolTableEntry, inlineComprehensions = false): void {
  analyzeBlock(top, null, new Set(), new Set(), inlineComprehensions);
}

/**
 * Can this child be inlined (3.12's analyze_block: every list/set/dict comprehension, also one whose
 * body makes a function closing over its names: those become cells of the enclosing frame, and an
 * async one, `[x async for x in it]` or `[await y for y in ys]`, inside an async function: measured
 * with dis on 3.12.1, its loop runs in the coroutine's own frame, no function object, no frame).
 */
function inlinable(child: SymbolTableEntry): boolean {
  return child.comprehension !== null && child.comprehension !== 'genexpr';
}

/** is_free_in_any_child (3.12 symtable.c): a child block of `ste` has `name` free. */
function isFreeInAnyChild(ste: SymbolTableEntry, name: string): boolean {
  return ste.children.some((c) => c.scope(name) === Scope.FREE);
}

/**
 * inline_comprehension (3.12 symtable.c): the comprehension's names become the parent's (those it
 * does not have, with their scope), and a free name the parent binds is just the parent's local
 * (not a cell) unless a child of the comprehension has it free or the parent is a class body. A
 * cell of the comprehension (a lambda or generator expression in it closes over its variable) is
 * added to `inlinedCells`: a local of that name in a function parent becomes a cell (analyze_cells).
 */
function inlineComprehension(
  ste: SymbolTableEntry,
  comp: SymbolTableEntry,
  compFree: Set<string>,
  inlinedCells: Set<string>,
): void {
  for (const [name, flags] of comp.symbols) {
    if (flags & DEF_PARAM) continue; // .0
    const scope = comp.scope(name);
    if (scope === Scope.CELL || comp.compCells.has(name)) {
      inlinedCells.add(name);
      ste.compCells.add(name);
    }
    if (!ste.symbols.has(name)) {
      ste.symbols.set(name, flags);
      if (scope) ste.scopes.set(name, scope);
    } else if (ste.flags(name) & DEF_BOUND && !isFreeInAnyChild(comp, name) && ste.type !== 'class')
      compFree.delete(name);
  }
  comp.inlined = true;
}

function errorAtDirective(ste: SymbolTableEntry, name: string, msg: string): never {
  const at = ste.directives.get(name);
  if (!at) throw new Error('internal: directive bookkeeping broken');
  throw new CompileError(msg, at);
}

/** analyze_name. */
function analyzeName(
  ste: SymbolTableEntry,
  name: string,
  flags: number,
  bound: Set<string> | null,
  local: Set<string>,
  free: Set<string>,
  global: Set<string>,
): void {
  if (flags & DEF_GLOBAL) {
    if (flags & DEF_NONLOCAL) errorAtDirective(ste, name, `name '${name}' is nonlocal and global`);
    ste.scopes.set(name, Scope.GLOBAL_EXPLICIT);
    global.add(name);
    bound?.delete(name);
    return;
  }
  if (flags & DEF_NONLOCAL) {
    if (!bound) errorAtDirective(ste, name, 'nonlocal declaration not allowed at module level');
    if (!bound.has(name)) errorAtDirective(ste, name, `no binding for nonlocal '${name}' found`);
    ste.scopes.set(name, Scope.FREE);
    ste.free = true;
    free.add(name);
    return;
  }
  if (flags & DEF_BOUND) {
    ste.scopes.set(name, Scope.LOCAL);
    local.add(name);
    global.delete(name);
    return;
  }
  // Bound in an enclosing function: a free variable, not a global.
  if (bound?.has(name)) {
    ste.scopes.set(name, Scope.FREE);
    ste.free = true;
    free.add(name);
    return;
  }
  if (global.has(name)) {
    ste.scopes.set(name, Scope.GLOBAL_IMPLICIT);
    return;
  }
  if (ste.nested) ste.free = true;
  ste.scopes.set(name, Scope.GLOBAL_IMPLICIT);
}

/** analyze_block. */
function analyzeBlock(
  ste: SymbolTableEntry,
  bound: Set<string> | null,
  free: Set<string>,
  global: Set<string>,
  inline: boolean,
): void {
  const local = new Set<string>();
  const newGlobal = new Set<string>();
  const newFree = new Set<string>();
  const newBound = new Set<string>();

  // A class's names are not visible in its methods: what children see is fixed before.
  if (ste.type === 'class') {
    for (const n of global) newGlobal.add(n);
    if (bound) for (const n of bound) newBound.add(n);
  }
  for (const [name, flags] of ste.symbols) analyzeName(ste, name, flags, bound, local, free, global);

  if (ste.type !== 'class') {
    if (ste.type === 'function') for (const n of local) newBound.add(n);
    if (bound) for (const n of bound) newBound.add(n);
    for (const n of global) newGlobal.add(n);
  } else {
    newBound.add('__class__');
  }

  const inlinedCells = new Set<string>();
  for (const child of ste.children) {
    // analyze_child_block: the child works on copies.
    const childFree = new Set(newFree);
    analyzeBlock(child, new Set(newBound), childFree, new Set(newGlobal), inline);
    if (inline && inlinable(child)) inlineComprehension(ste, child, childFree, inlinedCells);
    for (const n of childFree) newFree.add(n);
    if (child.free || child.childFree) ste.childFree = true;
  }

  if (ste.type === 'function') {
    // analyze_cells: a local that a child needs becomes a cell.
    for (const [name, scope] of ste.scopes) {
      if (scope === Scope.LOCAL && (newFree.has(name) || inlinedCells.has(name))) {
        ste.scopes.set(name, Scope.CELL);
        newFree.delete(name);
      }
    }
  } else if (ste.type === 'class') {
    // drop_class_free: a method's use of __class__ (super()) makes the class cell.
    if (newFree.delete('__class__')) ste.needsClassClosure = true;
  }
  updateSymbols(ste, bound, newFree, ste.type === 'class');
  for (const n of newFree) free.add(n);
}

/** update_symbols: free names of children not bound here pass through as FREE. */
function updateSymbols(
  ste: SymbolTableEntry,
  bound: Set<string> | null,
  free: Set<string>,
  classflag: boolean,
): void {
  for (const name of free) {
    const flags = ste.symbols.get(name);
    if (flags !== undefined) {
      // A method's free variable with the same name as a name of the class body.
      if (classflag) ste.symbols.set(name, flags | DEF_FREE_CLASS);
      continue;
    }
    if (bound && !bound.has(name)) continue; // a global
    ste.symbols.set(name, 0);
    ste.scopes.set(name, Scope.FREE);
  }
}
