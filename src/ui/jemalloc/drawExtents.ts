import type { Change } from '../../derive/diff';
import {
  EXTENT_CATS,
  categoryBytesIn,
  extentAtLayout,
  layoutOf,
  type ExtentLayout,
} from '../../derive/extentLayout';
import { EXTENT_CATEGORIES, SELECTION_COLOR, ink } from '../../derive/palette';
import { residentFraction } from '../../derive/residency';
import type { JemallocExtents } from '../../engine/libc/section';
import type { MappingColumns } from '../../engine/trace/snapshot';
import { type DrawTarget, context2d, fillPattern } from '../frame/useCanvas';

/**
 * Spaces: "address" = bytes of virtual address; "layout" = extent bytes with gaps shrunk
 * (derive/extentLayout); "px" = CSS pixels = x + k · (left + layout / total · plotW), (k, x) being
 * d3-zoom's transform over the plot's span. Rows from the top: change marks, extents, residency
 * (from the kernel's page bits: dirty extents are resident, retained ones are not), the axis.
 */
export const EXT = { left: 8, right: 8, top: 22, extentH: 40, gap: 4, residentH: 10, axisH: 16 };

export interface ExtentView {
  extents: JemallocExtents;
  layout: ExtentLayout;
  mappings: MappingColumns;
  width: number;
  height: number;
  k: number;
  x: number;
  selected: [number, number] | null;
  /** Extents of one size class to mark (a bin picked in the list), or −1. */
  bin: number;
  changes: Map<number, Change> | null;
}

const CHANGE = ['', '#009E73', '#CC79A7', '#E69F00'];

export const plotW = (width: number): number => Math.max(1, width - EXT.left - EXT.right);
export const layoutToPx = (v: Pick<ExtentView, 'width' | 'k' | 'x' | 'layout'>, u: number): number =>
  v.x + v.k * (EXT.left + (u / v.layout.total) * plotW(v.width));
export const pxToLayout = (v: Pick<ExtentView, 'width' | 'k' | 'x' | 'layout'>, px: number): number =>
  (((px - v.x) / v.k - EXT.left) / plotW(v.width)) * v.layout.total;

const acc = new Float64Array(EXTENT_CATS);
/** A state present in a pixel column gets at least this many pixels (one dirty slab among 900 MB still shows). */
const MIN_PX = 4;

export function drawExtents(canvas: DrawTarget, v: ExtentView): void {
  const ctx = context2d(canvas, v.width, v.height);
  if (!ctx) return;
  const e = v.extents;
  if (e.address.length === 0) {
    ctx.fillStyle = ink().muted;
    ctx.font = '12px system-ui, sans-serif';
    ctx.fillText('No extents yet.', EXT.left, EXT.top + 20);
    return;
  }
  const w = plotW(v.width);
  const u0 = Math.max(0, pxToLayout(v, EXT.left));
  const u1 = Math.min(v.layout.total, pxToLayout(v, EXT.left + w));
  const perPx = (u1 - u0) / w;
  const y0 = EXT.top;
  const first = extentAtLayout(e, v.layout, u0);
  const last = extentAtLayout(e, v.layout, u1);
  ctx.save();
  ctx.beginPath();
  ctx.rect(EXT.left, 0, w, v.height);
  ctx.clip();
  if (last - first < w / 3) drawEach(ctx, v, first, Math.min(e.address.length - 1, last), y0);
  else drawColumns(ctx, v, u0, perPx, w, y0);
  drawResidency(ctx, v, u0, perPx, w, y0 + EXT.extentH + EXT.gap);
  drawGaps(ctx, v, y0);
  if (v.changes) drawChanges(ctx, v, first, last, y0);
  if (v.bin >= 0) drawBinTicks(ctx, v, first, last, y0);
  if (v.selected) {
    const a = layoutToPx(v, layoutOf(e, v.layout, v.selected[0]));
    const b = Math.max(a + 3, layoutToPx(v, layoutOf(e, v.layout, v.selected[1])));
    ctx.strokeStyle = SELECTION_COLOR;
    ctx.lineWidth = 2.5;
    ctx.strokeRect(a, y0 - 3, b - a, EXT.extentH + EXT.gap + EXT.residentH + 6);
  }
  ctx.restore();
  drawAxis(ctx, v, y0 + EXT.extentH + EXT.gap + EXT.residentH + 2);
}

