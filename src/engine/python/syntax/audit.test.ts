import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PyError } from '../errors';
import { isSymtableError } from './fuzz/compare';
import { parseModule, PythonSyntaxError } from './index';

/**
 * Every script input of the reliability audit (its Appendix B, plus a few it names), against what
 * CPython 3.11 says running it as `python3 FILE` (testdata/audit.json, recorded by
 * tools/parser/record_audit.py: the file compiled, or the exception compiling it raised).
 */
type Spec =
  | [string, number][]
  | { b64: string }
  | { random: [number, number] }
  | { nested_ifs: number }
  | { nested_defs: number }
  | { numbers: number };

interface Entry {
  name: string;
  filename: string;
  input: Spec;
  expect: {
    ok?: boolean;
    type?: string;
    msg?: string;
    lineno?: number | null;
    offset?: number | null;
    endLineno?: number | null;
    endOffset?: number | null;
    text?: string | null;
  };
}

const entries = JSON.parse(
  readFileSync(new URL('./testdata/audit.json', import.meta.url), 'utf8'),
) as Entry[];

/** xorshift32, low byte of each step (as the recorder). */
function randomBytes(seed: number, n: number): Uint8Array {
  let x = seed >>> 0;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

function materialize(spec: Spec): Uint8Array {
  const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
  if (Array.isArray(spec)) return enc(spec.map(([t, n]) => t.repeat(n)).join(''));
  if ('b64' in spec) return Uint8Array.from(atob(spec.b64), (c) => c.charCodeAt(0));
  if ('random' in spec) return randomBytes(...spec.random);
  if ('numbers' in spec)
    return enc(`a = [${Array.from({ length: spec.numbers }, (_, i) => i).join(', ')}]\n`);
  if ('nested_ifs' in spec) {
    const n = spec.nested_ifs;
    return enc(
      Array.from({ length: n }, (_, i) => '    '.repeat(i) + 'if 1:\n').join('') +
        '    '.repeat(n) +
        'x = 1\n',
    );
  }
  const n = spec.nested_defs;
  return enc(
    Array.from({ length: n }, (_, i) => '    '.repeat(i) + `def f${i}():\n`).join('') +
      '    '.repeat(n) +
      'return 1\n',
  );
}

describe('the audit inputs give what CPython 3.11 gives', () => {
  for (const e of entries) {
    it(e.name, () => {
      const data = materialize(e.input);
      let got: Record<string, unknown> = { ok: true };
      try {
        parseModule(data, { filename: e.filename, mode: 'file' });
      } catch (err) {
        if (err instanceof PythonSyntaxError)
          got = {
            type: err.errorType,
            msg: err.message,
            lineno: err.lineno,
            offset: err.offset,
            endLineno: err.endLineno,
            endOffset: err.endOffset,
            text: err.text,
          };
        else if (err instanceof PyError) got = { type: err.pyType, msg: err.message };
        else throw err;
      }
      const x = e.expect;
      if (x.ok || (x.msg && isSymtableError(x.msg))) {
        // A symtable error is the compiler's to raise: up to there, the file is fine.
        expect(got).toEqual({ ok: true });
        return;
      }
      const want: Record<string, unknown> = { type: x.type, msg: x.msg };
      if (x.type !== 'MemoryError' && x.type !== 'RecursionError') {
        want.lineno = x.lineno ?? 0;
        want.offset = x.offset ?? 0;
        want.endLineno = x.endLineno ?? x.lineno ?? 0;
        want.endOffset = x.endOffset ?? 0;
        want.text = x.text ?? null;
        if (x.text === null && 'textOmitted' in x) want.text = got.text;
      }
      expect(got).toEqual(want);
    });
  }
});
