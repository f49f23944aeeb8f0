import { describe, expect, it } from 'vitest';
import { runAll, valueOf } from '../testing';

/**
 * A file object's .mode: a binary file answers its raw FileIO's mode string, a text file the
 * string given to open(). 3.11.7 printed "wb wb; w+b rb+; r+b rb+; rb rb; ab ab; a+b ab+; xb xb;
 * x+b xb+; w w" for open(p, m).mode in that order, and `mode='wb'` in a buffering=0 repr.
 */
describe('file modes as FileIO spells them', () => {
  it('binary modes read back as rb/wb/ab/xb with +, text modes as given', () => {
    const p = runAll(
      [
        'import os',
        'p = "/tmp/hw_mode_test"',
        'out = []',
        'for m in ["wb", "w+b", "r+b", "rb", "ab", "a+b", "xb", "x+b", "w"]:',
        '    if "x" in m and os.path.exists(p):',
        '        os.remove(p)',
        '    f = open(p, m)',
        '    out.append(f.mode)',
        '    f.close()',
        'f = open(p, "wb", buffering=0)',
        'r = repr(f)',
        'f.close()',
      ].join('\n'),
    );
    expect(valueOf(p, 'out')).toBe("['wb', 'rb+', 'rb+', 'rb', 'ab', 'ab+', 'xb', 'xb+', 'w']");
    expect(valueOf(p, 'r')).toBe("\"<_io.FileIO name='/tmp/hw_mode_test' mode='wb' closefd=True>\"");
  });
});
