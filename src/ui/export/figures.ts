/**
 * What each view hands the exporter: its size, a function drawing it into any context (the same
 * draw code as on screen), its legend, and SVG it already has as markup (the timeline's axes).
 */
export interface LegendItem {
  label: string;
  color: string;
  /** 'line' for a series (with its dash), else a swatch; hatch/dots patterns as on screen. */
  mark?: 'line' | 'swatch';
  dash?: number[];
  pattern?: string;
}

export interface FigureSpec {
  width: number;
  height: number;
  draw: (ctx: CanvasRenderingContext2D) => void;
  legend: LegendItem[];
  /** Extra SVG drawn over the plot (in the plot's coordinates). */
  overlay?: string;
}

const providers = new Map<string, () => FigureSpec | null>();

/** A view registers how to draw itself for export; returns the unregister function. */
export function registerFigure(id: string, f: () => FigureSpec | null): () => void {
  providers.set(id, f);
  return () => {
    if (providers.get(id) === f) providers.delete(id);
  };
}

export const figureOf = (id: string): FigureSpec | null => providers.get(id)?.() ?? null;
