import type { ArenaColumns } from '../../engine/trace/snapshot';
import { SELECTION_COLOR, sizeClassColor } from '../../derive/palette';
import { type DrawTarget, context2d } from '../frame/useCanvas';

/**
 * Spaces: arena row r, pool column c (0..63) → CSS px (LABEL_W + c·cellW, r·ROW_H). A pool cell is
 * outlined in its size class's colour and filled from the bottom by the share of its blocks in use;
 * empty pools are outlined grey, never-carved ones dotted.
 */
export const GRID = { labelW: 92, rowH: 14, pad: 1 };

const NUMBLOCKS = Array.from({ length: 32 }, (_, i) => Math.floor((16384 - 48) / ((i + 1) * 16)));

export function drawArenas(
  canvas: DrawTarget,
  a: ArenaColumns,
  width: number,
  height: number,
  selected: [number, number] | null,
  openPool: number | null,
): void {
  const ctx = context2d(canvas, width, height);
  if (!ctx) return;
  const cellW = (width - GRID.labelW) / 64;
  ctx.font = '10px ui-monospace, monospace';
  ctx.textBaseline = 'middle';
  for (let r = 0; r < a.count; r++) {
    const y = r * GRID.rowH;
    const base = a.address[r];
    ctx.fillStyle = '#333';
    ctx.fillText('0x' + base.toString(16), 2, y + GRID.rowH / 2);
    for (let c = 0; c < a.poolCount[r]; c++) {
      const j = r * 64 + c;
      const x = GRID.labelW + c * cellW;
      const w = Math.max(1, cellW - GRID.pad);
      const h = GRID.rowH - GRID.pad - 1;
      const st = a.poolState[j];
      if (st === 0) {
        ctx.fillStyle = '#ccc';
        ctx.fillRect(x + w / 2 - 0.5, y + h / 2, 1.5, 1.5);
        continue;
      }
      const cls = a.poolClass[j];
      const color = cls < 32 ? sizeClassColor(cls) : '#999';
      ctx.strokeStyle = st === 1 ? '#bbb' : color;
      ctx.lineWidth = 1;
      ctx.strokeRect(x + 0.5, y + 0.5, w - 1, h);
      if (st >= 2 && cls < 32) {
        const f = Math.min(1, a.poolUsed[j] / NUMBLOCKS[cls]);
        ctx.fillStyle = color;
        ctx.fillRect(x + 0.5, y + 0.5 + h * (1 - f), w - 1, h * f);
      }
      const poolAddr = a.firstPool[r] + c * 16384;
      if ((selected && selected[0] < poolAddr + 16384 && poolAddr < selected[1]) || openPool === poolAddr) {
        ctx.strokeStyle = SELECTION_COLOR;
        ctx.lineWidth = 2;
        ctx.strokeRect(x - 0.5, y - 0.5, w + 1, h + 2);
      }
    }
    if (selected && selected[0] <= base && base + (1 << 20) <= selected[1]) {
      ctx.strokeStyle = SELECTION_COLOR;
      ctx.lineWidth = 2;
      ctx.strokeRect(1, y + 0.5, width - 2, GRID.rowH - 1);
    }
  }
}

/** The arena row and pool column under a point, or null. */
export function hitPool(
  a: ArenaColumns,
  width: number,
  x: number,
  y: number,
): { row: number; col: number } | null {
  const row = Math.floor(y / GRID.rowH);
  const col = Math.floor((x - GRID.labelW) / ((width - GRID.labelW) / 64));
  if (row < 0 || row >= a.count || col < 0 || col >= a.poolCount[row]) return null;
  return { row, col };
}
