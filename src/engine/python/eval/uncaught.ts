import type { PyError } from '../errors';
import { normalize } from '../abstract/errors';
import { setTraceback } from '../objects/exceptions';
import { intValue } from '../objects/int';
import { moduleData } from '../objects/module';
import { T } from '../objects/types';
import type { PythonSyntaxError } from '../syntax';
import type { Vm } from '../runtime/vm';
import {
  TRACEBACK_LIMIT_DEFAULT,
  exceptionReport,
  formatException,
  type ExceptionReport,
  type FrameLimit,
} from './traceback';

/**
 * sys.tracebacklimit as the printer of uncaught exceptions reads it: the newest frames. 3.11/3.12
 * (PyTraceBack_Print): an int (bool included) is the limit, one too big for a C long is LONG_MAX,
 * anything else (unset, a float) is PyTraceBack_LIMIT, 1000. 3.13 (traceback.py): an int, a
 * negative one read as 0; unset, every frame.
 */
function tracebackLimit(vm: Vm, sys: number | undefined): FrameLimit {
  const v = sys === undefined ? undefined : moduleData(vm, sys).attrs.get('tracebacklimit');
  const isInt = v !== undefined && vm.typeOf(v).mro.includes(T.Int);
  if (!isInt) return vm.py.name === '3.13' ? null : { keep: 'newest', n: TRACEBACK_LIMIT_DEFAULT };
  const n = intValue(vm, v);
  const big = typeof n === 'bigint' ? (n > 0n ? Number.MAX_SAFE_INTEGER : 0) : n;
  return { keep: 'newest', n: Math.max(0, big) };
}

/**
 * An exception nobody caught (PyErr_Print): normalized, its traceback attached, reported with
 * its chain and printed as CPython prints it on stderr.
 */
export function uncaughtException(
  vm: Vm,
  err: PyError,
  sourceOf: (filename: string) => string | null,
  sysModule?: number,
): { report: ExceptionReport; text: string } {
  normalize(vm, err);
  const exc = err.value;
  if (err.traceback !== 0) setTraceback(vm, exc, err.traceback);
  const report = exceptionReport(vm, exc, new Set(), true);
  const limit = tracebackLimit(vm, sysModule);
  return { report, text: formatException(report, sourceOf, vm.py.name, limit) };
}

/** print_exception for a SyntaxError raised while compiling: the file line, the text and its carets. */
export function syntaxErrorText(
  e:
    | PythonSyntaxError
    | {
        errorType: string;
        message: string;
        lineno: number;
        offset: number;
        endLineno: number;
        endOffset: number;
        text: string | null;
      },
  filename: string,
): string {
  let out = '';
  if (e.lineno > 0) out += `  File "${filename}", line ${e.lineno}\n`;
  if (e.text !== null && e.lineno > 0) {
    let text = e.text.replace(/\n$/, '');
    let offset = e.offset - 1;
    let end = e.endLineno === e.lineno && e.endOffset > 0 ? e.endOffset - 1 : offset + 1;
    const lead = text.length - text.replace(/^[ \t\f]+/, '').length;
    text = text.slice(lead);
    offset -= lead;
    end -= lead;
    if (offset > text.length) offset = text.length;
    out += `    ${text}\n`;
    if (offset >= 0) out += `    ${' '.repeat(offset)}${'^'.repeat(Math.max(1, end - offset))}\n`;
  }
  return out + `${e.errorType}: ${e.message}\n`;
}
