import type { HeapColumns } from '../../engine/trace/snapshot';
import { categoryBytes, chunkAtOrAfter, type HeapLod } from '../../derive/heapLod';
import { CHUNK_CATEGORIES, N_CATEGORIES, SELECTION_COLOR, ink } from '../../derive/palette';
import type { Ranges } from '../../derive/diff';
import { type DrawTarget, context2d, fillPattern } from '../frame/useCanvas';

/**
 * Spaces: "offset" = bytes from the heap start; "layout" = CSS pixels at zoom 1, where the heap
 * spans [STRIP.left, STRIP.left + plotW]; "px" = CSS pixels on screen = x + k · layout, (k, x)
 * being d3-zoom's transform (its extent is the plot's span, so zooming never leaves the heap).
 */
export const STRIP = { left: 8, right: 8, top: 26, chunkH: 44, gap: 4, residentH: 10, axisH: 16 };

export interface StripView {
  heap: HeapColumns;
  lod: HeapLod;
  width: number;
  height: number;
  k: number;
  x: number;
  /** Selected range in heap offsets, or null. */
  selected: [number, number] | null;
  /** Chunk states/sizes a selected bin holds: highlight those chunks. */
  binMatch: ((state: number, size: number) => boolean) | null;
  /** Index of the highest chunk that pins the heap (derive/heapPin), or -1. */
  pin: number;
  /** Byte ranges (heap offsets) that changed: marked in a band above the chunks. */
  changes: Ranges | null;
}

/** Colours of the change band: newly in use, freed, released to the kernel (CompareControl's legend). */
const CHANGE = ['', '#009E73', '#CC79A7', '#E69F00'];

export const plotWidth = (width: number): number => Math.max(1, width - STRIP.left - STRIP.right);
export const offsetToPx = (v: StripView, off: number): number =>
  v.x + v.k * (STRIP.left + (off / Math.max(1, v.lod.heapBytes)) * plotWidth(v.width));
export const pxToOffset = (v: Pick<StripView, 'width' | 'k' | 'x' | 'lod'>, px: number): number =>
  (((px - v.x) / v.k - STRIP.left) / plotWidth(v.width)) * v.lod.heapBytes;

export function drawHeapStrip(canvas: DrawTarget, v: StripView): void {
  const ctx = context2d(canvas, v.width, v.height);
  if (!ctx) return;
  if (v.heap.count === 0) {
    ctx.fillStyle = ink().muted;
    ctx.font = '12px system-ui, sans-serif';
    ctx.fillText('No brk heap yet: glibc has not called sbrk.', STRIP.left, STRIP.top + 20);
    return;
  }
  const plotW = plotWidth(v.width);
  const off0 = Math.max(0, pxToOffset(v, STRIP.left));
  const off1 = Math.min(v.lod.heapBytes, pxToOffset(v, STRIP.left + plotW));
  const y0 = STRIP.top;
  const h = STRIP.chunkH;
  const bytesPerPx = (off1 - off0) / plotW;
  const first = chunkAtOrAfter(v.heap, Math.floor(off0 / 16));
  const last = chunkAtOrAfter(v.heap, Math.ceil(off1 / 16));
  ctx.save();
  ctx.beginPath();
  ctx.rect(STRIP.left, 0, plotW, v.height);
  ctx.clip();
  if (last - first < plotW / 3) drawChunks(ctx, v, first, Math.min(v.heap.count - 1, last), y0, h);
  else drawBuckets(ctx, v, off0, bytesPerPx, plotW, y0, h);
  drawResidency(ctx, v, off0, bytesPerPx, plotW, y0 + h + STRIP.gap);
  if (v.selected) {
    const a = offsetToPx(v, v.selected[0]);
    const b = Math.max(a + 3, offsetToPx(v, v.selected[1]));
    ctx.strokeStyle = SELECTION_COLOR;
    ctx.lineWidth = 2.5;
    ctx.strokeRect(a, y0 - 3, b - a, h + STRIP.gap + STRIP.residentH + 6);
    ctx.fillStyle = SELECTION_COLOR;
    ctx.beginPath();
    ctx.moveTo((a + b) / 2, y0 - 3);
    ctx.lineTo((a + b) / 2 - 5, y0 - 11);
    ctx.lineTo((a + b) / 2 + 5, y0 - 11);
    ctx.fill();
  }
  if (v.binMatch) drawBinTicks(ctx, v, first, last, y0);
  if (v.changes) drawChanges(ctx, v, v.changes, y0);
  ctx.restore();
  if (v.pin >= 0) drawPin(ctx, v, y0);
  drawAxis(ctx, v, off0, off1, plotW, y0 + h + STRIP.gap + STRIP.residentH + 2);
}

