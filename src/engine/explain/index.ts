import type { LibcKind } from '../libc/libc';
import { EventKind } from '../trace/events';
import { mb } from './format';
import { glibcExplainer } from './glibc';
import { explainArenas, sparseArenas } from './layers';
import type { ExplainInput, LibcExplainer } from './libcExplainer';
import { explainCycles } from './cycles';
import { explainUnbound } from './names';
import type { Sentence } from './types';

export type { MemoryRef, Sentence, SentencePart } from './types';
export { sentenceText } from './types';
export type { EventWindow } from './layers';
export type * from './owners';
export type { ExplainInput } from './libcExplainer';
export { summarize, type StepSummary } from './summary';
import type { StepSummary } from './summary';

/** Each C library's reasons; an implementation without one is explained at the kernel and pymalloc layers only. */
const EXPLAINERS: Partial<Record<LibcKind, LibcExplainer>> = { glibc: glibcExplainer };

/**
 * Sentences that say what the step itself did (its cause): they come right after the RSS sentence,
 * before the ones that describe the state (what pins the heap, what lives where).
 */
const CAUSES = [
  'cycles',
  'mmap-freed',
  'never-written',
  'name-kept',
  'heap-grew',
  'heap-shrank',
  'trim-called',
  'mmap-roundtrip',
  'mremap',
  'mmap-new',
  'heap-big-blocks',
  'arenas-new',
  'arenas-freed',
  'mmap-threshold',
];
const causeRank = (id: string): number => {
  const i = CAUSES.findIndex((c) => id === c || id.startsWith(c + '-'));
  return i < 0 ? CAUSES.length : i;
};

/** The first sentence: what RSS did in the step, by case (up, down, stayed below its peak, stayed). */
function rssSentence(rss: number, peak: number, baseline: number, before: StepSummary | null): Sentence {
  if (!before)
    return {
      id: 'rss-start',
      parts: [`RSS is ${mb(rss)}, of which ${mb(baseline)} is the interpreter itself.`],
    };
  const d = rss - before.rss;
  if (d < -65536) return { id: 'rss-down', parts: [`RSS went down by ${mb(-d)} to ${mb(rss)}.`] };
  if (d > 65536)
    return { id: 'rss-up', parts: [`RSS went up by ${mb(d)} to ${mb(rss)} (peak ${mb(peak)}).`] };
  if (peak - rss > 1 << 20)
    return {
      id: 'rss-flat',
      parts: [`RSS stayed at ${mb(rss)} (${mb(peak - rss)} below its peak of ${mb(peak)}).`],
    };
  return { id: 'rss-same', parts: [`RSS stayed at ${mb(rss)}.`] };
}

/**
 * "Why did RSS go up, down, or stay?", answered from the state after a step: first what RSS did,
 * then what the step did that explains it (its causes), then why each layer keeps what it keeps,
 * the lowest layer that holds memory first (heap, then arenas, then mappings).
 */
export function explainStep(input: ExplainInput): Sentence[] {
  const { kernel, libc, before } = input;
  const lib = EXPLAINERS[libc.kind];
  const ev = input.events;
  const trimCalled = ev ? ev.kind.subarray(ev.from, ev.to).indexOf(EventKind.MallocTrim) >= 0 : false;
  // One question to the owner lookup for every address the sentences below will name.
  const answer = input.owners
    ? input.owners({
        pointers: lib ? lib.pointers(libc) : [],
        arenas: sparseArenas(input.arenas),
      })
    : null;
  const rest: Sentence[] = [];
  rest.push(...explainUnbound(answer, input.events));
  rest.push(...explainCycles(answer));
  if (lib) rest.push(...lib.heap(input, trimCalled, answer));
  rest.push(...explainArenas(kernel, input.arenas, input.events, answer));
  if (lib) rest.push(...lib.mappings(input, answer));
  // A stable sort: causes first, in the order above, then the state sentences as they came.
  const ranked = rest.map((s, i) => ({ s, i, r: causeRank(s.id) })).sort((a, b) => a.r - b.r || a.i - b.i);
  return [rssSentence(kernel.rss, kernel.peakRss, kernel.baselineRss, before), ...ranked.map((x) => x.s)];
}
