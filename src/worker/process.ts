import type { Kernel } from '../engine/kernel/kernel';
import type { LibcModel } from '../engine/libc/libc';
import { createProcess as createPythonProcess, defaultProfile, simulateScript } from '../engine/simulate';
import type { OwnerLookup } from '../engine/explain';
import type { GlobalBinding } from '../engine/python/owners';
import type { EventLog } from '../engine/trace/eventLog';
import type { ArenaSource } from '../engine/trace/snapshot';
import { DEFAULT_RUN_SECONDS, type ObjectInfo, type PoolDetail, type RunOptions, type StatementInfo } from '../protocol/messages';
import { adaptPython } from './pythonAdapter';

/**
 * What the worker needs from a simulated process: the interface PythonProcess offers
 * (src/engine/python), plus pool details and object lookup for the views.
 */
export interface SimProcess {
  readonly kernel: Kernel;
  readonly libc: LibcModel;
  readonly arenas: ArenaSource | null;
  load(source: string): StatementInfo[];
  runStatement(i: number): void;
  /** One pool's blocks, or null when the address is in no carved pool. */
  poolDetail(address: number): PoolDetail | null;
  /** Objects whose memory (header or buffer) starts in [from, to), at most a few dozen. */
  objectsIn(from: number, to: number): ObjectInfo[];
  /** The run's report in the CLI's schema, as JSON text. */
  report(): string;
  /** The module's names now (kept per statement: what the next one deletes or rebinds). */
  bindings(): GlobalBinding[];
  /** Who owns memory at the Python level, for explain; `before` is the names before the step. */
  owners(before: GlobalBinding[] | null): OwnerLookup;
}

/** A process for `source`, booted as the interpreter that script is measured against (defaultProfile). */
export function createProcess(source: string, options: RunOptions, events: EventLog): SimProcess {
  const profile = defaultProfile(source);
  const p = createPythonProcess({
    tunables: options.tunables,
    events,
    profile,
    maxSeconds: options.maxSeconds ?? DEFAULT_RUN_SECONDS,
  });
  return adaptPython(p, () => JSON.stringify(simulateScript(source, { tunables: options.tunables, profile }), null, 2));
}
