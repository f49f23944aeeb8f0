import { create } from 'zustand';
import type { Snapshot } from '../engine/trace/snapshot';
import type { Position } from '../protocol/messages';

/**
 * "Compare with step N": the position every view colours the differences against, and its
 * snapshot once the worker sent it. Null: the views mark what the last move changed.
 */
export interface CompareState {
  position: Position | null;
  snapshot: Snapshot | null;
  set: (position: Position | null, snapshot?: Snapshot | null) => void;
}

export const useCompare = create<CompareState>((set) => ({
  position: null,
  snapshot: null,
  set: (position, snapshot = null) => set({ position, snapshot }),
}));
