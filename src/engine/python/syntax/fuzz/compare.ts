import { parse, parseModule } from '../index';
import { checkModule } from '../compile/checks';
import { PythonSyntaxError } from '../errors';
import { PyError } from '../../errors';
import { canonicalModule, firstDifference } from './canonical';
import type { FileModeReference, Reference, ReferenceError } from './oracle';

/** Our answer in the reference's shape. */
export type Ours =
  | { ok: true; ast: unknown; compile: ErrorFields | null }
  | {
      ok: false;
      error: {
        type: string;
        msg: string;
        lineno: number;
        offset: number;
        endLineno: number;
        endOffset: number;
      };
    }
  | { ok: false; crash: string };

type ErrorFields = {
  type: string;
  msg: string;
  lineno: number;
  offset: number;
  endLineno: number;
  endOffset: number;
};

export function ours(src: string): Ours {
  try {
    const m = parse(src, { mode: 'string', filename: '<fuzz>' });
    let compile: ErrorFields | null = null;
    try {
      checkModule(m);
    } catch (e) {
      if (e instanceof PythonSyntaxError) compile = e.toJSON();
      else if (e instanceof PyError)
        compile = { type: e.pyType, msg: e.message, lineno: 0, offset: 0, endLineno: 0, endOffset: 0 };
      else throw e;
    }
    return { ok: true, ast: canonicalModule(m), compile };
  } catch (e) {
    if (e instanceof PythonSyntaxError) return { ok: false, error: e.toJSON() };
    if (e instanceof PyError)
      return {
        ok: false,
        error: { type: e.pyType, msg: e.message, lineno: 0, offset: 0, endLineno: 0, endOffset: 0 },
      };
    return { ok: false, crash: e instanceof Error ? `${e.name}: ${e.message}\n${e.stack ?? ''}` : String(e) };
  }
}

/** '' when we agree with CPython on `src`; else what differs. */
export function compareWithReference(src: string, ref: Reference): string {
  const o = ours(src);
  if ('crash' in o) return `crash: ${o.crash.split('\n').slice(0, 4).join(' | ')}`;
  if (ref.ok) {
    if (!o.ok) return `CPython accepts; we reject: ${JSON.stringify(o.error)}`;
    const d = ref.ast === null ? '' : firstDifference(o.ast, ref.ast);
    if (d) return d;
    return compareCompile(o.compile, ref.compile);
  }
  if (o.ok)
    return `CPython rejects (${ref.error.type}: ${ref.error.msg} ${ref.error.lineno}:${ref.error.offset}); we accept`;
  const a = o.error;
  const b = ref.error;
  const mine = `${a.type}: ${a.msg} @${a.lineno}:${a.offset}-${a.endLineno}:${a.endOffset}`;
  const theirs = `${b.type}: ${b.msg} @${b.lineno ?? 0}:${b.offset ?? 0}-${b.endLineno ?? 0}:${b.endOffset ?? 0}`;
  return mine === theirs ? '' : `ours ${mine} | CPython ${theirs}`;
}

/**
 * The symtable's own errors (the compiler's to raise, before compile.c's): when CPython reports
 * one, our checks are not compared. "duplicate argument" is ours.
 */
const SYMTABLE = [
  /^name '.*' is (used prior to|assigned to before) (global|nonlocal) declaration$/,
  /^annotated name '.*' can't be (global|nonlocal)$/,
  /^name '.*' is (parameter and global|parameter and nonlocal|nonlocal and global)$/,
  /^nonlocal declaration not allowed at module level$/,
  /^no binding for nonlocal '.*' found$/,
  /^import \* only allowed at module level$/,
  /^'(yield|await)' inside (list comprehension|set comprehension|dict comprehension|generator expression)$/,
  /^assignment expression /,
  /^comprehension inner loop cannot rebind/,
  /can ?not be used within an annotation$/,
];

export function isSymtableError(msg: string): boolean {
  return SYMTABLE.some((r) => r.test(msg));
}

function compareCompile(mine: ErrorFields | null, theirs: ReferenceError | null): string {
  if (theirs && isSymtableError(theirs.msg)) return '';
  if (!theirs) return mine ? `compile: CPython compiles; we raise ${fmt(mine)}` : '';
  const t = {
    type: theirs.type,
    msg: theirs.msg,
    lineno: theirs.lineno ?? 0,
    offset: theirs.offset ?? 0,
    endLineno: theirs.endLineno ?? 0,
    endOffset: theirs.endOffset ?? 0,
  };
  if (!mine) return `compile: CPython raises ${fmt(t)}; we do not`;
  return fmt(mine) === fmt(t) ? '' : `compile: ours ${fmt(mine)} | CPython ${fmt(t)}`;
}

function fmt(e: ErrorFields): string {
  return `${e.type}: ${e.msg} @${e.lineno}:${e.offset}-${e.endLineno}:${e.endOffset}`;
}

/**
 * '' when `python3 FILE` and parseModule (file mode) agree on `src`: accepted by both, or the same
 * error, its text included. The symtable's errors are not compared.
 */
export function compareFileMode(src: string, ref: FileModeReference): string {
  if (!ref.ok && isSymtableError(ref.msg)) return '';
  const norm = (e: Partial<ReferenceError>): string =>
    JSON.stringify([
      e.type,
      e.type === 'MemoryError' ? '' : e.msg,
      e.lineno ?? 0,
      e.offset ?? 0,
      e.endLineno ?? 0,
      e.endOffset ?? 0,
      e.text ?? null,
    ]);
  let mine: string;
  try {
    parseModule(src, { filename: '<file>' });
    mine = 'ok';
  } catch (e) {
    if (e instanceof PythonSyntaxError) mine = norm({ ...e.toJSON(), text: e.text });
    else if (e instanceof PyError) mine = norm({ type: e.pyType, msg: e.message });
    else return `crash: ${e instanceof Error ? e.message : String(e)}`;
  }
  const theirs = ref.ok ? 'ok' : norm(ref);
  return mine === theirs ? '' : `file mode: ours ${mine} | CPython ${theirs}`;
}
