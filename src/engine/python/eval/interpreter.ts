import { NotSupported, PyError } from '../errors';
import { lookupAttr as lookupAttrAbstract } from '../abstract/attr';
import { type AsyncGenTypes } from './asyncgen';
import { call } from '../abstract/call';
import type { InterpreterServices } from '../modules/host';
import { functionData } from '../objects/func';
import { moduleData } from '../objects/module';
import { T, type Kwargs } from '../objects/types';
import type { DataStack } from '../runtime/datastack';
import type { Evaluator, Vm } from '../runtime/vm';
import type { EventLog } from '../../trace/eventLog';
import { Budget, defaultClock } from './budget';
import { callFromC, type CallResult } from './calls';
import { deferFromC, entersInit } from './deferredcalls';
import type { CallContinuation, DeferringEvaluator } from '../runtime/deferred';
import { Threads } from './threads';
import { dictDelItem, dictGetItem } from '../objects/dict';
import { intern } from '../objects/str';
import type { Module } from '../syntax/ast';
import { type CodeRt } from './code';
import type { Frame } from './frame';
import { evalFrame } from './loop';
import { ThreadState } from './thread';
import { fastToLocals } from './locals';
import {
  compileModule,
  compileString,
  execCode,
  execSource,
  execSourceModule,
  moduleFrame,
  runCode,
} from './runcode';
import { importModule, loadModule, publicNames } from './modload';
import {
  exceptionFrom,
  frameAt,
  frameInfo,
  setRecursionLimit,
  tracebackFrames,
  writeUnraisable,
  zeroArgSuper,
} from './evalservices';
import { installFrameAttributes } from './frameattrs';
import { readyEvalTypes, startProcess, type InterpreterOptions } from './interpstart';
import { C_ITEM_NS } from './opcosts';

export type { InterpreterOptions } from './interpstart';

/** Eval-breaker interval: the budget is checked every this many backward jumps / calls / C loop items. */
const BREAKER_INTERVAL = 1 << 14;

/**
 * The interpreter state of one simulated process (PyInterpreterState with its one thread): the
 * builtins, the module table (sys.modules), the thread (frames, data stack, exception state), the
 * run's budget; and the entry points the object layer calls back into (vm.eval: a Python
 * function called from C code, a unit of work done in C code).
 */
