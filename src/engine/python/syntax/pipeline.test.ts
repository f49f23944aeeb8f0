import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { recordedModule, type RecordedCase } from '../compiler/fixtures';
import { isSymtableError } from './fuzz/compare';
import { checkModule, parse, PythonSyntaxError } from './index';

/**
 * The compiler's recorded corpus (compiler/testdata, recorded from CPython 3.11.7 by
 * tools/bytecode/record_bytecode.py) holds each snippet's source and CPython's tree: the compiler
 * is tested on those trees, so ours must be the same for the two to make CPython's bytecode
 * together. Its compile-time errors are ours too, except the symtable's.
 */
const dir = new URL('../compiler/testdata/', import.meta.url);
const cases = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => (JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as { cases: RecordedCase[] }).cases);

describe("the compiler's corpus", () => {
  it('parses every snippet to the tree CPython gave, positions included', () => {
    expect(cases.length).toBeGreaterThanOrEqual(400);
    for (const rc of cases) {
      const mod = parse(rc.source, { mode: 'string', filename: '<snippet>' });
      expect({ name: rc.name, mod }).toEqual({ name: rc.name, mod: recordedModule(rc.ast) });
    }
  });

  it("raises CPython's compile-time errors where it is not the symtable's", () => {
    const errors = cases.filter((rc) => rc.error && !isSymtableError(rc.error.msg));
    expect(errors.length).toBeGreaterThanOrEqual(30);
    for (const rc of errors) {
      let got: unknown = null;
      try {
        checkModule(parse(rc.source, { mode: 'string', filename: '<snippet>' }));
      } catch (e) {
        got = e;
      }
      expect(got, rc.name).toBeInstanceOf(PythonSyntaxError);
      const e = got as PythonSyntaxError;
      // The recorder keeps 0-based columns (SyntaxError.offset - 1).
      expect({
        name: rc.name,
        msg: e.message,
        line: e.lineno,
        col: e.offset - 1,
        endLine: e.endLineno,
        endCol: e.endOffset - 1,
      }).toEqual({ name: rc.name, ...rc.error });
    }
  });
});
