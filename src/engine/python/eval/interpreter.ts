import { moduleNotFound } from './importerror';
import { realModuleExists } from '../versions/moduleNames';
import { NotSupported, PyError, PySyntaxError } from '../errors';
import { lookupAttr as lookupAttrAbstract } from '../abstract/attr';
import { readyAsyncGenTypes, type AsyncGenTypes } from './asyncgen';
import { call } from '../abstract/call';
import { normalize, raiseString, typeError } from '../abstract/errors';
import { findModule } from '../modules';
import type { InterpreterServices } from '../modules/host';
import { exceptionText, excState } from '../objects/exceptions';
import { E } from '../objects/exctypes';
import { CO_FAST_CELL } from '../compiler/code';
import { functionData } from '../objects/func';
import { moduleData, moduleStatic } from '../objects/module';
import { inheritSlots, readyStaticType } from '../objects/typeobject';
import { T, TpFlags, type Kwargs } from '../objects/types';
import type { DataStack } from '../runtime/datastack';
import type { Evaluator, Vm } from '../runtime/vm';
import type { EventLog } from '../../trace/eventLog';
import { Budget, defaultClock } from './budget';
import { callFromC, clearAndPop, isStop, type CallResult } from './calls';
import { Threads, type ThreadsHost } from './threads';
import { parse } from '../syntax';
import { ConstLoader, type FoldEvent } from './consts';
import { dictDelItem, dictEntries, dictGetItem, dictNew, dictSetItem } from '../objects/dict';
import { intern, strNew, strValue } from '../objects/str';
import { compile } from './script';
import type { Module } from '../syntax/ast';
import { installCodeType, type CodeRt } from './code';
import type { Frame } from './frame';
import { frameObjectFor } from './frameobj';
import { generatorType } from './generator';
import { evalFrame } from './loop';
import { ThreadState } from './thread';
import { installBuiltins } from '../builtins';
import { makeStdout } from '../builtins/stdout';
import { sysStderr, sysStdout } from '../modules/sys';
import { builtinStatic } from '../objects/descr';
import type { FunctionData } from '../objects/func';
import { Meth, type MethodDef } from '../objects/types';
import { STEP_MARKER } from './script';
import { fastToLocals } from './locals';

/** The recorder's __hw_step__(i) (the loop intercepts the call; this body never runs). */
const STEP_MARKER_DEF: MethodDef = {
  name: STEP_MARKER,
  flags: Meth.O,
  impl: (vm) => vm.s.None,
};

/** Eval-breaker interval: the budget is checked every this many backward jumps / calls / C loop items. */
const BREAKER_INTERVAL = 1 << 14;

export interface InterpreterOptions {
  events?: EventLog | null;
  /** Seconds of simulator time before a run stops (null: no limit). */
  maxSeconds?: number | null;
  /** The clock the budget reads, in ms (CPU time where the host has it). */
  clock?: () => number;
  /** glibc's malloc_trim(pad) in the simulated process. */
  mallocTrim?: (pad: number) => number;
  /** glibc's malloc_stats() text (ctypes), or null when the process has no C library to ask. */
  mallocStats?: () => string;
  /** The kernel, C library and clock threads need (absent: a process without threads). */
  threads?: ThreadsHost;
  /** A file's source text (the script's), for tracebacks a module formats (logging.exception). */
  sourceOf?: (filename: string) => string | null;
}

/**
 * The interpreter state of one simulated process (PyInterpreterState with its one thread): the
 * builtins, the module table (sys.modules), the thread (frames, data stack, exception state), the
 * run's budget; and the entry points the object layer calls back into (vm.eval: a Python
 * function called from C code, a unit of work done in C code).
 */
