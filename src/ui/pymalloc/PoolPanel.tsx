import { useEffect, useState } from 'react';
import { engineClient } from '../../client/engineClient';
import { useRun } from '../../client/runStore';
import type { PoolDetail } from '../../protocol/messages';
import { usePlayhead } from '../../store/playhead';
import { useSelection } from '../../store/selection';
import { useViewport } from '../../store/viewport';
import { positionOf } from '../shell/sync';
import { hex } from '../format';

const BLOCK_CLASS = ['never', 'free', 'used'];
const BLOCK_LABEL = ['never carved', 'on the free list', 'in use'];

/** The open pool's blocks, asked from the worker for the position on screen. */
export function PoolPanel(): React.JSX.Element | null {
  const openPool = useViewport((s) => s.openPool);
  const snap = useRun((s) => s.snapshot);
  const [detail, setDetail] = useState<PoolDetail | null>(null);
  useEffect(() => {
    if (openPool === null || !snap) return;
    let live = true;
    void engineClient()
      .pool(openPool, positionOf(usePlayhead.getState()))
      .then((d) => live && setDetail(d));
    return () => {
      live = false;
    };
  }, [openPool, snap]);
  if (openPool === null) return null;
  if (!detail) return <div className="pool-panel muted">pool {hex(openPool)}: reading…</div>;
  const counts = [0, 0, 0];
  detail.states.forEach((s) => counts[s]++);
  const objects = new Map(detail.objects.map((o) => [o.block, o.label]));
  return (
    <div className="pool-panel" aria-label="Pool blocks">
      <div>
        pool {hex(detail.address)} · {detail.blockSize} B blocks · {counts[2]} in use, {counts[1]} free,{' '}
        {counts[0]} never carved
        <button type="button" className="link" onClick={() => useViewport.getState().setOpenPool(null)}>
          close
        </button>
      </div>
      <div className="blocks">
        {Array.from(detail.states, (s, b) => {
          const address = detail.address + 48 + b * detail.blockSize;
          return (
            <button
              type="button"
              key={b}
              className={`block ${BLOCK_CLASS[s]}`}
              title={`block ${b} at ${hex(address)}: ${BLOCK_LABEL[s]}${objects.has(b) ? ' — ' + objects.get(b) : ''}`}
              aria-label={`block ${b} ${BLOCK_LABEL[s]}`}
              onClick={() =>
                useSelection.getState().select({ kind: 'block', address, size: detail.blockSize })
              }
            />
          );
        })}
      </div>
      {objects.size > 0 && <div className="objects">{[...objects.values()].slice(0, 6).join(' · ')}</div>}
    </div>
  );
}