/** Few extents on screen: each its own rectangle, slabs filled from the left by their regions in use. */
function drawEach(
  ctx: CanvasRenderingContext2D,
  v: ExtentView,
  first: number,
  last: number,
  y0: number,
): void {
  const e = v.extents;
  const h = EXT.extentH;
  ctx.font = '10px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  for (let i = first; i <= last; i++) {
    const a = layoutToPx(v, v.layout.u[i]);
    const b = layoutToPx(v, v.layout.u[i] + e.size[i]);
    const wpx = Math.max(1, b - a - 1);
    categoryBytesIn(e, v.layout, v.layout.u[i], v.layout.u[i] + e.size[i], acc, i);
    if (e.state[i] === 0) {
      const used = acc[0] / Math.max(1, acc[0] + acc[1]);
      ctx.fillStyle = EXTENT_CATEGORIES[1].color;
      ctx.fillRect(a, y0, wpx, h);
      ctx.fillStyle = EXTENT_CATEGORIES[0].color;
      ctx.fillRect(a, y0 + h * (1 - used), wpx, h * used);
    } else {
      const cat = EXTENT_CATEGORIES[e.state[i] === 1 ? 2 : e.state[i] + 1];
      ctx.fillStyle = fillPattern(ctx, cat.pattern, cat.color);
      ctx.fillRect(a, y0, wpx, h);
    }
    if (b - a > 60) {
      const size = e.size[i];
      const text = size >= 1048576 ? `${(size / 1048576).toFixed(1)} MiB` : `${(size / 1024).toFixed(0)} KiB`;
      ctx.fillStyle = e.state[i] <= 1 ? '#fff' : '#000';
      ctx.fillText(text, Math.max(a, EXT.left) + 3, y0 + 10);
    }
  }
}

const heights = new Float64Array(EXTENT_CATS);

/** Many extents a pixel: each column a stack of the bytes of each state it covers. */
function drawColumns(
  ctx: CanvasRenderingContext2D,
  v: ExtentView,
  u0: number,
  perPx: number,
  w: number,
  y0: number,
): void {
  const h = EXT.extentH;
  let from = extentAtLayout(v.extents, v.layout, u0);
  for (let px = 0; px < w; px++) {
    const a = u0 + px * perPx;
    const next = categoryBytesIn(v.extents, v.layout, a, a + perPx, acc, from);
    // The next column starts at the extent this one ended in.
    from = Math.max(from, next - 1);
    let total = 0;
    for (let c = 0; c < EXTENT_CATS; c++) total += acc[c];
    if (total <= 0) continue;
    let floor = 0;
    let rest = 0;
    for (let c = 0; c < EXTENT_CATS; c++) {
      heights[c] = acc[c] > 0 ? (acc[c] / total) * h : 0;
      if (heights[c] > 0 && heights[c] < MIN_PX) floor += MIN_PX;
      else rest += heights[c];
    }
    const scale = rest > 0 ? Math.max(0, h - floor) / rest : 0;
    let y = y0;
    for (let c = 0; c < EXTENT_CATS; c++) {
      if (heights[c] <= 0) continue;
      const hh = heights[c] < MIN_PX ? MIN_PX : heights[c] * scale;
      const cat = EXTENT_CATEGORIES[c];
      ctx.fillStyle = fillPattern(ctx, cat.pattern, cat.color);
      ctx.fillRect(EXT.left + px, y, 1, hh + 0.5);
      y += hh;
    }
  }
}

