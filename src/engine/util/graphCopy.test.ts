import { describe, expect, it } from 'vitest';
import { GraphCopy, PAGE, type PagedBuffers } from './graphCopy';

class Store {
  sizes = new Uint32Array(3 * PAGE);
  flags: Uint8Array;
  both: Float64Array;
  view: DataView;
  constructor() {
    const shared = new ArrayBuffer(PAGE * 2 + 8);
    this.flags = new Uint8Array(shared, 8);
    this.both = new Float64Array(shared, 0, 1);
    this.view = new DataView(shared, 4, 16);
  }
}

interface Layers {
  store: Store;
  names: Map<string, Int32Array>;
  self?: Layers;
}

function layers(): Layers {
  const l: Layers = { store: new Store(), names: new Map([['a', new Int32Array(10)]]) };
  l.self = l;
  return l;
}

/** A stored (paged) copy, then a working copy of it. */
function roundTrip(l: Layers, previous: PagedBuffers): { back: Layers; stored: GraphCopy } {
  const stored = new GraphCopy(new Map(), { previous });
  const s = stored.copy(l);
  return { back: new GraphCopy().copy(s), stored };
}

describe('GraphCopy, stored copies sharing pages', () => {
  it('gives back the same graph: typed arrays, a buffer shared by views, cycles, classes', () => {
    const l = layers();
    l.store.sizes[5] = 7;
    l.store.sizes[3 * PAGE - 1] = 9;
    l.store.flags[PAGE + 3] = 200;
    l.store.both[0] = 1.5;
    l.names.get('a')![9] = -4;
    const { back } = roundTrip(l, new Map());
    expect(back).not.toBe(l);
    expect(back.self).toBe(back);
    expect(back.store).toBeInstanceOf(Store);
    expect(Array.from(back.store.sizes)).toEqual(Array.from(l.store.sizes));
    expect(back.store.flags[PAGE + 3]).toBe(200);
    expect(back.store.both[0]).toBe(1.5);
    // the views still share one buffer
    expect(back.store.flags.buffer).toBe(back.store.both.buffer);
    expect(back.store.view.buffer).toBe(back.store.flags.buffer);
    expect([back.store.view.byteOffset, back.store.view.byteLength]).toEqual([4, 16]);
    expect(back.names.get('a')![9]).toBe(-4);
    // the copy is its own: writing it leaves the original
    back.store.sizes[5] = 1;
    expect(l.store.sizes[5]).toBe(7);
  });

  it('keeps only the pages that changed since the copy before, and restores the changed ones', () => {
    const l = layers();
    const first = new GraphCopy(new Map(), { previous: new Map() });
    first.copy(l);
    const whole = first.bufferBytes;
    expect(whole).toBe(3 * PAGE * 4 + PAGE * 2 + 8 + 40);
    // one word of the second page of `sizes` changes, and the store grows by appending
    l.store.sizes[PAGE / 4 + 1] = 42;
    const grown = new Uint32Array(4 * PAGE);
    grown.set(l.store.sizes);
    grown[4 * PAGE - 1] = 3;
    l.store.sizes = grown;
    const second = new GraphCopy(new Map(), { previous: first.paged });
    const s = second.copy(l);
    // the changed page and the four new ones (the store's 12 pages became 16)
    expect(second.bufferBytes).toBe(5 * PAGE);
    const back = new GraphCopy().copy(s);
    expect(back.store.sizes.length).toBe(4 * PAGE);
    expect(back.store.sizes[PAGE / 4 + 1]).toBe(42);
    expect(back.store.sizes[4 * PAGE - 1]).toBe(3);
    expect(Array.from(back.store.sizes)).toEqual(Array.from(l.store.sizes));
  });

  it('keeps a resizable buffer resizable and a length-tracking view tracking', () => {
    const Ctor = ArrayBuffer as unknown as new (
      n: number,
      o: { maxByteLength: number },
    ) => ArrayBuffer & {
      resize(n: number): void;
    };
    const b = new Ctor(16, { maxByteLength: 1024 });
    const o = { v: new Uint8Array(b) };
    o.v[15] = 5;
    const back = new GraphCopy().copy(new GraphCopy(new Map(), { previous: new Map() }).copy(o));
    expect(back.v[15]).toBe(5);
    (back.v.buffer as ArrayBuffer & { resize(n: number): void }).resize(64);
    expect(back.v.length).toBe(64);
    expect(o.v.length).toBe(16);
  });

  it('writes a working copy over the buffers of a dropped one, whole, when their sizes match', () => {
    const l = layers();
    l.store.sizes.fill(6);
    const stored = new GraphCopy(new Map(), { previous: new Map() }).copy(l);
    const first = new GraphCopy();
    const a = first.copy(stored);
    // the dropped copy's buffers hold other bytes: every byte must be written over
    a.store.sizes.fill(0xdead);
    a.store.flags.fill(1);
    const second = new GraphCopy(new Map(), null, first.made);
    const b = second.copy(stored);
    expect(b.store.sizes.buffer).toBe(a.store.sizes.buffer);
    expect(b.store.flags.buffer).toBe(a.store.flags.buffer);
    expect(Array.from(b.store.sizes)).toEqual(Array.from(l.store.sizes));
    expect(Array.from(b.store.flags)).toEqual(Array.from(l.store.flags));
  });
});
