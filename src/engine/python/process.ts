import { cpythonVersion, type CPythonVersion, type VersionName } from './versions';
import { applyVersionLayouts } from './versions/layouts';
import { placeStaticObjects } from './runtime/staticids';
import { startupHistogram } from './runtime/gcInventoryData';
import { OutputReader } from './outputReader';
import { setScriptName } from './modules/sysextra';
import { Clock } from '../kernel/clock';
import { HandleUseAfterFree } from './runtime/debughandles';
import { Kernel } from '../kernel/kernel';
import { ModelLimit, OomKilled } from '../kernel/limits';
import { createLibc, defaultLibcEnv } from '../libc/create';
import type { LibcModel } from '../libc/libc';
import { Pymalloc } from '../pymalloc';
import { EventLimitReached, type EventLog } from '../trace/eventLog';
import { EventKind, type EventSink } from '../trace/events';
import { bootProcess, replaySegment, type BootResult } from './boot';
import { CompileTailBuilder, replayTail } from './startup/compileTail';
import { RecorderTree, sourceBytes } from './startup/recorderTree';
import { loadExtension, placeLoaded, processLayout } from './startup/layouts';
import type { AstHeap } from './startup/astHeap';
import type { CallLog } from './compiler/cheap/heap';
import { PyError, PySyntaxError } from './errors';
import { Interpreter } from './eval/interpreter';
import { Script } from './eval/script';
import { RECORDER_FRAMES } from './eval/thread';
import { PythonSyntaxError, parse } from './syntax';
import { prepareSource } from './syntax/source';
import { systemExit } from './eval/systemexit';
import { syntaxErrorText, uncaughtException } from './eval/uncaught';
import { MallocLog, TeeSink } from './mallocLog';
import { dictGetItem } from './objects/dict';
import { installMainLoader, makeMainGlobals } from './mainModule';
import { installBuiltinTypes } from './objects/registry';
import { intern } from './objects/str';
import { F_FREELISTED } from './objects/table';
import { T } from './objects/types';
import { type ReportError, type StepMeasurement } from './report';
import { DataStack } from './runtime/datastack';
import { MallocDomain, Mem } from './runtime/mem';
import { Vm } from './runtime/vm';
import { EVENT_BYTES, HostMemory } from './runtime/hostmem';
import { attachImportHost } from './modules/footprint';
import { mallocStatsText } from './modules/mallocstats';
import { startupProfile, type StartupProfile } from './startup/profiles';
import { ProcessOptions } from './processoptions';
import { checkPythonMalloc, jsLimitError, preloadedFigures } from './runscript';

/** The RecursionError message of a run that exhausted the engine's own JavaScript stack. */
export const SIMULATOR_STACK_OUT =
  "maximum recursion depth exceeded (the simulator's own stack ran out before CPython's limit)";

/**
 * Recorder children (tools/hw_child.py fingerprints, 8 hex digits) whose scenario globals held
 * __name__ and __builtins__ only: a recording they made is compared with that layout.
 */
const OLD_MAIN_CHILDREN = ['961cb490', '4359d86b', 'b1def959', 'ec017255'];

/** A layer above python/ (numpy) that adds modules and types to a loaded process. */
export type ProcessExtension = (p: PythonProcess) => unknown;

export interface Statement {
  code: string;
  line: number;
  endLine: number;
}

/** The version a process runs as: `python`, else the one whose capture `profile` names, else 3.11. */
export function processVersion(opts: Pick<ProcessOptions, 'python' | 'profile'>): CPythonVersion {
  if (opts.python) {
    const v = cpythonVersion(opts.python);
    if (opts.profile && !opts.profile.includes(`-${v.name}.`))
      throw new Error(`start-up profile ${opts.profile} is not CPython ${v.name}`);
    return v;
  }
  const m = opts.profile ? /-(3\.\d+)\.\d+$/.exec(opts.profile) : null;
  return cpythonVersion(m ? (m[1] as VersionName) : undefined);
}

/**
 * One simulated CPython process (3.11, 3.12 or 3.13: `python`): kernel, C library, pymalloc and the interpreter, booted into
 * the state the real interpreter is in when a script's first statement runs.
 */
