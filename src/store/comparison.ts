import { create } from 'zustand';
import type { EnvSpec } from '../protocol/environment';

/**
 * The comparison (issue 9: "what would give the memory back?"): the same script run in two to four
 * environments side by side, or null while the page shows one run with its full views.
 */
export interface ComparisonState {
  envs: EnvSpec[] | null;
  setEnvs: (envs: EnvSpec[] | null) => void;
}

export const useComparison = create<ComparisonState>((set) => ({
  envs: null,
  setEnvs: (envs) => set({ envs: envs && envs.length >= 2 ? envs : null }),
}));

export const selectCompareEnvs = (s: ComparisonState): EnvSpec[] | null => s.envs;