export class Interpreter implements Evaluator, InterpreterServices {
  /** The running thread (eval/threads.ts switches it). */
  thread: ThreadState;
  /** The running thread is handing over (a wait, the switch interval): the loop pauses its frame. */
  yielding = false;
  private readonly threadsImpl: Threads | null = null;
  /** The builtins module's names (its dict). */
  builtins: Map<string, number> = new Map();
  /**
   * The text of each co_names str that LOAD_GLOBAL looked up in the builtins (names.ts): the names
   * live as long as their code objects (static), and making the text anew cost 45 ns a lookup.
   */
  readonly nameTexts = new Map<number, string>();
  /** sys.modules: the modules imported so far. */
  readonly modules = new Map<string, number>();
  /** Modules whose load is under way (their submodules may be imported meanwhile). */
  private readonly loading = new Set<string>();
  /** Modules a higher layer provides (numpy): called on first import, returns the module object. */
  readonly moduleProviders = new Map<string, (it: Interpreter) => number>();
  /** The script's module globals (the recorder's {"__name__": "__main__", "__builtins__": …}). */
  globals = 0;
  /** `str` and the coroutine type (the loop tests them). */
  readonly strType: number;
  readonly coroutineType: number;
  /** Async generators and their awaitables (asyncgen.ts). */
  readonly asyncTypes: AsyncGenTypes;
  readonly asyncGenType: number;
  /** The recorder's step marker (__hw_step__): the loop pauses the module frame when it is called. */
  stepMarker = 0;
  stepReached = -1;
  /** The top-level statement running (0-based), for messages. */
  statement = 0;
  readonly callResult: CallResult = { frame: null, sp: 0, paused: false };
  /** Counts down to the next eval-breaker check. */
  breaker = BREAKER_INTERVAL;
  /**
   * A replay's stop (the worker's resumable landings): once the event log holds this many events,
   * the main thread's loop pauses its frames at the next RESUME or backward jump (where a thread
   * hands over the GIL), and `runModule` returns PAUSED with `eventPaused` set; running the
   * statement again continues from there. Infinity: never (the first run, the CLI).
   */
  pauseAt = Infinity;
  eventPaused = false;
  readonly budget: Budget;
  /** What print() wrote, by statement. */
  readonly output: string[] = [];
  private scratchArray = new Int32Array(64);
  private scratchBusy = false;
  readonly events: EventLog | null;
  readonly mallocTrimFn: (pad: number) => number;
  private readonly mallocStatsFn: () => string;
  readonly sourceOf: (filename: string) => string | null;

  constructor(
    readonly vm: Vm,
    dataStack: DataStack,
    opts: InterpreterOptions = {},
  ) {
    this.events = opts.events ?? null;
    this.mallocTrimFn = opts.mallocTrim ?? (() => 0);
    this.mallocStatsFn = opts.mallocStats ?? (() => '');
    this.sourceOf = opts.sourceOf ?? (() => null);
    this.budget = new Budget(opts.maxSeconds ?? null, opts.clock ?? defaultClock);
    installCodeType(vm);
    // generators and coroutines are the eval loop's (their frames live in them)
    const gen = generatorType(T.Generator, false);
    gen.typeObject = vm.types[T.Generator].typeObject;
    readyInPlace(vm, gen);
    this.coroutineType = vm.newTypeId();
    readyStaticType(vm, generatorType(this.coroutineType, true));
    this.asyncTypes = readyAsyncGenTypes(vm);
    this.asyncGenType = this.asyncTypes.gen;
    this.strType = vm.types[T.Str].typeObject;
    this.thread = new ThreadState(vm, dataStack);
    vm.eval = this;
    if (opts.threads) this.threadsImpl = new Threads(this, opts.threads, BREAKER_INTERVAL);
  }

  get threads(): Threads {
    if (this.threadsImpl === null) throw new NotSupported('threads in this process');
    return this.threadsImpl;
  }

  /** Run the module frame to its next step marker (PAUSED) or end, other threads in between. */
  runModule(frame: Frame): number {
    return this.threadsImpl ? this.threadsImpl.runMain(frame) : this.run(frame);
  }

  /** A module written in Python (threading, queue): run once with its own globals. */
  execSourceModule(name: string, source: string): number {
    const vm = this.vm;
    const filename = `${name.replace(/\./g, '/')}.py`;
    const code = this.compileModule(parse(source, { filename }), filename);
    const globals = dictNew(vm);
    const nameStr = strNew(vm, name);
    dictSetItem(vm, globals, intern(vm, '__name__'), nameStr);
    vm.decref(nameStr);
    const f = this.moduleFrame(code, globals);
    try {
      this.vm.decref(this.run(f));
    } catch (e) {
      if (!isStop(e)) clearAndPop(this, f);
      throw e;
    }
    clearAndPop(this, f);
    // a name the real module has and this one lacks (threading.local, Timer) is "not supported"
    const mod = moduleStatic(vm, name, name);
    const attrs = moduleData(vm, mod).attrs;
    for (const [k, v] of dictEntries(vm, globals)) {
      vm.incref(v);
      attrs.set(strValue(vm, k), v);
    }
    return mod;
  }