export class PythonProcess {
  readonly kernel: Kernel;
  /** The simulated CLOCK_MONOTONIC: the interpreter's work, sleeps and the allocators' calls advance it. */
  readonly clock = new Clock();
  /** The C library the process runs on (glibc unless LD_PRELOAD says otherwise). */
  readonly libc: LibcModel;
  readonly pymalloc: Pymalloc;
  /** PYTHONMALLOC=malloc: every PyObject_/PyMem_ call goes to the C library (runtime/mem.ts MallocDomain). */
  readonly pymallocOff: boolean;
  readonly vm: Vm;
  readonly boot: BootResult;
  readonly profile: StartupProfile;
  /** The CPython version this process runs as. */
  readonly version: CPythonVersion;
  readonly mallocLog: MallocLog | null;
  /** The NumPy version once the script imported numpy (set by the numpy layer), else null. */
  numpy: string | null = null;
  private readonly globals: number;
  /** Shared objects dlopen has mapped (by file name), so a library two modules need is mapped once. */
  private readonly loadedObjects = new Set<string>();
  private readonly dataStack: DataStack;
  private evaluator: Interpreter | null = null;
  private script: Script | null = null;

  constructor(private readonly opts: ProcessOptions = {}) {
    this.version = processVersion(opts);
    const base = opts.env ?? defaultLibcEnv();
    const env = opts.tunables ? { ...base, glibc: { ...base.glibc, ...opts.tunables } } : base;
    // PYTHONMALLOC=malloc boots from the start-up captured under it where there is one (profiles.ts)
    this.profile =
      opts.startup ??
      startupProfile(opts.profile ?? this.version.startup, {
        pymallocOff: env.pythonMalloc === 'malloc',
        recorderChild: opts.recorderChild,
      });
    // the real process's loaded objects, so mmaps land at the real page offsets (startup/layouts.ts);
    // an LD_PRELOADed allocator's .so moves them, and is not in the recorded layout
    const layout = env.allocator === 'glibc' ? processLayout(this.profile.name) : null;
    this.kernel = new Kernel(layout ? { mmapBase: layout.mmap_base } : {});
    if (layout) placeLoaded(this.kernel, layout);
    checkPythonMalloc(env, this.version);
    this.clock.wallPerCpu = opts.wallPerCpu ?? 1;
    this.clock.cpuPerModelCpu = opts.cpuPerModelCpu ?? 1;
    // the kernel's work (faults, pages given back, big writes) moves the clock as it happens
    const clock = this.clock;
    this.kernel.onWork = (ns) => clock.work(ns);
    this.libc = createLibc(this.kernel, env, this.clock);
    this.pymalloc = new Pymalloc(this.kernel, this.libc);
    // --malloc-log starts before the boot, so the log is every C-library call of the process:
    // replayed from an empty heap on the real glibc (tools/native/replay.c) it rebuilds this heap exactly.
    this.mallocLog = opts.mallocLog ? new MallocLog() : null;
    this.libc.sink = this.mallocLog;
    // PYTHONMALLOC=malloc: objects go straight to the C library, pymalloc holds nothing
    this.pymallocOff = env.pythonMalloc === 'malloc';
    // pymalloc on: the captured start-up ends with the recorder compiling `pass`; the script's own
    // compile (startup/compileTail.ts, with the version's parser and compiler) takes its place when
    // the script is loaded
    const ownCompile = !this.pymallocOff;
    this.boot = bootProcess(
      this.kernel,
      this.libc,
      this.pymalloc,
      this.profile,
      !this.pymallocOff,
      ownCompile,
    );
    const events = opts.events ?? null;
    this.vm = new Vm(
      new Mem(this.kernel, this.pymallocOff ? new MallocDomain(this.libc) : this.pymalloc, events),
      this.version,
    );
    // the C work of statements costs simulated time (runtime/cwork.ts)
    this.vm.mem.clock = this.clock;
    this.vm.hostMem = new HostMemory({
      budget: opts.memoryBudget,
      externalBudget: opts.memoryExternalBudget,
      probe: opts.memoryProbe,
      extra: () => (events ? events.length * EVENT_BYTES : 0),
    });
    installBuiltinTypes(this.vm);
    // sys.argv[0]: the script as `python3 NAME` was given it (the page's script is 'script.py')
    if (opts.filename !== undefined) setScriptName(this.vm, opts.filename);
    applyVersionLayouts(this.vm);
    placeStaticObjects(this.vm, this.profile.name);
    attachImportHost(this.vm, {
      // the footprints captured on each release (tools/imports/capture_import.py --python)
      version:
        (
          {
            'cpython-3.11.7': '3.11.7',
            'debian-3.11.2': 'debian-3.11.2',
            'cpython-3.12.1': '3.12.1',
            'cpython-3.13.0': '3.13.0',
          } as Record<string, string>
        )[this.profile.name] ?? null,
      kernel: this.kernel,
      libc: this.libc,
      liveIds: this.boot.liveIds,
      liveBlocks: this.boot.liveBlocks,
      blockSize: (p) => this.pymalloc.blockSize(p),
      loadExtension: layout ? (m) => loadExtension(this.kernel, layout, m, this.loadedObjects) : undefined,
    });
    this.dataStack = new DataStack(this.kernel, this.boot.dataStackRoot);
    this.globals = this.makeGlobals();
    this.settle();
    this.connectSinks(events);
  }

