import { useEffect, useRef } from 'react';
import { select } from 'd3-selection';
import { zoom, zoomIdentity, zoomTransform, type ZoomBehavior } from 'd3-zoom';
import type { Zoom1D } from '../../store/viewport';

/**
 * One zoom grammar for the strip-like views: wheel or drag zooms and pans, double-click fits (as on
 * the timeline), + / − zoom by 2 around the middle or a point, 0 fits. (k, x) is d3-zoom's
 * transform on x, over the plot's span [left, width − right] so zooming never leaves the content.
 */
export function useZoom1D(
  ref: React.RefObject<HTMLCanvasElement | null>,
  box: { width: number; height: number; left: number; right: number; maxK: number },
  get: () => Zoom1D,
  set: (z: Zoom1D) => void,
  deps: unknown[],
): { zoomBy: (f: number, px?: number) => void; fit: () => void; zoomTo: (k: number, x: number) => void } {
  const behaviour = useRef<ZoomBehavior<HTMLCanvasElement, unknown> | null>(null);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas || box.width === 0) return;
    const b = zoom<HTMLCanvasElement, unknown>()
      .scaleExtent([1, Math.max(2, box.maxK)])
      .translateExtent([
        [box.left, 0],
        [box.width - box.right, box.height],
      ])
      .extent([
        [box.left, 0],
        [box.width - box.right, box.height],
      ])
      .on('zoom', (e: { transform: { k: number; x: number } }) =>
        set({ k: e.transform.k, x: e.transform.x }),
      );
    behaviour.current = b;
    const sel = select(canvas);
    sel.call(b);
    sel.on('dblclick.zoom', null);
    sel.on('dblclick.fit', () => sel.call(b.transform, zoomIdentity));
    // A zoom from a link or the store is clamped to what this view allows.
    const cur = get();
    sel.call(b.transform, zoomIdentity.translate(cur.x, 0).scale(Math.min(cur.k, Math.max(2, box.maxK))));
    return () => void sel.on('.zoom', null).on('dblclick.fit', null);
  }, [box.width, box.height, box.maxK, ...deps]);
  // A zoom set from outside (a Fit button, a link, Reset) moves d3's own transform too.
  const cur = get();
  useEffect(() => {
    const canvas = ref.current;
    const b = behaviour.current;
    if (!canvas || !b) return;
    const t = zoomTransform(canvas);
    if (t.k !== cur.k || t.x !== cur.x)
      select(canvas).call(b.transform, zoomIdentity.translate(cur.x, 0).scale(cur.k));
  }, [cur.k, cur.x]);
  const apply = (
    f: (
      sel: ReturnType<typeof select<HTMLCanvasElement, unknown>>,
      b: ZoomBehavior<HTMLCanvasElement, unknown>,
    ) => void,
  ): void => {
    const canvas = ref.current;
    const b = behaviour.current;
    if (canvas && b) f(select(canvas), b);
  };
  return {
    zoomBy: (f, px) =>
      apply((sel, b) => (px === undefined ? sel.call(b.scaleBy, f) : sel.call(b.scaleBy, f, [px, 0]))),
    fit: () => apply((sel, b) => sel.call(b.transform, zoomIdentity)),
    zoomTo: (k, x) => apply((sel, b) => sel.call(b.transform, zoomIdentity.translate(x, 0).scale(k))),
  };
}