  /**
   * The start-up state scripts see: sys.stdout, the builtins module (with the recorder's step
   * marker), the module table, and the script's globals dict (made by the process).
   */
  start(globals: number): void {
    const vm = this.vm;
    this.globals = globals;
    const stdout = makeStdout(vm, (text) => this.output.push(text));
    sysStdout.set(vm, stdout);
    sysStderr.set(
      vm,
      makeStdout(vm, (text) => this.writeStderr(text), 'stderr'),
    );
    // builtin_print reads sys.stdout at each call (_PySys_GetAttr): a script (or
    // contextlib.redirect_stdout) may have replaced it
    const builtins = installBuiltins(this, () => {
      const sys = this.modules.get('sys');
      return (sys !== undefined && moduleData(vm, sys).attrs.get('stdout')) || stdout;
    });
    this.builtinsModule = builtins;
    this.builtins = moduleData(vm, builtins).attrs;
    this.stepMarker = builtinStatic(vm, STEP_MARKER_DEF, 'builtins');
    this.builtins.set(STEP_MARKER, this.stepMarker);
    this.modules.set('builtins', builtins);
  }
  builtinsModule = 0;

  /**
   * The module's frame (what exec() pushes for the recorder's scenario): its function is the one
   * exec made before `<start>` (static here), its locals are the globals dict.
   */
  moduleFrame(code: CodeRt, globals = this.globals, locals = globals): Frame {
    const vm = this.vm;
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
    return this.thread.pushFrame(code, fn, globals, locals);
  }

  /** compile(tree, filename, 'exec'): the module's code object, its constants made. */
  compileModule(tree: Module, filename: string, evalMode = false): CodeRt {
    const folds: FoldEvent[] = [];
    const compiled = compile(tree, filename, folds, this.vm.py, undefined, evalMode);
    const loader = new ConstLoader(this.vm);
    loader.fold(folds);
    const code = loader.load(compiled);
    loader.finish();
    return code;
  }

  /** del NAME at module level (a test's and a tool's convenience). */
  deleteGlobal(name: string): void {
    dictDelItem(this.vm, this.globals, intern(this.vm, name));
  }

  /** A module-level name or a builtin (a new reference), 0 when neither has it. */
  loadGlobal(name: string): number {
    const vm = this.vm;
    const h = dictGetItem(vm, this.globals, intern(vm, name)) || (this.builtins.get(name) ?? 0);
    if (h !== 0) vm.incref(h);
    return h;
  }

  /** exec(code, globals): run to its end; the frame cleared and popped. */
  execCode(code: CodeRt): void {
    const f = this.moduleFrame(code);
    try {
      this.vm.decref(this.run(f));
    } catch (e) {
      if (!isStop(e)) clearAndPop(this, f);
      throw e;
    }
    clearAndPop(this, f);
  }

  /** A library module's Python code run to its end in its own globals (HostServices.execSource). */
  execSource(source: string, filename: string, globals: number, locals = globals): void {
    const code = this.compileModule(parse(source, { filename }), filename);
    const saved = this.globals;
    this.globals = globals;
    let f: Frame;
    try {
      f = this.moduleFrame(code, globals, locals);
    } finally {
      this.globals = saved;
    }
    try {
      this.vm.decref(this.run(f));
    } catch (e) {
      if (!isStop(e)) clearAndPop(this, f);
      throw e;
    }
    clearAndPop(this, f);
  }

  /** Run a frame in a new entry of the loop (_PyEval_EvalFrame). */
  run(frame: Frame, pending: unknown = null): number {
    return evalFrame(this, frame, pending);
  }

  // ---- Evaluator ---------------------------------------------------------------------------

  callFunction(fn: number, args: readonly number[], kw: Kwargs | null): number {
    return callFromC(this, fn, args, kw);
  }

  /** A unit of work in C code (an item of list(range(n))): the eval breaker counts it. */
  tick(): void {
    if (--this.breaker <= 0) this.evalBreaker();
  }

  // ---- the loop's services -----------------------------------------------------------------

  /** _PyCode_Warmup: RESUME and JUMP_BACKWARD count co_warmup up; at 0 the code is quickened. */
  warm(code: CodeRt): void {
    if (++code.warmup === 0) code.quickened = true;
  }

  /**
   * The loop is at a place a thread may hand over (f.ip = ip is the next instruction): pause the
   * main thread there if the events asked for have happened and no C call sits between this loop
   * and the module frame (whose JS stack could not be left and re-entered).
   */
  pauseHere(f: Frame, ip: number, sp: number): boolean {
    const ev = this.events;
    if (ev === null || ev.length < this.pauseAt || this.threadsImpl === null || !this.threadsImpl.mayPause())
      return false;
    f.ip = ip;
    f.sp = sp;
    this.pauseAt = Infinity;
    this.yielding = true;
    this.eventPaused = true;
    return true;
  }

