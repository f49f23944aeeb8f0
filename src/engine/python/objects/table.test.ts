import { describe, expect, it } from 'vitest';
import { runAll } from '../testing';
import { F_IMMORTAL, Layout, ObjectTable } from './table';
import { T } from './types';

function table(): ObjectTable {
  const t = new ObjectTable(1 << 14);
  t.layoutOf[T.Int] = Layout.Scalar;
  t.layoutOf[T.Str] = Layout.Str;
  return t;
}

describe('the object table (handles in per-layout blocks)', () => {
  it('hands out ints, strs and lists from separate blocks, and reuses a handle within its layout', () => {
    const t = table();
    const i1 = t.newHandle(T.Int);
    const s1 = t.newHandle(T.Str);
    const l1 = t.newHandle(T.List);
    const i2 = t.newHandle(T.Int);
    expect(i2).toBe(i1 + 1);
    expect(new Set([t.layoutAt(i1), t.layoutAt(s1), t.layoutAt(l1)])).toEqual(
      new Set([Layout.Scalar, Layout.Str, Layout.All]),
    );
    expect(Math.abs(s1 - i1)).toBeGreaterThanOrEqual(1 << 13);
    t.release(i1);
    t.release(l1);
    expect(t.newHandle(T.List)).toBe(l1);
    expect(t.newHandle(T.Int)).toBe(i1);
    expect(t.live).toBe(4);
    expect(t.gen[i1]).toBe(-1);
    expect(t.gen[l1]).toBe(-1);
  });

  it('keeps every column of every layout across growth (four times, block by block)', () => {
    const t = table();
    const made: [number, number][] = [];
    for (let i = 0; i < 200_000; i++) {
      const type = i % 3 === 0 ? T.Int : i % 3 === 1 ? T.Str : T.Tuple;
      const h = t.newHandle(type);
      t.addr[h] = 0x7f00_0000_0000 + i * 16;
      t.num[h] = i + 0.5;
      t.flags[h] = F_IMMORTAL;
      if (type !== T.Int) {
        t.n[h] = i;
        t.ref[h] = -i;
      }
      if (type === T.Tuple) {
        t.gcNext[h] = i + 1;
        t.pcap[h] = 7;
      }
      made.push([h, i]);
    }
    expect(t.capacity).toBeGreaterThanOrEqual(t.end);
    const wrong: number[] = [];
    for (const [h, i] of made) {
      const type = i % 3 === 0 ? T.Int : i % 3 === 1 ? T.Str : T.Tuple;
      const ok =
        t.type[h] === type &&
        t.addr[h] === 0x7f00_0000_0000 + i * 16 &&
        t.num[h] === i + 0.5 &&
        t.refcnt[h] === 1 &&
        t.n[h] === (type === T.Int ? 0 : i) &&
        t.ref[h] === (type === T.Int ? 0 : -i) &&
        t.gcNext[h] === (type === T.Tuple ? i + 1 : 0) &&
        t.gen[h] === -1;
      if (!ok) wrong.push(h);
    }
    expect(wrong).toEqual([]);
    expect(t.checkLayouts()).toBeNull();
  });

  it('finds a narrow-layout object that wrote a column its layout does not keep', () => {
    const t = table();
    const h = t.newHandle(T.Int);
    t.ref[h] = 5;
    expect(t.checkLayouts()).toMatch(/wrote ref/);
  });
});

describe('the layout contract holds for what scripts make', () => {
  it('ints, floats, bools, strs and tuples write only their own columns', () => {
    const p = runAll(`
a = [str(i) for i in range(3000)]
b = [x + 'é' for x in a[:300]] + [x * 3 for x in a[:300]] + ['\\u20ac' + x for x in a[:100]]
c = [i * 1.5 for i in range(2000)] + [2 ** 70 + i for i in range(100)] + [-i for i in range(500)]
d = {x: i for i, x in enumerate(a)}
e = {float(i): True for i in range(300)}
s = set(a[:500])
s2 = {i for i in range(700)}
t = ''
for i in range(300):
    t += str(i)
u = ' '.join(a[:200]).split(' ')
v = [x.upper() + x.lower() for x in b[:50]] + [repr(x) for x in c[:50]]
w = sorted(a[:1000]) + [str(True), str(None), str(c[5])]
x = [len(y) for y in a]
y = [(i,) for i in range(2000)] + [(i, str(i), None) for i in range(2000)] + list(zip(x, x))
z = [tuple(range(i % 40)) for i in range(500)] + sorted(d.items())[:300] + [divmod(i, 7) for i in range(300)]
del a[::2], c[::3], d, y[::2], z[::3]
q = [(i, i) for i in range(3000)]
`);
    expect(p.vm.table.checkLayouts()).toBeNull();
    expect(p.vm.table.live).toBeGreaterThan(5000);
  });
});
