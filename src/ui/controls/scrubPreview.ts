import { create } from 'zustand';
import type { TimelineColumns } from '../../protocol/messages';
import { sampleAt } from '../../derive/timelineModel';

/**
 * The coarse preview while the event scrubber is dragged: the event under the pointer, drawn at once
 * from the timeline's own columns (RSS, heap, glibc mmaps, pymalloc arenas after that many events),
 * while the views keep the last exact state. The exact state is asked for once, on release: a landing
 * costs a replay (tens of ms to seconds), a preview a binary search over the timeline's samples.
 */
export interface ScrubPreviewState {
  /** The event under the pointer while dragging; null when not dragging. */
  event: number | null;
}

export const useScrubPreview = create<ScrubPreviewState>(() => ({ event: null }));

export const selectPreviewEvent = (s: ScrubPreviewState): number | null => s.event;

export interface PreviewFigures {
  event: number;
  rss: number;
  heap: number;
  mmap: number;
  arena: number;
}

/**
 * The four counters after `event` events, as the first run sampled them (TimelineLog keeps a sample
 * wherever one of them changed, so the last sample at or before the event is the state after it).
 */
export function figuresAt(t: TimelineColumns, event: number): PreviewFigures {
  const i = sampleAt(t, event);
  return { event, rss: t.rss[i], heap: t.heap[i], mmap: t.mmap[i], arena: t.arena[i] };
}