  /** Parse and compile the script (its constants are made now, before `<start>`). Throws PySyntaxError. */
  load(source: string | Uint8Array): Statement[] {
    if (this.evaluator) throw new Error('PythonProcess.load: one script per process');
    return this.loadEval(source);
  }

  private source = '';

  private loadEval(input: string | Uint8Array): Statement[] {
    const filename = this.opts.filename ?? 'script.py';
    // a file's bytes (the CLI, when they are not plain UTF-8): decoded as the tokenizer decodes them
    const own = this.beginOwnCompile(input, filename);
    const tree = own?.tree ?? parse(input, { filename });
    const source = typeof input === 'string' ? input : prepareSource(input, { filename }).text;
    this.source = source;
    const it = new Interpreter(this.vm, this.dataStack, {
      events: this.opts.events ?? null,
      maxSeconds: this.opts.maxSeconds ?? null,
      clock: this.opts.clock,
      mallocTrim: (pad) => this.libc.trim(pad),
      mallocStats: () => mallocStatsText(this.libc),
      sourceOf: (f) => (f === filename ? source : null),
      threads: { kernel: this.kernel, libc: this.libc, clock: this.clock },
      // compared with a recording: the scenario runs under the recorder child's exec (thread.ts)
      framesBelow: this.opts.recorderChild ? RECORDER_FRAMES : 0,
    });
    this.evaluator = it;
    it.start(this.globals);
    if (this.pymainGlobals) installMainLoader(this.vm, this.globals, this.mainFile);
    for (const ext of this.opts.extensions ?? []) ext(this);
    // the recorder's compile of the script (the start-up's last part) runs with the script's own,
    // its calls replayed before the constants are made
    // The pymalloc side of that compile (startup/recorderTree.ts): the PyCF_ONLY_AST tree and the
    // markers live while the constants are made (they land among the tree's blocks), then _build
    // returns and gc.collect() empties the free lists its objects went to.
    const recorderTree = own ? new RecorderTree(this.vm.mem, this.version.compileTail) : null;
    const startup = own
      ? {
          probe: own.probe,
          compiled: () => {
            recorderTree!.build(own.tree, sourceBytes(input));
            this.finishBoot(own.end());
          },
        }
      : undefined;
    this.script = new Script(it, tree, source, filename, startup);
    recorderTree?.release((heap) => this.mainNamespaceAfterBuild(heap));
    this.settle();
    this.script.begin();
    return this.script.statements;
  }

  /**
   * Run top-level statement i. Throws PyError (type, message, line). Returns false when a
   * replay's pause (`pauseAt`) stopped it inside: calling it again with the same i continues.
   */
  runStatement(i: number): boolean {
    if (!this.script) throw new Error('PythonProcess.runStatement before load');
    if (this.script.pausedIn !== i) this.opts.events?.record(EventKind.StatementStart, 0, i, 0);
    return this.script.runStatement(i);
  }