export class Interpreter implements Evaluator, DeferringEvaluator, InterpreterServices {
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
  /** sys.modules as a dict once the script read it (modules/sysmodules.ts), else 0. */
  sysModules = 0;
  /** Modules whose load is under way (their submodules may be imported meanwhile). */
  readonly loading = new Set<string>();
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
  /** The interpreter's CPU (ns) since the clock was last charged: the instructions' and C loop items' (opcosts.ts). */
  opNs = 0;
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
    const evalTypes = readyEvalTypes(vm);
    installFrameAttributes(this);
    this.coroutineType = evalTypes.coroutineType;
    this.asyncTypes = evalTypes.asyncTypes;
    this.asyncGenType = this.asyncTypes.gen;
    this.strType = vm.types[T.Str].typeObject;
    this.thread = new ThreadState(vm, dataStack, opts.framesBelow ?? 0);
    vm.eval = this;
    if (opts.threads) this.threadsImpl = new Threads(this, opts.threads, BREAKER_INTERVAL);
  }

  /** The threads, when this process has them (else null). */
  get threadsIfAny(): Threads | null {
    return this.threadsImpl;
  }

  get threads(): Threads {
    if (this.threadsImpl === null) throw new NotSupported('threads in this process');
    return this.threadsImpl;
  }

  /** Run the module frame to its next step marker (PAUSED) or end, other threads in between. */
  runModule(frame: Frame): number {
    // the module's own loop entry is counted in the thread's starting C depth (thread.ts)
    return this.threadsImpl ? this.threadsImpl.runMain(frame) : evalFrame(this, frame);
  }

  execSourceModule(name: string, source: string): number {
    return execSourceModule(this, name, source);
  }

  /**
   * The start-up state scripts see: sys.stdout, the builtins module (with the recorder's step
   * marker), the module table, and the script's globals dict (made by the process).
   */
  start(globals: number): void {
    startProcess(this, globals);
  }
  builtinsModule = 0;

  moduleFrame(code: CodeRt, globals = this.globals, locals = globals): Frame {
    return moduleFrame(this, code, globals, locals);
  }

  compileModule(tree: Module, filename: string, evalMode = false): CodeRt {
    return compileModule(this, tree, filename, evalMode);
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

  execCode(code: CodeRt): void {
    return execCode(this, code);
  }

  execSource(source: string, filename: string, globals: number, locals = globals): void {
    return execSource(this, source, filename, globals, locals);
  }

  /**
   * Run a frame in a new entry of the loop (_PyEval_EvalFrame): on 3.12+ the entry costs the C
   * counter PY_EVAL_C_STACK_UNITS (a memoized recursion through lru_cache's C wrapper stops at 499
   * levels on 3.12.1: 1 for _PyObject_MakeTpCall + 2 for the loop's entry, of 1500).
   */
  run(frame: Frame, pending: unknown = null): number {
    const t = this.thread;
    if (t.cLimit === 0) return evalFrame(this, frame, pending);
    t.enterEval();
    try {
      return evalFrame(this, frame, pending);
    } finally {
      t.leaveEval();
    }
  }

  // ---- Evaluator ---------------------------------------------------------------------------

  enterRecursiveCall(where: string): void {
    this.thread.enterC(where);
  }

  leaveRecursiveCall(): void {
    this.thread.leaveC();
  }

  enterPythonFrame(): void {
    this.thread.enterRecursive();
  }

  leavePythonFrame(): void {
    this.thread.leaveRecursive();
  }

  recursionHeadroom(delta: number): void {
    this.thread.headroom += delta;
  }

  callFunction(fn: number, args: readonly number[], kw: Kwargs | null): number {
    return callFromC(this, fn, args, kw);
  }

  // ---- deferred C -> Python calls (runtime/deferred.ts) ------------------------------------

  /** Set by PRECALL: the CALL after it is the generic one (not a specialized PRECALL_*'s direct call). */
  genericCall = true;
  /** Set by the loop's CALL for the tp_call it makes; read (and cleared) by the first deferring layer. */
  deferArmed = false;
  /** Per built-in type, whether FOR_ITER may defer its tp_iternext: 0 not asked, 1 no, 2 yes (frameswitch.ts). */
  readonly iterDefers = new Uint8Array(T.FirstDynamic);
  /** The frame deferCall pushed, until the loop's CALL takes it. */
  deferred: Frame | null = null;

  takeDefer(): boolean {
    const armed = this.deferArmed;
    this.deferArmed = false;
    return armed;
  }

  armDefer(): void {
    this.deferArmed = true;
  }

  deferCall(fn: number, args: readonly number[], kw: Kwargs | null, initShim = false): number {
    return deferFromC(this, fn, args, kw, initShim);
  }

  entersInit(fn: number, nargs: number): boolean {
    return entersInit(this, fn, nargs);
  }

  continueWith(c: CallContinuation): void {
    const f = this.deferred;
    if (f === null) throw new Error('internal: continueWith without a deferred call');
    (f.conts ??= []).push(c);
  }

  /** A unit of work in C code (an item of list(range(n))): the eval breaker counts it. */
  tick(): void {
    this.opNs += C_ITEM_NS;
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

  writeUnraisable(err: PyError, context: string): void {
    return writeUnraisable(this, err, context);
  }
  readonly stderr: string[] = [];
  /** stderrAt[k]: how many stdout chunks were written before stderr[k] (a terminal's order of the two). */
  readonly stderrAt: number[] = [];

  writeStderr(text: string): void {
    this.stderr.push(text);
    this.stderrAt.push(this.output.length);
  }

  exceptionFrom(typ: number, val: number, tb: number): PyError {
    return exceptionFrom(this, typ, val, tb);
  }

  // ---- modules -------------------------------------------------------------------------------

  importModule(name: string, fromlist: number, level: number, f: Frame | null): number {
    return importModule(this, name, fromlist, level, f);
  }

  loadModule(name: string): number {
    return loadModule(this, name);
  }

  moduleName(mod: number): string {
    return moduleData(this.vm, mod)?.name ?? '?';
  }

  publicNames(mod: number): [string, number][] {
    return publicNames(this, mod);
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

  compileString(source: string, filename: string, mode: 'exec' | 'eval' | 'single'): CodeRt {
    return compileString(this, source, filename, mode);
  }

  runCode(code: CodeRt, globals: number, locals: number): number {
    return runCode(this, code, globals, locals);
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

  setRecursionLimit(n: number): void {
    return setRecursionLimit(this, n);
  }

  zeroArgSuper(): { type: number; obj: number } {
    return zeroArgSuper(this);
  }

  tracebackFrames(limit: number, out: [string, number][]): number {
    return tracebackFrames(this, limit, out);
  }

  frameInfo(depth: number): { filename: string; name: string; line: number; globals: number } | null {
    return frameInfo(this, depth);
  }

  frameAt(depth: number): number {
    return frameAt(this, depth);
  }
}
