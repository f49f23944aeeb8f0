import { scaleLinear } from 'd3-scale';
import { OKABE_ITO, SERIES } from '../../derive/palette';
import { timelinePixels } from '../../derive/timelineModel';
import type { TimelineColumns } from '../../protocol/messages';
import { context2d } from '../frame/useCanvas';

export const MARGIN = { left: 64, right: 12, top: 14, bottom: 30 };

/** Draw the four series as min/max envelopes per pixel, the markers, the high-water mark and the playhead. */
export function drawTimeline(
  canvas: HTMLCanvasElement,
  width: number,
  height: number,
  t: TimelineColumns | null,
  statementEnd: Float64Array | null,
  domain: [number, number],
  yMax: number,
  at: number,
): void {
  const ctx = context2d(canvas, width, height);
  if (!ctx || !t || t.count === 0) return;
  const plotW = Math.max(1, Math.floor(width - MARGIN.left - MARGIN.right));
  const x = scaleLinear()
    .domain(domain)
    .range([MARGIN.left, MARGIN.left + plotW]);
  const y = scaleLinear()
    .domain([0, yMax])
    .range([height - MARGIN.bottom, MARGIN.top]);
  const px = timelinePixels(t, domain, plotW);

  if (statementEnd) {
    ctx.strokeStyle = '#bbb';
    ctx.fillStyle = '#666';
    ctx.font = '10px system-ui, sans-serif';
    ctx.lineWidth = 1;
    statementEnd.forEach((e, k) => {
      if (e < domain[0] || e > domain[1]) return;
      const xe = Math.round(x(e)) + 0.5;
      ctx.beginPath();
      ctx.moveTo(xe, MARGIN.top);
      ctx.lineTo(xe, height - MARGIN.bottom);
      ctx.stroke();
      ctx.fillText(String(k + 1), xe + 2, MARGIN.top + 8);
    });
  }

  for (const s of [...SERIES].reverse()) {
    const lo = px.min[s.key];
    const hi = px.max[s.key];
    ctx.strokeStyle = s.color;
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
  ctx.strokeStyle = OKABE_ITO.black;
  ctx.lineWidth = 1;
  const yp = Math.round(y(px.peak)) + 0.5;
  ctx.beginPath();
  ctx.moveTo(MARGIN.left, yp);
  ctx.lineTo(MARGIN.left + plotW, yp);
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.fillStyle = OKABE_ITO.black;
  ctx.font = '11px system-ui, sans-serif';
  const label = `high-water mark ${(px.peak / 1048576).toFixed(px.peak < 10485760 ? 2 : 0)} MB`;
  ctx.fillText(label, MARGIN.left + plotW - ctx.measureText(label).width - 4, yp - 4);

  if (at >= domain[0] && at <= domain[1]) {
    const xa = Math.round(x(at)) + 0.5;
    ctx.strokeStyle = OKABE_ITO.vermillion;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(xa, MARGIN.top - 4);
    ctx.lineTo(xa, height - MARGIN.bottom);
    ctx.stroke();
  }
}
