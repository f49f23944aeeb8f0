import { useEffect, useId } from 'react';
import { arenaRows, type ArenaHeapRow } from '../../derive/glibcArenas';
import { chunkAtOrAfter, heapLod } from '../../derive/heapLod';
import { heapPin } from '../../derive/heapPin';
import { refRange } from '../../derive/selection';
import type { GlibcSection } from '../../engine/libc/section';
import { useSelection } from '../../store/selection';
import { fmtBytes, hex } from '../format';
import { requestDraw } from '../frame/scheduler';
import { useCanvasBox } from '../frame/useCanvas';
import { Term } from '../help/Term';
import { STRIP, drawHeapStrip, pxToOffset, type StripView } from './drawHeapStrip';

const HEAP_MAX = 64 * 1048576;

/** One heap of a thread arena as a strip (the whole heap, no zoom); a click selects the chunk under it. */
function ArenaHeap({ h, label }: { h: ArenaHeapRow; label: string }): React.JSX.Element {
  const { ref, width, height } = useCanvasBox();
  const key = useId();
  const selected = useSelection((s) => s.selected);
  const view = (): StripView => {
    const r = refRange(selected);
    return {
      heap: h.columns,
      lod: heapLod(h.columns, 0),
      width,
      height,
      k: 1,
      x: 0,
      selected: r && r[0] >= h.start && r[0] < h.start + HEAP_MAX ? [r[0] - h.start, r[1] - h.start] : null,
      binMatch: null,
      pin: heapPin(h.columns, 0),
      changes: null,
    };
  };
  useEffect(() => {
    const c = ref.current;
    if (!c || width === 0) return;
    const v = view();
    requestDraw(`arena-heap${key}`, () => drawHeapStrip(c, v));
  });
  const onClick = (e: React.MouseEvent<HTMLCanvasElement>): void => {
    const off = pxToOffset(view(), e.clientX - e.currentTarget.getBoundingClientRect().left);
    const c = h.columns;
    let i = chunkAtOrAfter(c, Math.floor(off / 16));
    if (i >= c.count || c.gran[i] * 16 > off) i = Math.max(0, i - 1);
    if (c.count === 0) return;
    useSelection
      .getState()
      .select({ kind: 'chunk', address: h.start + c.gran[i] * 16, size: c.sizeG[i] * 16 });
  };
  return (
    <canvas
      ref={ref}
      className="arena-heap"
      style={{ height: STRIP.top + STRIP.chunkH + STRIP.gap + STRIP.residentH + STRIP.axisH }}
      role="img"
      aria-label={label}
      onClick={onClick}
    />
  );
}

/**
 * glibc's thread arenas (arena_get2: one per thread up to 8 × cores, then shared): each with the
 * threads using it and their tcaches, and its heaps (64 MiB reservations, new_heap) chunk by chunk,
 * as the main arena's brk heap above. Shown only when the process has more than one thread.
 */
export function ThreadArenas({ g }: { g: GlibcSection }): React.JSX.Element | null {
  const rows = arenaRows(g);
  if (rows.length === 0) return null;
  return (
    <div className="thread-arenas" data-testid="thread-arenas">
      <h3>
        <Term word="thread arena">Thread arenas</Term> ({rows.length})
      </h3>
      {rows.map((a) => (
        <section key={a.index} className="thread-arena" aria-label={`Arena ${a.index}`}>
          <p className="figures">
            <strong>arena {a.index}</strong> · {fmtBytes(a.systemMem)} from the system ·{' '}
            {a.threads.length === 0
              ? 'no live thread (on the free list for the next one)'
              : a.threads
                  .map((t) => `thread ${t.tid} (tcache ${t.cached} chunk${t.cached === 1 ? '' : 's'})`)
                  .join(', ')}
          </p>
          {a.heaps.map((h) => {
            const words = `heap at ${hex(h.start)}: ${fmtBytes(h.size)} of its 64 MiB reservation in use (${fmtBytes(h.mprotectSize)} read-write); ${fmtBytes(h.inUse)} in use, ${fmtBytes(h.tcache)} in tcache, ${fmtBytes(h.free)} free in bins, top ${fmtBytes(h.top)}; ${h.chunks.toLocaleString('en-US')} chunks`;
            return (
              <div key={h.start} className="arena-heap-row">
                <p className="muted">{words}</p>
                <ArenaHeap h={h} label={`Arena ${a.index}, ${words}`} />
              </div>
            );
          })}
        </section>
      ))}
    </div>
  );
}
