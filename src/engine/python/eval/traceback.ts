import { strText } from '../abstract/repr';
import { groupExceptions, isGroup, notesOf } from '../objects/excgroup';
import { excState, exceptionText } from '../objects/exceptions';
import { tupleItems } from '../objects/tuple';
import { frameObjectData } from '../objects/frameobject';
import { tracebackData } from '../objects/traceback';
import { realModuleNames } from '../versions/moduleNames';
import { offerSuggestion } from './suggestions';
import { parse } from '../syntax';
import type { Expr } from '../syntax/ast';
import type { Vm } from '../runtime/vm';
import type { CodeRt } from './code';
import type { VersionName } from '../versions/version';
import { displayWidth, frameLines313 } from './tracebackLines313';

/** One entry of a traceback, as the report carries it (the page marks the line and columns). */
export interface TracebackEntry {
  filename: string;
  /** The function (co_name): '<module>', 'f', '<listcomp>'. */
  name: string;
  line: number;
  /** The instruction's position (co_positions): 0-based UTF-8 columns, -1 when unknown. */
  endLine: number;
  col: number;
  endCol: number;
}

/** An exception as the report carries it: type, message, its traceback, and what it was chained to. */
export interface ExceptionReport {
  type: string;
  message: string;
  traceback: TracebackEntry[];
  /** __cause__ (raise … from …) or __context__ (raised while handling another). */
  chained?: { exception: ExceptionReport; cause: boolean };
  /** PEP 678 notes (__notes__), printed under the message. */
  notes?: string[];
  /** An exception group's sub-exceptions. */
  group?: ExceptionReport[];
}

/** The traceback chain of an exception (tb_next order: the outermost frame first). */
export function tracebackEntries(vm: Vm, tb: number): TracebackEntry[] {
  const out: TracebackEntry[] = [];
  for (let t = tb; t !== 0; t = tracebackData(vm, t).next) {
    const d = tracebackData(vm, t);
    const owner = frameObjectData(vm, d.frame).owner as { code: CodeRt } | null;
    const code = owner?.code;
    if (!code) continue;
    const unit = d.lasti >> 1;
    const pos = code.co.positions;
    out.push({
      filename: code.co.filename,
      name: code.co.name,
      line: d.lineno,
      endLine: pos[unit * 4 + 1],
      col: pos[unit * 4 + 2],
      endCol: pos[unit * 4 + 3],
    });
  }
  return out;
}

/** The exception instance and what it chains to (print_exception_recursive's walk). */
/**
 * `suggest`: PyErr_Display's print_exception adds _Py_Offer_Suggestions (3.11 prints them for an
 * uncaught exception only: the traceback module, and logging through it, does not until 3.12).
 */
export function exceptionReport(
  vm: Vm,
  exc: number,
  seen = new Set<number>(),
  suggest = false,
): ExceptionReport {
  seen.add(exc);
  const st = excState(vm, exc);
  const s = vm.typeOf(exc);
  const type = s.module === 'builtins' || s.module === '__main__' ? s.qualname : `${s.module}.${s.qualname}`;
  const suggestion = suggest
    ? offerSuggestion(vm, exc, () => realModuleNames(vm.py.release, 'builtins') ?? [])
    : null;
  const text = exceptionText(vm, exc);
  const r: ExceptionReport = {
    type,
    // print_exception: the suggestion follows the message on the same line
    message: suggestion === null ? text : `${text}. Did you mean: '${suggestion}'?`,
    traceback: tracebackEntries(vm, st.traceback),
  };
  const notes = notesOf(vm, exc);
  if (notes) r.notes = notes.map((n) => strText(vm, n));
  // the chain before a group's members: what it marks seen is not printed again inside the box
  if (st.cause !== 0 && !seen.has(st.cause))
    r.chained = { exception: exceptionReport(vm, st.cause, seen, suggest), cause: true };
  else if (st.context !== 0 && !st.suppressContext && !seen.has(st.context))
    r.chained = { exception: exceptionReport(vm, st.context, seen, suggest), cause: false };
  if (isGroup(vm, exc))
    r.group = Array.from(tupleItems(vm, groupExceptions(vm, exc)), (e) =>
      exceptionReport(vm, e, seen, suggest),
    );
  return r;
}

