import { engineClient } from '../../client/engineClient';
import { useRun } from '../../client/runStore';
import { withLightInk } from '../../derive/palette';
import { scenarioById } from '../../scenarios';
import { useEditor } from '../../store/editor';
import { shareUrl } from '../shell/share';
import { VIEWS } from '../views';
import { figureOf, type FigureSpec, type LegendItem } from './figures';
import { svgContext } from './svgContext';

export type ExportKind = 'png' | 'svg';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function download(name: string, blob: Blob): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/** The figure's subtitle: the script and the position, as the explain panel says them. */
function subtitle(): string {
  const r = useRun.getState();
  const sc = scenarioById(useEditor.getState().scenarioId);
  const k = r.snapshot?.statement ?? 0;
  const st = k > 0 ? r.statements[k - 1] : null;
  const where = st ? `after line ${st.line}: ${st.code.trim().split('\n')[0]}` : 'at the start';
  const ev =
    r.shown?.event !== null && r.shown?.event !== undefined
      ? ` (event ${r.shown.event.toLocaleString('en-US')})`
      : '';
  return `${sc ? sc.title : 'Your script'} — ${where}${ev}`;
}

const TITLE_H = 44;
const LEGEND_ROW = 18;
const FOOT_H = 18;

function legendSvg(
  items: LegendItem[],
  width: number,
  rec: { svgPattern: (k: string, c: string) => string },
): { svg: string; height: number } {
  const parts: string[] = [];
  let x = 12;
  let y = 0;
  const measure = document.createElement('canvas').getContext('2d')!;
  measure.font = '11px system-ui, sans-serif';
  for (const it of items) {
    const w = 26 + measure.measureText(it.label).width + 14;
    if (x + w > width - 8 && x > 12) {
      x = 12;
      y += LEGEND_ROW;
    }
    const mark =
      it.mark === 'line'
        ? `<line x1="${x}" x2="${x + 20}" y1="${y + 9}" y2="${y + 9}" stroke="${it.color}" stroke-width="2"${it.dash?.length ? ` stroke-dasharray="${it.dash.join(' ')}"` : ''}/>`
        : `<rect x="${x}" y="${y + 3}" width="14" height="12" fill="${it.pattern && it.pattern !== 'solid' ? rec.svgPattern(it.pattern, it.color) : it.color}" stroke="#555" stroke-width="0.5"/>`;
    parts.push(
      `${mark}<text x="${x + 24}" y="${y + 13}" font-size="11" font-family="system-ui, sans-serif" fill="#222">${esc(it.label)}</text>`,
    );
    x += w;
  }
  return { svg: parts.join(''), height: items.length ? y + LEGEND_ROW + 4 : 0 };
}

/** The whole figure as an SVG document: white background, title, legend, the view, its axes. */
export function figureSvg(id: string, spec: FigureSpec): string {
  const label = VIEWS.find((v) => v.id === id)?.title ?? id;
  const { ctx, rec } = svgContext();
  withLightInk(() => spec.draw(ctx));
  const legend = legendSvg(spec.legend, spec.width, rec);
  const body = rec.body();
  const plotY = TITLE_H + legend.height;
  const h = plotY + spec.height + FOOT_H;
  const w = spec.width;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">`,
    `<defs>${body.defs}</defs>`,
    `<rect width="${w}" height="${h}" fill="#fff"/>`,
    `<text x="12" y="20" font-size="15" font-weight="600" font-family="system-ui, sans-serif" fill="#111">Highwater · ${esc(label)}</text>`,
    `<text x="12" y="37" font-size="12" font-family="system-ui, sans-serif" fill="#333">${esc(subtitle())}</text>`,
    `<g transform="translate(0,${TITLE_H})">${legend.svg}</g>`,
    `<g transform="translate(0,${plotY})" color="#222">${body.elements}${spec.overlay ?? ''}</g>`,
    `<text x="${w - 8}" y="${h - 5}" font-size="10" text-anchor="end" font-family="system-ui, sans-serif" fill="#666">Simulated CPython 3.11 · pymalloc · glibc 2.36 malloc · Linux x86-64</text>`,
    `</svg>`,
  ].join('');
}

/** PNG at 2× the on-screen size, drawn from the same SVG figure onto white. */
async function svgToPng(svg: string, w: number, h: number): Promise<Blob | null> {
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await img.decode();
  const c = document.createElement('canvas');
  c.width = w * 2;
  c.height = h * 2;
  const g = c.getContext('2d')!;
  g.fillStyle = '#fff';
  g.fillRect(0, 0, c.width, c.height);
  g.drawImage(img, 0, 0, c.width, c.height);
  return new Promise((res) => c.toBlob(res, 'image/png'));
}

/** Export a view; returns the file's name, or null when there is nothing to draw yet. */
export async function exportFigure(kind: ExportKind, id: string): Promise<string | null> {
  const spec = figureOf(id);
  if (!spec || !useRun.getState().snapshot) return null;
  const svg = figureSvg(id, spec);
  const name = `highwater-${id}.${kind}`;
  if (kind === 'svg') download(name, new Blob([svg], { type: 'image/svg+xml' }));
  else {
    const m = /width="(\d+(?:\.\d+)?)" height="(\d+(?:\.\d+)?)"/.exec(svg)!;
    const png = await svgToPng(svg, Number(m[1]), Number(m[2]));
    if (!png) return null;
    download(name, png);
  }
  return name;
}

/** The report of the run on screen (made by the worker from the run already done) with this page's link. */
export async function exportReport(): Promise<string | null> {
  if (!useRun.getState().statementEnd) return null;
  const json = await engineClient().report(shareUrl());
  if (!json) return null;
  download('highwater-report.json', new Blob([json], { type: 'application/json' }));
  return 'highwater-report.json';
}
