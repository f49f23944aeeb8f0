import type { MemoryRef } from '../engine/explain/types';
import type { LibcKind } from '../engine/libc/libc';

/** The bytes of address a selection covers, or null (a bin is not a place). */
export function refRange(r: MemoryRef | null): [number, number] | null {
  if (!r) return null;
  switch (r.kind) {
    case 'chunk':
    case 'block':
    case 'mmappedChunk':
    case 'extent':
    case 'segment':
    case 'miPage':
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

/** What the C library calls one allocation. */
const UNIT_NAME: Record<LibcKind, string> = { glibc: 'chunk', jemalloc: 'region', mimalloc: 'block' };

export function describeRef(r: MemoryRef, libc: LibcKind = 'glibc'): string {
  const hex = (n: number): string => '0x' + n.toString(16);
  switch (r.kind) {
    case 'chunk':
      return `${UNIT_NAME[libc]} at ${hex(r.address)}, ${r.size.toLocaleString('en-US')} B`;
    case 'extent':
      return `extent at ${hex(r.address)}, ${r.size.toLocaleString('en-US')} B`;
    case 'segment':
      return `segment at ${hex(r.address)}, ${r.size.toLocaleString('en-US')} B`;
    case 'miPage':
      return `page at ${hex(r.address)}, ${r.size.toLocaleString('en-US')} B`;
    case 'block':
      return `block at ${hex(r.address)}, ${r.size} B`;
    case 'mmappedChunk':
      return `${libc === 'glibc' ? 'mmapped chunk' : 'mapped block'} at ${hex(r.address)}, ${r.size.toLocaleString('en-US')} B`;
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