const TB_RECURSIVE_CUTOFF = 3;
const CAUSE = '\nThe above exception was the direct cause of the following exception:\n\n';
const CONTEXT = '\nDuring handling of the above exception, another exception occurred:\n\n';
/** traceback.py's max_group_width and max_group_depth (the C printer's limits too). */
const MAX_GROUP_WIDTH = 15;
const MAX_GROUP_DEPTH = 10;

/** The printer's state inside exception groups (_ExceptionPrintContext). */
interface PrintContext {
  depth: number;
  needClose: boolean;
  /** Which release's printer: 3.13 prints through traceback.py (tracebackLines313.ts). */
  python: VersionName;
  /** Which frames of each traceback to print (sys.tracebacklimit, a `limit=`), null for all. */
  limit: FrameLimit;
}

/** A printer's frame limit: the oldest or the newest `n` frames of each traceback. */
export type FrameLimit = { keep: 'oldest' | 'newest'; n: number } | null;

/**
 * The frames a printer shows under a limit. The C printer of 3.11/3.12 (PyTraceBack_Print →
 * tb_printinternal) keeps the newest `limit` frames, 1000 by default: measured on 3.11.7, a
 * 3,000-deep RecursionError prints 1,000 frames ("repeated 997 more times") and no `<module>` line.
 * 3.13's uncaught printer (traceback.py, _print_exception_bltin) keeps the newest too but has no
 * default. traceback.print_exc/format_exception keep the OLDEST `limit` (StackSummary's islice), the
 * newest for a negative `limit=` (its deque): tb_limit.py, measured on all three.
 */
function limitedEntries(tb: TracebackEntry[], limit: FrameLimit): TracebackEntry[] {
  if (limit === null || tb.length <= limit.n) return tb;
  if (limit.n <= 0) return [];
  return limit.keep === 'oldest' ? tb.slice(0, limit.n) : tb.slice(tb.length - limit.n);
}

/** traceback.py's reading of a `limit` (sys.tracebacklimit already folded in): n ≥ 0 the oldest n, n < 0 the newest -n. */
export const pyFrameLimit = (n: number | null): FrameLimit =>
  n === null ? null : n >= 0 ? { keep: 'oldest', n } : { keep: 'newest', n: -n };

/** PyTraceBack_LIMIT: the C printer's default when sys.tracebacklimit is not set. */
export const TRACEBACK_LIMIT_DEFAULT = 1000;

/** _ExceptionPrintContext.emit: inside a group every line gets the indent and a margin ("| "). */
function emit(ctx: PrintContext, text: string, margin = '|'): string {
  if (ctx.depth === 0) return text;
  const prefix = `${' '.repeat(2 * ctx.depth)}${margin} `;
  return text
    .split('\n')
    .map((line, i, all) => (i === all.length - 1 && line === '' ? '' : prefix + line))
    .join('\n');
}

/** The frames of a traceback object's chain as the traceback module's format_tb prints them. */
export function framesText(
  vm: Vm,
  tb: number,
  sourceOf: (filename: string) => string | null,
  limit: FrameLimit = null,
): string {
  const traceback = limitedEntries(tracebackEntries(vm, tb), limit);
  return stackText({ type: '', message: '', traceback }, sourceOf, vm.py.name);
}

/** One frame as the traceback module's format_frame_summary writes it (File line, source, carets). */
export function frameSummaryText(
  e: TracebackEntry,
  sourceOf: (filename: string) => string | null,
  python: VersionName,
): string {
  return python === '3.13'
    ? `  File "${e.filename}", line ${e.line}, in ${e.name}\n` + frameLines313(e, sourceOf(e.filename))
    : displayLine(e, sourceOf(e.filename));
}

