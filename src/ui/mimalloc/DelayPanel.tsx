import { mimallocPages } from '../../derive/mimallocPages';
import type { MimallocSection } from '../../engine/libc/section';
import { fmtBytes } from '../format';
import { Term } from '../help/Term';

const ms = (t: number): string => `${(t / 1000).toFixed(3)} s`;

/**
 * What mimalloc keeps committed and when it may let go: freed slices wait decommit_delay, empty
 * segments in the cache wait segment_decommit_delay, and both are checked only inside later
 * allocator calls (no timer), on the simulated clock.
 */
export function DelayPanel({ m }: { m: MimallocSection }): React.JSX.Element {
  const { pending } = mimallocPages(m, 0);
  const now = m.nowMs;
  return (
    <div className="decay" data-testid="mimalloc-delays">
      <h3>
        <Term word="decommit delay">Decommit</Term>{' '}
        <span className="muted">
          (now {ms(now)} on the simulated clock; decommit_delay {m.delays.decommitMs} ms,
          segment_decommit_delay {m.delays.segmentDecommitMs} ms)
        </span>
      </h3>
      <ul>
        <li>
          {fmtBytes(m.commit.current)} <Term word="committed" /> (peak {fmtBytes(m.commit.peak)}) in{' '}
          {m.segments.address.length} segments.
        </li>
        <li>
          {pending.bytes > 0
            ? `${fmtBytes(pending.bytes)} of freed slices in ${pending.segments} segment${pending.segments > 1 ? 's' : ''} wait for decommit: ` +
              (pending.firstExpireMs !== null && pending.firstExpireMs <= now
                ? `the delay has passed (since ${ms(pending.firstExpireMs)}), so the next allocator call in such a segment decommits them; with no call they stay.`
                : `they may go after ${ms(pending.firstExpireMs ?? 0)}, at the next allocator call in their segment.`)
            : 'No freed slices wait for decommit.'}
        </li>
        {m.cachedSegments > 0 && (
          <li>
            {m.cachedSegments} empty segment{m.cachedSegments > 1 ? 's' : ''} in the cache keep{' '}
            {fmtBytes(pending.cachedBytes)} committed
            {pending.cachedFirstExpireMs !== null
              ? ` until ${ms(pending.cachedFirstExpireMs)} (then a later call purges them)`
              : ''}
            .
          </li>
        )}
      </ul>
    </div>
  );
}
