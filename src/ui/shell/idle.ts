import { compareClients, onColumnActivity } from '../../client/compareRuns';
import { engineClient } from '../../client/engineClient';
import { currentColumns } from '../compare/compareSync';
import { useRun } from '../../client/runStore';
import { sentenceText } from '../../engine/explain/types';
import { glibcOf } from '../../engine/trace/snapshot';
import { usePlayhead } from '../../store/playhead';
import { useSelection } from '../../store/selection';
import { useViewport } from '../../store/viewport';
import { IDLE_KEY, framesPending, onFrameSettled, requestDraw, takeFrameTimes } from '../frame/scheduler';
import { currentKey, positionOf, reachedStatements } from './sync';
import { useScrubPreview } from '../controls/scrubPreview';

/**
 * The idle signal for tests and the benchmark: body[data-idle="true"] and window.__highwater when
 * no worker request is pending, the snapshot on screen is the playhead's and the last frame is drawn.
 */
export interface HighwaterHandle {
  idle: boolean;
  whenIdle: () => Promise<void>;
  state: () => Record<string, unknown>;
  /** Draw times (ms) of the frames since the last call. */
  frameTimes: () => number[];
}

declare global {
  interface Window {
    __highwater?: HighwaterHandle;
  }
}

function isIdle(): boolean {
  const r = useRun.getState();
  if (engineClient().busy || framesPending() || r.status !== 'idle') return false;
  // Dragging the event scrubber: the exact state comes on release.
  if (useScrubPreview.getState().event !== null) return false;
  // The comparison's other runs: each must show the statement asked for too.
  if (compareClients().some((c) => c.busy)) return false;
  if (r.crashed) return true;
  // Nothing shown: idle when no run was asked for, it was cancelled, or the script waits for Run.
  if (!r.snapshot || !r.shown) return r.cancelled || r.runKey === null || r.runKey !== currentKey();
  // The views show an older run (the script changed and waits for Run): nothing more will come.
  if (r.runKey !== currentKey()) return true;
  const want = positionOf(usePlayhead.getState());
  return (
    r.shown.statement === want.statement && r.shown.event === want.event && !usePlayhead.getState().playing
  );
}

export function installIdleSignal(): void {
  let waiters: (() => void)[] = [];
  const update = (): void => {
    const idle = isIdle();
    document.body.dataset.idle = String(idle);
    handle.idle = idle;
    if (idle) {
      const w = waiters;
      waiters = [];
      for (const f of w) f();
    }
  };
  // A state change marks busy at once; idle is decided after the frame that draws it.
  const touch = (): void => {
    document.body.dataset.idle = 'false';
    handle.idle = false;
    requestDraw(IDLE_KEY, () => undefined);
  };
  const handle: HighwaterHandle = {
    idle: false,
    frameTimes: takeFrameTimes,
    whenIdle: () => (isIdle() ? Promise.resolve() : new Promise((res) => waiters.push(res))),
    state: () => {
      const r = useRun.getState();
      const p = usePlayhead.getState();
      const s = r.snapshot;
      return {
        mode: p.mode,
        statement: p.statement,
        statements: reachedStatements(),
        event: s ? s.event : 0,
        totalEvents: r.totalEvents,
        status: r.status,
        error: r.error,
        crashed: r.crashed,
        shown: r.shown,
        preview: useScrubPreview.getState().event,
        rss: s?.scalars.rss ?? null,
        peakRss: s?.scalars.peakRss ?? null,
        heap: s ? s.scalars.brk - s.scalars.heapStart : null,
        mallinfo: s ? (glibcOf(s)?.mallinfo ?? null) : null,
        arenas: s?.arenas?.count ?? 0,
        explain: s ? s.explain.map(sentenceText) : [],
        lastBytes: r.lastBytes,
        // the worker's ms for the position shown (its landing and views, before the transfer)
        lastMs: r.lastMs,
        explaining: r.explaining,
        // the worker's unanswered questions (a pool, a peek…): the page is busy until each is answered
        questions: engineClient().questions,
        heapZoom: useViewport.getState().heapZoom,
        selected: useSelection.getState().selected,
        durationMs: r.durationMs,
        compare: currentColumns().map((c) => {
          const run = c.source.store.getState();
          return {
            env: c.env,
            statement: run.snapshot?.statement ?? null,
            rss: run.snapshot?.scalars.rss ?? null,
            libc: run.snapshot?.libc.kind ?? null,
            error: run.error,
          };
        }),
      };
    },
  };
  window.__highwater = handle;
  useRun.subscribe(touch);
  usePlayhead.subscribe(touch);
  useScrubPreview.subscribe(touch);
  engineClient().onSettled(touch);
  onColumnActivity(touch);
  onFrameSettled(update);
  touch();
}