function drawChunks(
  ctx: CanvasRenderingContext2D,
  v: StripView,
  first: number,
  last: number,
  y0: number,
  h: number,
): void {
  ctx.font = '10px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  for (let i = first; i <= last; i++) {
    const a = offsetToPx(v, v.heap.gran[i] * 16);
    const b = offsetToPx(v, (v.heap.gran[i] + v.heap.sizeG[i]) * 16);
    const cat = CHUNK_CATEGORIES[v.heap.state[i] - 1] ?? CHUNK_CATEGORIES[0];
    ctx.fillStyle = fillPattern(ctx, cat.pattern, cat.color);
    ctx.fillRect(a, y0, Math.max(1, b - a - 1), h);
    if (b - a > 44) {
      ctx.fillStyle = cat.key === 'inuse' ? '#fff' : '#000';
      const size = v.heap.sizeG[i] * 16;
      const text =
        size >= 1048576
          ? `${(size / 1048576).toFixed(1)} MiB`
          : size >= 10240
            ? `${(size / 1024).toFixed(1)} KiB`
            : `${size} B`;
      ctx.fillText(`${text} ${b - a > 110 ? cat.label : ''}`, Math.max(a, STRIP.left) + 3, y0 + h / 2);
    }
  }
}

const acc = new Float64Array(N_CATEGORIES);

/** Categories present in a column get at least this many pixels, so one tcache chunk among 778 MB still shows. */
const MIN_CAT_PX = 4;
const heights = new Float64Array(N_CATEGORIES);

/** More than ~3 chunks a pixel: each pixel column is a stack of the bytes of each state it covers. */
function drawBuckets(
  ctx: CanvasRenderingContext2D,
  v: StripView,
  off0: number,
  bytesPerPx: number,
  plotW: number,
  y0: number,
  h: number,
): void {
  for (let px = 0; px < plotW; px++) {
    const a = off0 + px * bytesPerPx;
    categoryBytes(v.lod, v.heap, a, a + bytesPerPx, acc);
    let total = 0;
    for (let c = 1; c < N_CATEGORIES; c++) total += acc[c];
    if (total <= 0) continue;
    // Proportional heights, but never below MIN_CAT_PX for a present category; the rest shrink to fit.
    let floorPx = 0;
    let rest = 0;
    for (let c = 1; c < N_CATEGORIES; c++) {
      heights[c] = acc[c] > 0 ? (acc[c] / total) * h : 0;
      if (heights[c] > 0 && heights[c] < MIN_CAT_PX) floorPx += MIN_CAT_PX;
      else rest += heights[c];
    }
    const scale = rest > 0 ? Math.max(0, h - floorPx) / rest : 0;
    let y = y0;
    for (let c = 1; c < N_CATEGORIES; c++) {
      if (heights[c] <= 0) continue;
      const hh = heights[c] < MIN_CAT_PX ? MIN_CAT_PX : heights[c] * scale;
      const cat = CHUNK_CATEGORIES[c - 1];
      ctx.fillStyle = fillPattern(ctx, cat.pattern, cat.color);
      ctx.fillRect(STRIP.left + px, y, 1, hh + 0.5);
      y += hh;
    }
  }
}

/** What changed, as a band above the chunks: at least 2 px a range, so one freed chunk shows. */
function drawChanges(ctx: CanvasRenderingContext2D, v: StripView, r: Ranges, y0: number): void {
  let lastKind = 0;
  let lastEnd = -Infinity;
  for (let i = 0; i < r.from.length; i++) {
    const a = offsetToPx(v, r.from[i]);
    if (a > v.width) break;
    const b = Math.max(a + 2, offsetToPx(v, r.to[i]));
    if (b < 0) continue;
    // Many ranges in one pixel: draw the pixel once a kind.
    if (r.kind[i] === lastKind && b <= lastEnd + 0.5) continue;
    ctx.fillStyle = CHANGE[r.kind[i]];
    ctx.fillRect(a, y0 - 7, b - a, 5);
    lastKind = r.kind[i];
    lastEnd = b;
  }
}

