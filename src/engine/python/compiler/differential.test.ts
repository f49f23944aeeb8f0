import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CompileError } from './errors';
import { compareCode, recordedModule, type RecordedCase } from './fixtures';
import { disassemble } from './dis';
import { compileModule } from './index';

/**
 * The differential test: every snippet of tools/bytecode/corpus, compiled by this compiler from
 * the tree CPython's parser made, must give what CPython 3.11.7 gave (record_bytecode.py):
 * every code object, instruction, position, exception-table entry, constant and name, or the
 * same SyntaxError. A mismatch fails; nothing is skipped.
 */
const dir = join(dirname(fileURLToPath(import.meta.url)), 'testdata');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('the compiler against CPython 3.11.7', () => {
  it('has the recorded corpus', () => {
    const total = files.reduce(
      (n, f) => n + (JSON.parse(readFileSync(join(dir, f), 'utf8')).cases as unknown[]).length,
      0,
    );
    expect(total).toBeGreaterThanOrEqual(400);
  });
  for (const f of files) {
    const { cases } = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { cases: RecordedCase[] };
    describe(f.replace('.json', ''), () => {
      for (const rc of cases) {
        it(rc.name, () => {
          const mod = recordedModule(rc.ast);
          if (rc.error) {
            let err: unknown = null;
            try {
              compileModule(mod, { filename: '<snippet>' });
            } catch (e) {
              err = e;
            }
            expect(err).toBeInstanceOf(CompileError);
            const ce = err as CompileError;
            expect({
              msg: ce.message,
              line: ce.line,
              col: ce.col,
              endLine: ce.endLine,
              endCol: ce.endCol,
            }).toEqual(rc.error);
            return;
          }
          const { code, warnings } = compileModule(mod, { filename: '<snippet>' });
          const diffs = compareCode(code, rc.code!);
          if (diffs.length)
            expect.fail(`${rc.source}\n${diffs.slice(0, 8).join('\n')}\n\n${disassemble(code)}`);
          expect(warnings).toEqual(rc.warnings);
        });
      }
    });
  }
});
