import { glibcOf, type Snapshot } from '../engine/trace/snapshot';
import { memoByLayers } from './memo';

/** One line of the bins panel. */
export interface BinRow {
  bin: 'tcache' | 'fastbin' | 'unsorted' | 'smallbin' | 'largebin' | 'top';
  index: number;
  label: string;
  count: number;
  bytes: number;
}

const smallIndex = (size: number): number => size >> 4;
export function largeIndex(size: number): number {
  const steps: [number, number, number][] = [
    [64, 48, 48],
    [512, 20, 91],
    [4096, 10, 110],
    [32768, 4, 119],
    [262144, 2, 124],
  ];
  for (const [div, lim, base] of steps)
    if (Math.floor(size / div) <= lim) return base + Math.floor(size / div);
  return 126;
}

/**
 * The bins as glibc would list them, rebuilt from chunk states and sizes (the snapshot carries no
 * list links: which bin a chunk is in follows from its size and state).
 */
function build(s: Snapshot): BinRow[] {
  const g = glibcOf(s);
  if (!g) return [];
  const h = g.heap;
  const acc = new Map<string, BinRow>();
  const add = (bin: BinRow['bin'], index: number, label: string, bytes: number): void => {
    const key = `${bin}:${index}`;
    const row = acc.get(key) ?? { bin, index, label, count: 0, bytes: 0 };
    row.count++;
    row.bytes += bytes;
    acc.set(key, row);
  };
  for (let i = 0; i < h.count; i++) {
    const size = h.sizeG[i] * 16;
    switch (h.state[i]) {
      case 2:
        add('tcache', (size - 17) >> 4, `tcache ${size} B`, size);
        break;
      case 3:
        add('fastbin', (size >> 4) - 2, `fastbin ${size} B`, size);
        break;
      case 4:
        add('unsorted', 1, 'unsorted', size);
        break;
      case 5:
        add('smallbin', smallIndex(size), `small bin ${smallIndex(size)} (${size} B)`, size);
        break;
      case 6: {
        const idx = largeIndex(size);
        add('largebin', idx, `large bin ${idx}`, size);
        break;
      }
      case 7:
        add('top', 0, 'top', size);
        break;
    }
  }
  const order = ['tcache', 'fastbin', 'unsorted', 'smallbin', 'largebin', 'top'];
  return [...acc.values()].sort((a, b) => order.indexOf(a.bin) - order.indexOf(b.bin) || a.index - b.index);
}

export const binRows = memoByLayers(build);
