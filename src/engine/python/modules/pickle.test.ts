import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { callsOf, runAll, valueOf } from '../testing';
import realBytes from '../testdata/pickle_bytes.json';
import expected from '../testdata/files_expected.json';

/**
 * pickle (picklesave.ts, pickleload.ts): the bytes dumps writes are the real 3.11.7 pickler's
 * (tools/allocations/pickle_bytes.py: length and SHA-256 per case: opcodes, memo indexes, batches of
 * 1,000, 64 KiB frames), loads gives the value back, and both make the allocator calls the real ones
 * make (testdata/files_cases.json, recorded by tools/allocations/record_allocations.py files).
 */
describe('pickle.dumps writes the bytes CPython 3.11.7 writes, and loads reads them back', () => {
  for (const c of realBytes) {
    it(`${c.expr.slice(0, 70)} (protocol ${c.protocol})`, () => {
      const p = runAll(
        [
          'import pickle',
          `x = ${c.expr}`,
          `b = pickle.dumps(x, protocol=${c.protocol})`,
          'h = b.hex()',
          'n = len(b)',
          'same = pickle.loads(b) == x',
        ].join('\n'),
      );
      expect(Number(valueOf(p, 'n'))).toBe(c.length);
      const hex = valueOf(p, 'h').slice(1, -1);
      expect(createHash('sha256').update(Buffer.from(hex, 'hex')).digest('hex')).toBe(c.sha256);
      expect(valueOf(p, 'same')).toBe('True');
    });
  }

  it('an object Highwater cannot pickle says so, with no fake PicklingError', () => {
    expect(() => runAll('import pickle\nclass A:\n    pass\nb = pickle.dumps(A())')).toThrow(
      /not supported by Highwater yet: pickle of a 'A' object/,
    );
  });

  it('a truncated pickle raises what CPython raises', () => {
    const p = runAll(
      [
        'import pickle',
        'b = pickle.dumps([1, 2, 3])',
        'def attempt(data):',
        '    try:',
        '        pickle.loads(data)',
        '        return "loaded"',
        '    except (EOFError, pickle.UnpicklingError) as e:',
        '        return f"{type(e).__name__}: {e}"',
        'cut = attempt(b[:-1])',
        'empty = attempt(b"")',
        'noframe = attempt(pickle.dumps([1, 2], protocol=2)[:-1])',
      ].join('\n'),
    );
    expect(valueOf(p, 'cut')).toBe("'UnpicklingError: pickle data was truncated'");
    expect(valueOf(p, 'empty')).toBe("'EOFError: Ran out of input'");
    expect(valueOf(p, 'noframe')).toBe("'EOFError: Ran out of input'");
  });
});

describe('pickle, files: allocator calls as CPython 3.11.7 makes them', () => {
  for (const c of expected.cases) {
    it(`${c.setup.replace(/\n/g, '; ').slice(0, 90)} ⟶ ${c.statement.replace(/\n/g, '; ')}`, () => {
      expect(callsOf(c.setup, c.statement)).toEqual(c.calls);
    });
  }
});
