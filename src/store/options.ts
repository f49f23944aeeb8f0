import { create } from 'zustand';
import type { TunableOptions } from '../protocol/messages';

export interface OptionsState {
  tunables: TunableOptions;
  setTunables: (t: TunableOptions) => void;
}

export const useOptions = create<OptionsState>((set) => ({
  tunables: {},
  setTunables: (tunables) => set({ tunables }),
}));

export const selectTunables = (s: OptionsState): TunableOptions => s.tunables;
