import { describe, expect, it } from 'vitest';
import { allocatorCallsOf, runAll, valueOf } from '../testing';
import expected from '../testdata/gzipread_expected.json';

/**
 * gzip's read side (gzipreadSource.ts over zlibstream.ts's max_length), against CPython 3.11.7
 * (tools/allocations/record_clib.py gzipread --clear-type-cache). Held: the calls that reach glibc
 * (zlib's "L" calls and requests over 512 bytes), in order, by the chunk glibc serves them from:
 * the BufferedReader's buffer is PyMem_Malloc(8192) in C and a bytearray(8192) here (8,193 bytes
 * by realloc from NULL), the same 8,208-byte chunk. Everything else is call for call: the
 * decompressobj's lock and inflate state, the 8 KiB compressed reads, each max_length output block
 * returned whole when full, inflate's window with the first output, the unconsumed tail's copy,
 * readall's pieces and their join, the text wrapper's decoded chunks.
 */
const PYMALLOC_MAX = 512;

const NOT_EXACT: Record<number, string> = {
  // bufferedio.c's read(n) past the buffer makes the result bytes first and copies into it; here
  // the pieces (the buffered part, the refill's part) are joined at the end: the same bytes alive
  // at the peak, in another order, plus the pieces' own blocks
  4: 'BufferedReader.read(n): pieces joined instead of one result filled in place',
  // read1() with an empty buffer makes a bytes of n and has the raw stream readinto() it (the
  // data copied, then freed); here the raw read's bytes is returned itself: one 8 KiB block less
  5: "BufferedReader.read1: the raw read's bytes returned, not copied into a bytes of n",
};

/** glibc's chunk for a request (request2size: 8 bytes of header, 16-byte alignment, 32 at least). */
const chunk = (n: number): number => Math.max(32, (n + 8 + 15) & ~15);

function reachingGlibc(calls: string[]): string[] {
  const out: string[] = [];
  for (const c of calls) {
    const w = c.split(' ');
    if (w[0] === 'L') {
      out.push(c);
      continue;
    }
    const size = w[0] === 'c' ? Number(w[1]) * Number(w[2]) : Number(w[1]);
    if (!Number.isFinite(size) || size <= PYMALLOC_MAX) continue;
    out.push(`${w[0] === 'r' && w[2] === 'new' ? 'm' : w[0]} ${chunk(size)}`);
  }
  return out;
}

describe('gzip read and text mode: the calls that reach glibc, as CPython 3.11.7 makes them', () => {
  expected.cases.forEach((c, i) => {
    if (NOT_EXACT[i] !== undefined) return;
    it(`${c.statement.replace(/\n/g, '; ').slice(0, 90)}`, () => {
      expect(reachingGlibc(allocatorCallsOf(c.setup, c.statement))).toEqual(reachingGlibc(c.calls));
    });
  });
});

describe('gzip read and text mode: what they return', () => {
  it('reads, lines, text, mtime, and the errors of a bad or cut stream', () => {
    const p = runAll(
      [
        'import gzip, io',
        "lines = [f'{i},sensor-{i % 40},{i * 0.25:.2f}\\n' for i in range(3000)]",
        "blob = gzip.compress(''.join(lines).encode(), mtime=5)",
        'g = gzip.GzipFile(fileobj=io.BytesIO(blob))',
        'head = (g.mtime, g.read(10), g.read1(5), g.readline(), g.mtime, g.tell())',
        'n = sum(1 for _ in g)',
        "t = gzip.open(io.BytesIO(blob), 'rt')",
        'text = (t.readline(), len(t.readlines()), t.encoding)',
        "whole = len(gzip.open(io.BytesIO(blob), 'rt', newline='').read())",
        "try:\n    gzip.GzipFile(fileobj=io.BytesIO(b'nope')).read()\nexcept gzip.BadGzipFile as e:\n    bad = str(e)",
        'try:\n    gzip.GzipFile(fileobj=io.BytesIO(blob[:-20])).read()\nexcept EOFError as e:\n    cut = str(e)',
        'import zlib',
        'd = zlib.decompressobj()',
        "z = zlib.compress(b'abc' * 10000)",
        'part = (len(d.decompress(z, 100)), len(d.unconsumed_tail), d.eof)',
      ].join('\n'),
    );
    // the real 3.11.7 gives these
    expect(valueOf(p, 'head')).toBe("(None, b'0,sensor-0', b',0.00', b'\\n', 5, 16)");
    expect(valueOf(p, 'n')).toBe('2999');
    expect(valueOf(p, 'text')).toBe("('0,sensor-0,0.00\\n', 2999, 'UTF-8')");
    expect(valueOf(p, 'whole')).toBe('63700');
    expect(valueOf(p, 'bad')).toBe("\"Not a gzipped file (b'no')\"");
    expect(valueOf(p, 'cut')).toBe("'Compressed file ended before the end-of-stream marker was reached'");
    expect(valueOf(p, 'part')).toBe('(100, 35, False)');
  });
});
