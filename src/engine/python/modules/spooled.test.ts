import { describe, expect, it } from 'vitest';
import { runAll, valueOf } from '../testing';

/**
 * tempfile.SpooledTemporaryFile (binary modes): a BytesIO until a write leaves tell() past
 * max_size, then rollover() into a TemporaryFile with the position kept. Expected values printed
 * by 3.11.7 for the same statements (PYTHONHASHSEED=0):
 * `600 False 600 True 1200 b'aaaaaaaaaabbbbbbbbbb' 1 rb+ True False True True b'xy\nz'
 * [b'1\n', b'2\n'] False` (truncate() after a rollover is BufferedRandom.truncate: not modelled).
 */
const SCRIPT = [
  'import tempfile',
  's = tempfile.SpooledTemporaryFile(max_size=1000)',
  'n1 = s.write(b"a" * 600)',
  'r1 = s._rolled',
  'n2 = s.write(b"b" * 600)',
  'r2 = s._rolled',
  'pos = s.tell()',
  's.seek(590)',
  'mid = s.read(20)',
  's.seek(0)',
  'lines = list(s)',
  'nlines = len(lines)',
  'mode = s.mode',
  's.close()',
  'c1 = s.closed',
  't = tempfile.SpooledTemporaryFile(max_size=10)',
  't.write(b"xy\\nz")',
  'r3 = t._rolled',
  'fn = t.fileno() > 2',
  'r4 = t._rolled',
  't.seek(0)',
  'back = t.read()',
  'with tempfile.SpooledTemporaryFile() as u:',
  '    u.writelines([b"1\\n", b"2\\n"])',
  '    u.seek(0)',
  '    ul = u.readlines()',
  '    ur = u._rolled',
].join('\n');

describe('tempfile.SpooledTemporaryFile', () => {
  it('spools in memory, rolls over past max_size or on fileno(), and reads back what was written', () => {
    const p = runAll(SCRIPT);
    const got = ['n1', 'r1', 'n2', 'r2', 'pos', 'mid', 'mode', 'c1', 'r3', 'fn', 'r4', 'back', 'ul', 'ur']
      .map((n) => valueOf(p, n))
      .join(' ');
    expect(got).toBe(
      "600 False 600 True 1200 b'aaaaaaaaaabbbbbbbbbb' 'rb+' True False True True b'xy\\nz' [b'1\\n', b'2\\n'] False",
    );
    expect(valueOf(p, 'nlines')).toBe('1');
  });

  it('the spool is heap memory until rollover, then the file holds it and the BytesIO is freed', () => {
    const p = runAll(
      'import tempfile\ns = tempfile.SpooledTemporaryFile(max_size=3_000_000)\nfor i in range(40):\n    s.write(b"x" * 50_000)',
    );
    const inUse = (): number => p.libc.counters().inUseBytes;
    const before = inUse();
    // 2,000,000 bytes spooled: the BytesIO's buffer is one block at least that big
    expect(before).toBeGreaterThan(2_000_000);
    const run = p.prepare('s.rollover()');
    run();
    expect(before - inUse()).toBeGreaterThan(1_900_000);
  });

  it('a text mode says it is not modelled rather than pretending', () => {
    expect(() => runAll('import tempfile\ns = tempfile.SpooledTemporaryFile(mode="w+")')).toThrow(
      /not supported by Highwater yet: tempfile.SpooledTemporaryFile in a text mode/,
    );
  });
});
