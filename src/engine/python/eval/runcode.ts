/** Compiling and running module-level code: the script's and exec's module frames, library modules written in Python. */
import { PySyntaxError } from '../errors';
import { moduleData, moduleStatic } from '../objects/module';
import { T } from '../objects/types';
import { clearAndPop, isStop } from './calls';
import { parse } from '../syntax';
import { ConstLoader, type FoldEvent } from './consts';
import { dictEntries, dictNew, dictSetItem } from '../objects/dict';
import { intern, strNew, strValue } from '../objects/str';
import { compile } from './script';
import type { Module } from '../syntax/ast';
import { type CodeRt } from './code';
import type { CodeObject } from '../compiler/code';
import type { Frame } from './frame';
import type { FunctionData } from '../objects/func';
import type { Interpreter } from './interpreter';

/**
 * What compiling a library module's Python gives, kept per release, filename and source for the
 * life of the JS realm: the compiler's output is plain data (CodeRt keeps its CodeObject
 * read-only; the VM's objects are made from it by ConstLoader each time), so a second process in
 * the same worker (each re-run while scrubbing, each test) skips the parse and compile. Measured:
 * `import re` on 3.12 compiles enum, functools, collections, reprlib and copyreg (45 KB of
 * Python), 3.4 of its 8 s under load.
 */
const compiledParts = new Map<string, { code: CodeObject; folds: FoldEvent[] }>();
/** Sources exec() builds at run time (dataclasses) are cached too; the map is dropped past this. */
const COMPILED_PARTS_MAX = 2000;

function compileLibrarySource(it: Interpreter, source: string, filename: string): CodeRt {
  const key = `${it.vm.py.name}\0${filename}\0${source}`;
  let hit = compiledParts.get(key);
  if (hit === undefined) {
    const folds: FoldEvent[] = [];
    const code = compile(parse(source, { filename }), filename, folds, it.vm.py);
    if (compiledParts.size >= COMPILED_PARTS_MAX) compiledParts.clear();
    hit = { code, folds };
    compiledParts.set(key, hit);
  }
  const loader = new ConstLoader(it.vm);
  loader.fold(hit.folds);
  const rt = loader.load(hit.code);
  loader.finish();
  return rt;
}

/** A module written in Python (threading, queue): run once with its own globals. */
export function execSourceModule(it: Interpreter, name: string, source: string): number {
  const vm = it.vm;
  const filename = `${name.replace(/\./g, '/')}.py`;
  const code = compileLibrarySource(it, source, filename);
  const globals = dictNew(vm);
  const nameStr = strNew(vm, name);
  dictSetItem(vm, globals, intern(vm, '__name__'), nameStr);
  vm.decref(nameStr);
  const f = it.moduleFrame(code, globals);
  it.vm.decref(runToEnd(it, f));
  // a name the real module has and it one lacks (threading.local, Timer) is "not supported"
  const mod = moduleStatic(vm, name, name);
  const attrs = moduleData(vm, mod).attrs;
  for (const [k, v] of dictEntries(vm, globals)) {
    vm.incref(v);
    attrs.set(strValue(vm, k), v);
  }
  return mod;
}

/**
 * The module's frame (what exec() pushes for the recorder's scenario): its function is the one
 * exec made before `<start>` (static here), its locals are the globals dict.
 */
export function moduleFrame(it: Interpreter, code: CodeRt, globals = it.globals, locals = globals): Frame {
  const vm = it.vm;
  const fn = vm.newStatic(T.Function);
  vm.table.side[fn] = {
    code,
    name: code.co.name,
    qualname: code.co.qualname,
    defaults: 0,
    closure: 0,
    dict: 0,
    kwdefaults: 0,
    annotations: 0,
    globals,
  } satisfies FunctionData;
  // f_locals is stolen by the frame: a module's are its globals, exec's its own mapping
  vm.incref(locals);
  return it.thread.pushFrame(code, fn, globals, locals);
}

/** compile(tree, filename, 'exec'): the module's code object, its constants made. */
export function compileModule(it: Interpreter, tree: Module, filename: string, evalMode = false): CodeRt {
  const folds: FoldEvent[] = [];
  const compiled = compile(tree, filename, folds, it.vm.py, undefined, evalMode);
  const loader = new ConstLoader(it.vm);
  loader.fold(folds);
  const code = loader.load(compiled);
  loader.finish();
  return code;
}

/** exec(code, globals): run to its end; the frame cleared and popped. */
export function execCode(it: Interpreter, code: CodeRt): void {
  const f = it.moduleFrame(code);
  it.vm.decref(runToEnd(it, f));
}

/** A library module's Python code run to its end in its own globals (HostServices.execSource). */
export function execSource(
  it: Interpreter,
  source: string,
  filename: string,
  globals: number,
  locals = globals,
): void {
  const code = compileLibrarySource(it, source, filename);
  const saved = it.globals;
  it.globals = globals;
  let f: Frame;
  try {
    f = it.moduleFrame(code, globals, locals);
  } finally {
    it.globals = saved;
  }
  it.vm.decref(runToEnd(it, f));
}

/** PyEval_EvalCode(code, globals, locals): run to its end in those namespaces; its value (a new reference). */
export function runCode(it: Interpreter, code: CodeRt, globals: number, locals: number): number {
  return runToEnd(it, it.moduleFrame(code, globals, locals));
}

/** Run a module-level frame to its end: its value (a new reference); the frame cleared and popped, also when it raises. */
function runToEnd(it: Interpreter, f: Frame): number {
  let r: number;
  try {
    r = it.run(f);
  } catch (e) {
    if (!isStop(e)) clearAndPop(it, f);
    throw e;
  }
  clearAndPop(it, f);
  return r;
}

/**
 * compile(source, filename, mode) of a string (builtin exec/eval/compile): parsed as a string
 * (not a file), an 'eval' source one expression whose value the code returns. Code objects are
 * the compiler's static ones, as for the script itself.
 */
export function compileString(
  it: Interpreter,
  source: string,
  filename: string,
  mode: 'exec' | 'eval' | 'single',
): CodeRt {
  const text = mode === 'eval' ? source.replace(/^[ \t]+/, '') : source;
  const tree = parse(text, { filename, mode: 'string' });
  if (mode === 'eval' && (tree.body.length !== 1 || tree.body[0].k !== 'Expr'))
    throw new PySyntaxError('invalid syntax', tree.body[0]?.line ?? 1, (tree.body[0]?.col ?? 0) + 1);
  return it.compileModule(tree, filename, mode === 'eval');
}
