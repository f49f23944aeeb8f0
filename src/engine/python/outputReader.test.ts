import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { OutputReader } from './outputReader';

type Op = { kind: 'out' | 'err'; text: string } | { kind: 'read' };

/** The interpreter's buffers as eval/interpreter.ts keeps them (`output`, `stderr`, `stderrAt`). */
function streams(): { output: string[]; stderr: string[]; stderrAt: number[] } {
  return { output: [], stderr: [], stderrAt: [] };
}

describe('OutputReader', () => {
  it('reads what was written since the last read, stderr at the stdout length before each write', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant<'out'>('out'), text: fc.string({ maxLength: 6 }) }),
      fc.record({ kind: fc.constant<'err'>('err'), text: fc.string({ minLength: 1, maxLength: 6 }) }),
      fc.constant<Op>({ kind: 'read' }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const s = streams();
        const reader = new OutputReader(() => s);
        // the whole-history reading the reader replaces: join everything, walk every stderr write
        let readTo = 0;
        let errsRead = 0;
        const check = (): void => {
          const all = s.output.join('');
          const got = reader.read();
          expect(got.before).toBe(readTo);
          expect(got.stdout).toBe(all.slice(readTo));
          const want = s.stderr.slice(errsRead).map((text, k) => ({
            at: s.output.slice(0, s.stderrAt[errsRead + k]).join('').length,
            text,
          }));
          expect(got.stderr).toEqual(want);
          readTo = all.length;
          errsRead = s.stderr.length;
          expect(reader.length).toBe(readTo);
        };
        for (const o of ops) {
          if (o.kind === 'out') s.output.push(o.text);
          else if (o.kind === 'err') {
            s.stderr.push(o.text);
            s.stderrAt.push(s.output.length);
          } else check();
        }
        check();
        // nothing new: an empty read
        expect(reader.read()).toEqual({ stdout: '', before: readTo, stderr: [] });
      }),
    );
  });

  it('reads nothing before the interpreter exists', () => {
    const reader = new OutputReader(() => null);
    expect(reader.read()).toEqual({ stdout: '', before: 0, stderr: [] });
  });
});
