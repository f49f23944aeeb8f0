import { describe, expect, it } from 'vitest';
import { PythonProcess } from '../process';
import { valueOf } from '../testing';

/**
 * Reads that fault pages in (bytesread.ts): bytes(n) is PyObject_Calloc'd, so its pages past the
 * header are never written (a fresh mmap for n >= 128 KiB) and a read of them makes them resident
 * on this machine's kernel. Each row: the real VmRSS change (KB) that stays after the statement's
 * result is dropped, measured on 3.11.7 (PYTHONHASHSEED=0, one fresh process a row, 2026-12-07;
 * docs/read-faults.md has the table and the script). The simulator must land within 4 pages.
 */
const MEASURED: [string, string, string, number][] = [
  // [what, setup, statement, KB left resident]
  ['nothing read', 'src = bytes(N)', 'r = len(src)', 0],
  ['count (stringlib count)', 'src = bytes(N)', "r = src.count(b'x')", 1952],
  ['find of a byte (memchr)', 'src = bytes(N)', "r = src.find(b'x')", 1952],
  ['find of two bytes (fastsearch)', 'src = bytes(N)', "r = src.find(b'xy')", 1952],
  ['rfind', 'src = bytes(N)', "r = src.rfind(b'x')", 1952],
  ['in (_Py_bytes_contains)', 'src = bytes(N)', "r = b'x' in src", 1952],
  ['decode latin-1', 'src = bytes(N)', "r = src.decode('latin-1')", 1956],
  ['== of two (memcmp)', 'src = bytes(N); other = bytes(N)', 'r = src == other', 3904],
  ['bytes(b) is b', 'src = bytes(N)', 'r = bytes(src)', 0],
  ['b[:] is b', 'src = bytes(N)', 'r = src[:]', 0],
  ['bytearray(b) (the memcpy source)', 'src = bytes(N)', 'r = bytearray(src)', 1952],
  ['a step slice reads the span', 'src = bytes(N)', 'r = src[::2]', 1952],
  ['half a slice reads half', 'src = bytes(N)', 'r = src[:N//2]', 976],
  ['one index, one page', 'src = bytes(N)', 'r = src[N-1]', 4],
  ['iteration', 'src = bytes(N)', 'for r in src: pass', 1952],
  ['sum (the iterator)', 'src = bytes(N)', 'r = sum(src)', 1952],
  ['memoryview tolist', 'src = bytes(N)', 'r = memoryview(src).tolist()', 1952],
  ['memoryview tobytes', 'src = bytes(N)', 'r = memoryview(src).tobytes()', 1952],
  ['a memoryview slice copied', 'src = bytes(N)', 'r = bytes(memoryview(src)[:N//2])', 976],
  ['one memoryview item', 'src = bytes(N)', 'r = memoryview(src)[5000]', 4],
  ['endswith (the tail memcmp)', 'src = bytes(N)', "r = src.endswith(b'x')", 4],
  ['join of two', 'src = bytes(N)', "r = b''.join([src, src])", 1952],
  ['concatenation (bytes_concat: two memcpys)', 'src = bytes(N)', 'r = src + b"x"', 1952],
  ['join of one is the item', 'src = bytes(N)', "r = b''.join([src])", 0],
  ['md5', 'import hashlib\nsrc = bytes(N)', 'r = hashlib.md5(src).digest()', 1952],
  ['crc32', 'import zlib\nsrc = bytes(N)', 'r = zlib.crc32(src)', 1952],
  ['translate', 'src = bytes(N)', 'r = src.translate(None)', 1952],
  ['int.from_bytes', 'src = bytes(N)', "r = int.from_bytes(src, 'little')", 1956],
  ['write to a file', 'src = bytes(N)', "f = open('out.bin', 'wb'); f.write(src); f.close(); r = None", 1964],
  ['io.BytesIO shares, reads nothing', 'import io\nsrc = bytes(N)', 'r = io.BytesIO(src).read()', 0],
  ['bytearray(n) is written (memset)', 'src = bytearray(N)', "r = src.count(b'x')", 0],
  ["b'\\0' * n is written", "src = b'\\0' * N", "r = src.count(b'x')", 0],
  ['anonymous mmap find', 'import mmap\nsrc = mmap.mmap(-1, N)', "r = src.find(b'x')", 1956],
];

/** The KB that stay resident after `statement` runs and its result `r` is dropped. */
function residentAfter(setup: string, statement: string, n: number): number {
  const p = new PythonProcess({});
  p.load('');
  p.exec(`N = ${n}\n${setup}`);
  const before = p.kernel.rss;
  p.exec(statement);
  p.exec('r = None');
  return (p.kernel.rss - before) / 1024;
}

describe('reads of never-written bytes fault their pages in (bytes(2_000_000), measured)', () => {
  for (const [what, setup, statement, kb] of MEASURED)
    it(`${what}: ${statement} +${kb} KB`, () => {
      // 4 pages: what a statement's own objects add (the file's 8 KiB buffer, the method call)
      expect(Math.abs(residentAfter(setup, statement, 2_000_000) - kb)).toBeLessThanOrEqual(16);
    });

  it("hash (_Py_HashBytes) of bytes(800_000): +780 KB", () => {
    expect(Math.abs(residentAfter('src = bytes(N)', 'r = hash(src)', 800_000) - 780)).toBeLessThanOrEqual(8);
  });

  it('bytes(n) from the brk top: only the part past the old top is unwritten (calloc), and a join reads it', () => {
    // real: the list +18,116 KB, the join +20,960 KB, 1,428 KB left after `del j`
    const p = new PythonProcess({});
    p.load('');
    const a = p.kernel.rss;
    p.exec('L = [bytes(50_000) for _ in range(400)]');
    const b = p.kernel.rss;
    p.exec("j = b''.join(L)\ndel j");
    const left = (p.kernel.rss - b) / 1024;
    expect(Math.abs((b - a) / 1024 - 18116)).toBeLessThanOrEqual(64);
    expect(Math.abs(left - 1428)).toBeLessThanOrEqual(64);
  });

  it('big contents concatenate and repeat as python3.11 prints them', () => {
    const p = new PythonProcess({});
    p.load('');
    p.exec("src = bytes(2_000_000)\nout = [(src + b'ab').count(b'ab'), len(src * 2), (src + b'xyz')[-3:], (b'ab' * 3_000_000)[-2:], (src + src)[:3] == bytes(3)]");
    expect(valueOf(p, 'out')).toBe("[1, 4000000, b'xyz', b'ab', True]");
  });

  it('a read already resident costs no second fault: count twice is the same +1,952 KB', () => {
    expect(Math.abs(residentAfter('src = bytes(N)', "r = src.count(b'x'); r = src.find(b'x')", 2_000_000) - 1952)).toBeLessThanOrEqual(8);
  });
});
