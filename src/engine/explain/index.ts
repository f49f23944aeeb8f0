import type { LibcKind } from '../libc/libc';
import { EventKind } from '../trace/events';
import { mb } from './format';
import { glibcExplainer } from './glibc';
import { explainArenas, sparseArenas } from './layers';
import type { ExplainInput, LibcExplainer } from './libcExplainer';
import { explainUnbound } from './names';
import type { Sentence } from './types';

export type { MemoryRef, Sentence, SentencePart } from './types';
export { sentenceText } from './types';
export type { EventWindow } from './layers';
export type * from './owners';
export type { ExplainInput } from './libcExplainer';
export { summarize, type StepSummary } from './summary';

/** Each C library's reasons; an implementation without one is explained at the kernel and pymalloc layers only. */
const EXPLAINERS: Partial<Record<LibcKind, LibcExplainer>> = { glibc: glibcExplainer };

/**
 * "Why did RSS (not) go down?", answered from the state after a step: first what RSS did, then
 * each layer's reason, lowest layer that holds memory first (heap, then arenas, then mmaps).
 */
export function explainStep(input: ExplainInput): Sentence[] {
  const { kernel, libc, before } = input;
  const lib = EXPLAINERS[libc.kind];
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
        pointers: lib ? lib.pointers(libc) : [],
        arenas: sparseArenas(input.arenas),
      })
    : null;
  out.push(...explainUnbound(answer, input.events));
  if (lib) out.push(...lib.heap(input, trimCalled, answer));
  out.push(...explainArenas(kernel, input.arenas, input.events, answer));
  if (lib) out.push(...lib.mappings(input, answer));
  return out;
}
