import type { Kernel } from '../engine/kernel/kernel';
import type { LibcModel } from '../engine/libc/libc';
import { createProcess as createPythonProcess, defaultProfile, simulateScript } from '../engine/simulate';
import type { OwnerLookup } from '../engine/explain';
import type { GlobalBinding } from '../engine/python/owners';
import type { EventLog } from '../engine/trace/eventLog';
import type { ArenaSource } from '../engine/trace/snapshot';
import { EnvError, parseLibcEnv } from '../engine/libc/env';
import type { LibcUnitDetail } from '../engine/libc/section';
import { RUNNABLE_PYTHONS } from '../protocol/environment';
import {
  DEFAULT_RUN_SECONDS,
  type ObjectInfo,
  type PoolDetail,
  type RunEnvironment,
  type RunOptions,
  type StatementInfo,
} from '../protocol/messages';
import { adaptPython } from './pythonAdapter';

/**
 * What the worker needs from a simulated process: the interface PythonProcess offers
 * (src/engine/python), plus pool details and object lookup for the views.
 */
export interface SimProcess {
  readonly kernel: Kernel;
  readonly libc: LibcModel;
  readonly arenas: ArenaSource | null;
  /** The simulated CLOCK_MONOTONIC the allocators read (part of the allocator layers' state). */
  readonly clock: object;
  load(source: string): StatementInfo[];
  /** Run statement i, or on from a pause inside it: false when it paused again (pauseAt). */
  runStatement(i: number): boolean;
  /** Pause at the next place the interpreter can once `events` events happened (Infinity: never). */
  pauseAt(events: number): void;
  /** JS memory the simulation holds, as its memory budget counts it (runtime/hostmem.ts), event log included. */
  hostBytes(): number;
  /** One pool's blocks, or null when the address is in no carved pool. */
  poolDetail(address: number): PoolDetail | null;
  /** The C library's unit (jemalloc slab, mimalloc page) at an address, block by block. */
  unitDetail(address: number): LibcUnitDetail | null;
  /** What the process runs on, and what the environment's readers said about it. */
  readonly environment: RunEnvironment;
  /** Objects whose memory (header or buffer) starts in [from, to), at most a few dozen. */
  objectsIn(from: number, to: number): ObjectInfo[];
  /** The run's report in the CLI's schema, as JSON text. */
  report(): string;
  /** The module's names now (kept per statement: what the next one deletes or rebinds). */
  bindings(): GlobalBinding[];
  /** Who owns memory at the Python level, for explain; `before` is the names before the step. */
  owners(before: GlobalBinding[] | null): OwnerLookup;
}

/**
 * A process for `source` in the environment the options give (the interpreter a script is measured
 * against by default: defaultProfile). Throws EnvError with the engine's own message for a
 * variable the real process refuses or Highwater does not model, and for a version this build does
 * not run.
 */
export function createProcess(source: string, options: RunOptions, events: EventLog): SimProcess {
  const python = options.env.python;
  if (!RUNNABLE_PYTHONS.includes(python))
    throw new EnvError(
      `not supported by Highwater yet: CPython ${python} (this build simulates CPython ${RUNNABLE_PYTHONS.join(', ')})`,
    );
  const { env, warnings } = parseLibcEnv(options.env.vars);
  const profile = defaultProfile(source, python);
  const p = createPythonProcess({
    tunables: options.tunables,
    events,
    python,
    profile,
    env,
    maxSeconds: options.maxSeconds ?? DEFAULT_RUN_SECONDS,
  });
  const said = (p.libc as LibcModel & { startupMessages?: readonly string[] }).startupMessages ?? [];
  const environment: RunEnvironment = {
    python: `CPython ${p.profile.info.python}`,
    libc: p.libc.version,
    libcKind: p.libc.kind,
    warnings: [...warnings, ...said],
  };
  return adaptPython(p, environment, () =>
    JSON.stringify(simulateScript(source, { tunables: options.tunables, python, profile, env }), null, 2),
  );
}

/**
 * Whether a run boots from a start-up variant capture (PYTHONMALLOC=malloc: profiles.ts), which the
 * worker loads as a chunk of its own first (variants.ts). An environment the engine refuses needs
 * none: createProcess reports it.
 */
export function needsStartupVariants(options: RunOptions): boolean {
  try {
    return parseLibcEnv(options.env.vars).env.pythonMalloc === 'malloc';
  } catch {
    return false;
  }
}

