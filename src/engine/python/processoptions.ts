import type { VersionName } from './versions';
import { Clock } from '../kernel/clock';
import { type LibcEnvironment } from '../libc/env';
import type { GlibcTunables } from '../libc/glibcTunables';
import { type EventLog } from '../trace/eventLog';
import { type HostMemoryOptions } from './runtime/hostmem';
import { type ProfileName, type StartupProfile } from './startup/profiles';
import { ProcessExtension } from './process';

/**
 * What a simulated Python process is made with (PythonProcess, runScript): the interpreter, the
 * C library and its settings, the budgets, the host's hooks.
 */
export interface ProcessOptions {
  /**
   * The CPython version the process runs as (python/versions/; default 3.11). Its start-up
   * capture is the boot unless `profile` or `startup` names another capture of the same version.
   */
  python?: VersionName;
  profile?: ProfileName;
  /** The environment the process starts in (allocator, glibc tunables, CPUs): libc/env.ts parseLibcEnv. */
  env?: LibcEnvironment;
  /** glibc tunables on top of `env`'s (the page's options menu, the CLI's tunable flags). */
  tunables?: GlibcTunables;
  /** Seconds of simulator CPU time before a run stops (null or absent: no limit). */
  maxSeconds?: number | null;
  /** The clock the time budget reads, in ms (default performance.now). */
  clock?: () => number;
  /**
   * Wall time per CPU time of the simulated process's work (kernel/clock.ts wallPerCpu): 1 on an
   * idle machine; a recording made on a busy one measured its own (tests/fidelity/envRuns.ts).
   */
  wallPerCpu?: number;
  /**
   * A recording's own wall time per CPU time for each step (index 1 = the first statement; runScript
   * sets the clock's wallPerCpu to it before the statement runs): the load of a shared machine
   * changes from statement to statement, and the recorder measures it (tools/record.py `cpu`).
   */
  stepWallPerCpu?: readonly number[];
  /** The real process's CPU time per CPU time the model charges (kernel/clock.ts cpuPerModelCpu). */
  cpuPerModelCpu?: number;
  /** Called after each step is measured (0: `<start>`), with the clock: the harness's calibration. */
  onStepClock?: (step: number, clock: Clock) => void;
  /**
   * Bytes of JS memory the simulation may hold (runtime/hostmem.ts; default DEFAULT_HOST_BUDGET,
   * the page's figure; the CLI gives half of node's heap limit), and the host's own heap figures.
   */
  memoryBudget?: number | null;
  /** Bytes of typed-array memory (columns, pool, slabs) the simulation may hold apart from memoryBudget (hostmem.ts externalBudget). */
  memoryExternalBudget?: number | null;
  memoryProbe?: HostMemoryOptions['probe'];
  /** The script's file name in tracebacks. */
  filename?: string;
  events?: EventLog | null;
  /** Keep a `--malloc-log` of every C-library call the process makes, boot included (PythonProcess.mallocLog). */
  mallocLog?: boolean;
  /** Layers above python/ (numpy) that add modules and types to the process once a script is loaded. */
  extensions?: ProcessExtension[];
  /** Boot from this capture instead of the profile's (e.g. a scenario's own start-up trace). */
  startup?: StartupProfile;
  /**
   * The recorder child (tools/hw_child.py) whose start-up to boot, by its fingerprint (a recording's
   * `recorder.child_sha256`, 8+ hex digits): its own capture where the profile has one (profiles.ts),
   * else the profile's. Comparing with a recording made by another child starts a few blocks off.
   */
  recorderChild?: string;
  /** __main__.__file__ (an absolute path, as pymain makes it); default /home/user/ + filename. */
  mainFile?: string;
  /**
   * Globals of {"__name__": "__main__", "__builtins__": …} only, not pymain's 9 keys: the exec()
   * namespace of tools/allocations/record_allocations.py and record_numpy.py, whose call sequences
   * include the dict's resize at the 6th key (testing.ts callsOf).
   */
  recorderNamespace?: boolean;
}