  /** eval_frame_handle_pending: the budget (later: a thread switch). */
  evalBreaker(): void {
    this.breaker = BREAKER_INTERVAL;
    this.threadsImpl?.onBreaker();
    this.budget.check(this.currentLine(), this.statement);
    this.vm.hostMem.check(this.vm.table, this.vm.pool);
  }

  currentLine(): number {
    const f = this.thread.current;
    return f ? f.line : 0;
  }

  /** "not supported by Highwater yet: …" (the loop gives it the line of the instruction that raised it). */
  unsupported(what: string): NotSupported {
    return new NotSupported(what);
  }

  /**
   * The argument array of a C-level call being laid out (callFromC), handed back with
   * releaseScratch once the frame holds the arguments. One shared array while no other call is
   * laying out its own (a nested one, from a __del__ run by a failed call's cleanup, gets a fresh
   * array): a typed array made per call was ~4% of `[P(i) for i in range(10**6)]` and its garbage.
   */
  scratch(n: number): Int32Array {
    if (this.scratchBusy) return new Int32Array(n);
    if (this.scratchArray.length < n) this.scratchArray = new Int32Array(2 * n);
    this.scratchBusy = true;
    return this.scratchArray;
  }

  releaseScratch(s: Int32Array): void {
    if (s === this.scratchArray) this.scratchBusy = false;
  }

  /** _PyObject_FunctionStr: "f()" or "qualname()" for messages. */
  functionStr(fn: number): string {
    const vm = this.vm;
    if (vm.table.type[fn] === T.Function) return `${functionData(vm, fn).qualname}()`;
    const s = vm.typeOf(fn);
    if (s.id === T.Type) return `${vm.slotsOf(fn).name}()`;
    return `${s.name} object`;
  }

  lookupAttr(o: number, name: string): number {
    return lookupAttrAbstract(this.vm, o, name);
  }

  callObject(callable: number, args: readonly number[]): number {
    return call(this.vm, callable, args, null);
  }

  /** PyErr_WriteUnraisable: the error is printed to stderr and dropped. */
  writeUnraisable(err: PyError, context: string): void {
    normalize(this.vm, err);
    this.writeStderr(`${context}\n${err.pyType}${err.message ? `: ${err.message}` : ''}\n`);
    const { value, traceback } = err;
    err.value = 0;
    err.traceback = 0;
    if (value) this.vm.decref(value);
    if (traceback) this.vm.decref(traceback);
  }
  readonly stderr: string[] = [];
  /** stderrAt[k]: how many stdout chunks were written before stderr[k] (a terminal's order of the two). */
  readonly stderrAt: number[] = [];

  writeStderr(text: string): void {
    this.stderr.push(text);
    this.stderrAt.push(this.output.length);
  }

  /**
   * The error generator.throw(typ, val, tb) raises (_gen_throw): a class is instantiated
   * (PyErr_NormalizeException), an instance is raised with its own traceback.
   */
  exceptionFrom(typ: number, val: number, tb: number): PyError {
    const vm = this.vm;
    const isClass = vm.typeOf(typ).mro.includes(T.Type) && vm.slotsOf(typ).flags & TpFlags.BaseExcSubclass;
    if (tb !== 0 && tb !== vm.s.None && vm.table.type[tb] !== T.Traceback)
      throw typeError(vm, 'throw() third argument must be a traceback object');
    let inst: number;
    if (isClass) {
      inst =
        val === 0 || val === vm.s.None
          ? call(vm, typ, [], null)
          : vm.typeOf(val).flags & TpFlags.BaseExcSubclass
            ? (vm.incref(val), val)
            : call(vm, typ, [val], null);
    } else if (vm.typeOf(typ).flags & TpFlags.BaseExcSubclass) {
      if (val !== 0 && val !== vm.s.None)
        throw typeError(vm, 'instance exception may not have a separate value');
      vm.incref(typ);
      inst = typ;
    } else
      throw typeError(
        vm,
        'exceptions must be classes or instances deriving from BaseException, not %s',
        vm.typeOf(typ).name,
      );
    const err = PyError.raised(vm.table.type[inst], vm.typeOf(inst).name, exceptionText(vm, inst));
    err.value = inst;
    err.normalized = true;
    const t = tb !== 0 && tb !== vm.s.None ? tb : excState(vm, inst).traceback;
    if (t !== 0) vm.incref(t);
    err.traceback = t;
    return err;
  }

