import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { RunData } from '../../client/runStore';
import { rssAtStatement, rssLine, type RunOutline } from '../../derive/compareSeries';
import { usePlayhead } from '../../store/playhead';
import { fmtBytes } from '../format';
import { positionOf } from '../shell/sync';
import { COLUMN_STYLE } from './useColumnRuns';

const H = 190;
const MIB = 1048576;
const M = { top: 10, right: 12, bottom: 26, left: 64 };

const outlineOf = (r: RunData): RunOutline | null =>
  r.timeline && r.statementEnd
    ? { timeline: r.timeline, statementEnd: r.statementEnd, loadEvents: r.loadEvents }
    : null;

/**
 * RSS of every compared run on one axis of statements (the runs make different allocator events,
 * so statements are what line up), with the playhead; a click moves the playhead to that statement.
 */
export function CompareTimeline({ runs, labels }: { runs: RunData[]; labels: string[] }): React.JSX.Element {
  const box = useRef<HTMLDivElement | null>(null);
  const [width, setWidth] = useState(600);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(() =>
      setWidth(Math.max(240, Math.floor(el.getBoundingClientRect().width))),
    );
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const statement = usePlayhead((p) => positionOf(p).statement);
  const outlines = runs.map(outlineOf);
  const n = Math.max(1, ...outlines.map((o) => (o ? o.statementEnd.length : 0)));
  const lines = useMemo(
    () => outlines.map((o) => (o ? rssLine(o, Math.max(4, Math.floor(600 / n))) : null)),
    [runs],
  );
  const peak = Math.max(1, ...lines.flatMap((l) => (l ? [Math.max(...l.y)] : [])));
  const x = scaleLinear()
    .domain([0, n])
    .range([M.left, width - M.right]);
  // In MiB, so the ticks fall on round numbers of the unit they are labelled in.
  const yMiB = scaleLinear()
    .domain([0, (peak * 1.05) / MIB])
    .range([H - M.bottom, M.top])
    .nice();
  const path = line<[number, number]>()
    .x((p) => x(p[0]))
    .y((p) => yMiB(p[1] / MIB));
  const at = Math.min(statement, n);
  const summary = outlines
    .map(
      (o, i) =>
        `${labels[i]}: ${o ? fmtBytes(rssAtStatement(o, Math.min(at, o.statementEnd.length))) : 'not run yet'}`,
    )
    .join('; ');
  const onClick = (e: React.MouseEvent<SVGSVGElement>): void => {
    const r = e.currentTarget.getBoundingClientRect();
    const k = Math.round(x.invert(e.clientX - r.left));
    usePlayhead.getState().setStatement(Math.max(0, Math.min(n, k)));
  };
  return (
    <div className="compare-timeline" ref={box} data-testid="compare-timeline">
      <svg
        width={width}
        height={H}
        role="img"
        aria-label={`RSS of each environment by statement; after statement ${at}: ${summary}`}
        onClick={onClick}
      >
        {yMiB.ticks(4).map((t) => (
          <g key={t}>
            <line x1={M.left} x2={width - M.right} y1={yMiB(t)} y2={yMiB(t)} className="grid" />
            <text x={M.left - 6} y={yMiB(t)} dy="0.32em" textAnchor="end" className="tick">
              {t.toLocaleString('en-US')} MiB
            </text>
          </g>
        ))}
        {Array.from({ length: n + 1 }, (_, k) => k)
          .filter((k) => n <= 24 || k % Math.ceil(n / 24) === 0)
          .map((k) => (
            <text key={k} x={x(k)} y={H - 8} textAnchor="middle" className="tick">
              {k}
            </text>
          ))}
        {lines.map((l, i) =>
          l ? (
            <path
              key={i}
              d={path(l.x.map((xs, j): [number, number] => [xs, l.y[j]])) ?? ''}
              fill="none"
              stroke={COLUMN_STYLE[i].color}
              strokeDasharray={COLUMN_STYLE[i].dash}
              strokeWidth={2}
            />
          ) : null,
        )}
        <text x={width - M.right} y={H - 8} dy="-1.1em" textAnchor="end" className="tick">
          statements done
        </text>
        <line x1={x(at)} x2={x(at)} y1={M.top} y2={H - M.bottom} className="playhead" />
      </svg>
      <ul className="legend compare-legend">
        {labels.map((l, i) => (
          <li key={i}>
            <svg width="26" height="8" aria-hidden="true">
              <line
                x1="0"
                x2="26"
                y1="4"
                y2="4"
                stroke={COLUMN_STYLE[i].color}
                strokeDasharray={COLUMN_STYLE[i].dash}
                strokeWidth={2}
              />
            </svg>{' '}
            {l}
          </li>
        ))}
      </ul>
    </div>
  );
}
