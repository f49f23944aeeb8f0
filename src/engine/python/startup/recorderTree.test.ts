import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '../syntax';
import { cpythonVersion } from '../versions';
import { Ast2Obj } from './ast2obj';
import { AstHeap, type TreeMemory } from './astHeap';
import { RecorderTree } from './recorderTree';

/** A pymalloc stand-in that counts the live blocks by the size asked for. */
class CountingMemory implements TreeMemory {
  private next = 16;
  readonly live = new Map<number, number>();
  mallocs = 0;
  malloc(n: number): number {
    if (n < 1 || n > 512) throw new Error(`not a pymalloc size: ${n}`);
    this.mallocs++;
    const p = (this.next += 16);
    this.live.set(p, n);
    return p;
  }
  free(p: number): void {
    if (!this.live.delete(p)) throw new Error(`free of a block not live: ${p}`);
  }
  bySize(): Record<number, number> {
    const out: Record<number, number> = {};
    for (const n of this.live.values()) out[n] = (out[n] ?? 0) + 1;
    return out;
  }
}

const SCRIPT = new URL('../../../../tests/corpus/snippets/l16_mutable_default.py', import.meta.url);

describe('ast2obj: the PyCF_ONLY_AST tree in pymalloc', () => {
  // tracemalloc on the real interpreters (PYTHONHASHSEED=0): the blocks allocated by
  // compile(src, 's.py', 'exec', PyCF_ONLY_AST) for l16_mutable_default.py and alive with the
  // tree, by the size asked for; left out: the parser's own objects (strings of 43–59 bytes, and
  // two blocks of 32 made during the parse: none of this tree's positions is past 256)
  const measured = {
    '3.11': { 8: 24, 16: 4, 24: 1, 48: 90, 56: 58, 64: 90, 72: 1, 120: 12, 208: 80 },
    '3.12': { 8: 24, 16: 4, 24: 1, 56: 150, 64: 90, 72: 1, 120: 12, 208: 78, 400: 2 },
    '3.13': { 8: 24, 16: 4, 24: 1, 56: 150, 64: 90, 72: 1, 120: 12, 208: 78, 400: 2 },
  };
  for (const [v, want] of Object.entries(measured)) {
    it(`makes the nodes, dicts, keys and lists 3.${v.slice(2)} makes (tracemalloc, ${v})`, () => {
      const py = cpythonVersion(v as '3.11');
      const mem = new CountingMemory();
      new Ast2Obj(new AstHeap(mem, py.compileTail), py.compileTail.typeParams).module(
        parse(readFileSync(SCRIPT, 'utf8'), { filename: 's.py' }),
      );
      expect(mem.bySize()).toEqual(want);
    });
  }

  it('positions past 256 are new ints; the 6th attribute resizes the keys to 16 slots', () => {
    const mem = new CountingMemory();
    const src = '\n'.repeat(299) + 'x = 1\n';
    new Ast2Obj(new AstHeap(mem, { astObjectBytes: 48 }), false).module(parse(src, { filename: 's.py' }));
    // Module, Assign, Name, Constant; lineno and end_lineno 300 on three nodes: 6 ints
    expect(mem.bySize()).toEqual({ 48: 4, 56: 3, 64: 4, 8: 2, 28: 6, 120: 2, 208: 3 });
  });
});

describe("RecorderTree: hw_child.py's _build from the source bytes to gc.collect()", () => {
  it('gives every block back once _build returned and the free lists are cleared', () => {
    for (const v of ['3.11', '3.12', '3.13'] as const) {
      const mem = new CountingMemory();
      const t = new RecorderTree(mem, cpythonVersion(v).compileTail);
      const src = readFileSync(SCRIPT, 'utf8');
      t.build(parse(src, { filename: 's.py' }), src.length);
      expect(mem.live.size).toBeGreaterThan(300);
      let kept = -1;
      t.release((heap) => {
        // the __main__ namespace's two dicts come off the dict free list the tree filled
        const before = mem.mallocs;
        heap.newDict();
        heap.newDict();
        expect(mem.mallocs).toBe(before);
        kept = mem.live.size;
      });
      expect(kept).toBeGreaterThan(2);
      expect(mem.live.size).toBe(2);
    }
  });

  it('the markers: 5 nodes each (Load, Name, Constant, Call, Expr), 4 with dicts, 2 lists', () => {
    const count = (src: string): Record<number, number> => {
      const mem = new CountingMemory();
      const t = new RecorderTree(mem, cpythonVersion('3.11').compileTail);
      t.build(parse(src, { filename: 's.py' }), src.length);
      return mem.bySize();
    };
    const one = count('pass\n');
    const two = count('pass\npass\n');
    // one more statement: a Pass node (4 attributes: 8-slot keys) and one more marker
    expect(two[48] - one[48]).toBe(1 + 5);
    expect(two[64] - one[64]).toBe(1 + 4);
    expect(two[208] - one[208]).toBe(2); // the marker's Call and Name: 6 and 7 attributes
  });
});