  // ---- modules -------------------------------------------------------------------------------

  /** IMPORT_NAME's import_name: sys.modules, then a provider (numpy), then the stdlib registry. */
  importModule(name: string, fromlist: number, level: number, f: Frame | null): number {
    if (level > 0) throw new NotSupported('relative imports (a script has no package)');
    const vm = this.vm;
    const mod = this.loadModule(name);
    // `import a.b` binds `a` (fromlist empty); `from a.b import c` gets `a.b`
    const empty =
      fromlist === vm.s.None || (vm.table.type[fromlist] === T.Tuple && vm.table.n[fromlist] === 0);
    void f;
    if (empty && name.includes('.')) {
      const top = this.loadModule(name.slice(0, name.indexOf('.')));
      vm.incref(top);
      return top;
    }
    vm.incref(mod);
    return mod;
  }

  /** A module object (borrowed: sys.modules holds it), imported on first use. */
  loadModule(name: string): number {
    const m = this.modules.get(name);
    if (m !== undefined) return m;
    const dot = name.lastIndexOf('.');
    // a package importing its own submodule is in sys.modules already (CPython adds it before its body runs)
    if (dot > 0 && !this.loading.has(name.slice(0, dot))) this.loadModule(name.slice(0, dot));
    const provider = this.moduleProviders.get(name);
    if (provider) {
      const h = provider(this);
      this.modules.set(name, h);
      return h;
    }
    const spec = findModule(name);
    if (spec) {
      this.loading.add(name);
      try {
        const h = spec.load(this.vm, (n) => {
          const x = this.loadModule(n);
          this.vm.incref(x);
          return x;
        });
        this.modules.set(name, h);
        return h;
      } finally {
        this.loading.delete(name);
      }
    }
    if (realModuleExists(this.vm.py.release, name) === false) throw moduleNotFound(this.vm, name);
    throw new NotSupported(`import ${name}`);
  }

  moduleName(mod: number): string {
    return moduleData(this.vm, mod)?.name ?? '?';
  }

  /** import_all_from: the module's public names (or its __all__). */
  publicNames(mod: number): [string, number][] {
    if (this.vm.table.type[mod] !== T.Module) throw this.unsupported('from … import * of a non-module');
    return [...moduleData(this.vm, mod).attrs].filter(([k]) => !k.startsWith('_'));
  }

  // ---- BuiltinsHost ------------------------------------------------------------------------

  writeStdout(text: number): void {
    void text;
  }

  /** PyEval_GetLocals: a function's fast locals copied into its f_locals dict (made on first use). */
  frameLocals(): number {
    const f = this.thread.current;
    if (f === null) return this.globals;
    fastToLocals(this, f);
    return f.locals;
  }

  frameGlobals(): number {
    const f = this.thread.current;
    return f === null ? this.globals : f.globals;
  }

  /**
   * compile(source, filename, mode) of a string (builtin exec/eval/compile): parsed as a string
   * (not a file), an 'eval' source one expression whose value the code returns. Code objects are
   * the compiler's static ones, as for the script itself.
   */
  compileString(source: string, filename: string, mode: 'exec' | 'eval' | 'single'): CodeRt {
    const text = mode === 'eval' ? source.replace(/^[ \t]+/, '') : source;
    const tree = parse(text, { filename, mode: 'string' });
    if (mode === 'eval' && (tree.body.length !== 1 || tree.body[0].k !== 'Expr'))
      throw new PySyntaxError('invalid syntax', tree.body[0]?.line ?? 1, (tree.body[0]?.col ?? 0) + 1);
    return this.compileModule(tree, filename, mode === 'eval');
  }

  /** PyEval_EvalCode(code, globals, locals): run to its end in those namespaces; its value (a new reference). */
  runCode(code: CodeRt, globals: number, locals: number): number {
    const f = this.moduleFrame(code, globals, locals);
    let r: number;
    try {
      r = this.run(f);
    } catch (e) {
      if (!isStop(e)) clearAndPop(this, f);
      throw e;
    }
    clearAndPop(this, f);
    return r;
  }

  /** _PyEval_Vector(func, locals) for a class body. */
  runWithLocals(func: number, locals: number): number {
    return callFromC(this, func, [], null, locals);
  }

