/** Export: a view as PNG (its canvas) or SVG (canvas image plus its SVG overlay), the report as JSON. */

function download(name: string, blob: Blob): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

export const VIEWS = [
  { id: 'timeline', label: 'Timeline', selector: '.timeline' },
  { id: 'address-map', label: 'Address space', selector: '.address-map' },
  { id: 'glibc', label: 'glibc heap', selector: '.glibc' },
  { id: 'pymalloc', label: 'pymalloc', selector: '.pymalloc' },
] as const;

function parts(selector: string): { canvas: HTMLCanvasElement; overlay: SVGSVGElement | null } | null {
  const root = document.querySelector(selector);
  const canvas = root?.querySelector('canvas');
  if (!root || !canvas) return null;
  return { canvas, overlay: root.querySelector('svg.overlay') };
}

export function exportPng(id: (typeof VIEWS)[number]['id']): void {
  const v = VIEWS.find((x) => x.id === id)!;
  const p = parts(v.selector);
  if (!p) return;
  p.canvas.toBlob((b) => b && download(`highwater-${id}.png`, b), 'image/png');
}

export function exportSvg(id: (typeof VIEWS)[number]['id']): void {
  const v = VIEWS.find((x) => x.id === id)!;
  const p = parts(v.selector);
  if (!p) return;
  const w = p.canvas.clientWidth;
  const h = p.canvas.clientHeight;
  const overlay = p.overlay
    ? new XMLSerializer()
        .serializeToString(p.overlay)
        .replace(/<svg[^>]*>/, '')
        .replace(/<\/svg>$/, '')
    : '';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="system-ui, sans-serif" font-size="10"><image href="${p.canvas.toDataURL('image/png')}" width="${w}" height="${h}"/>${overlay}</svg>`;
  download(`highwater-${id}.svg`, new Blob([svg], { type: 'image/svg+xml' }));
}

export function exportReport(json: string): void {
  download('highwater-report.json', new Blob([json], { type: 'application/json' }));
}
