import { describe, expect, it } from 'vitest';
import { allocatorCallsOf, runAll, valueOf } from '../testing';
import expected from '../testdata/zlibstream_expected.json';

/**
 * zlib.compressobj / zlib.decompressobj (zlibstream.ts), allocator call by allocator call, against
 * CPython 3.11.7 (tools/allocations/record_clib.py zlibstream --clear-type-cache): the object (168
 * bytes), its lock and deflate's state and four 64 KiB arrays (or inflate's state), each
 * compress()/decompress() output buffer and its join, deflateEnd at flush(Z_FINISH), inflate's
 * window with the first output, unused_data before the join, inflateEnd at flush() after the end,
 * the lock last at dealloc. Held: the object and every call that reaches glibc (zlib's "L" calls
 * and requests over 512 bytes), in order; the statement's own small objects are pymalloc's.
 */
const PYMALLOC_MAX = 512;

function held(calls: string[]): string[] {
  return calls.filter((c) => {
    if (c.startsWith('L ') || c === 'm 168') return true;
    const w = c.split(' ');
    const size = w[0] === 'c' ? Number(w[1]) * Number(w[2]) : Number(w[1]);
    return Number.isFinite(size) && size > PYMALLOC_MAX;
  });
}

describe('zlib streaming objects: the calls CPython 3.11.7 makes', () => {
  for (const c of expected.cases) {
    it(`${c.setup.split('\n').slice(-1)[0].slice(0, 60)} ⟶ ${c.statement.slice(0, 70)}`, () => {
      expect(held(allocatorCallsOf(c.setup, c.statement))).toEqual(held(c.calls));
    });
  }
});

describe('zlib streaming objects: what they return', () => {
  it('round trip through compressobj and decompressobj in pieces, with eof and unused_data', () => {
    const p = runAll(
      [
        'import zlib',
        "data = b''.join(b'%d:%s;' % (i, b'x' * (i % 13)) for i in range(20000))",
        'c = zlib.compressobj(6)',
        'parts = [c.compress(data[i:i + 4096]) for i in range(0, len(data), 4096)]',
        'parts.append(c.flush())',
        "body = b''.join(parts) + b'extra'",
        'd = zlib.decompressobj()',
        'out = d.decompress(body[:1000]) + d.decompress(body[1000:])',
        'ok = (out == data, d.eof, d.unused_data, d.flush(), len(parts[0]))',
        'after = c.flush(zlib.Z_NO_FLUSH)',
        'try:\n    c.compress(b"more")\nexcept zlib.error as e:\n    err = str(e)',
      ].join('\n'),
    );
    // the real 3.11.7: (True, True, b'extra', b'', 2); b''; 'Error -2 while compressing data: inconsistent stream state'
    expect(valueOf(p, 'ok')).toBe("(True, True, b'extra', b'', 2)");
    expect(valueOf(p, 'after')).toBe("b''");
    expect(valueOf(p, 'err')).toBe("'Error -2 while compressing data: inconsistent stream state'");
  });
});
