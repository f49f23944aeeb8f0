import { codeRt } from '../eval/code';
import {
  exceptionReport,
  formatException,
  frameSummaryText,
  framesText,
  pyFrameLimit,
  type FrameLimit,
} from '../eval/traceback';
import { fromLong, intValue } from '../objects/int';
import { strValue } from '../objects/str';
import { tupleFromItems } from '../objects/tuple';
import { T } from '../objects/types';
import { TRACEBACK_SUMMARY_SOURCE } from './tracebackSummarySource';
import { builtinStatic } from '../objects/descr';
import { listFromItems } from '../objects/list';
import { strNew } from '../objects/str';
import { Meth } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { interpOf } from './host';
import { fn } from './module';
import { runPythonPart } from './pythonpart';
import type { ModuleSpec } from './registry';
import { moduleFromGlobals, unsupportedHelper } from './typing';

/**
 * traceback: the functions scripts call in an `except` block (format_exc, print_exc,
 * format_exception, print_exception, format_exception_only, format_tb, print_tb) as Python over
 * the text CPython prints (eval/traceback.ts: the frames with their source lines and carets, the
 * chain, notes, a group's box; "Did you mean" from 3.12 on, where the module learnt it), cut into the
 * strings TracebackException.format yields. The import costs its recorded footprint (token,
 * tokenize, linecache, textwrap first). What the real module builds on the way is not made: the
 * TracebackException and FrameSummary objects die before the call returns, but linecache keeps the
 * script's lines (a list of strs the size of the file) in linecache.cache afterwards (not modelled).
 * The stack API (extract_tb/extract_stack/walk_tb/walk_stack, FrameSummary/StackSummary,
 * format_list/format_stack, clear_frames, TracebackException) runs as Python
 * (tracebackSummarySource.ts); TracebackException.format() writes what format_exception writes
 * for its exception (a `limit` or `capture_locals` given to it does not change that text;
 * format_exception/format_tb/print_exc honour `limit=` and sys.tracebacklimit as traceback.py does).
 */
const TRACEBACK_SOURCE = `
import sys

_sentinel = object()


def _exception_of(exc, value, tb):
    if (value is _sentinel) != (tb is _sentinel):
        raise ValueError("Both or neither of value and tb must be given")
    if value is tb is _sentinel:
        if exc is not None:
            if isinstance(exc, BaseException):
                return exc
            raise TypeError(f"Exception expected for value, {type(exc).__name__} found")
        return None
    return value


def _limit_of(limit):
    # StackSummary._extract_from_extended_frame_gen: no limit given reads sys.tracebacklimit
    if limit is None:
        limit = getattr(sys, "tracebacklimit", None)
        if limit is not None and limit < 0:
            limit = 0
    return limit


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    return _hw_chunks(_exception_of(exc, value, tb), chain, _limit_of(limit))


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    if file is None:
        file = sys.stderr
    for line in format_exception(exc, value, tb, limit=limit, chain=chain):
        print(line, file=file, end="")


def format_exception_only(exc, /, value=_sentinel):
    if value is _sentinel:
        value = exc
    return _hw_only(value)


def format_exc(limit=None, chain=True):
    return "".join(format_exception(*sys.exc_info(), limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    print_exception(*sys.exc_info(), limit=limit, file=file, chain=chain)


def format_tb(tb, limit=None):
    return _hw_frames(tb, _limit_of(limit))


def print_tb(tb, limit=None, file=None):
    if file is None:
        file = sys.stderr
    for item in format_tb(tb, limit):
        print(item, file=file, end="")
`;

/**
 * The printed text cut as TracebackException.format yields it: the header, one string per frame
 * (its File line, source line and carets), "[Previous line repeated …]", the chain's message as
 * one string, then each exception-only line.
 */
export function tracebackChunks(text: string): string[] {
  const lines = text.split(/(?<=\n)/);
  const out: string[] = [];
  let inFrames = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === 'Traceback (most recent call last):\n') {
      out.push(line);
      inFrames = true;
    } else if (inFrames && line.startsWith('  File ')) out.push(line);
    else if (inFrames && line.startsWith('    ') && out.length) out[out.length - 1] += line;
    else if (line === '\n' && i + 2 < lines.length && lines[i + 2] === '\n') {
      // _cause_message / _context_message: one string with its blank lines
      out.push(line + lines[i + 1] + lines[i + 2]);
      i += 2;
      inFrames = false;
    } else {
      if (!line.startsWith('  [Previous line repeated')) inFrames = false;
      out.push(line);
    }
  }
  return out;
}

function strList(vm: Vm, parts: string[]): number {
  return listFromItems(
    vm,
    parts.map((p) => strNew(vm, p)),
  );
}

