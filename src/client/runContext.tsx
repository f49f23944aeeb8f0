import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { engineClient, type EngineClient } from './engineClient';
import { useRun, type RunData, type RunStore } from './runStore';

/**
 * Which run a view shows: the page's own (useRun, engineClient()) by default, or one environment's
 * run in the comparison, where the same views are drawn once per environment. Views read the run
 * through these hooks, never through useRun directly.
 */
export interface RunSource {
  store: RunStore;
  client: () => EngineClient;
  /** False for a comparison column: global figures (exports) stay the page's own run's. */
  main: boolean;
}

const MAIN: RunSource = { store: useRun, client: engineClient, main: true };
const RunContext = createContext<RunSource>(MAIN);

export const RunProvider = RunContext.Provider;

export const useRunSource = (): RunSource => useContext(RunContext);

/** A slice of the run the view shows (re-renders when it changes). */
export function useRunData<T>(select: (s: RunData) => T): T {
  return useStore(useContext(RunContext).store, select);
}