  /**
   * Pause the run at the first place a thread could hand over once `events` events have happened
   * (the worker's resumable landings; Infinity: run on). The time budget restarts: it counts the
   * work from now, not the time the process waited paused.
   */
  pauseAt(events: number): void {
    if (!this.evaluator) return;
    this.evaluator.pauseAt = events;
    this.evaluator.budget.restart();
  }

  /**
   * exec(compile(source, filename, 'exec'), globals): another module code object run to its end
   * in the script's globals (what tools/allocations/record_allocations.py does with a setup and a
   * statement, each compiled on its own). Its constants are made first, as compile() makes them.
   */
  exec(source: string): void {
    this.prepare(source)();
  }

  /** compile(source) now (its constants made), exec() when the returned function is called. */
  prepare(source: string): () => void {
    const it = this.evaluator;
    if (!it) throw new Error('PythonProcess.prepare before load');
    const code = it.compileModule(parse(source, { filename: 's' }), 's');
    return () => it.execCode(code);
  }

  /**
   * What the report says about an error that ended the run: a Python exception with its
   * traceback (and CPython's text for it), a SyntaxError with its column, a simulator stop
   * (not supported, the time budget) as its message, and anything else as an internal error of
   * the simulator, never as a Python error.
   */
  errorReport(e: unknown, line: number): ReportError {
    const filename = this.opts.filename ?? 'script.py';
    if (e instanceof PythonSyntaxError) {
      return {
        type: e.errorType,
        message: e.message,
        line: e.lineno,
        column: e.column,
        text: syntaxErrorText(e, filename),
      };
    }
    if (e instanceof PySyntaxError)
      return { type: e.pyType, message: e.message, line: e.line, column: e.column };
    if (e instanceof PyError) {
      if (e.excType < 0 || !this.evaluator)
        return { type: e.pyType, message: e.message, line: e.line || line };
      // the process ends there as CPython's handle_system_exit ends it: no traceback
      const exit = systemExit(this.vm, e);
      if (exit !== null)
        return {
          type: 'SystemExit',
          message: String(exit.status),
          line: this.evaluator.currentLine() || line,
          ...(exit.text ? { text: exit.text } : {}),
        };
      let made: ReturnType<typeof uncaughtException>;
      try {
        made = uncaughtException(
          this.vm,
          e,
          (f) => (f === filename ? this.source : null),
          this.evaluator.modules.get('sys'),
        );
      } catch (inner) {
        // under HIGHWATER_DEBUG a dead handle reached while printing is the bug itself: report it
        if (inner instanceof HandleUseAfterFree) throw inner;
        // a replay told to stand at an event inside the printing (the worker's landings): stand there
        if (inner instanceof EventLimitReached) throw inner;
        // the exception object cannot be printed (an engine bug in what it refers to): its type
        // and message as raised, without the traceback, rather than a JS error and no report
        return { type: e.pyType, message: e.message, line: e.line || this.evaluator.currentLine() || line };
      }
      const { report, text } = made;
      // the line a reader of the script looks at: the innermost frame of the script's own code
      // (a frame of a modelled library module, json.py's say, has lines of another file)
      const own = report.traceback.filter((t) => t.filename === filename);
      const last = own[own.length - 1] ?? report.traceback[report.traceback.length - 1];
      return {
        type: report.type,
        message: report.message,
        line: last?.line ?? line,
        traceback: report.traceback,
        text,
      };
    }
    if (e instanceof RangeError && /call stack/i.test(e.message))
      return {
        type: 'RecursionError',
        message: SIMULATOR_STACK_OUT,
        line: this.evaluator?.currentLine() || line,
      };
    if (e instanceof OomKilled)
      return {
        type: 'Killed',
        message: `the kernel's OOM killer ended the process (SIGKILL, exit status 137; the shell prints "Killed"): its resident memory reached ${(e.rss / 1024 ** 3).toFixed(2)} GiB, all of this machine's ${(e.ram / 1024 ** 3).toFixed(2)} GiB of RAM (no swap)`,
        line: this.evaluator?.currentLine() || line,
      };
    if (e instanceof ModelLimit)
      return {
        type: 'NotSupported',
        message: `not supported by Highwater yet: ${e.message}`,
        line: this.evaluator?.currentLine() || line,
      };
    const limit = jsLimitError(e);
    if (limit)
      return { type: limit.pyType, message: limit.message, line: this.evaluator?.currentLine() || line };
    const msg = e instanceof Error ? e.message : String(e);
    return {
      type: 'InternalError',
      message: `internal error in Highwater: ${msg}`,
      line: this.evaluator?.currentLine() || line,
    };
  }

