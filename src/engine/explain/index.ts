import type { Kernel } from '../kernel/kernel';
import type { GlibcMalloc } from '../glibc/malloc';
import type { ArenaColumns } from '../trace/snapshot';
import { explainHeap, heapPinPointers } from './heap';
import { explainArenas, sparseArenas, type EventWindow } from './layers';
import { explainMmaps, mmapPointers } from './mmaps';
import { explainUnbound } from './names';
import { mb } from './format';
import { EventKind } from '../trace/events';
import type { OwnerLookup } from './owners';
import type { Sentence } from './types';

export type { MemoryRef, Sentence, SentencePart } from './types';
export { sentenceText } from './types';
export { trimWouldRelease } from './trimEstimate';
export type { EventWindow } from './layers';
export type * from './owners';

/** The few numbers of the previous position the sentences compare against. */
export interface StepSummary {
  rss: number;
  heapSize: number;
  mmapThreshold: number;
}

export interface ExplainInput {
  kernel: Kernel;
  glibc: GlibcMalloc;
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

export const summarize = (kernel: Kernel, glibc: GlibcMalloc): StepSummary => ({
  rss: kernel.rss,
  heapSize: kernel.brk - kernel.heapStart,
  mmapThreshold: glibc.av.mmapThreshold,
});

/**
 * "Why did RSS (not) go down?", answered from the state after a step: first what RSS did, then
 * each layer's reason, lowest layer that holds memory first (heap, then arenas, then mmaps).
 */
export function explainStep(input: ExplainInput): Sentence[] {
  const { kernel, glibc, before } = input;
  const out: Sentence[] = [];
  const rss = kernel.rss;
  if (before) {
    const d = rss - before.rss;
    if (d < -65536) out.push({ id: 'rss-down', parts: [`RSS went down by ${mb(-d)} to ${mb(rss)}.`] });
    else if (d > 65536)
      out.push({
        id: 'rss-up',
        parts: [`RSS went up by ${mb(d)} to ${mb(rss)} (peak ${mb(kernel.peakRss)}).`],
      });
    else if (kernel.peakRss - rss > 1 << 20)
      out.push({
        id: 'rss-flat',
        parts: [
          `RSS did not go down: it is ${mb(rss)}, ${mb(kernel.peakRss - rss)} below the peak of ${mb(kernel.peakRss)}.`,
        ],
      });
    else out.push({ id: 'rss-same', parts: [`RSS stayed at ${mb(rss)}.`] });
  } else {
    out.push({
      id: 'rss-start',
      parts: [`RSS is ${mb(rss)}, of which ${mb(kernel.baselineRss)} is the interpreter itself.`],
    });
  }
  let trimCalled = false;
  const ev = input.events;
  if (ev)
    for (let i = ev.from; i < ev.to && !trimCalled; i++) trimCalled = ev.kind[i] === EventKind.MallocTrim;
  // One question to the owner lookup for every address the sentences below will name.
  const answer = input.owners
    ? input.owners({
        pointers: [...heapPinPointers(glibc), ...mmapPointers(glibc)],
        arenas: sparseArenas(input.arenas),
      })
    : null;
  out.push(...explainUnbound(answer, input.events));
  out.push(...explainHeap(glibc, kernel, before ? before.heapSize : null, trimCalled, answer));
  out.push(...explainArenas(kernel, input.arenas, input.events, answer));
  out.push(...explainMmaps(glibc, before, input.events, answer));
  return out;
}
