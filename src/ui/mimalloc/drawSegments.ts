import type { Change } from '../../derive/diff';
import { OKABE_ITO, SELECTION_COLOR, SLICE_CATEGORIES, ink } from '../../derive/palette';
import { MI_SLICE, type MimallocSection } from '../../engine/libc/section';
import { type DrawTarget, context2d, fillPattern } from '../frame/useCanvas';

/**
 * Spaces: segment row r, slice cell c (0 … 511, each 1/512th of the segment) → CSS px
 * (labelW + x + k · c · cellW, r · rowH), (k, x) being a horizontal zoom shared by all rows. A page
 * spans its slices: outlined, filled from the bottom by its blocks in use; free spans are light;
 * decommitted slices are drawn as an outline only (not committed: no RAM); slices waiting for
 * decommit carry an orange hatched band.
 */
export const SEG = { labelW: 96, cells: 512, pad: 1 };

export interface SegmentView {
  m: MimallocSection;
  width: number;
  rowH: number;
  k: number;
  x: number;
  /** Selected range in bytes of address, or null. */
  selected: [number, number] | null;
  /** Pages of this block size to mark, or 0. */
  blockSize: number;
  /** The keyboard cursor (row, cell), or null. */
  cursor: { row: number; cell: number } | null;
  changes: Map<number, Change> | null;
}

const CHANGE = ['', '#009E73', '#CC79A7', '#E69F00'];
const kindOf = (b: number): number => (b >> MI_SLICE.KindShift) & 3;

export const cellW = (v: Pick<SegmentView, 'width'>): number => (v.width - SEG.labelW) / SEG.cells;
export const cellToPx = (v: Pick<SegmentView, 'width' | 'k' | 'x'>, c: number): number =>
  SEG.labelW + v.x + v.k * c * cellW(v);
export const pxToCell = (v: Pick<SegmentView, 'width' | 'k' | 'x'>, px: number): number =>
  (px - SEG.labelW - v.x) / (v.k * cellW(v));

export function drawSegments(canvas: DrawTarget, v: SegmentView, height: number): void {
  const ctx = context2d(canvas, v.width, height);
  if (!ctx) return;
  const s = v.m.segments;
  const c = ink();
  ctx.font = `${Math.min(12, Math.max(9, v.rowH - 5))}px ui-monospace, monospace`;
  ctx.textBaseline = 'middle';
  for (let r = 0; r < s.address.length; r++) {
    const y = r * v.rowH;
    ctx.fillStyle = c.text;
    const tag = s.cached[r] ? ' cache' : s.huge[r] ? ' huge' : '';
    ctx.fillText(`0x${s.address[r].toString(16).slice(0, 8)}${tag}`, 2, y + v.rowH / 2);
    ctx.save();
    ctx.beginPath();
    ctx.rect(SEG.labelW, y, v.width - SEG.labelW, v.rowH);
    ctx.clip();
    drawRow(ctx, v, r, y);
    ctx.restore();
  }
}