  /** A module-level name's value (borrowed), 0 when it is not bound. */
  globalValue(name: string): number {
    return dictGetItem(this.vm, this.globals, intern(this.vm, name));
  }

  /** The bytecode interpreter, once a script is loaded (eval engine). */
  get evalInterpreter(): Interpreter | null {
    return this.evaluator;
  }

  /** The interpreter, once a script is loaded (for layers that extend it, e.g. numpy). */
  get interpreter(): Interpreter | null {
    return this.evaluator;
  }

  /** A reader of what the script writes, a statement at a time (each read costs only what is new). */
  outputReader(): OutputReader {
    return new OutputReader(() => this.evaluator);
  }

  /** What print() wrote so far. */
  get output(): string {
    return this.evaluator ? this.evaluator.output.join('') : '';
  }

  /**
   * What the script wrote to sys.stderr (warnings, logging's default handler, print(file=sys.stderr),
   * ignored exceptions), each with the length of stdout written before it: a terminal's order.
   * The uncaught exception that ends a run is not here (errorReport's text).
   */
  get errOutput(): { at: number; text: string }[] {
    const it = this.evaluator;
    if (!it) return [];
    const out: { at: number; text: string }[] = [];
    let chunk = 0;
    let chars = 0;
    for (let k = 0; k < it.stderr.length; k++) {
      for (; chunk < it.stderrAt[k]; chunk++) chars += it.output[chunk].length;
      out.push({ at: chars, text: it.stderr[k] });
    }
    return out;
  }

  /**
   * When the boot left the start-up's last part out (the recorder compiling its scenario): the
   * script's own compile tail (startup/compileTail.ts), its compiler run by the Script; null if
   * there is no tail to make or the script does not parse (the recorder fails there too).
   */
  private beginOwnCompile(input: string | Uint8Array, filename: string): CompileTailBuilder | null {
    if (this.boot.pendingTail === null) return null;
    try {
      return new CompileTailBuilder(input, filename, this.version);
    } catch {
      return null;
    }
  }

  /** Replay the start-up's last part: the script's compile tail, or the captured one (`log` null). */
  private finishBoot(log: CallLog | null): void {
    const pending = this.boot.pendingTail;
    if (pending === null) return;
    this.boot.pendingTail = null;
    if (log) replayTail(this.libc, log);
    else replaySegment(this.libc, pending, this.boot.liveIds);
  }

  measure(): StepMeasurement {
    this.finishBoot(null);
    const gc = this.vm.gc;
    return {
      rss: this.kernel.rss,
      heap: this.kernel.heapSize,
      anon_mmap: this.kernel.anonMmapBytes + this.boot.anonBaseline,
      mallinfo2: this.libc.mallinfo2(),
      pymalloc: this.pymalloc.stats(),
      gc: { count: [...gc.count], collections: [...gc.collections] },
      ...(this.libc.kind === 'glibc' ? {} : { libc: preloadedFigures(this.libc) }),
    };
  }

  /**
   * The script's module globals (mainModule.ts): as `python script.py` makes them, or as an older
   * recorder child did for its recordings. Their memory is part of the calibrated start-up blocks,
   * so as many of those are given back as these objects take.
   */
  private makeGlobals(): number {
    const vm = this.vm;
    const main = makeMainGlobals(vm, this.mainFile, this.pymainGlobals);
    // interp->slice_cache holds a slice left over from start-up (a 16 + 40 byte GC object).
    const slice = vm.table.newHandle(T.Slice);
    vm.table.addr[slice] = vm.mem.malloc(56);
    vm.table.flags[slice] = F_FREELISTED;
    vm.free.slice = slice;
    this.giveBackStartupBlocks([...main.taken, vm.table.addr[slice]]);
    return main.dict;
  }