/** A flag over the chunk that decides how far the heap could shrink. */
function drawPin(ctx: CanvasRenderingContext2D, v: StripView, y0: number): void {
  const i = v.pin;
  const end = (v.heap.gran[i] + v.heap.sizeG[i]) * 16;
  const px = Math.min(v.width - STRIP.right, Math.max(STRIP.left, offsetToPx(v, end)));
  const kind = v.heap.state[i] === 2 ? 'tcache' : v.heap.state[i] === 3 ? 'fastbin' : 'in use';
  const label = `highest chunk not free (${kind}): the heap can't shrink below it`;
  ctx.fillStyle = ink().text;
  ctx.fillRect(px - 1, y0 - 4, 2, STRIP.chunkH + 8);
  ctx.font = '10px system-ui, sans-serif';
  ctx.textBaseline = 'bottom';
  const w = ctx.measureText(label).width;
  const tx = Math.max(
    STRIP.left,
    Math.min(v.width - STRIP.right - w, px - w - 6 < STRIP.left ? px + 6 : px - w - 6),
  );
  ctx.fillText(label, tx, y0 - 13);
  ctx.beginPath();
  ctx.moveTo(px, y0 - 1);
  ctx.lineTo(px - 4, y0 - 8);
  ctx.lineTo(px + 4, y0 - 8);
  ctx.fill();
}

function drawResidency(
  ctx: CanvasRenderingContext2D,
  v: StripView,
  off0: number,
  bytesPerPx: number,
  plotW: number,
  y: number,
): void {
  const words = v.heap.residentWords;
  const dark = ink().text !== '#1a1a1a';
  for (let px = 0; px < plotW; px++) {
    const a = off0 + px * bytesPerPx;
    const p0 = Math.floor(a / 4096);
    const p1 = Math.max(p0 + 1, Math.ceil((a + bytesPerPx) / 4096));
    let n = 0;
    let m = 0;
    for (let p = p0; p < p1 && p < words.length * 32; p += p1 - p0 > 64 ? Math.floor((p1 - p0) / 64) : 1, m++)
      if ((words[p >>> 5] >>> (p & 31)) & 1) n++;
    if (m === 0) continue;
    const f = n / m;
    ctx.fillStyle =
      f > 0
        ? dark
          ? `rgba(255,255,255,${0.15 + 0.7 * f})`
          : `rgba(0,0,0,${0.15 + 0.7 * f})`
        : dark
          ? '#000'
          : '#fff';
    ctx.fillRect(STRIP.left + px, y, 1, STRIP.residentH);
  }
}

function drawBinTicks(
  ctx: CanvasRenderingContext2D,
  v: StripView,
  first: number,
  last: number,
  y0: number,
): void {
  ctx.fillStyle = SELECTION_COLOR;
  const from = last - first < 200000 ? first : 0;
  const to = last - first < 200000 ? last : v.heap.count - 1;
  for (let i = from; i <= to; i++) {
    if (!v.binMatch!(v.heap.state[i], v.heap.sizeG[i] * 16)) continue;
    const a = offsetToPx(v, v.heap.gran[i] * 16);
    ctx.fillRect(a - 1, y0 - 10, 3, 8);
  }
}

function drawAxis(
  ctx: CanvasRenderingContext2D,
  v: StripView,
  off0: number,
  off1: number,
  plotW: number,
  y: number,
): void {
  const span = off1 - off0;
  const step = 10 ** Math.floor(Math.log10(Math.max(1, span / 5)));
  const nice = [1, 2, 5].map((m) => m * step).find((s) => span / s <= 8) ?? step * 10;
  // Offsets in MB with as many decimals as the tick step needs (a 100-byte step shows 4).
  const decimals = Math.max(0, Math.min(6, -Math.floor(Math.log10(nice / 1048576))));
  ctx.fillStyle = ink().muted;
  ctx.font = '10px system-ui, sans-serif';
  ctx.textBaseline = 'top';
  let lastEnd = -Infinity;
  for (let t = Math.ceil(off0 / nice) * nice; t <= off1; t += nice) {
    const px = offsetToPx(v, t);
    if (px < STRIP.left || px > STRIP.left + plotW - 30) continue;
    const label = `+${(t / 1048576).toFixed(decimals)} MiB`;
    ctx.fillRect(px, y, 1, 4);
    if (px < lastEnd) continue;
    ctx.fillText(label, px + 2, y + 3);
    lastEnd = px + ctx.measureText(label).width + 8;
  }
}
