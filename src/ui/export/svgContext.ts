/**
 * The part of CanvasRenderingContext2D the views draw with, recorded as SVG elements, so an export
 * is a real vector file (paths and text) drawn by the same code as the screen. Units are CSS
 * pixels. Clipping keeps one rectangle at a time (all the views need).
 */
const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n = (x: number): string => (Math.round(x * 100) / 100).toString();

interface State {
  fillStyle: string;
  strokeStyle: string;
  lineWidth: number;
  font: string;
  textBaseline: CanvasTextBaseline;
  textAlign: CanvasTextAlign;
  globalAlpha: number;
  dash: number[];
  clip: string | null;
}

export class SvgContext {
  private out: string[] = [];
  private defs = new Map<string, string>();
  private path = '';
  private pendingClip: string | null = null;
  private clips = 0;
  private st: State = {
    fillStyle: '#000',
    strokeStyle: '#000',
    lineWidth: 1,
    font: '10px sans-serif',
    textBaseline: 'alphabetic',
    textAlign: 'start',
    globalAlpha: 1,
    dash: [],
    clip: null,
  };
  private stack: State[] = [];
  private measure: CanvasRenderingContext2D | null;

  constructor() {
    // Text widths from a real canvas, so labels are placed as on screen.
    this.measure = typeof document !== 'undefined' ? document.createElement('canvas').getContext('2d') : null;
  }

  get fillStyle(): string {
    return this.st.fillStyle;
  }
  set fillStyle(v: string) {
    this.st.fillStyle = String(v);
  }
  get strokeStyle(): string {
    return this.st.strokeStyle;
  }
  set strokeStyle(v: string) {
    this.st.strokeStyle = String(v);
  }
  get lineWidth(): number {
    return this.st.lineWidth;
  }
  set lineWidth(v: number) {
    this.st.lineWidth = v;
  }
  get font(): string {
    return this.st.font;
  }
  set font(v: string) {
    this.st.font = v;
  }
  get textBaseline(): CanvasTextBaseline {
    return this.st.textBaseline;
  }
  set textBaseline(v: CanvasTextBaseline) {
    this.st.textBaseline = v;
  }
  get textAlign(): CanvasTextAlign {
    return this.st.textAlign;
  }
  set textAlign(v: CanvasTextAlign) {
    this.st.textAlign = v;
  }
  get globalAlpha(): number {
    return this.st.globalAlpha;
  }
  set globalAlpha(v: number) {
    this.st.globalAlpha = v;
  }

  save(): void {
    this.stack.push({ ...this.st, dash: [...this.st.dash] });
  }
  restore(): void {
    this.st = this.stack.pop() ?? this.st;
  }
  setLineDash(d: number[]): void {
    this.st.dash = [...d];
  }
  setTransform(): void {
    // The figure places the view with a <g transform>: nothing to do.
  }
  clearRect(): void {
    // The figure's background is white already.
  }
  measureText(text: string): TextMetrics {
    if (this.measure) {
      this.measure.font = this.st.font;
      return this.measure.measureText(text);
    }
    return { width: text.length * 6 } as TextMetrics;
  }

  beginPath(): void {
    this.path = '';
    this.pendingClip = null;
  }
  moveTo(x: number, y: number): void {
    this.path += `M${n(x)} ${n(y)}`;
  }
  lineTo(x: number, y: number): void {
    this.path += `L${n(x)} ${n(y)}`;
  }
  closePath(): void {
    this.path += 'Z';
  }
  rect(x: number, y: number, w: number, h: number): void {
    this.path += `M${n(x)} ${n(y)}h${n(w)}v${n(h)}h${n(-w)}Z`;
    this.pendingClip = `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}"/>`;
  }
  clip(): void {
    if (!this.pendingClip) return;
    const id = `clip${++this.clips}`;
    this.defs.set(id, `<clipPath id="${id}">${this.pendingClip}</clipPath>`);
    this.st.clip = id;
  }

  private attrs(kind: 'fill' | 'stroke'): string {
    const a = this.st.globalAlpha < 1 ? ` opacity="${n(this.st.globalAlpha)}"` : '';
    const c = this.st.clip ? ` clip-path="url(#${this.st.clip})"` : '';
    if (kind === 'fill') return ` fill="${esc(this.st.fillStyle)}"${a}${c}`;
    const d = this.st.dash.length ? ` stroke-dasharray="${this.st.dash.join(' ')}"` : '';
    return ` fill="none" stroke="${esc(this.st.strokeStyle)}" stroke-width="${n(this.st.lineWidth)}"${d}${a}${c}`;
  }
  fill(): void {
    if (this.path) this.out.push(`<path d="${this.path}"${this.attrs('fill')}/>`);
  }
  stroke(): void {
    if (this.path) this.out.push(`<path d="${this.path}"${this.attrs('stroke')}/>`);
  }
  fillRect(x: number, y: number, w: number, h: number): void {
    if (w <= 0 || h <= 0) return;
    this.out.push(`<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}"${this.attrs('fill')}/>`);
  }
  strokeRect(x: number, y: number, w: number, h: number): void {
    this.out.push(`<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}"${this.attrs('stroke')}/>`);
  }
  fillText(text: string, x: number, y: number): void {
    const px = /(\d+(?:\.\d+)?)px/.exec(this.st.font)?.[1] ?? '10';
    const family = this.st.font.includes('mono') ? 'ui-monospace, monospace' : 'system-ui, sans-serif';
    const base =
      { top: 'hanging', middle: 'middle', bottom: 'text-after-edge' }[this.st.textBaseline as string] ??
      'alphabetic';
    const anchor = { center: 'middle', right: 'end', end: 'end' }[this.st.textAlign as string] ?? 'start';
    this.out.push(
      `<text x="${n(x)}" y="${n(y)}" font-size="${px}" font-family="${family}" dominant-baseline="${base}" text-anchor="${anchor}"${this.attrs('fill')}>${esc(text)}</text>`,
    );
  }

  /** An SVG <pattern> for the hatch and dot fills (useCanvas.fillPattern asks for it). */
  svgPattern(kind: string, color: string): string {
    const id = `pat-${kind}-${color.replace(/[^a-z0-9]/gi, '')}`;
    if (!this.defs.has(id)) {
      const mark =
        kind === 'hatch'
          ? '<path d="M0 6L6 0" stroke="rgba(0,0,0,0.55)" stroke-width="1.2"/>'
          : '<rect x="2" y="2" width="2" height="2" fill="rgba(0,0,0,0.55)"/>';
      this.defs.set(
        id,
        `<pattern id="${id}" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="${esc(color)}"/>${mark}</pattern>`,
      );
    }
    return `url(#${id})`;
  }

  /** The recorded drawing: defs and elements, to place inside a figure. */
  body(): { defs: string; elements: string } {
    return { defs: [...this.defs.values()].join(''), elements: this.out.join('') };
  }
}

/** The recorder, typed as the context the draw functions take. */
export const svgContext = (): { ctx: CanvasRenderingContext2D; rec: SvgContext } => {
  const rec = new SvgContext();
  return { ctx: rec as unknown as CanvasRenderingContext2D, rec };
};