  /**
   * __main__.__file__: the script's absolute path (`ProcessOptions.mainFile`, else the file name
   * when it is absolute, as the CLI's is), else the page's script in a home folder:
   * /home/user/script.py (the recorder's is /tmp/hwrec-XXXXXXXX/scenario.py).
   */
  private get mainFile(): string {
    const name = this.opts.filename ?? 'script.py';
    return this.opts.mainFile ?? (name.startsWith('/') ? name : `/home/user/${name}`);
  }

  /** The 9 keys of pymain's __main__, unless booted for a recording of a child from before them. */
  private get pymainGlobals(): boolean {
    if (this.opts.recorderNamespace) return false;
    const child = this.opts.recorderChild?.toLowerCase();
    return child === undefined || !OLD_MAIN_CHILDREN.some((c) => c.startsWith(child) || child.startsWith(c));
  }

  /**
   * hw_child.py makes the __main__ namespace right after _build returns, before its gc.collect():
   * `type(sys)("__main__")` takes its dict from the dict free list the tree's dicts just filled
   * (PyDict_New) and its first keys from the keys free list (module_init_dict's 5 keys), `{}` for
   * __annotations__ the next free dict, and the 6th key resizes the keys to 16 slots
   * (dictresize: a new 208-byte block, the 8-slot keys back to the free list). So these blocks sit
   * in the pools the tree took, which they keep (3.11.7: 53–55 pools of 64 bytes at `<start>`
   * against 52 for `pass`). The dicts exist already (makeGlobals): they move there.
   */
  private mainNamespaceAfterBuild(heap: AstHeap): void {
    if (!this.pymainGlobals) return;
    const vm = this.vm;
    const g = this.globals;
    const move = (h: number, to: number): void => {
      const old = vm.table.addr[h];
      vm.table.addr[h] = to;
      vm.mem.free(old);
    };
    move(g, heap.newDict());
    const firstKeys = heap.newKeys(3);
    const annotations = dictGetItem(vm, g, intern(vm, '__annotations__'));
    if (annotations) move(annotations, heap.newDict());
    const side = vm.table.side[g] as { keysAddr: number };
    if (side.keysAddr && !Mem.isAccounted(side.keysAddr)) {
      const old = side.keysAddr;
      side.keysAddr = vm.mem.malloc(this.pymalloc.blockSize(old));
      vm.mem.free(old);
    }
    heap.freeKeys(firstKeys, 3);
  }

  /** Free one calibrated start-up block of the same size class for each block the boot itself took. */
  private giveBackStartupBlocks(taken: number[]): void {
    if (this.pymallocOff) return;
    const live = this.boot.liveBlocks;
    const used = new Set<number>();
    for (const p of taken) {
      const size = this.pymalloc.blockSize(p);
      for (let i = live.length - 1; i >= 0; i--) {
        if (!used.has(i) && live[i] !== 0 && this.pymalloc.blockSize(live[i]) === size) {
          used.add(i);
          this.pymalloc.free(live[i]);
          live[i] = 0;
          break;
        }
      }
    }
  }

  /**
   * The recorder runs gc.collect() after compiling the scenario and before its first statement:
   * free lists emptied, every survivor in generation 2. Then gc reads as at `<start>`: the
   * start-up's own objects in generation 2 (counted, not modelled one by one) and the count of 1
   * that exec()'s function object adds.
   */
  private settle(): void {
    const gc = this.vm.gc;
    const b = this.profile.gc;
    if (!this.phantomAdded) {
      gc.size[2] += b.gen2Objects;
      gc.inventory.add('start-up', startupHistogram(this.profile.name), b.gen2Objects);
      this.phantomAdded = true;
    }
    gc.collectFull();
    gc.count.splice(0, 3, b.count0, 0, 0);
    gc.collections.splice(0, 3, ...b.collections);
  }
  private phantomAdded = false;

  private connectSinks(events: EventLog | null): void {
    const libcSinks: EventSink[] = [];
    if (events) libcSinks.push(events);
    if (this.mallocLog) libcSinks.push(this.mallocLog);
    this.libc.sink =
      libcSinks.length === 0 ? null : libcSinks.length === 1 ? libcSinks[0] : new TeeSink(libcSinks);
    if (events) {
      this.pymalloc.sink = events;
      this.kernel.listener = (kind, addr, bytes, aux) =>
        events.record(EventKind.Brk + kind, addr, bytes, aux);
    }
  }
}
