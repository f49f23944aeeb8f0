import type { MemoryRef } from '../../engine/explain/types';
import { useSelection } from '../../store/selection';
import { useViewport } from '../../store/viewport';

/** Select what a linked word names, and bring it into view. */
export function pick(r: MemoryRef): void {
  useSelection.getState().select(r);
  if (r.kind === 'pool') useViewport.getState().setOpenPool(r.address);
  if (r.kind === 'chunk') useViewport.getState().focusHeap(r.address, r.address + r.size);
  if (r.kind === 'heapRange') useViewport.getState().focusHeap(r.from, r.to);
}
