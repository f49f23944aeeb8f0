import type { Kernel } from '../kernel/kernel';
import type { LibcModel } from '../libc/libc';
import type { ArenaColumns } from '../trace/snapshot';
import type { EventWindow } from './layers';
import type { OwnerAnswer, OwnerLookup } from './owners';
import type { StepSummary } from './summary';
import type { Sentence } from './types';

export interface ExplainInput {
  kernel: Kernel;
  libc: LibcModel;
  arenas: ArenaColumns | null;
  before: StepSummary | null;
  /** The events of the step just taken (the statement, or the fine-mode range). */
  events: EventWindow | null;
  /**
   * Who owns memory at the Python level (src/engine/python/owners, passed in by the worker so
   * explain never imports the interpreter). Without it the sentences speak allocator terms only.
   */
  owners?: OwnerLookup | null;
}

/** One C library's reasons (explain/<impl>/ reads the implementation's own state). */
export interface LibcExplainer {
  /** The user pointers the sentences will name, for the one owner lookup of the step. */
  pointers(libc: LibcModel): number[];
  /** Why its heap(s) keep their memory: said before pymalloc's arenas (the lower layer first). */
  heap(input: ExplainInput, trimCalled: boolean, answer: OwnerAnswer | null): Sentence[];
  /** What its own mappings did: said after pymalloc's arenas. */
  mappings(input: ExplainInput, answer: OwnerAnswer | null): Sentence[];
}
