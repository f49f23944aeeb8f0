import { parse } from '../syntax';
import type { Expr, Stmt } from '../syntax/ast';
import { ucdRecord } from '../modules/unicodedataDb';
import type { TracebackEntry } from './traceback';

/**
 * A frame's source lines and carets as 3.13 prints them. 3.13 prints every traceback through
 * Lib/traceback.py (PyErr_Display calls _print_exception_bltin), whose
 * StackSummary.format_frame_summary differs from 3.11/3.12's tb_displayline in C:
 * - a call is anchored too (`f(0)` gets `~^^^`: the callee `~`, its parentheses and arguments `^`),
 *   so a call that is the whole line now has carets (3.11 drops carets spanning the whole line);
 * - `return f(...)` and `x = f(...)` whose call spans the rest of the statement get none
 *   (_should_show_carets);
 * - an instruction over several lines prints them all (the first, the last and those beside the
 *   anchors; a longer gap as `...<N lines>...`), each with its own carets, dedented together;
 * - caret columns count East Asian wide characters twice (_display_width).
 * Measured on 3.13.0: tests/differential/tb_carets_313 (20 shapes, traceback.print_exc).
 */
export function frameLines313(e: TracebackEntry, source: string | null): string {
  if (e.line <= 0) return '';
  // FrameSummary: an unknown end line is the start line
  const endLine = e.endLine < 0 ? e.line : e.endLine;
  const src = source === null ? [] : source.split(/\r?\n/);
  // FrameSummary._set_lines: linecache's lines, each rstripped ('' past the end)
  const original: string[] = [];
  for (let ln = e.line; ln <= endLine; ln++) original.push(rstrip(src[ln - 1] ?? ''));
  const dedented = dedent(original.join('\n') + '\n');
  if (dedented.trim() === '') return '';
  if (e.col < 0 || e.endCol < 0) {
    const first = dedented.split('\n')[0].trim();
    return (first === '' ? '' : `    ${first}`) + '\n';
  }
  const firstLine = cps(original[0]);
  const lastLine = cps(original[endLine - e.line]);
  const allLines = dedented
    .split('\n')
    .slice(0, endLine - e.line + 1)
    .map(cps);
  const n = allLines.length;
  const dedentChars = firstLine.length - allLines[0].length;
  const startOff = Math.max(0, charOffset(firstLine, e.col) - dedentChars);
  const endOff = Math.max(0, charOffset(lastLine, e.endCol) - dedentChars);
  const dpStart = displayWidth(allLines[0], startOff);
  const dpEnd = displayWidth(allLines[n - 1], endOff);
  const joined = cps(allLines.map((l) => l.join('')).join('\n'));
  const segment = joined.slice(startOff, joined.length - (allLines[n - 1].length - endOff)).join('');
  let anchors: Anchors | null = null;
  try {
    anchors = caretAnchors(segment);
  } catch {
    anchors = null; // format_frame_summary: `with suppress(Exception)`
  }
  const show = shouldShowCarets(startOff, endOff, allLines, anchors);
  const significant = new Set([0, n - 1]);
  let leftOff = 0;
  let rightOff = 0;
  if (anchors) {
    leftOff = anchors.leftLine === 0 ? anchors.leftCol + startOff : anchors.leftCol;
    rightOff = anchors.rightLine === 0 ? anchors.rightCol + startOff : anchors.rightCol;
    leftOff = displayWidth(allLines[anchors.leftLine], leftOff);
    rightOff = displayWidth(allLines[anchors.rightLine], rightOff);
    for (const at of [anchors.leftLine, anchors.rightLine])
      for (let d = -1; d <= 1; d++) significant.add(at + d);
  }
  significant.delete(-1);
  significant.delete(n);
  let result = '';
  const outputLine = (ln: number): void => {
    const line = allLines[ln];
    result += line.join('') + '\n';
    if (!show) return;
    let spaces = 0;
    while (spaces < line.length && isSpace(line[spaces])) spaces++;
    const count = ln === n - 1 ? dpEnd : displayWidth(line, line.length);
    let carets = '';
    for (let col = 0; col < count; col++) {
      if (col < spaces || (ln === 0 && col < dpStart)) carets += ' ';
      else if (
        anchors &&
        (ln > anchors.leftLine || (ln === anchors.leftLine && col >= leftOff)) &&
        (ln < anchors.rightLine || (ln === anchors.rightLine && col < rightOff))
      )
        carets += '^';
      else carets += anchors ? '~' : '^';
    }
    result += carets + '\n';
  };
  const sig = [...significant].sort((a, b) => a - b);
  sig.forEach((ln, i) => {
    if (i) {
      const gap = ln - sig[i - 1];
      if (gap === 2) outputLine(ln - 1);
      else if (gap > 2) result += `...<${gap - 1} lines>...\n`;
    }
    outputLine(ln);
  });
  // textwrap.indent(textwrap.dedent(...), '    ', lambda line: True): every line, blank ones too
  return dedent(result)
    .split(/(?<=\n)/)
    .map((l) => (l === '' ? '' : `    ${l}`))
    .join('');
}

/** _Anchors: where the `~` part ends and the `^` part starts (line in the segment, code-point column). */
interface Anchors {
  leftLine: number;
  leftCol: number;
  rightLine: number;
  rightCol: number;
}

/**
 * _extract_caret_anchors_from_line_segment: the segment parsed as `(\n SEGMENT \n)`; a binary
 * operation anchors its operator, a subscript its brackets, a call its parentheses. Throws where
 * the real helper would (a column past the segment), which the caller treats as no anchors.
 */
