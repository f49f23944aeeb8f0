import type { PyError } from '../errors';
import { normalize } from '../abstract/errors';
import { setTraceback } from '../objects/exceptions';
import type { PythonSyntaxError } from '../syntax';
import type { Vm } from '../runtime/vm';
import { exceptionReport, formatException, type ExceptionReport } from './traceback';

/**
 * An exception nobody caught (PyErr_Print): normalized, its traceback attached, reported with
 * its chain and printed as CPython prints it on stderr.
 */
export function uncaughtException(
  vm: Vm,
  err: PyError,
  sourceOf: (filename: string) => string | null,
): { report: ExceptionReport; text: string } {
  normalize(vm, err);
  const exc = err.value;
  if (err.traceback !== 0) setTraceback(vm, exc, err.traceback);
  const report = exceptionReport(vm, exc, new Set(), true);
  return { report, text: formatException(report, sourceOf, vm.py.name) };
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