function drawResidency(
  ctx: CanvasRenderingContext2D,
  v: ExtentView,
  u0: number,
  perPx: number,
  w: number,
  y: number,
): void {
  const dark = ink().text !== '#1a1a1a';
  const e = v.extents;
  let i = extentAtLayout(e, v.layout, u0);
  for (let px = 0; px < w; px++) {
    const a = u0 + px * perPx;
    const b = a + perPx;
    while (i < e.address.length && v.layout.u[i] + e.size[i] <= a) i++;
    if (i >= e.address.length || v.layout.u[i] >= b) continue;
    // The pixel's bytes in the extent it starts in (a pixel across a gap reads its first extent).
    const from = e.address[i] + Math.max(0, a - v.layout.u[i]);
    const to = Math.min(e.address[i] + e.size[i], from + perPx);
    const f = residentFraction(v.mappings, from, Math.max(from + 1, to), 16);
    ctx.fillStyle =
      f > 0 ? (dark ? `rgba(255,255,255,${0.15 + 0.7 * f})` : `rgba(0,0,0,${0.15 + 0.7 * f})`) : ink().bg;
    ctx.fillRect(EXT.left + px, y, 1, EXT.residentH);
  }
}

/** A dashed line where the address space jumps between mappings. */
function drawGaps(ctx: CanvasRenderingContext2D, v: ExtentView, y0: number): void {
  if (v.layout.gap <= 0) return;
  ctx.strokeStyle = ink().muted;
  ctx.setLineDash([2, 3]);
  ctx.lineWidth = 1;
  for (const i of v.layout.runStarts) {
    if (i === 0) continue;
    const px = layoutToPx(v, v.layout.u[i] - v.layout.gap / 2);
    if (px < EXT.left || px > v.width - EXT.right) continue;
    ctx.beginPath();
    ctx.moveTo(px + 0.5, y0 - 2);
    ctx.lineTo(px + 0.5, y0 + EXT.extentH + EXT.gap + EXT.residentH + 2);
    ctx.stroke();
  }
  ctx.setLineDash([]);
}

function drawChanges(
  ctx: CanvasRenderingContext2D,
  v: ExtentView,
  first: number,
  last: number,
  y0: number,
): void {
  const e = v.extents;
  let lastEnd = -Infinity;
  for (let i = first; i <= last && i < e.address.length; i++) {
    const kind = v.changes!.get(e.address[i]);
    if (!kind) continue;
    const a = layoutToPx(v, v.layout.u[i]);
    if (a < lastEnd - 0.5) continue;
    const b = Math.max(a + 2, layoutToPx(v, v.layout.u[i] + e.size[i]));
    ctx.fillStyle = CHANGE[kind];
    ctx.fillRect(a, y0 - 7, b - a, 5);
    lastEnd = b;
  }
}

function drawBinTicks(
  ctx: CanvasRenderingContext2D,
  v: ExtentView,
  first: number,
  last: number,
  y0: number,
): void {
  const e = v.extents;
  ctx.fillStyle = SELECTION_COLOR;
  let lastPx = -Infinity;
  for (let i = first; i <= last && i < e.address.length; i++) {
    if (e.state[i] !== 0 || e.bin[i] !== v.bin) continue;
    const a = layoutToPx(v, v.layout.u[i]);
    if (a - lastPx < 2) continue;
    ctx.fillRect(a - 1, y0 - 12, 3, 9);
    lastPx = a;
  }
}

/** Addresses of the runs' starts (hex), where they fit. */
function drawAxis(ctx: CanvasRenderingContext2D, v: ExtentView, y: number): void {
  ctx.fillStyle = ink().muted;
  ctx.font = '10px ui-monospace, monospace';
  ctx.textBaseline = 'top';
  let lastEnd = -Infinity;
  for (const i of v.layout.runStarts) {
    const px = layoutToPx(v, v.layout.u[i]);
    if (px < EXT.left || px > v.width - EXT.right - 20) continue;
    ctx.fillRect(px, y, 1, 4);
    if (px < lastEnd) continue;
    const label = `0x${v.extents.address[i].toString(16)}`;
    ctx.fillText(label, px + 2, y + 3);
    lastEnd = px + ctx.measureText(label).width + 10;
  }
}
