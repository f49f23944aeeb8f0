import type { ArenaColumns } from '../../engine/trace/snapshot';
import { SELECTION_COLOR, ink, sizeClassColor } from '../../derive/palette';
import { Change } from '../../derive/diff';
import { type DrawTarget, context2d } from '../frame/useCanvas';

/**
 * Spaces: arena row r, pool column c (0..63) → CSS px (labelW + c·cellW, r·rowH). A pool cell is
 * outlined in its size class's colour and filled from the bottom by the share of its blocks in use;
 * empty pools are outlined grey, never-carved ones dotted. rowH is the zoom (+ − in the view).
 */
export const GRID = { labelW: 92, rowH: 14, pad: 1 };

const NUMBLOCKS = Array.from({ length: 32 }, (_, i) => Math.floor((16384 - 48) / ((i + 1) * 16)));
const CHANGE = ['', '#009E73', '#CC79A7', '#E69F00'];

export interface ArenaView {
  arenas: ArenaColumns;
  width: number;
  height: number;
  rowH: number;
  selected: [number, number] | null;
  openPool: number | null;
  /** The keyboard cursor (row, column), or null. */
  cursor: { row: number; col: number } | null;
  pools: Map<number, Change> | null;
  newArenas: Set<number> | null;
}

export function drawArenas(canvas: DrawTarget, v: ArenaView): void {
  const ctx = context2d(canvas, v.width, v.height);
  if (!ctx) return;
  const a = v.arenas;
  const rowH = v.rowH;
  const cellW = (v.width - GRID.labelW) / 64;
  const c = ink();
  ctx.font = `${Math.min(12, Math.max(9, rowH - 4))}px ui-monospace, monospace`;
  ctx.textBaseline = 'middle';
  for (let r = 0; r < a.count; r++) {
    const y = r * rowH;
    const base = a.address[r];
    ctx.fillStyle = v.newArenas?.has(base) ? CHANGE[Change.New] : c.text;
    ctx.fillText('0x' + base.toString(16), 2, y + rowH / 2);
    for (let col = 0; col < a.poolCount[r]; col++) {
      const j = r * 64 + col;
      const x = GRID.labelW + col * cellW;
      const w = Math.max(1, cellW - GRID.pad);
      const h = rowH - GRID.pad - 1;
      const st = a.poolState[j];
      const poolAddr = a.firstPool[r] + col * 16384;
      if (st === 0) {
        ctx.fillStyle = c.faint;
        ctx.fillRect(x + w / 2 - 0.5, y + h / 2, 1.5, 1.5);
      } else {
        const cls = a.poolClass[j];
        const color = cls < 32 ? sizeClassColor(cls) : '#999';
        ctx.strokeStyle = st === 1 ? c.faint : color;
        ctx.lineWidth = 1;
        ctx.strokeRect(x + 0.5, y + 0.5, w - 1, h);
        if (st >= 2 && cls < 32) {
          const f = Math.min(1, a.poolUsed[j] / NUMBLOCKS[cls]);
          ctx.fillStyle = color;
          ctx.fillRect(x + 0.5, y + 0.5 + h * (1 - f), w - 1, h * f);
        }
      }
      const ch = v.pools?.get(poolAddr);
      if (ch) {
        ctx.fillStyle = CHANGE[ch];
        ctx.fillRect(x + 0.5, y + h - 1, w - 1, 2.5);
      }
      if (
        (v.selected && v.selected[0] < poolAddr + 16384 && poolAddr < v.selected[1]) ||
        v.openPool === poolAddr
      ) {
        ctx.strokeStyle = SELECTION_COLOR;
        ctx.lineWidth = 2;
        ctx.strokeRect(x - 0.5, y - 0.5, w + 1, h + 2);
      }
      if (v.cursor && v.cursor.row === r && v.cursor.col === col) {
        ctx.strokeStyle = c.text;
        ctx.lineWidth = 1;
        ctx.setLineDash([2, 2]);
        ctx.strokeRect(x - 2, y - 1.5, w + 4, h + 4);
        ctx.setLineDash([]);
      }
    }
    if (v.selected && v.selected[0] <= base && base + (1 << 20) <= v.selected[1]) {
      ctx.strokeStyle = SELECTION_COLOR;
      ctx.lineWidth = 2;
      ctx.strokeRect(1, y + 0.5, v.width - 2, rowH - 1);
    }
  }
}

/** The arena row and pool column under a point, or null. */
export function hitPool(
  a: ArenaColumns,
  width: number,
  rowH: number,
  x: number,
  y: number,
): { row: number; col: number } | null {
  const row = Math.floor(y / rowH);
  const col = Math.floor((x - GRID.labelW) / ((width - GRID.labelW) / 64));
  if (row < 0 || row >= a.count || col < 0 || col >= a.poolCount[row]) return null;
  return { row, col };
}
