import { useEffect, useId, useRef, useState } from 'react';
import { OKABE_ITO, SELECTION_COLOR, ink } from '../../derive/palette';
import { requestDraw } from '../frame/scheduler';
import { context2d } from '../frame/useCanvas';

/** UNIT_BLOCK state → fill (the same colours as the block buttons' classes in styles.css). */
const FILL = ['', '', OKABE_ITO.blue, OKABE_ITO.purple, OKABE_ITO.yellow, OKABE_ITO.orange];
const CELL = 9;

/**
 * A dense block grid (a mimalloc page of 4,096 16-byte blocks) on one canvas: one cell a block,
 * in address order, row after row. Focused: arrows move the cursor block by block (↑ ↓ a row),
 * Enter selects it; the cursor's words are read out.
 */
export function BlockCanvas({
  states,
  selected,
  onPick,
  describe,
}: {
  states: Uint8Array;
  selected: number;
  onPick: (b: number) => void;
  describe: (b: number, s: number) => string;
}): React.JSX.Element {
  const ref = useRef<HTMLCanvasElement | null>(null);
  const box = useRef<HTMLDivElement | null>(null);
  const [width, setWidth] = useState(0);
  const [cursor, setCursor] = useState(Math.max(0, selected));
  const descId = useId();
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(Math.floor(el.clientWidth)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const cols = Math.max(1, Math.floor(width / CELL));
  const height = Math.ceil(states.length / cols) * CELL;
  useEffect(() => {
    const c = ref.current;
    if (!c || width === 0) return;
    requestDraw(`unit-blocks${descId}`, () => {
      const ctx = context2d(c, width, height);
      if (!ctx) return;
      const k = ink();
      for (let b = 0; b < states.length; b++) {
        const x = (b % cols) * CELL;
        const y = Math.floor(b / cols) * CELL;
        const s = states[b];
        if (s === 0) {
          ctx.strokeStyle = k.faint;
          ctx.strokeRect(x + 1.5, y + 1.5, CELL - 3, CELL - 3);
        } else if (s === 1) {
          ctx.strokeStyle = OKABE_ITO.purple;
          ctx.strokeRect(x + 1.5, y + 1.5, CELL - 3, CELL - 3);
        } else {
          ctx.fillStyle = FILL[s];
          ctx.fillRect(x + 1, y + 1, CELL - 2, CELL - 2);
        }
        if (b === selected || b === cursor) {
          ctx.strokeStyle = b === selected ? SELECTION_COLOR : k.text;
          ctx.lineWidth = 2;
          ctx.strokeRect(x, y, CELL, CELL);
          ctx.lineWidth = 1;
        }
      }
    });
  });
  const move = (b: number): void => setCursor(Math.max(0, Math.min(states.length - 1, b)));
  const onKey = (e: React.KeyboardEvent): void => {
    if (e.key === 'ArrowRight') move(cursor + 1);
    else if (e.key === 'ArrowLeft') move(cursor - 1);
    else if (e.key === 'ArrowDown') move(cursor + cols);
    else if (e.key === 'ArrowUp') move(cursor - cols);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(states.length - 1);
    else if (e.key === 'Enter') onPick(cursor);
    else return;
    e.preventDefault();
    e.stopPropagation();
  };
  return (
    <div ref={box} className="block-canvas-box">
      <canvas
        ref={ref}
        className="view-canvas"
        style={{ width: '100%', height }}
        tabIndex={0}
        role="application"
        aria-roledescription="block grid"
        aria-label={`${states.length.toLocaleString('en-US')} blocks: arrows move, Enter selects`}
        aria-describedby={descId}
        onKeyDown={onKey}
        onClick={(e) => {
          const r = e.currentTarget.getBoundingClientRect();
          const b = Math.floor((e.clientY - r.top) / CELL) * cols + Math.floor((e.clientX - r.left) / CELL);
          if (b >= 0 && b < states.length) {
            setCursor(b);
            onPick(b);
          }
        }}
      />
      <p id={descId} className="sr-only" aria-live="polite">
        {describe(cursor, states[cursor] ?? 0)}
      </p>
    </div>
  );
}
