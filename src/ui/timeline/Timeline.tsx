import { useEffect, useMemo, useRef, useState } from 'react';
import { axisBottom, axisLeft } from 'd3-axis';
import { brushX } from 'd3-brush';
import { format, formatPrefix, precisionPrefix } from 'd3-format';
import { scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import { useRun } from '../../client/runStore';
import { SERIES } from '../../derive/palette';
import { buildAxis } from '../../derive/timelineAxis';
import { sampleAt, timelinePixels, visibleMax } from '../../derive/timelineModel';
import { usePlayhead, type StepMode } from '../../store/playhead';
import { useViewport } from '../../store/viewport';
import { registerFigure } from '../export/figures';
import { fmtBytes } from '../format';
import { requestDraw } from '../frame/scheduler';
import { useCanvasBox } from '../frame/useCanvas';
import { Term } from '../help/Term';
import { jumpToEvent, stepBy } from '../shell/actions';
import { drawTimeline, MARGIN, plotWidth, type TimelineView } from './drawTimeline';
import { timelineKeys } from './timelineKeys';
import { selectPreviewEvent, useScrubPreview } from '../controls/scrubPreview';
import { completedAt } from '../../protocol/statementCount';

const fmtMiB = (b: number): string => `${format(',.4~r')(b / 1048576)} MiB`;
/** Event ticks with as many digits as their spacing needs ("5.41M 5.42M", never "5.4M 5.4M"). */
function eventTickFormat(step: number, max: number): (n: number) => string {
  const f = formatPrefix(`.${precisionPrefix(Math.max(1, step), Math.max(1, max))}`, Math.max(1, max));
  return (n) => (max < 1000 ? String(Math.round(n)) : f(n));
}

/**
 * RSS, the brk heap, glibc's mmaps and pymalloc's arenas over the run. x by statement (equal width)
 * or by allocator events; `import` can be collapsed. Drag to zoom into a range (y fits what is
 * visible), double-click or Fit to see everything (the playhead goes back where it stood), click to jump. Focus it and
 * use ← → to step, + − to zoom, 0 to fit. Canvas draws the series; SVG holds axes and the brush.
 */
/** The longest gap between the clicks of a double-click (the usual system default). */
const DOUBLE_CLICK_MS = 500;

export function Timeline(): React.JSX.Element {
  const { ref, width, height } = useCanvasBox();
  const svgRef = useRef<SVGSVGElement | null>(null);
  const brushRef = useRef<SVGGElement | null>(null);
  // Where the playhead stood before the last click, while a second click may still make it a double-click.
  const beforeClick = useRef<{ mode: StepMode; statement: number; event: number; at: number } | null>(null);
  const [hoverX, setHoverX] = useState<number | null>(null);
  const timeline = useRun((s) => s.timeline);
  const statementEnd = useRun((s) => s.statementEnd);
  const statements = useRun((s) => s.statements);
  const loadEvents = useRun((s) => s.loadEvents);
  const total = useRun((s) => s.totalEvents);
  const status = useRun((s) => s.status);
  // While the event scrubber is dragged the playhead follows the pointer (the views wait for release).
  const preview = useScrubPreview(selectPreviewEvent);
  const shownAt = useRun((s) => s.shown?.event ?? s.snapshot?.event ?? 0);
  const shownCurrent = useRun((s) => {
    const sn = s.snapshot;
    if (!sn) return -1;
    return s.shown?.event !== null && s.shown?.event !== undefined ? sn.statement + 1 : sn.statement;
  });
  const at = preview ?? shownAt;
  const current = preview !== null && statementEnd ? completedAt(statementEnd, preview) + 1 : shownCurrent;
  const mode = useViewport((s) => s.timelineAxis);
  const collapse = useViewport((s) => s.collapseImports);
  const domain = useViewport((s) => s.timelineDomain);
  const hasImports = statements.some((s) => /^\s*(import|from)\s/.test(s.code));

  const axis = useMemo(
    () => buildAxis(mode, statementEnd ?? [], loadEvents, total, statements, collapse),
    [mode, statementEnd, loadEvents, total, statements, collapse],
  );
  // The zoom is kept in events (a share link holds it); shown in axis units, clamped to the run.
  const u: [number, number] = useMemo(() => {
    if (!domain || total === 0) return [0, axis.total];
    const a = axis.toU(Math.max(0, Math.min(total, domain[0])));
    const b = axis.toU(Math.max(0, Math.min(total, domain[1])));
    return b - a > 1e-9 ? [a, b] : [0, axis.total];
  }, [domain, axis, total]);
  const plotW = plotWidth(width);
  // Envelopes over every sample (222,769 for the seed): computed again only when the data or zoom
  // changes, not on every playhead move (a drag moves it once a frame).
  const px = useMemo(
    () => (timeline && width > 0 ? timelinePixels(timeline, axis.toEvent, axis, u, plotW) : null),
    [timeline, width, axis, u, plotW],
  );
  const yMax = useMemo(() => {
    const mib = px ? (visibleMax(px) * 1.08) / 1048576 || 1 : 1;
    return scaleLinear().domain([0, mib]).nice(4).domain()[1] * 1048576;
  }, [px]);
  const x = scaleLinear()
    .domain(u)
    .range([MARGIN.left, MARGIN.left + plotW]);
  const y = scaleLinear()
    .domain([0, yMax])
    .range([Math.max(MARGIN.top + 1, height - MARGIN.bottom), MARGIN.top]);
  const view = (w: number, h: number): TimelineView => ({
    width: w,
    height: h,
    axis,
    u,
    yMax,
    px,
    at,
    current,
  });

  useEffect(() => {
    const canvas = ref.current;
    if (!canvas || width === 0) return;
    const v = view(width, height);
    requestDraw('timeline', () => drawTimeline(canvas, v));
  });

  useEffect(() =>
    registerFigure('timeline', () =>
      px
        ? {
            width,
            height,
            draw: (ctx) => drawTimeline(ctx, view(width, height)),
            legend: SERIES.map((s) => ({
              label: s.label,
              color: s.color,
              mark: 'line' as const,
              dash: [...s.dash],
            })),
            overlay: svgRef.current
              ? Array.from(
                  svgRef.current.querySelectorAll('g.x, g.y, text.axis-label'),
                  (g) => g.outerHTML,
                ).join('')
              : '',
          }
        : null,
    ),
  );

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg || width === 0 || !timeline) return;
    const s = select(svg);
    const xAxis = axisBottom(x);
    if (mode === 'statement') {
      const ticks = axis.segments.filter((seg) => seg.u1 > u[0] && seg.u0 < u[1]);
      // About 28 px a label: every n-th statement when they are more than fit.
      const every = Math.max(1, Math.ceil((ticks.length * 28) / Math.max(1, plotW)));
      const shown = ticks.filter((_, i) => i % every === 0);
      xAxis
        .tickValues(shown.map((seg) => (seg.u0 + seg.u1) / 2))
        .tickFormat((_, i) => (shown[i].k === 0 ? 'start' : String(shown[i].k)));
    } else {
      const ev = scaleLinear().domain([axis.toEvent(u[0]), axis.toEvent(u[1])]);
      const values = ev.ticks(Math.max(2, Math.floor(width / 110)));
      const fmt = eventTickFormat(values.length > 1 ? values[1] - values[0] : 1, Math.max(...values, 1));
      xAxis.tickValues(values.map((e) => axis.toU(e))).tickFormat((_, i) => fmt(values[i]));
    }
    s.select<SVGGElement>('g.x')
      .attr('transform', `translate(0,${height - MARGIN.bottom})`)
      .call(xAxis);
    s.select<SVGGElement>('g.y')
      .attr('transform', `translate(${MARGIN.left},0)`)
      .call(
        axisLeft(y)
          .tickValues(
            scaleLinear()
              .domain([0, yMax / 1048576])
              .ticks(4)
              .map((v) => v * 1048576),
          )
          .tickFormat((v) => fmtMiB(Number(v))),
      );
  });

  useEffect(() => {
    const g = brushRef.current;
    if (!g || width === 0) return;
    const b = brushX<unknown>()
      .extent([
        [MARGIN.left, MARGIN.top],
        [width - MARGIN.right, height - MARGIN.bottom],
      ])
      .on('end', (ev: { selection: [number, number] | null; sourceEvent?: MouseEvent }) => {
        if (!ev.sourceEvent) return;
        const sx = currentScale.current;
        if (!sx) return;
        if (ev.selection) {
          const [a, c] = ev.selection.map((p) => sx.toEvent(sx.x.invert(p)));
          if (c - a >= 2) useViewport.getState().setTimelineDomain([Math.floor(a), Math.ceil(c)]);
          select(g).call(b.move, null);
        } else {
          // A click jumps at once. It used to wait 280 ms to tell it from a double-click's first half,
          // which put every click's landing 280 ms past the 100 ms goal (issue 10; the views come from
          // the layers' history in ~20 ms); a double-click now puts the playhead back where it stood.
          const rect = (g.ownerSVGElement ?? g).getBoundingClientRect();
          const e = sx.toEvent(sx.x.invert(ev.sourceEvent.clientX - rect.left));
          const now = performance.now();
          const last = beforeClick.current;
          if (!last || now - last.at > DOUBLE_CLICK_MS) {
            const p = usePlayhead.getState();
            beforeClick.current = { mode: p.mode, statement: p.statement, event: p.event, at: now };
          }
          jumpToEvent(e);
        }
      });
    select(g).call(b);
    select(g).on('dblclick', () => {
      const last = beforeClick.current;
      beforeClick.current = null;
      if (last && performance.now() - last.at <= DOUBLE_CLICK_MS)
        usePlayhead.setState({ mode: last.mode, statement: last.statement, event: last.event });
      useViewport.getState().setTimelineDomain(null);
    });
    return () => void select(g).on('.brush', null).on('dblclick', null);
  }, [width, height]);
  // The brush handler reads the scale of the latest render.
  const currentScale = useRef<{ x: typeof x; toEvent: (u: number) => number } | null>(null);
  currentScale.current = { x, toEvent: axis.toEvent };

  // The hover readout: every series at the pointer, and which statement it is in.
  const hover = (() => {
    if (hoverX === null || !timeline || !statementEnd) return null;
    const e = axis.toEvent(x.invert(hoverX));
    const i = sampleAt(timeline, e);
    const seg = axis.segments.find((s) => e >= s.e0 && e <= s.e1);
    const where = seg && seg.k > 0 ? `line ${statements[seg.k - 1]?.line ?? seg.k}` : 'start-up';
    return {
      // Right of the pointer on the left half, left of it on the right half: never off the plot.
      side: hoverX < width / 2 ? { left: hoverX + 10 } : { right: width - hoverX + 10 },
      text: `${where} · event ${Math.round(e).toLocaleString('en-US')} · RSS ${fmtBytes(timeline.rss[i])} · heap ${fmtBytes(timeline.heap[i])} · mmaps ${fmtBytes(timeline.mmap[i])} · arenas ${fmtBytes(timeline.arena[i])}`,
    };
  })();
  const summary = timeline
    ? `Timeline of ${statementEnd?.length ?? 0} statements, ${total.toLocaleString('en-US')} allocator events; peak RSS ${fmtBytes(px?.peak ?? 0)}. At the playhead (event ${at.toLocaleString('en-US')}): RSS ${fmtBytes(timeline.rss[sampleAt(timeline, at)])}, heap ${fmtBytes(timeline.heap[sampleAt(timeline, at)])}, glibc mmaps ${fmtBytes(timeline.mmap[sampleAt(timeline, at)])}, pymalloc arenas ${fmtBytes(timeline.arena[sampleAt(timeline, at)])}.${domain ? ' Zoomed in.' : ''}`
    : 'The timeline appears once the script has run.';

  return (
    <section className="panel timeline" aria-label="Timeline">
      <header>
        <h2>Timeline</h2>
        <ul className="legend">
          {SERIES.map((s) => (
            <li key={s.key}>
              <svg width="22" height="8" aria-hidden="true">
                <line
                  x1="0"
                  x2="22"
                  y1="4"
                  y2="4"
                  stroke={s.key === 'rss' ? 'currentColor' : s.color}
                  strokeWidth="2"
                  strokeDasharray={s.dash.join(' ')}
                />
              </svg>
              <Term
                word={
                  s.key === 'rss'
                    ? 'RSS'
                    : s.key === 'heap'
                      ? 'heap'
                      : s.key === 'mmap'
                        ? 'glibc mmap'
                        : 'pymalloc arena'
                }
              >
                {s.label}
              </Term>
            </li>
          ))}
          <li>┄ high-water mark</li>
        </ul>
        <span className="tl-options">
          <label>
            x axis{' '}
            <select
              value={mode}
              onChange={(e) =>
                useViewport.setState({
                  timelineAxis: e.target.value as 'statement' | 'events',
                  timelineDomain: null,
                })
              }
            >
              <option value="statement">by statement</option>
              <option value="events">by allocator events</option>
            </select>
          </label>
          {(hasImports || mode === 'events') && (
            <label className="nowrap">
              <input
                type="checkbox"
                checked={collapse}
                onChange={(e) => useViewport.setState({ collapseImports: e.target.checked })}
              />{' '}
              {mode === 'events' ? 'collapse start-up and imports' : 'collapse imports'}
            </label>
          )}
          <button
            type="button"
            className="fit"
            disabled={!domain}
            onClick={() => useViewport.getState().setTimelineDomain(null)}
          >
            Fit
          </button>
        </span>
      </header>
      <div
        className="plot view-canvas"
        tabIndex={0}
        role="slider"
        aria-label="Timeline: ← → step, + − zoom, 0 fit"
        aria-valuemin={0}
        aria-valuemax={Math.max(0, total)}
        aria-valuenow={at}
        aria-valuetext={summary}
        onKeyDown={(e) => timelineKeys(e, { axis, u, stepBy, at })}
        onPointerMove={(e) => setHoverX(e.clientX - e.currentTarget.getBoundingClientRect().left)}
        onPointerLeave={() => setHoverX(null)}
      >
        {!timeline && (
          <p className="empty muted">
            {status === 'running'
              ? 'Simulating… the timeline is drawn when the run ends.'
              : 'The run’s memory over time appears here once the script has run.'}
          </p>
        )}
        <canvas ref={ref} aria-hidden="true" />
        <svg ref={svgRef} className="overlay" aria-hidden="true">
          <g className="x" />
          <g className="y" />
          <text
            className="axis-label"
            x={width - MARGIN.right}
            y={height - 2}
            textAnchor="end"
            fontSize="10"
            fontFamily="system-ui, sans-serif"
            fill="currentColor"
          >
            {mode === 'statement' ? 'statements →' : 'allocator events →'}
          </text>
          <g ref={brushRef} className="brush" />
          {hover && hoverX !== null && hoverX > MARGIN.left && hoverX < width - MARGIN.right && (
            <line
              x1={hoverX}
              x2={hoverX}
              y1={MARGIN.top}
              y2={height - MARGIN.bottom}
              stroke="currentColor"
              strokeOpacity="0.4"
              pointerEvents="none"
            />
          )}
        </svg>
        {hover && (
          <span className="readout" style={hover.side} data-testid="timeline-readout">
            {hover.text}
          </span>
        )}
      </div>
    </section>
  );
}