function drawRow(ctx: CanvasRenderingContext2D, v: SegmentView, r: number, y: number): void {
  const m = v.m;
  const s = m.segments;
  const cells = m.slices.subarray(r * SEG.cells, (r + 1) * SEG.cells);
  const h = v.rowH - SEG.pad - 1;
  const k = ink();
  // Runs of cells of one kind and one commit state: one rectangle each.
  for (let c0 = 0; c0 < SEG.cells;) {
    const b = cells[c0];
    let c1 = c0 + 1;
    while (c1 < SEG.cells && cells[c1] === b) c1++;
    const a = cellToPx(v, c0);
    const wpx = Math.max(1, cellToPx(v, c1) - a - SEG.pad);
    const kind = kindOf(b);
    const committed = (b & MI_SLICE.Committed) !== 0;
    if (a < v.width && a + wpx > SEG.labelW) {
      const cat = SLICE_CATEGORIES[kind];
      if (committed && kind !== MI_SLICE.KindPage) {
        ctx.fillStyle = cat.color;
        ctx.fillRect(a, y + 0.5, wpx, h);
      } else if (!committed) {
        ctx.strokeStyle = k.faint;
        ctx.strokeRect(a + 0.5, y + 1, wpx - 1, h - 1);
      }
      if ((b & MI_SLICE.DecommitPending) !== 0) {
        ctx.fillStyle = fillPattern(ctx, 'hatch', OKABE_ITO.orange);
        ctx.fillRect(a, y + 0.5, wpx, Math.max(3, h / 3));
      }
    }
    c0 = c1;
  }
  // Pages on top: each outlined in the colour of its kind, filled from the bottom by blocks in use.
  const p = m.pages;
  const segBytes = s.size[r] / SEG.cells;
  for (let i = 0; i < p.address.length; i++) {
    if (p.segment[i] !== r) continue;
    const start = p.address[i] - (p.address[i] % 65536);
    const c0 = (start - s.address[r]) / segBytes;
    const c1 = c0 + p.size[i] / segBytes;
    const a = cellToPx(v, c0);
    const b = cellToPx(v, c1);
    if (b < SEG.labelW || a > v.width) continue;
    const wpx = Math.max(1, b - a - SEG.pad);
    const f = p.reserved[i] > 0 ? p.used[i] / p.reserved[i] : 0;
    ctx.strokeStyle = OKABE_ITO.blue;
    ctx.lineWidth = 1;
    if (wpx > 3) ctx.strokeRect(a + 0.5, y + 1, wpx - 1, h - 1);
    ctx.fillStyle = OKABE_ITO.blue;
    ctx.fillRect(a, y + 0.5 + h * (1 - f), wpx, h * f);
    if (v.blockSize > 0 && p.blockSize[i] === v.blockSize) {
      ctx.fillStyle = SELECTION_COLOR;
      ctx.fillRect(a, y, Math.max(2, wpx), 2.5);
    }
    const ch = v.changes?.get(p.address[i]);
    if (ch) {
      ctx.fillStyle = CHANGE[ch];
      ctx.fillRect(a, y + h - 1.5, wpx, 2.5);
    }
  }
  const segChange = v.changes?.get(s.address[r]);
  if (segChange) {
    ctx.fillStyle = CHANGE[segChange];
    ctx.fillRect(SEG.labelW, y + h - 1.5, 3, 2.5);
  }
  const sel = v.selected;
  const end = s.address[r] + s.size[r];
  if (sel && sel[0] < end && s.address[r] < sel[1]) {
    const a = cellToPx(v, Math.max(0, (sel[0] - s.address[r]) / segBytes));
    const b = cellToPx(v, Math.min(SEG.cells, (sel[1] - s.address[r]) / segBytes));
    ctx.strokeStyle = SELECTION_COLOR;
    ctx.lineWidth = 2;
    ctx.strokeRect(a - 0.5, y - 0.5, Math.max(3, b - a) + 1, v.rowH);
  }
  if (v.cursor && v.cursor.row === r) {
    const a = cellToPx(v, v.cursor.cell);
    ctx.strokeStyle = k.text;
    ctx.lineWidth = 1;
    ctx.setLineDash([2, 2]);
    ctx.strokeRect(a - 1.5, y, Math.max(4, cellToPx(v, v.cursor.cell + 1) - a) + 3, v.rowH - 1);
    ctx.setLineDash([]);
  }
}

/** The segment row and slice cell under a point, or null. */
export function hitCell(v: SegmentView, x: number, y: number): { row: number; cell: number } | null {
  const row = Math.floor(y / v.rowH);
  const cell = Math.floor(pxToCell(v, x));
  if (row < 0 || row >= v.m.segments.address.length || x < SEG.labelW || cell < 0 || cell >= SEG.cells)
    return null;
  return { row, cell };
}
