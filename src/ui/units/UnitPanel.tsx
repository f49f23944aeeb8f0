import { useEffect, useState } from 'react';
import { useRunData, useRunSource } from '../../client/runContext';
import type { LibcUnitDetail } from '../../engine/libc/section';
import { usePlayhead } from '../../store/playhead';
import { useSelection } from '../../store/selection';
import { useViewport } from '../../store/viewport';
import { rovingIndex, rovingKeys } from '../common/roving';
import { fmtBytes, hex } from '../format';
import { positionOf } from '../shell/sync';
import { BlockCanvas } from './BlockCanvas';

/** Per UNIT_BLOCK state: the class the grid draws it with, and its words. */
export const BLOCK_STYLE: { cls: string; label: string }[] = [
  { cls: 'never', label: 'not carved yet' },
  { cls: 'free', label: 'free' },
  { cls: 'used', label: 'in use' },
  { cls: 'cached', label: 'held by a thread cache' },
  { cls: 'local', label: 'on local_free' },
  { cls: 'remote', label: 'on thread_free' },
];

/** Grids up to this many blocks are buttons (each a Tab-stop-free target); denser ones a canvas. */
const BUTTONS_MAX = 256;

/**
 * The open slab's regions (jemalloc) or page's blocks (mimalloc), read from the worker for the
 * position on screen, as a grid: in use, free (numbered in the order the next allocations take
 * them), held by the thread cache, or on mimalloc's other free lists. A click selects the block
 * (the selection panel says which object lives there).
 */
export function UnitPanel(): React.JSX.Element | null {
  const open = useViewport((s) => s.openUnit);
  const src = useRunSource();
  const snap = useRunData((s) => s.snapshot);
  const selected = useSelection((s) => s.selected);
  const [detail, setDetail] = useState<{ at: number; d: LibcUnitDetail | null } | null>(null);
  useEffect(() => {
    if (open === null || !snap) return;
    let live = true;
    void src
      .client()
      .unit(open, positionOf(usePlayhead.getState()))
      .then((d) => live && setDetail({ at: open, d }));
    return () => {
      live = false;
    };
  }, [open, snap]);
  if (open === null) return null;
  const close = (
    <button type="button" className="link" onClick={() => useViewport.getState().setOpenUnit(null)}>
      close
    </button>
  );
  if (!detail || detail.at !== open)
    return (
      <div className="pool-panel muted" role="status" data-testid="unit-panel" tabIndex={-1}>
        {hex(open)}: reading… {close}
      </div>
    );
  const d = detail.d;
  if (!d)
    return (
      <div className="pool-panel" role="status" data-testid="unit-panel" tabIndex={-1}>
        Nothing with blocks is at {hex(open)} at this position (a large block, free pages, or a link made for
        another step). {close}
      </div>
    );
  const counts = BLOCK_STYLE.map(() => 0);
  d.states.forEach((s) => counts[s]++);
  const rank = new Map<number, number>();
  d.freeOrder.forEach((b, i) => rank.set(b, i + 1));
  const selBlock =
    selected?.kind === 'chunk' && selected.address >= d.blocksStart
      ? Math.round((selected.address - d.blocksStart) / d.blockSize)
      : -1;
  const pick = (b: number): void =>
    useSelection
      .getState()
      .select({ kind: 'chunk', address: d.blocksStart + b * d.blockSize, size: d.blockSize });
  /** The number a button shows: the order a free block is handed out in (up to 99). */
  const shown = (b: number): string => (rank.has(b) && rank.get(b)! <= 99 ? String(rank.get(b)) : '');
  // The accessible name starts with the number shown, so speech and sight name the button alike.
  const words = (b: number, s: number): string =>
    `${shown(b) ? `${shown(b)}: ` : ''}block ${b} at ${hex(d.blocksStart + b * d.blockSize)}: ${BLOCK_STYLE[s].label}${rank.has(b) ? `, taken ${ordinal(rank.get(b)!)} by the next allocations` : ''}`;
  return (
    <div
      className="pool-panel unit-panel"
      role="group"
      aria-label="Blocks"
      data-testid="unit-panel"
      tabIndex={-1}
    >
      <div>
        {d.label} at {hex(d.address)} ({fmtBytes(d.size)}) ·{' '}
        {BLOCK_STYLE.map((b, s) => (counts[s] > 0 ? `${counts[s].toLocaleString('en-US')} ${b.label}` : ''))
          .filter(Boolean)
          .join(', ')}{' '}
        {close}
      </div>
      <ul className="legend">
        {BLOCK_STYLE.map((b, s) =>
          counts[s] > 0 ? (
            <li key={b.cls}>
              <span className={`swatch block-swatch ${b.cls}`} aria-hidden="true" /> {b.label}
            </li>
          ) : null,
        )}
        {d.freeOrder.length > 0 && <li>numbers: the order free blocks are handed out</li>}
      </ul>
      {d.states.length <= BUTTONS_MAX ? (
        <div className="blocks" onKeyDown={(e) => rovingKeys(e, 'button', true)}>
          {Array.from(d.states, (s, b) => (
            <button
              type="button"
              key={b}
              tabIndex={rovingIndex(b, selBlock)}
              className={`block ${BLOCK_STYLE[s].cls}${b === selBlock ? ' selected' : ''}`}
              title={words(b, s)}
              aria-label={words(b, s)}
              aria-pressed={b === selBlock}
              onClick={() => pick(b)}
            >
              {shown(b)}
            </button>
          ))}
        </div>
      ) : (
        <BlockCanvas states={d.states} selected={selBlock} onPick={pick} describe={words} />
      )}
    </div>
  );
}

const ordinal = (n: number): string =>
  n % 10 === 1 && n % 100 !== 11
    ? `${n}st`
    : n % 10 === 2 && n % 100 !== 12
      ? `${n}nd`
      : n % 10 === 3 && n % 100 !== 13
        ? `${n}rd`
        : `${n}th`;
