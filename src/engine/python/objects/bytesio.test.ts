import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runAll, valueOf } from '../testing';

/**
 * io.BytesIO's content after any mix of writes (past the end, after seeks beyond string_size,
 * over earlier data), truncates and getvalue()s in between, held to a plain byte-array model
 * of _io/bytesio.c's write_bytes (memcpy at pos, the gap past string_size zeroed) and truncate.
 * The buffer is written in place (a page store past 256 bytes), so these cross the 256-byte and
 * 4 KiB page boundaries and a shared buffer (getvalue() held) that must be copied first.
 */
type Op =
  | { kind: 'write'; len: number; byte: number }
  | { kind: 'seek'; to: number }
  | { kind: 'truncate'; to: number }
  | { kind: 'getvalue' };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('write' as const),
    len: fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 200, max: 5000 })),
    byte: fc.integer({ min: 0, max: 255 }),
  }),
  fc.record({ kind: fc.constant('seek' as const), to: fc.integer({ min: 0, max: 9000 }) }),
  fc.record({ kind: fc.constant('truncate' as const), to: fc.integer({ min: 0, max: 9000 }) }),
  fc.record({ kind: fc.constant('getvalue' as const) }),
);

function model(ops: readonly Op[]): number[] {
  let data: number[] = [];
  let pos = 0;
  for (const o of ops) {
    if (o.kind === 'write') {
      while (data.length < pos) data.push(0);
      for (let i = 0; i < o.len; i++) data[pos + i] = o.byte;
      pos += o.len;
    } else if (o.kind === 'seek') pos = o.to;
    else if (o.kind === 'truncate' && o.to < data.length) data = data.slice(0, o.to);
  }
  return data;
}

function script(ops: readonly Op[]): string {
  const lines = ['import io', 'b = io.BytesIO()', 'held = []'];
  for (const o of ops) {
    if (o.kind === 'write') lines.push(`b.write(bytes([${o.byte}]) * ${o.len})`);
    else if (o.kind === 'seek') lines.push(`b.seek(${o.to})`);
    else if (o.kind === 'truncate') lines.push(`b.truncate(${o.to})`);
    else lines.push('held.append(b.getvalue())');
  }
  lines.push('v = b.getvalue()', 'out = (len(v), sum(v), v.count(0), v[::97].hex())');
  return lines.join('\n');
}

const digest = (d: number[]): string => {
  const sampled = d.filter((_, i) => i % 97 === 0);
  const hex = sampled.map((x) => x.toString(16).padStart(2, '0')).join('');
  return `(${d.length}, ${d.reduce((a, x) => a + x, 0)}, ${d.filter((x) => x === 0).length}, '${hex}')`;
};

describe('io.BytesIO content (write_bytes written in place)', () => {
  it('matches a byte-array model after writes, seeks, truncates and held getvalue()s', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 14 }), (ops) => {
        expect(valueOf(runAll(script(ops)), 'out')).toBe(digest(model(ops)));
      }),
      { numRuns: 25 },
    );
  });

  it('keeps what getvalue() returned when later writes change the buffer', () => {
    const p = runAll(
      [
        'import io',
        'b = io.BytesIO()',
        'for i in range(3000): b.write(b"ab")',
        'first = b.getvalue()',
        'b.seek(0)',
        'b.write(b"Z" * 10)',
        'second = b.getvalue()',
        'out = (first[:12], second[:12], len(first), len(second), len(b.read()), b.tell())',
      ].join('\n'),
    );
    expect(valueOf(p, 'out')).toBe("(b'abababababab', b'ZZZZZZZZZZab', 6000, 6000, 5990, 6000)");
  });

  it('reads lines and readinto across the page store', () => {
    const p = runAll(
      [
        'import io',
        'b = io.BytesIO()',
        'for i in range(2000): b.write(b"line %d\\n" % i)',
        'b.seek(0)',
        'lines = b.readlines()',
        'b.seek(4090)',
        'ba = bytearray(12)',
        'n = b.readinto(ba)',
        'out = (len(lines), lines[1999], n, bytes(ba) == b.getvalue()[4090:4102])',
      ].join('\n'),
    );
    expect(valueOf(p, 'out')).toBe("(2000, b'line 1999\\n', 12, True)");
  });

  it('writes through getbuffer() into a private copy of shared initial bytes', () => {
    const p = runAll(
      [
        'import io',
        'src = b"abcdef" * 100',
        'b = io.BytesIO(src)',
        'v = b.getbuffer()',
        'v[0] = 90',
        'v[599] = 89',
        'del v',
        'out = (b.getvalue()[:3], b.getvalue()[-2:], src[:3])',
      ].join('\n'),
    );
    expect(valueOf(p, 'out')).toBe("(b'Zbc', b'eY', b'abc')");
  });
});
