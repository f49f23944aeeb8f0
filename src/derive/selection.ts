import type { MemoryRef } from '../engine/explain/types';

/** The bytes of address a selection covers, or null (a bin is not a place). */
export function refRange(r: MemoryRef | null): [number, number] | null {
  if (!r) return null;
  switch (r.kind) {
    case 'chunk':
    case 'block':
    case 'mmappedChunk':
      return [r.address, r.address + r.size];
    case 'heapRange':
      return [r.from, r.to];
    case 'region':
      return [r.start, r.start + r.length];
    case 'arena':
      return [r.address, r.address + (1 << 20)];
    case 'pool':
      return [r.address, r.address + (1 << 14)];
    case 'bin':
      return null;
  }
}

export const overlaps = (range: [number, number] | null, from: number, to: number): boolean =>
  range !== null && range[0] < to && from < range[1];

export function describeRef(r: MemoryRef): string {
  const hex = (n: number): string => '0x' + n.toString(16);
  switch (r.kind) {
    case 'chunk':
      return `chunk at ${hex(r.address)}, ${r.size.toLocaleString('en-US')} B`;
    case 'block':
      return `block at ${hex(r.address)}, ${r.size} B`;
    case 'mmappedChunk':
      return `mmapped chunk at ${hex(r.address)}, ${r.size.toLocaleString('en-US')} B`;
    case 'heapRange':
      return `heap ${hex(r.from)}–${hex(r.to)}`;
    case 'region':
      return `region at ${hex(r.start)}, ${r.length.toLocaleString('en-US')} B`;
    case 'arena':
      return `arena at ${hex(r.address)}`;
    case 'pool':
      return `pool at ${hex(r.address)}`;
    case 'bin':
      return `${r.bin} bin ${r.index}`;
  }
}