export const tracebackModule: ModuleSpec = {
  name: 'traceback',
  load: (vm) => {
    const helper = (name: string, flags: number, impl: Parameters<typeof fn>[2]): number =>
      builtinStatic(vm, fn(name, flags, impl), 'traceback');
    const sourceOf = (f: string): string | null => interpOf(vm).sourceOf(f);
    const suggest = vm.py.name !== '3.11';
    const report = (vm2: Vm, exc: number, chain: boolean) => {
      const r = exceptionReport(vm2, exc, new Set(), suggest);
      if (!chain) delete r.chained;
      return r;
    };
    const limitOf = (vm2: Vm, h: number | undefined): FrameLimit =>
      pyFrameLimit(h === undefined || h === vm2.s.None ? null : Number(intValue(vm2, h)));
    const num = (vm2: Vm, h: number): number => (h === vm2.s.None ? -1 : Number(intValue(vm2, h)));
    const orNone = (vm2: Vm, v: number): number => {
      if (v >= 0) return fromLong(vm2, v);
      vm2.incref(vm2.s.None);
      return vm2.s.None;
    };
    const lineText = (file: string, lineno: number): string => {
      const line = sourceOf(file)?.split(/\r?\n/)[lineno - 1];
      return line === undefined ? '' : line + '\n';
    };
    const globals = runPythonPart(vm, 'traceback', TRACEBACK_SOURCE + TRACEBACK_SUMMARY_SOURCE, {
      // co_positions() at the instruction tb_lasti / f_lasti names (a byte offset)
      _hw_positions: helper('_hw_positions', Meth.Fastcall, (vm2, _s, a) => {
        const code = codeRt(vm2, a[0]);
        const unit = Number(intValue(vm2, a[1])) >> 1;
        const pos = code.co.positions;
        const at = (k: number) => (unit >= 0 && unit * 4 + k < pos.length ? pos[unit * 4 + k] : -1);
        return tupleFromItems(vm2, [
          orNone(vm2, at(0)),
          orNone(vm2, at(1)),
          orNone(vm2, at(2)),
          orNone(vm2, at(3)),
        ]);
      }),
      // linecache.getline over the script's text: the line with its newline, '' past the end
      _hw_line: helper('_hw_line', Meth.Fastcall, (vm2, _s, a) =>
        strNew(vm2, vm2.table.type[a[0]] === T.Str ? lineText(strValue(vm2, a[0]), num(vm2, a[1])) : ''),
      ),
      _hw_frame_text: helper('_hw_frame_text', Meth.Fastcall, (vm2, _s, a) => {
        const filename = strValue(vm2, a[0]);
        const line = num(vm2, a[1]);
        const given = a[6] !== vm2.s.None ? strValue(vm2, a[6]) : null;
        const source = (f: string): string | null =>
          sourceOf(f) ?? (given !== null ? '\n'.repeat(Math.max(0, line - 1)) + given : null);
        const entry = {
          filename,
          name: strValue(vm2, a[5]),
          line,
          endLine: num(vm2, a[2]),
          col: num(vm2, a[3]),
          endCol: num(vm2, a[4]),
        };
        return strNew(vm2, frameSummaryText(entry, source, vm2.py.name));
      }),
      _hw_unsupported: unsupportedHelper(vm, 'traceback'),
      _hw_chunks: helper('_hw_chunks', Meth.Varargs, (vm2, _s, a) =>
        a[0] === vm2.s.None
          ? strList(vm2, ['NoneType: None\n'])
          : strList(
              vm2,
              tracebackChunks(
                formatException(
                  report(vm2, a[0], a[1] === vm2.s.True),
                  sourceOf,
                  vm2.py.name,
                  limitOf(vm2, a[2]),
                ),
              ),
            ),
      ),
      _hw_only: helper('_hw_only', Meth.O, (vm2, _s, a) => {
        if (a[0] === vm2.s.None) return strList(vm2, ['NoneType: None\n']);
        const r = { ...report(vm2, a[0], false), traceback: [] };
        return strList(vm2, tracebackChunks(formatException(r, sourceOf, vm2.py.name)));
      }),
      _hw_frames: helper('_hw_frames', Meth.Fastcall, (vm2, _s, a) =>
        strList(
          vm2,
          a[0] === vm2.s.None
            ? []
            : tracebackChunks(
                'Traceback (most recent call last):\n' + framesText(vm2, a[0], sourceOf, limitOf(vm2, a[1])),
              ).slice(1),
        ),
      ),
    });
    return moduleFromGlobals(vm, 'traceback', globals);
  },
};
