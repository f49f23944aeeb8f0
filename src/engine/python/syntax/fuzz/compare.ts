import { parse } from '../index';
import { PythonSyntaxError } from '../errors';
import { PyError } from '../../errors';
import { canonicalModule, firstDifference } from './canonical';
import type { Reference } from './oracle';

/** Our answer in the reference's shape. */
export type Ours =
  | { ok: true; ast: unknown }
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

export function ours(src: string): Ours {
  try {
    return { ok: true, ast: canonicalModule(parse(src, { mode: 'string', filename: '<fuzz>' })) };
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
    if (ref.ast === null) return '';
    return firstDifference(o.ast, ref.ast);
  }
  if (o.ok)
    return `CPython rejects (${ref.error.type}: ${ref.error.msg} ${ref.error.lineno}:${ref.error.offset}); we accept`;
  const a = o.error;
  const b = ref.error;
  const mine = `${a.type}: ${a.msg} @${a.lineno}:${a.offset}-${a.endLineno}:${a.endOffset}`;
  const theirs = `${b.type}: ${b.msg} @${b.lineno ?? 0}:${b.offset ?? 0}-${b.endLineno ?? 0}:${b.endOffset ?? 0}`;
  return mine === theirs ? '' : `ours ${mine} | CPython ${theirs}`;
}
