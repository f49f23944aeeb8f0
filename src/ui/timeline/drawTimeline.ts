import { scaleLinear } from 'd3-scale';
import { OKABE_ITO, SERIES, ink } from '../../derive/palette';
import { placeLabels, type TimelineAxis } from '../../derive/timelineAxis';
import type { TimelinePixels } from '../../derive/timelineModel';
import { type DrawTarget, context2d } from '../frame/useCanvas';

export const MARGIN = { left: 64, right: 12, top: 16, bottom: 30 };

export interface TimelineView {
  width: number;
  height: number;
  axis: TimelineAxis;
  /** The visible range in axis units. */
  u: [number, number];
  yMax: number;
  px: TimelinePixels | null;
  /** The playhead, in events; and the shown statement (its segment is tinted). */
  at: number;
  current: number;
}

export const plotWidth = (width: number): number =>
  Math.max(1, Math.floor(width - MARGIN.left - MARGIN.right));

/**
 * The four series as min/max envelopes per pixel, statement boundaries with labels that never
 * overlap, the high-water mark and the playhead. Spaces: axis units u → CSS px by a linear scale.
 */
export function drawTimeline(target: DrawTarget, v: TimelineView): void {
  const ctx = context2d(target, v.width, v.height);
  const px = v.px;
  if (!ctx || !px) return;
  const plotW = plotWidth(v.width);
  const x = scaleLinear()
    .domain(v.u)
    .range([MARGIN.left, MARGIN.left + plotW]);
  const y = scaleLinear()
    .domain([0, v.yMax])
    .range([v.height - MARGIN.bottom, MARGIN.top]);
  const c = ink();

  ctx.save();
  ctx.beginPath();
  ctx.rect(MARGIN.left, 0, plotW, v.height);
  ctx.clip();
  // The shown statement's stretch, tinted; statement boundaries as thin lines.
  ctx.font = '10px system-ui, sans-serif';
  ctx.lineWidth = 1;
  const labels: { x: number; width: number; text: string }[] = [];
  for (const s of v.axis.segments) {
    const a = x(s.u0);
    const b = x(s.u1);
    if (b < MARGIN.left || a > MARGIN.left + plotW) continue;
    if (s.k === v.current && s.k > 0) {
      ctx.fillStyle = c.tint;
      ctx.fillRect(a, MARGIN.top, Math.max(1, b - a), v.height - MARGIN.top - MARGIN.bottom);
    }
    if (s.k > 0) {
      ctx.strokeStyle = c.grid;
      ctx.beginPath();
      ctx.moveTo(Math.round(b) + 0.5, MARGIN.top);
      ctx.lineTo(Math.round(b) + 0.5, v.height - MARGIN.bottom);
      ctx.stroke();
      const text = s.isImport ? `${s.k} import` : String(s.k);
      const w = ctx.measureText(text).width;
      // By statement: the label sits in the middle of its step; by events, just left of its end.
      const lx = v.axis.mode === 'statement' ? (a + b) / 2 - w / 2 : b - w - 2;
      labels.push({ x: lx, width: w, text });
    }
  }
  ctx.fillStyle = c.muted;
  for (const l of placeLabels(labels.sort((p, q) => p.x - q.x))) ctx.fillText(l.text, l.x, MARGIN.top - 4);

  for (const s of [...SERIES].reverse()) {
    const lo = px.min[s.key];
    const hi = px.max[s.key];
    ctx.strokeStyle = s.key === 'rss' ? c.text : s.color;
    ctx.lineWidth = s.key === 'rss' ? 2 : 1.5;
    ctx.setLineDash(s.dash);
    ctx.beginPath();
    for (let i = 0; i < plotW; i++) {
      const xx = MARGIN.left + i + 0.5;
      if (i === 0) ctx.moveTo(xx, y(hi[i]));
      else ctx.lineTo(xx, y(hi[i]));
      if (hi[i] !== lo[i]) {
        ctx.lineTo(xx, y(lo[i]));
        ctx.lineTo(xx, y(hi[i]));
      }
    }
    ctx.stroke();
  }
  ctx.setLineDash([4, 3]);
  ctx.strokeStyle = c.text;
  ctx.lineWidth = 1;
  const yp = Math.round(y(px.peak)) + 0.5;
  if (px.peak <= v.yMax) {
    ctx.beginPath();
    ctx.moveTo(MARGIN.left, yp);
    ctx.lineTo(MARGIN.left + plotW, yp);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = c.text;
    ctx.font = '11px system-ui, sans-serif';
    const mib = px.peak / 1048576;
    const label = `high-water mark ${mib.toFixed(mib < 10 ? 2 : 0)} MiB`;
    ctx.fillText(label, MARGIN.left + plotW - ctx.measureText(label).width - 4, yp - 4);
  }
  ctx.setLineDash([]);
  const ua = v.axis.toU(v.at);
  if (ua >= v.u[0] && ua <= v.u[1]) {
    const xa = Math.round(x(ua)) + 0.5;
    ctx.strokeStyle = OKABE_ITO.vermillion;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(xa, MARGIN.top - 2);
    ctx.lineTo(xa, v.height - MARGIN.bottom);
    ctx.stroke();
  }
  ctx.restore();
}
