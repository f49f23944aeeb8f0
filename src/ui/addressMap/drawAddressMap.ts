import type { AddressLayout } from '../../derive/addressLayout';
import { residentFraction } from '../../derive/addressLayout';
import { REGION_COLORS, SELECTION_COLOR, ink } from '../../derive/palette';
import { type DrawTarget, context2d } from '../frame/useCanvas';

/**
 * Spaces: "layout" units from derive/addressLayout; px = x + k · (LEFT + layout · scale) with
 * scale = plot width / layout total and (k, x) d3-zoom's transform over the plot's span. Each region: a bar whose top half is its colour where pages
 * are resident and a light tint where only reserved, with a label when there is room.
 */
export const MAP = { left: 8, right: 8, top: 18, barH: 34 };

export interface MapView {
  layout: AddressLayout;
  width: number;
  height: number;
  k: number;
  x: number;
  selected: [number, number] | null;
  /** Mappings made since the position compared with: outlined in green. */
  changed: { start: number; length: number }[];
}

export const mapScale = (v: Pick<MapView, 'layout' | 'width'>): number =>
  Math.max(1, v.width - MAP.left - MAP.right) / Math.max(1, v.layout.total);
export const layoutToPx = (v: MapView, u: number): number => v.x + v.k * (MAP.left + u * mapScale(v));

export function drawAddressMap(canvas: DrawTarget, v: MapView): void {
  const ctx = context2d(canvas, v.width, v.height);
  if (!ctx) return;
  const y = MAP.top;
  const h = MAP.barH;
  const c = ink();
  ctx.font = '10px system-ui, sans-serif';
  ctx.textBaseline = 'top';
  let prevEnd = -Infinity;
  let labelEnd = -Infinity;
  for (const r of v.layout.regions) {
    const a = layoutToPx(v, r.x);
    const b = layoutToPx(v, r.x + r.w);
    if (b < 0 || a > v.width) continue;
    if (!r.joined && Number.isFinite(prevEnd) && a - prevEnd > 6) {
      // An unmapped gap, shrunk to a fixed break: draw the break mark.
      ctx.fillStyle = c.muted;
      ctx.fillText('⋯', (prevEnd + a) / 2 - 4, y + h / 2 - 5);
    }
    prevEnd = b;
    const color = REGION_COLORS[r.kind] ?? '#999';
    ctx.globalAlpha = 0.22;
    ctx.fillStyle = color;
    ctx.fillRect(a, y, Math.max(1, b - a - (r.joined ? 0 : 0.5)), h);
    ctx.globalAlpha = 1;
    // Resident pages, per pixel column (sampled: ≤ 64 pages a column).
    const cols = Math.max(1, Math.ceil(b - a));
    for (let c = 0; c < cols; c++) {
      const f0 = (c / cols) * r.length;
      const f1 = ((c + 1) / cols) * r.length;
      const px = a + c;
      if (px < 0 || px > v.width) continue;
      const f = residentFraction(r, f0, f1);
      if (f > 0) {
        ctx.fillStyle = color;
        ctx.fillRect(px, y + h * (1 - f), 1, h * f);
      }
    }
    ctx.strokeStyle = c.bg;
    ctx.lineWidth = 1;
    if (r.joined) {
      ctx.beginPath();
      ctx.moveTo(a + 0.5, y);
      ctx.lineTo(a + 0.5, y + h);
      ctx.stroke();
    }
    if (v.selected && v.selected[0] < r.start + r.length && r.start < v.selected[1]) {
      const s0 = Math.max(v.selected[0], r.start) - r.start;
      const s1 = Math.min(v.selected[1], r.start + r.length) - r.start;
      const sa = a + (s0 / r.length) * (b - a);
      const sb = Math.max(sa + 3, a + (s1 / r.length) * (b - a));
      ctx.strokeStyle = SELECTION_COLOR;
      ctx.lineWidth = 2.5;
      ctx.strokeRect(sa, y - 3, sb - sa, h + 6);
    }
    if (v.changed.some((c) => c.start < r.start + r.length && r.start < c.start + c.length)) {
      ctx.strokeStyle = '#009E73';
      ctx.lineWidth = 2;
      ctx.setLineDash([4, 2]);
      ctx.strokeRect(a + 1, y - 1, Math.max(2, b - a - 2), h + 2);
      ctx.setLineDash([]);
    }
    if (r.kind === 'heap') {
      // The program break: where sbrk would move the end of the heap.
      ctx.fillStyle = c.text;
      ctx.fillRect(b - 1, y - 4, 2, h + 8);
      ctx.fillText('brk', b - 8, y - 14);
    }
    if (b - a > 60 && !r.joined) {
      ctx.fillStyle = c.text;
      const mb = r.length / 1048576;
      // Labels never overlap: one that would run into the previous is left out.
      const text = `${r.label.split(' (')[0]} ${mb >= 10 ? mb.toFixed(0) : mb.toFixed(2)} MiB`;
      const tx = Math.max(a, 2, labelEnd + 6) + 2;
      if (tx + ctx.measureText(text).width < b + 40) {
        ctx.fillText(text, tx, y + h + 4);
        labelEnd = tx + ctx.measureText(text).width;
      }
    }
  }
}

/** The region (and byte inside it) under a CSS pixel, or null. */
export function hitRegion(v: MapView, px: number): { index: number; offset: number } | null {
  const regions = v.layout.regions;
  for (let i = 0; i < regions.length; i++) {
    const r = regions[i];
    const a = layoutToPx(v, r.x);
    const b = layoutToPx(v, r.x + r.w);
    if (px >= a && px < b) return { index: i, offset: ((px - a) / (b - a)) * r.length };
  }
  return null;
}
