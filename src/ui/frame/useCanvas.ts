import { useEffect, useRef, useState } from 'react';

/**
 * A canvas sized to its box in device pixels. Spaces: CSS pixels (what layout and pointer events
 * use) and device pixels (the backing store, CSS × devicePixelRatio); draw code works in CSS pixels
 * after the context is scaled.
 */
export function useCanvasBox(): {
  ref: React.RefObject<HTMLCanvasElement | null>;
  width: number;
  height: number;
} {
  const ref = useRef<HTMLCanvasElement | null>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(() => {
      const r = el.getBoundingClientRect();
      setSize({ width: Math.floor(r.width), height: Math.floor(r.height) });
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return { ref, ...size };
}

/** Where a view draws: its canvas on screen, or a context an export hands in (export/svgContext). */
export type DrawTarget = HTMLCanvasElement | CanvasRenderingContext2D;

/**
 * The 2-D context scaled so 1 unit = 1 CSS pixel, with the backing store resized if needed. A
 * context handed in (an export) is used as it is: the figure around it sets its size.
 */
export function context2d(
  target: DrawTarget,
  width: number,
  height: number,
): CanvasRenderingContext2D | null {
  if (!('getContext' in target)) return target;
  const canvas = target;
  const dpr = window.devicePixelRatio || 1;
  const w = Math.max(1, Math.round(width * dpr));
  const h = Math.max(1, Math.round(height * dpr));
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  return ctx;
}

const patternCache = new Map<string, CanvasPattern | null>();

/** Hatch and dot patterns drawn beside colour, so free-list kinds differ without hue. */
export function fillPattern(
  ctx: CanvasRenderingContext2D,
  kind: string,
  color: string,
): string | CanvasPattern {
  if (kind === 'solid') return color;
  // An SVG export names its own <pattern> instead of a bitmap tile.
  const svg = (ctx as unknown as { svgPattern?: (kind: string, color: string) => string }).svgPattern;
  if (svg) return svg.call(ctx, kind, color);
  const key = kind + color;
  if (!patternCache.has(key)) {
    const c = document.createElement('canvas');
    c.width = 6;
    c.height = 6;
    const g = c.getContext('2d')!;
    g.fillStyle = color;
    g.fillRect(0, 0, 6, 6);
    g.fillStyle = 'rgba(0,0,0,0.55)';
    g.strokeStyle = 'rgba(0,0,0,0.55)';
    if (kind === 'hatch') {
      g.lineWidth = 1.2;
      g.beginPath();
      g.moveTo(0, 6);
      g.lineTo(6, 0);
      g.stroke();
    } else {
      g.fillRect(2, 2, 2, 2);
    }
    patternCache.set(key, ctx.createPattern(c, 'repeat'));
  }
  return patternCache.get(key) ?? color;
}
