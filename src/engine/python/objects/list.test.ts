import { describe, expect, it } from 'vitest';
import { callsOf, runAll, valueOf } from '../testing';

/** Slot counts from a trace of reallocs ("r 32 new", "r 64", …): bytes / 8. */
const slots = (calls: string[]) =>
  calls.filter((c) => c.startsWith('r ')).map((c) => Number(c.split(' ')[1]) / 8);

describe('list (Objects/listobject.c)', () => {
  it('grows by appends as list_resize does: 0, 4, 8, 16, 24, 32, 40, 52, 64, 76, 92, …', () => {
    const calls = callsOf('a = []', 'for i in range(401):\n    a.append(i)');
    expect(slots(calls)).toEqual([
      4, 8, 16, 24, 32, 40, 52, 64, 76, 92, 108, 128, 148, 172, 200, 232, 268, 308, 352, 400, 456,
    ]);
  });

  it('needs 86 resizes for 1,000,000 appends, the last to 8,448,672 bytes', () => {
    const calls = callsOf('a = []', 'for i in range(1000000):\n    a.append(i)');
    const resizes = calls.filter((c) => c.startsWith('r '));
    expect(resizes).toHaveLength(86);
    expect(resizes.at(-1)).toBe('r 8448672');
    // the 8 resizes inside pymalloc, then 608 bytes leaves it (a realloc to a libc chunk)
    expect(resizes.slice(0, 10).map((r) => Number(r.split(' ')[1]))).toEqual([
      32, 64, 128, 192, 256, 320, 416, 512, 608, 736,
    ]);
  });

  it('does not reallocate while allocated/2 <= newsize <= allocated (pop keeps the array)', () => {
    const calls = callsOf('a = list(range(100))', 'x = a.pop()\ny = a.pop()');
    expect(calls.filter((c) => c.startsWith('r '))).toEqual([]);
  });

  it('makes [x] * n with an exact PyMem_Malloc(8n), after a calloc for the [x] temporary', () => {
    expect(callsOf('', 'a = [0] * 100')).toEqual(['m 56', 'c 1 8', 'm 56', 'm 800', 'f 8']);
  });

  it('builds [a, b, c] of constants as BUILD_LIST 0 + LIST_EXTEND, rounded up to an even slot count', () => {
    expect(callsOf('', 'a = [1, 2, 3]')).toEqual(['m 56', 'm 32']);
    expect(callsOf('', 'a = [1, 2]')).toEqual(['m 56', 'c 2 8']);
  });

  it('frees the items last to first, then the array; the header goes to the free list', () => {
    const calls = callsOf('', 'a = [[0] * 3 for _ in range(3)]\ndel a');
    expect(calls.slice(-4)).toEqual(['f 24', 'f 24', 'f 24', 'f 32']);
  });

  it('keeps up to 80 dead list headers (PyList_MAXFREELIST)', () => {
    const p = runAll('a = [[] for _ in range(100)]\ndel a');
    expect(p.vm.free.lists.length).toBe(80);
  });

  it('slices, inserts, extends and deletes with the right contents', () => {
    const p = runAll(
      'a = list(range(10))\na.insert(0, -1)\na.extend([10, 11])\ndel a[2:5]\nb = a[::3]\nc = a + b',
    );
    expect(valueOf(p, 'a')).toBe('[-1, 0, 4, 5, 6, 7, 8, 9, 10, 11]');
    expect(valueOf(p, 'b')).toBe('[-1, 5, 8, 11]');
    expect(valueOf(p, 'c')).toBe('[-1, 0, 4, 5, 6, 7, 8, 9, 10, 11, -1, 5, 8, 11]');
  });

  it('keeps [x] * n as one run until an item changes', () => {
    const p = runAll('a = [7] * 5\na[2] = 3\na.append(7)');
    expect(valueOf(p, 'a')).toBe('[7, 7, 3, 7, 7, 7]');
  });
});
