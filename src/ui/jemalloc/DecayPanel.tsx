import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { projectDecay, pagesAfter, type DecayProjection } from '../../derive/jemallocDecay';
import type { JemallocArenaSection, JemallocSection } from '../../engine/libc/section';
import { fmtBytes } from '../format';
import { Term } from '../help/Term';

const PAGE = 4096;
const W = 180;
const H = 36;

/** Seconds of the simulated clock, as the panel says them. */
export const secs = (ns: number): string => `${(ns / 1e9).toFixed(ns < 1e10 ? 2 : 1)} s`;

/** The curve of pages that may still wait, from now to when none may (D3 computes the path, React draws it). */
function Curve({ p, nowNs }: { p: DecayProjection; nowNs: number }): React.JSX.Element | null {
  const pts = p.points.filter((q) => q.tNs >= nowNs || q === p.points[0]);
  if (pts.length < 2 || p.pages === 0) return null;
  const t1 = pts[pts.length - 1].tNs;
  const x = scaleLinear()
    .domain([nowNs, Math.max(nowNs + 1, t1)])
    .range([2, W - 2]);
  const y = scaleLinear()
    .domain([0, p.pages])
    .range([H - 2, 2]);
  const path = line<{ tNs: number; pages: number }>()
    .x((q) => x(Math.max(nowNs, q.tNs)))
    .y((q) => y(q.pages))(pts);
  return (
    <svg
      width={W}
      height={H}
      className="decay-curve"
      role="img"
      aria-label="pages that may still wait, from now on"
    >
      <path d={path ?? ''} fill="none" stroke="currentColor" strokeWidth={1.5} />
      <line x1={2} x2={W - 2} y1={H - 1.5} y2={H - 1.5} stroke="currentColor" strokeOpacity={0.3} />
    </svg>
  );
}

function ArenaDecay({ a, j }: { a: JemallocArenaSection; j: JemallocSection }): React.JSX.Element {
  const now = j.nowNs;
  const dirty = projectDecay(a.dirty, a.dirtyPages);
  const name = a.huge ? `Arena ${a.index} (blocks ≥ ${fmtBytes(j.oversizeThreshold)})` : `Arena ${a.index}`;
  let text: string;
  if (a.dirtyPages === 0) text = 'no dirty pages waiting.';
  else if (a.dirty.decayMs === 0)
    text = `${fmtBytes(a.dirtyPages * PAGE)} dirty: decay is 0, so the next call purges them.`;
  else if (a.dirty.decayMs < 0)
    text = `${fmtBytes(a.dirtyPages * PAGE)} dirty: decay is off (−1), they are never purged.`;
  else {
    const s1 = pagesAfter(dirty, now, 1e9) * PAGE;
    const s5 = pagesAfter(dirty, now, 5e9) * PAGE;
    text =
      `${fmtBytes(a.dirtyPages * PAGE)} dirty, resident and free. By the ${a.dirty.decayMs / 1000} s curve, ` +
      `${fmtBytes(s1)} may still wait 1 s from now, ${fmtBytes(s5)} after 5 s` +
      (dirty.emptyAtNs !== null ? `, none after ${secs(dirty.emptyAtNs)}` : '') +
      '. Each purge happens at the first allocator call after its epoch (every ' +
      `${(a.dirty.intervalNs / 1e6).toFixed(0)} ms); with no call, nothing is purged.`;
  }
  return (
    <li>
      <strong>{name}</strong>
      {a.threads > 0 ? ` (${a.threads} thread${a.threads > 1 ? 's' : ''})` : ''}: {text}
      {a.muzzyPages > 0 &&
        ` ${fmtBytes(a.muzzyPages * PAGE)} muzzy (MADV_FREE: the kernel takes them when it needs memory).`}{' '}
      {a.dirty.decayMs > 0 && a.dirtyPages > 0 && <Curve p={dirty} nowNs={now} />}
    </li>
  );
}

/**
 * jemalloc's decay, arena by arena: the dirty pages waiting, how the smoother-step curve lets them
 * go on the simulated clock, and what retain keeps. The arenas with nothing to say are left out.
 */
export function DecayPanel({ j }: { j: JemallocSection }): React.JSX.Element {
  const arenas = j.arenas.filter((a) => a.dirtyPages + a.muzzyPages + a.activePages > 0);
  return (
    <div className="decay" data-testid="jemalloc-decay">
      <h3>
        <Term word="decay">Decay</Term>{' '}
        <span className="muted">
          (now {secs(j.nowNs)} on the simulated clock; dirty_decay_ms {j.decay.dirtyMs}, muzzy_decay_ms{' '}
          {j.decay.muzzyMs})
        </span>
      </h3>
      <ul>
        {arenas.map((a) => (
          <ArenaDecay key={a.index} a={a} j={j} />
        ))}
      </ul>
      {j.stats.retained > 0 && (
        <p className="muted">
          {fmtBytes(j.stats.retained)} <Term word="retained" />: address space kept after purging
          (opt.retain), not resident.
        </p>
      )}
    </div>
  );
}