  // ---- HostServices (modules that reach the process: sys, gc, ctypes) -------------------------

  mallocStats(): string {
    return this.mallocStatsFn();
  }

  /**
   * What a C function writes to fd 2 (malloc_stats): unbuffered, so it lands between the script's
   * prints where a terminal shows it; kept with the output (the corpus reads it there), not again
   * as stderr.
   */
  writeCStderr(text: string): void {
    this.output.push(text);
  }

  mallocTrim(pad: number): number {
    return this.mallocTrimFn(pad);
  }

  get recursionLimit(): number {
    return this.thread.recursionLimit;
  }

  /** sys.setrecursionlimit: refused below the current depth, as CPython refuses it. */
  setRecursionLimit(n: number): void {
    const vm = this.vm;
    if (n < 1) throw raiseString(vm, E.ValueError, 'recursion limit must be greater or equal than 1');
    const depth = this.thread.depth;
    if (depth >= n)
      throw raiseString(
        vm,
        E.RecursionError,
        `cannot set the recursion limit to ${n} at the recursion depth ${depth}: the limit is too low`,
      );
    this.thread.recursionLimit = n;
  }

  /** super_init_without_args: the first argument (a cell's content) and the __class__ free variable. */
  zeroArgSuper(): { type: number; obj: number } {
    const vm = this.vm;
    const f = this.thread.current;
    if (f === null) throw raiseString(vm, E.RuntimeError, 'super(): no current frame');
    const co = f.code.co;
    if (co.argcount === 0) throw raiseString(vm, E.RuntimeError, 'super(): no arguments');
    let obj = f.local(0);
    if (obj !== 0 && co.localspluskinds[0] & CO_FAST_CELL && vm.table.type[obj] === T.Cell)
      obj = vm.table.ref[obj];
    if (obj === 0) throw raiseString(vm, E.RuntimeError, 'super(): arg[0] deleted');
    const i = co.localsplusnames.indexOf('__class__', co.nlocals);
    if (i < 0) throw raiseString(vm, E.RuntimeError, 'super(): __class__ cell not found');
    const cell = f.local(i);
    if (cell === 0 || vm.table.type[cell] !== T.Cell)
      throw raiseString(vm, E.RuntimeError, 'super(): bad __class__ cell');
    const type = vm.table.ref[cell];
    if (type === 0) throw raiseString(vm, E.RuntimeError, 'super(): empty __class__ cell');
    if (!vm.typeOf(type).mro.includes(T.Type))
      throw raiseString(vm, E.RuntimeError, `super(): __class__ is not a type (${vm.typeOf(type).name})`);
    return { type, obj };
  }

  /**
   * tracemalloc's traceback_get_frames: the innermost `limit` frames' (co_filename, line), and how
   * many frames the thread has. Allocates nothing (it runs inside allocator hooks). A frame's line
   * is its current instruction's (the loop saves f.ip at every instruction, as 3.11's
   * INSTRUCTION_START sets frame->prev_instr); an outer frame's is its CALL's.
   */
  tracebackFrames(limit: number, out: [string, number][]): number {
    out.length = 0;
    let total = 0;
    for (let f = this.thread.current; f; f = f.previous) {
      if (out.length < limit) out.push([f.code.co.filename, Math.max(0, f.line)]);
      total++;
    }
    return total;
  }

  /** sys._getframe(depth): the frame object of a running frame. */
  /** A running frame's code (co_filename, co_name) and current line, without making its frame object. */
  frameInfo(depth: number): { filename: string; name: string; line: number; globals: number } | null {
    let f = this.thread.current;
    for (let i = 0; i < depth && f; i++) f = f.previous;
    if (!f) return null;
    return {
      filename: f.code.co.filename,
      name: f.code.co.name,
      line: Math.max(0, f.line),
      globals: f.globals,
    };
  }

  frameAt(depth: number): number {
    let f = this.thread.current;
    for (let i = 0; i < depth && f; i++) f = f.previous;
    if (!f) return 0;
    return frameObjectFor(this, f);
  }
}

/** Replace a built-in type's table by a complete one, keeping its type object. */
function readyInPlace(vm: Vm, s: ReturnType<typeof generatorType>): void {
  const old = vm.types[s.id];
  s.mro = old.mro;
  s.bases = old.bases;
  s.base = old.base;
  inheritSlots(s, vm.types[s.base]);
  s.flags |= old.flags;
  vm.table.side[old.typeObject] = s;
  vm.types[s.id] = s;
}