/** The frames: tb_printinternal's lines, repeated frames folded. */
function stackText(
  r: ExceptionReport,
  sourceOf: (filename: string) => string | null,
  python: VersionName,
): string {
  let out = '';
  let last: TracebackEntry | null = null;
  let cnt = 0;
  for (const e of r.traceback) {
    if (!last || e.filename !== last.filename || e.line !== last.line || e.name !== last.name) {
      if (cnt > TB_RECURSIVE_CUTOFF) out += repeated(cnt);
      last = e;
      cnt = 0;
    }
    cnt++;
    if (cnt <= TB_RECURSIVE_CUTOFF)
      out +=
        python === '3.13'
          ? `  File "${e.filename}", line ${e.line}, in ${e.name}\n` + frameLines313(e, sourceOf(e.filename))
          : displayLine(e, sourceOf(e.filename));
  }
  if (cnt > TB_RECURSIVE_CUTOFF) out += repeated(cnt);
  return out;
}

/** "Type: message" and the notes, one line each. */
function exceptionOnly(r: ExceptionReport): string {
  let out = r.message ? `${r.type}: ${r.message}\n` : `${r.type}\n`;
  for (const note of r.notes ?? []) out += `${note}\n`;
  return out;
}

/**
 * The text CPython 3.11 prints for an uncaught exception (pythonrun.c print_exception_recursive
 * and print_exception_group, traceback.c tb_printinternal / tb_displayline): chained exceptions
 * first, each with its "Traceback (most recent call last):" block, the source lines and their
 * ^^^^ / ~~~^^^ markers, repeated frames folded, then "Type: message" and the notes; an exception
 * group in its box ("+-+---- 1 ----"), each sub-exception indented two more columns.
 */
export function formatException(
  r: ExceptionReport,
  sourceOf: (filename: string) => string | null,
  python: VersionName = '3.11',
  limit: FrameLimit = null,
): string {
  return formatIn(r, sourceOf, { depth: 0, needClose: false, python, limit });
}

function formatIn(
  r: ExceptionReport,
  sourceOf: (filename: string) => string | null,
  ctx: PrintContext,
): string {
  let out = '';
  if (r.chained) {
    out += formatIn(r.chained.exception, sourceOf, ctx);
    out += emit(ctx, r.chained.cause ? CAUSE : CONTEXT);
  }
  const shown = { ...r, traceback: limitedEntries(r.traceback, ctx.limit) };
  if (!r.group) {
    if (shown.traceback.length)
      out +=
        emit(ctx, 'Traceback (most recent call last):\n') + emit(ctx, stackText(shown, sourceOf, ctx.python));
    return out + emit(ctx, exceptionOnly(r));
  }
  if (ctx.depth > MAX_GROUP_DEPTH) return out + emit(ctx, `... (max_group_depth is ${MAX_GROUP_DEPTH})\n`);
  const top = ctx.depth === 0;
  if (top) ctx.depth++;
  if (shown.traceback.length)
    out +=
      emit(ctx, 'Exception Group Traceback (most recent call last):\n', top ? '+' : '|') +
      emit(ctx, stackText(shown, sourceOf, ctx.python));
  out += emit(ctx, exceptionOnly(r));
  const count = r.group.length;
  const n = count <= MAX_GROUP_WIDTH ? count : MAX_GROUP_WIDTH + 1;
  ctx.needClose = false;
  for (let i = 0; i < n; i++) {
    const lastOne = i === n - 1;
    if (lastOne) ctx.needClose = true; // a nested group may close the box for us
    const truncated = i >= MAX_GROUP_WIDTH;
    const title = truncated ? '...' : `${i + 1}`;
    out += `${' '.repeat(2 * ctx.depth)}${i === 0 ? '+-' : '  '}+---------------- ${title} ----------------\n`;
    ctx.depth++;
    if (!truncated) out += formatIn(r.group[i], sourceOf, ctx);
    else {
      const remaining = count - MAX_GROUP_WIDTH;
      out += emit(ctx, `and ${remaining} more exception${remaining > 1 ? 's' : ''}\n`);
    }
    if (lastOne && ctx.needClose) {
      out += `${' '.repeat(2 * ctx.depth)}+------------------------------------\n`;
      ctx.needClose = false;
    }
    ctx.depth--;
  }
  if (top) ctx.depth = 0;
  return out;
}

