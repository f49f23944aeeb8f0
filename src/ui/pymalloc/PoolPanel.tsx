import { useEffect, useState } from 'react';
import { useRunData, useRunSource } from '../../client/runContext';
import type { PoolDetail } from '../../protocol/messages';
import { usePlayhead } from '../../store/playhead';
import { useSelection } from '../../store/selection';
import { useViewport } from '../../store/viewport';
import { rovingIndex, rovingKeys } from '../common/roving';
import { positionOf } from '../shell/sync';
import { hex } from '../format';

const BLOCK_CLASS = ['never', 'free', 'used'];
const BLOCK_LABEL = ['never carved', 'on the free list', 'in use'];

/**
 * The open pool's blocks, asked from the worker for the position on screen. The blocks are one Tab
 * stop (arrows move between them); the selected block is marked; a pool that does not exist at
 * this position (a link made for another step) says so.
 */
export function PoolPanel(): React.JSX.Element | null {
  const openPool = useViewport((s) => s.openPool);
  const src = useRunSource();
  const snap = useRunData((s) => s.snapshot);
  const selected = useSelection((s) => s.selected);
  const [detail, setDetail] = useState<{ pool: number; d: PoolDetail | null } | null>(null);
  useEffect(() => {
    if (openPool === null || !snap) return;
    let live = true;
    void src
      .client()
      .pool(openPool, positionOf(usePlayhead.getState()))
      .then((d) => live && setDetail({ pool: openPool, d }));
    return () => {
      live = false;
    };
  }, [openPool, snap]);
  if (openPool === null) return null;
  const close = (
    <button type="button" className="link" onClick={() => useViewport.getState().setOpenPool(null)}>
      close
    </button>
  );
  if (!detail || detail.pool !== openPool)
    return (
      <div className="pool-panel muted" role="status">
        pool {hex(openPool)}: reading… {close}
      </div>
    );
  const d = detail.d;
  if (!d)
    return (
      <div className="pool-panel" role="status">
        No pymalloc pool is carved at {hex(openPool)} at this position. {close}
      </div>
    );
  const counts = [0, 0, 0];
  d.states.forEach((s) => counts[s]++);
  const objects = new Map(d.objects.map((o) => [o.block, o.label]));
  const selBlock =
    selected?.kind === 'block' ? Math.round((selected.address - d.address - 48) / d.blockSize) : -1;
  return (
    <div className="pool-panel" role="group" aria-label="Pool blocks">
      <div>
        pool {hex(d.address)} · {d.blockSize} B blocks · {counts[2]} in use, {counts[1]} free, {counts[0]}{' '}
        never carved
        {close}
      </div>
      <ul className="legend">
        <li>
          <span className="swatch" style={{ background: '#0072b2' }} aria-hidden="true" /> in use
        </li>
        <li>
          <span className="swatch block-free-swatch" aria-hidden="true" /> on the free list
        </li>
        <li>
          <span className="swatch block-never-swatch" aria-hidden="true" /> never carved
        </li>
      </ul>
      <div className="blocks" onKeyDown={(e) => rovingKeys(e, 'button', true)}>
        {Array.from(d.states, (s, b) => {
          const address = d.address + 48 + b * d.blockSize;
          const what = objects.get(b);
          return (
            <button
              type="button"
              key={b}
              tabIndex={rovingIndex(b, selBlock)}
              className={`block ${BLOCK_CLASS[s]}${b === selBlock ? ' selected' : ''}`}
              title={`block ${b} at ${hex(address)}: ${BLOCK_LABEL[s]}${what ? ' — ' + what : ''}`}
              aria-label={`block ${b} at ${hex(address)}: ${BLOCK_LABEL[s]}${what ? ', ' + what : ''}`}
              aria-pressed={b === selBlock}
              onClick={() => useSelection.getState().select({ kind: 'block', address, size: d.blockSize })}
            />
          );
        })}
      </div>
      {objects.size > 0 && <div className="objects">{[...objects.values()].slice(0, 6).join(' · ')}</div>}
    </div>
  );
}