function caretAnchors(segment: string): Anchors | null {
  let body: Stmt[];
  try {
    body = parse(`(\n${segment}\n)`).body;
  } catch {
    return null;
  }
  if (body.length !== 1 || body[0].k !== 'Expr') return null;
  const expr: Expr = body[0].value;
  const lines = segment.split('\n').map(cps);
  const normalize = (ln: number, byteOff: number): number => charOffset(lines[ln], byteOff);
  const nextValid = (ln: number, col: number): [number, number] => {
    while (ln < lines.length && col >= lines[ln].length) {
      col = 0;
      ln++;
    }
    if (!(ln < lines.length && col < lines[ln].length)) throw new Error('no valid character');
    return [ln, col];
  };
  const incrementUntil = (ln: number, col: number, stop: (c: string) => boolean): [number, number] => {
    for (;;) {
      const ch = lines[ln][col];
      if (ch === undefined) throw new Error('past the line');
      if (ch === '\\' || ch === '#') [ln, col] = nextValid(ln + 1, 0);
      else if (!stop(ch)) [ln, col] = nextValid(ln, col + 1);
      else return [ln, col];
    }
  };
  // the `(\n` line shifts every position down one: ast line L is segment line L - 2
  const endOf = (x: Expr, forceValid = true): [number, number] => {
    const ln = x.endLine - 2;
    const col = normalize(ln, x.endCol);
    return forceValid ? nextValid(ln, col) : [ln, col];
  };
  if (expr.k === 'BinOp') {
    const [ln, col] = incrementUntil(...endOf(expr.left), (c) => !isSpace(c) && c !== ')');
    let right = col + 1;
    if (
      right < lines[ln].length &&
      (expr.right.line - 2 > ln || right < normalize(expr.right.line - 2, expr.right.col)) &&
      !isSpace(lines[ln][right]) &&
      lines[ln][right] !== '\\' &&
      lines[ln][right] !== '#'
    )
      right++;
    return { leftLine: ln, leftCol: col, rightLine: ln, rightCol: right };
  }
  if (expr.k === 'Subscript' || expr.k === 'Call') {
    const inner = expr.k === 'Subscript' ? expr.value : expr.func;
    const open = expr.k === 'Subscript' ? '[' : '(';
    const [leftLine, leftCol] = incrementUntil(...endOf(inner), (c) => c === open);
    const [rightLine, rightCol] = endOf(expr, false);
    return { leftLine, leftCol, rightLine, rightCol };
  }
  return null;
}

/**
 * StackSummary._should_show_carets: none under `return f(...)` / `x = f(...)` when the call is the
 * rest of the statement; else carets when anchored or when the instruction is not the whole line.
 */
function shouldShowCarets(
  startOff: number,
  endOff: number,
  allLines: string[][],
  anchors: Anchors | null,
): boolean {
  let body: Stmt[] | null;
  try {
    body = parse(allLines.map((l) => l.join('')).join('\n')).body;
  } catch {
    body = null; // `with suppress(SyntaxError, ...)`
  }
  if (body !== null) {
    if (body.length === 0) return false;
    const st = body[0];
    let value: Expr | null = null;
    if (st.k === 'Return' && st.value?.k === 'Call' && st.value.func.k === 'Name') value = st.value;
    else if (
      st.k === 'Assign' &&
      st.value.k === 'Call' &&
      st.targets.length === 1 &&
      st.targets[0].k === 'Name'
    )
      value = st.value;
    // the real check compares the node's UTF-8 columns with character offsets, as here
    if (
      value !== null &&
      value.line === 1 &&
      value.endLine === allLines.length &&
      value.col === startOff &&
      value.endCol === endOff
    )
      return false;
  }
  if (anchors) return true;
  const before = allLines[0].slice(0, startOff).join('').trim();
  const after = allLines[allLines.length - 1].slice(endOff).join('').trim();
  return before !== '' || after !== '';
}

const cps = (s: string): string[] => [...s];
const isSpace = (c: string): boolean => /\s/u.test(c);
const rstrip = (s: string): string => s.replace(/\s+$/u, '');
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** _byte_offset_to_character_offset: the code points in the line's first `byteOffset` UTF-8 bytes. */
function charOffset(line: string[], byteOffset: number): number {
  return [...decoder.decode(encoder.encode(line.join('')).subarray(0, byteOffset))].length;
}

/** _display_width: East Asian wide and full-width characters take two columns (ASCII lines: the offset). */
export function displayWidth(line: string[], offset: number): number {
  if (line.every((c) => c.charCodeAt(0) < 0x80)) return offset;
  let w = 0;
  for (const c of line.slice(0, offset)) {
    const eaw = ucdRecord(c.codePointAt(0)!).eastAsianWidth;
    w += eaw === 'W' || eaw === 'F' ? 2 : 1;
  }
  return w;
}

/**
 * textwrap.dedent: whitespace-only lines become empty, and the longest run of spaces and tabs that
 * starts every other line is removed from each.
 */
export function dedent(text: string): string {
  const t = text.replace(/^[ \t]+$/gm, '');
  let margin: string | null = null;
  for (const m of t.matchAll(/^([ \t]*)[^ \t\n]/gm)) {
    const indent = m[1];
    if (margin === null || margin.startsWith(indent)) margin = indent;
    else if (!indent.startsWith(margin)) {
      let k = 0;
      while (k < margin.length && k < indent.length && margin[k] === indent[k]) k++;
      margin = margin.slice(0, k);
    }
  }
  if (!margin) return t;
  return t
    .split('\n')
    .map((l) => (l.startsWith(margin!) ? l.slice(margin!.length) : l))
    .join('\n');
}
