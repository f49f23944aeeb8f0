import type { Module } from '../syntax/ast';
import { assemble } from './assemble';
import type { CodeObject } from './code';
import { compileBody } from './defs';
import { PyError } from '../errors';
import { CompileError } from './errors';
import { Folder, type FoldListener } from './fold';
import { FUTURE_ANNOTATIONS, SymbolTable } from './symtable';
import { Compiler, type CompilerOptions } from './unit';
import { visitExpr } from './expr';
import { Op } from './opcodes';
import type { CompileProbe } from './probe';

export type { CodeObject } from './code';
export { CompileError } from './errors';
export { disassemble } from './dis';

export interface CompileResult {
  code: CodeObject;
  /** SyntaxWarnings (CPython prints them to stderr while compiling). */
  warnings: { msg: string; line: number }[];
}

const CO_FUTURE_BARRY_AS_BDFL = 0x400000;

/** A deep copy of the tree (folding rewrites it in place). Several times faster than structuredClone. */
function cloneTree<T>(x: T): T {
  if (Array.isArray(x)) return x.map(cloneTree) as T;
  if (x === null || typeof x !== 'object') return x;
  const out: Record<string, unknown> = {};
  for (const k in x) out[k] = cloneTree((x as Record<string, unknown>)[k]);
  return out as T;
}

/** future.c: `from __future__ import …` at the top of the module (after a docstring). */
function futureFeatures(mod: Module): { features: number; lineno: number } {
  let features = 0;
  let lineno = -1;
  let done = false;
  let foundDocstring = false;
  let prevLine = 0;
  for (const s of mod.body) {
    if (done && s.line > prevLine) break;
    prevLine = s.line;
    if (s.k === 'ImportFrom' && s.module === '__future__') {
      // PyErr_SyntaxLocationObject(filename, lineno, col + 1): no end position
      const at = { line: s.line, col: s.col, endLine: s.line, endCol: -1 };
      if (done) throw new CompileError('from __future__ imports must occur at the beginning of the file', at);
      for (const a of s.names) {
        switch (a.name) {
          case 'nested_scopes':
          case 'generators':
          case 'division':
          case 'absolute_import':
          case 'with_statement':
          case 'print_function':
          case 'unicode_literals':
          case 'generator_stop':
            break;
          case 'barry_as_FLUFL':
            features |= CO_FUTURE_BARRY_AS_BDFL;
            break;
          case 'annotations':
            features |= FUTURE_ANNOTATIONS;
            break;
          case 'braces':
            throw new CompileError('not a chance', at);
          default:
            throw new CompileError(`future feature ${a.name} is not defined`, at);
        }
      }
      lineno = s.line;
    } else if (s.k === 'Expr' && !foundDocstring) {
      if (s.value.k !== 'Constant' || s.value.value.t !== 'str') done = true;
      foundDocstring = true;
    } else done = true;
  }
  return { features, lineno };
}

/**
 * _PyAST_Compile for a module (what `python3 script.py` compiles): future features, ast_opt.c's
 * folding, the symbol table, code generation and assembly into nested code objects. The caller's
 * tree is not modified. Throws CompileError (a SyntaxError) or NotSupported.
 */
export function compileModule(
  mod: Module,
  options: Partial<Omit<CompilerOptions, 'futureFeatures' | 'futureLineno'>> & {
    onFold?: FoldListener;
    evalMode?: boolean;
    /** Told what compile.c would allocate as it goes (cheap/compileCost.ts). */
    probe?: CompileProbe;
  } = {},
): CompileResult {
  try {
    return compile(mod, options);
  } catch (e) {
    // A tree too deep for the JS stack (a hostile input) ends as CPython ends: a RecursionError.
    if (e instanceof RangeError && /call stack/i.test(e.message)) {
      throw new PyError('RecursionError', 'maximum recursion depth exceeded during compilation');
    }
    throw e;
  }
}

function compile(
  mod: Module,
  options: Partial<Omit<CompilerOptions, 'futureFeatures' | 'futureLineno'>> & {
    onFold?: FoldListener;
    /** compile(…, 'eval'): the module's one expression statement is the code's return value. */
    evalMode?: boolean;
    /** Told what compile.c would allocate as it goes (cheap/compileCost.ts). */
    probe?: CompileProbe;
  } = {},
): CompileResult {
  const tree = cloneTree(mod);
  const future = futureFeatures(tree);
  const opts: CompilerOptions = {
    filename: options.filename ?? '<string>',
    optimize: options.optimize ?? 0,
    inlineComprehensions: options.inlineComprehensions ?? false,
    classBodyAttributes: options.classBodyAttributes ?? false,
    generatorHandlers: options.generatorHandlers ?? false,
    futureFeatures: future.features,
    futureLineno: future.lineno,
  };
  new Folder({
    optimize: opts.optimize,
    futureAnnotations: (future.features & FUTURE_ANNOTATIONS) !== 0,
    onFold:
      options.probe && options.onFold
        ? (op, operands, result) => {
            options.probe?.folded();
            options.onFold?.(op, operands, result);
          }
        : options.probe
          ? () => options.probe?.folded()
          : options.onFold,
  }).body(tree.body);
  const st = SymbolTable.build(tree, future.features, opts.inlineComprehensions);
  options.probe?.symtable(st.blocks.size);
  const c = new Compiler(st, opts, options.probe ?? null);
  c.enterScope('<module>', 'module', tree, 1);
  c.u.loc = { ...c.u.loc, line: 1 };
  const evalExpr = options.evalMode ? tree.body[0] : null;
  // compiler_mod for an Expression (eval mode): the expression's value is returned
  if (evalExpr !== null && evalExpr.k === 'Expr') {
    visitExpr(c, evalExpr.value);
    c.addOp(Op.RETURN_VALUE);
  } else compileBody(c, tree.body);
  const code = assemble(c, true);
  c.exitScope();
  return { code, warnings: c.warnings };
}
