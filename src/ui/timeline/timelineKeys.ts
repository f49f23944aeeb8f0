import type { TimelineAxis } from '../../derive/timelineAxis';
import { useViewport } from '../../store/viewport';

/**
 * Keys on the focused timeline: ← → step (as everywhere), + and − zoom around the playhead by 2×,
 * 0 fits the whole run. The zoom is stored in events, as the brush stores it.
 */
export function timelineKeys(
  e: React.KeyboardEvent,
  c: { axis: TimelineAxis; u: [number, number]; at: number; stepBy: (d: 1 | -1) => void },
): void {
  const zoom = (f: number): void => {
    const centre = c.axis.toU(c.at);
    const half = ((c.u[1] - c.u[0]) * f) / 2;
    const a = Math.max(0, centre - half);
    const b = Math.min(c.axis.total, centre + half);
    if (b - a >= c.axis.total - 1e-9) useViewport.getState().setTimelineDomain(null);
    else
      useViewport.getState().setTimelineDomain([Math.floor(c.axis.toEvent(a)), Math.ceil(c.axis.toEvent(b))]);
  };
  if (e.key === 'ArrowRight') c.stepBy(1);
  else if (e.key === 'ArrowLeft') c.stepBy(-1);
  else if (e.key === '+' || e.key === '=') zoom(0.5);
  else if (e.key === '-' || e.key === '_') zoom(2);
  else if (e.key === '0') useViewport.getState().setTimelineDomain(null);
  else return;
  e.preventDefault();
  e.stopPropagation();
}
