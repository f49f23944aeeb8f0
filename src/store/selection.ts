import { create } from 'zustand';
import type { MemoryRef } from '../engine/explain/types';

/** What the user picked (a chunk, pool, arena, region…): every view highlights the same bytes. */
export interface SelectionState {
  selected: MemoryRef | null;
  select: (r: MemoryRef | null) => void;
}

export const useSelection = create<SelectionState>((set) => ({
  selected: null,
  select: (selected) => set({ selected }),
}));

export const selectSelected = (s: SelectionState): MemoryRef | null => s.selected;