function repeated(cnt: number): string {
  const n = cnt - TB_RECURSIVE_CUTOFF;
  return `  [Previous line repeated ${n} more time${n > 1 ? 's' : ''}]\n`;
}

const encoder = new TextEncoder();

/** A UTF-8 byte offset in `line` as a character (code point) offset (_PyPegen_byte_offset_to_character_offset). */
function charOffset(line: string, byteOffset: number): number {
  const bytes = encoder.encode(line);
  return [...new TextDecoder().decode(bytes.subarray(0, byteOffset))].length;
}

const isWhitespace = (c: string): boolean => c === ' ' || c === '\t' || c === '\f';

/** tb_displayline: the File line, the source line without its indentation, and the carets. */
function displayLine(e: TracebackEntry, source: string | null): string {
  let out = `  File "${e.filename}", line ${e.line}, in ${e.name}\n`;
  const lines = source?.split(/\r?\n/);
  const line = lines?.[e.line - 1];
  if (line === undefined) return out;
  const chars = [...line];
  let i = 0;
  while (i < chars.length && (chars[i] === ' ' || chars[i] === '\t' || chars[i] === '\f')) i++;
  out += `    ${chars.slice(i).join('')}\n`;
  if (e.col < 0 || e.endCol < 0 || e.endLine < 0) return out;
  const truncation = i - 4;
  let start = charOffset(line, e.col);
  let end = charOffset(line, e.endCol);
  let left = -1;
  let right = -1;
  let primary = '^';
  let secondary = '^';
  if (e.line === e.endLine) {
    const a = anchors(chars.slice(start, end).join(''));
    if (a) {
      left = a.left + start;
      right = a.right + start;
      primary = '~';
      secondary = '^';
    }
  } else {
    let k = chars.length;
    while (--k >= 0) if (!isWhitespace(chars[k])) break;
    end = k + 1;
  }
  const strippedLen = chars.length - i;
  const secondaryRanges = left !== -1 || right !== -1;
  if (end - start === strippedLen && !secondaryRanges) return out;
  // columns as a terminal shows them: an East Asian wide character takes two (measured on 3.11.7
  // and 3.12.1: `s = "中文" + boom(1)` has its carets 13 columns in, 11 characters)
  start = displayWidth(chars, start);
  end = displayWidth(chars, end);
  if (left !== -1) left = displayWidth(chars, left);
  if (right !== -1) right = displayWidth(chars, right);
  let carets = '';
  for (let offset = truncation + 1; offset <= end; offset++) {
    if (offset <= start) carets += ' ';
    else if (secondaryRanges && left < offset && offset <= right) carets += secondary;
    else carets += primary;
  }
  return out + carets + '\n';
}

/**
 * extract_anchors_from_line: the segment parsed as a statement; a binary operation marks its
 * operator (~~~^~~~), a subscript its brackets (~~~^^^^^).
 */
function anchors(segment: string): { left: number; right: number } | null {
  let body;
  try {
    body = parse(segment).body;
  } catch {
    return null;
  }
  if (body.length !== 1 || body[0].k !== 'Expr') return null;
  const expr: Expr = body[0].value;
  const bytes = encoder.encode(segment);
  const toChar = (b: number) => [...new TextDecoder().decode(bytes.subarray(0, b))].length;
  if (expr.k === 'BinOp') {
    for (let i = expr.left.endCol; i < expr.right.col; i++) {
      const c = String.fromCharCode(bytes[i]);
      if (isWhitespace(c)) continue;
      let r = i + 1;
      if (i + 1 < expr.right.col && !isWhitespace(String.fromCharCode(bytes[i + 1]))) r++;
      return { left: toChar(i), right: toChar(r) };
    }
    return { left: -1, right: -1 };
  }
  if (expr.k === 'Subscript')
    return { left: toChar(expr.value.endCol), right: toChar(expr.slice.endCol + 1) };
  return null;
}
