import { useEffect, useMemo, useRef } from 'react';
import { axisBottom, axisLeft } from 'd3-axis';
import { brushX } from 'd3-brush';
import { format } from 'd3-format';
import { scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import { useRun } from '../../client/runStore';
import { SERIES } from '../../derive/palette';
import { timelineMax } from '../../derive/timelineModel';
import { useViewport } from '../../store/viewport';
import { requestDraw } from '../frame/scheduler';
import { useCanvasBox } from '../frame/useCanvas';
import { jumpToEvent } from '../shell/actions';
import { drawTimeline, MARGIN } from './drawTimeline';

const fmtEvents = format('.2~s');
const fmtMB = (b: number): string => `${format(',.3~r')(b / 1048576)} MB`;

/**
 * RSS, the brk heap, glibc's mmaps and pymalloc's arenas over the run's events. Spaces: x = event
 * index (d3 scale to CSS pixels), y = bytes. Canvas draws the series; SVG holds axes and the brush.
 * Drag to zoom into a range, double-click to zoom out, click to jump to an event.
 */
export function Timeline(): React.JSX.Element {
  const { ref, width, height } = useCanvasBox();
  const svgRef = useRef<SVGSVGElement | null>(null);
  const brushRef = useRef<SVGGElement | null>(null);
  const timeline = useRun((s) => s.timeline);
  const statementEnd = useRun((s) => s.statementEnd);
  const total = useRun((s) => s.totalEvents);
  const at = useRun((s) => s.snapshot?.event ?? 0);
  const domain = useViewport((s) => s.timelineDomain);
  const d: [number, number] = domain ?? [0, Math.max(1, total)];
  // The y domain rounded to nice MB so the ticks read 200 MB, 400 MB… rather than 191 MB, 381 MB….
  const yMax = useMemo(() => {
    const mb = timeline ? (timelineMax(timeline) * 1.08) / 1048576 || 1 : 1;
    return scaleLinear().domain([0, mb]).nice(4).domain()[1] * 1048576;
  }, [timeline]);
  const x = scaleLinear()
    .domain(d)
    .range([MARGIN.left, Math.max(MARGIN.left + 1, width - MARGIN.right)]);
  const y = scaleLinear()
    .domain([0, yMax])
    .range([Math.max(MARGIN.top + 1, height - MARGIN.bottom), MARGIN.top]);

  useEffect(() => {
    const canvas = ref.current;
    if (!canvas || width === 0) return;
    requestDraw('timeline', () => drawTimeline(canvas, width, height, timeline, statementEnd, d, yMax, at));
  });

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg || width === 0 || !timeline) return;
    const s = select(svg);
    s.select<SVGGElement>('g.x')
      .attr('transform', `translate(0,${height - MARGIN.bottom})`)
      .call(
        axisBottom(x)
          .ticks(Math.max(2, width / 110))
          .tickFormat((v) => fmtEvents(Number(v))),
      );
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
          .tickFormat((v) => fmtMB(Number(v))),
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
        const sx = scaleLinear()
          .domain(useViewport.getState().timelineDomain ?? [0, Math.max(1, useRun.getState().totalEvents)])
          .range([MARGIN.left, width - MARGIN.right]);
        if (ev.selection) {
          const [a, c] = ev.selection.map((p) => sx.invert(p));
          if (c - a >= 2) useViewport.getState().setTimelineDomain([Math.floor(a), Math.ceil(c)]);
          select(g).call(b.move, null);
        } else {
          const rect = (g.ownerSVGElement ?? g).getBoundingClientRect();
          jumpToEvent(sx.invert(ev.sourceEvent.clientX - rect.left));
        }
      });
    select(g).call(b);
    select(g).on('dblclick', () => useViewport.getState().setTimelineDomain(null));
    return () => void select(g).on('.brush', null);
  }, [width, height]);

  // Dragging along the event axis moves the playhead (the client keeps only the newest request).
  const scrubTo = (e: React.PointerEvent<SVGRectElement>): void => {
    const rect = (e.currentTarget.ownerSVGElement ?? e.currentTarget).getBoundingClientRect();
    jumpToEvent(x.invert(e.clientX - rect.left));
  };

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
                  stroke={s.color}
                  strokeWidth="2"
                  strokeDasharray={s.dash.join(' ')}
                />
              </svg>
              {s.label}
            </li>
          ))}
          <li>│ statement ends · ┄ high-water mark</li>
          <li
            className="hint"
            title="Drag in the plot to zoom into a range; double-click to zoom out; click to jump to an event; drag along the event axis to scrub."
          >
            drag: zoom · dbl-click: reset · axis: scrub
          </li>
        </ul>
      </header>
      <div className="plot">
        {!timeline && (
          <p className="empty muted">
            {total === 0 ? 'The run’s memory over time appears here once the script has run.' : ''}
          </p>
        )}
        <canvas ref={ref} />
        <svg ref={svgRef} className="overlay">
          <g className="x" />
          <g className="y" />
          <text
            className="axis-label"
            x={width - MARGIN.right}
            y={height - 2}
            textAnchor="end"
            fontSize="10"
            fill="#444"
          >
            allocator events →
          </text>
          <g ref={brushRef} className="brush" />
          <rect
            className="scrub-zone"
            x={MARGIN.left}
            y={height - MARGIN.bottom}
            width={Math.max(0, width - MARGIN.left - MARGIN.right)}
            height={MARGIN.bottom}
            fill="transparent"
            aria-label="Scrub through events"
            onPointerDown={(e) => {
              e.currentTarget.setPointerCapture(e.pointerId);
              scrubTo(e);
            }}
            onPointerMove={(e) => {
              if (e.currentTarget.hasPointerCapture(e.pointerId)) scrubTo(e);
            }}
          />
        </svg>
      </div>
    </section>
  );
}
