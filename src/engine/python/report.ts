import type { TracebackEntry } from './eval/traceback';
import type { Mallinfo2 } from '../libc/libc';
import type { PymallocStats } from '../pymalloc';

/** What tools/record.py measures after every statement (the fields the simulator reproduces). */
export interface StepMeasurement {
  rss: number;
  heap: number;
  anon_mmap: number;
  /** All ten fields of struct mallinfo2 (a plain record, as in the JSON). */
  mallinfo2: Record<keyof Mallinfo2, number>;
  pymalloc: PymallocStats;
  /** Extra, as the recorder's: gc.get_count(), collections per generation. */
  gc: { count: number[]; collections: number[] };
  /**
   * Under an allocator that replaces glibc's (jemalloc, mimalloc): its own figures, since glibc's
   * mallinfo2 then reads an untouched main arena (zeros). Not in the recorder's schema, which keeps
   * each allocator's raw statistics under its own name.
   */
  libc?: { in_use: number; free: number; mapped: number };
}

export interface ReportStep extends StepMeasurement {
  code: string;
  line: number;
}

/** The recorder's "highwater-report/1" JSON, plus the error that ended the run, if any. */
export interface Report {
  schema: 'highwater-report/1';
  python: string;
  glibc: string;
  /** The malloc that replaced glibc's (LD_PRELOAD), e.g. "jemalloc 5.3.0"; absent under glibc. */
  allocator?: string;
  numpy: string | null;
  scenario: string;
  steps: ReportStep[];
  /** What print() wrote (not in the recorder's schema). */
  output?: string;
  /** Each step's share of it (steps[i]'s text is stepOutput[i]). */
  stepOutput?: string[];
  /** What the script wrote to sys.stderr (warnings, logging, print(file=sys.stderr)); the uncaught error is `error.text`. */
  stderr?: string;
  error?: ReportError;
}

/** The error that ended a run: a Python exception, a SyntaxError (with its column), NotSupported… */
export interface ReportError {
  type: string;
  message: string;
  line: number;
  column?: number;
  /** The frames the exception went through, outermost first (a Python exception). */
  traceback?: TracebackEntry[];
  /** What CPython prints on stderr for it: the traceback, chained exceptions, the carets. */
  text?: string;
}

/** How the CLI prints it, as CPython would ("MemoryError" alone when there is no message). */
export function describeReportError(e: ReportError): string {
  if (e.text) return e.text.trimEnd();
  const where = `line ${e.line}${e.column !== undefined ? `, column ${e.column}` : ''}`;
  if (e.type === 'NotSupported' || e.type === 'InternalError') return `${e.message} (${where})`;
  return `${e.type}${e.message ? `: ${e.message}` : ''} (${where})`;
}

export const REPORT_SCHEMA = 'highwater-report/1';
