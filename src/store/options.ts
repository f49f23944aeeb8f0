import { create } from 'zustand';
import { DEFAULT_ENV, type EnvSpec } from '../protocol/environment';
import type { TunableOptions } from '../protocol/messages';

/**
 * The environment the script runs in: the interpreter version and the variables (LD_PRELOAD,
 * MALLOC_CONF, …), plus glibc's tunables as the options panel sets them (on top of the variables).
 */
export interface OptionsState {
  tunables: TunableOptions;
  env: EnvSpec;
  setTunables: (t: TunableOptions) => void;
  setEnv: (e: EnvSpec) => void;
}

export const useOptions = create<OptionsState>((set) => ({
  tunables: {},
  env: DEFAULT_ENV,
  setTunables: (tunables) => set({ tunables }),
  setEnv: (env) => set({ env }),
}));

export const selectTunables = (s: OptionsState): TunableOptions => s.tunables;
export const selectEnv = (s: OptionsState): EnvSpec => s.env;
