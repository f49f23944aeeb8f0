import { describe, expect, it } from 'vitest';
import { runAll, valueOf } from '../testing';

/**
 * A module of many top-level calls is one basic block of ~9 instructions a statement: 10,000
 * `print(i, 'x' * 50)` (a generated script, 10,000 lines) is one block of ~90,000 instructions.
 * The assembler gathered the blocks with a spread push, past what V8 allows a call's arguments:
 * a RangeError reported as "RecursionError: maximum recursion depth exceeded during compilation",
 * where 3.11.7 compiles and runs it.
 */
describe('a module of 10,000 statements', () => {
  it('compiles and runs to its last statement', () => {
    const src = Array.from({ length: 10_000 }, (_, i) => `n = ${i} + len('x' * 50)\n`).join('');
    const p = runAll(src);
    expect(valueOf(p, 'n')).toBe('10049');
  }, 120_000);
});
