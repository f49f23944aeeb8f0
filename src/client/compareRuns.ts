import { createStore } from 'zustand/vanilla';
import { envKey, sameEnv, type EnvSpec } from '../protocol/environment';
import type { Position, RunOptions } from '../protocol/messages';
import { EngineClient, engineClient, newWorker } from './engineClient';
import type { RunSource } from './runContext';
import { EMPTY_RUN, useRun, type RunData } from './runStore';

/**
 * The comparison's runs: one per environment, each with its own worker and its own store, so the
 * same views draw each one (RunProvider). The environment the page itself runs in reuses the page's
 * run (no second simulation of the same thing). Workers of environments no longer compared are
 * terminated.
 */
export interface ComparedColumn {
  env: EnvSpec;
  source: RunSource;
}

const MAIN: RunSource = { store: useRun, client: engineClient, main: true };
const columns = new Map<string, { client: EngineClient; source: RunSource; stop: () => void }>();
const listeners = new Set<() => void>();
const notify = (): void => listeners.forEach((f) => f());

/** Called whenever a compared run changes or settles (the idle signal listens). */
export function onColumnActivity(f: () => void): () => void {
  listeners.add(f);
  return () => listeners.delete(f);
}

function columnOf(env: EnvSpec): RunSource {
  const key = envKey(env);
  let c = columns.get(key);
  if (!c) {
    const store = createStore<RunData>(() => EMPTY_RUN);
    const client = new EngineClient(newWorker, store);
    const unsubStore = store.subscribe(notify);
    const unsubSettled = client.onSettled(notify);
    const stop = (): void => {
      unsubStore();
      unsubSettled();
    };
    c = { client, source: { store, client: () => client, main: false }, stop };
    columns.set(key, c);
  }
  return c.source;
}

/** The columns for these environments (the page's own environment on the page's run). */
export function comparedColumns(envs: readonly EnvSpec[], pageEnv: EnvSpec): ComparedColumn[] {
  return envs.map((env) => ({ env, source: sameEnv(env, pageEnv) ? MAIN : columnOf(env) }));
}

/** Stop and forget the workers of environments not in `keep`. */
export function dropColumns(keep: readonly EnvSpec[]): void {
  const wanted = new Set(keep.map(envKey));
  for (const [key, c] of columns)
    if (!wanted.has(key)) {
      c.client.cancel();
      c.stop();
      columns.delete(key);
      notify();
    }
}

/** Every worker the comparison started (the idle signal waits for them). */
export const compareClients = (): EngineClient[] => [...columns.values()].map((c) => c.client);

/**
 * Bring a column in step with the page: the same script and tunables in its environment (`runKey`
 * names that run), at `target`. Starts the run when the column holds another one, else moves it.
 */
export function syncColumn(
  col: ComparedColumn,
  runKey: string,
  source: string,
  options: RunOptions,
  target: Position,
): void {
  if (col.source.main) return;
  const client = col.source.client();
  if (col.source.store.getState().runKey !== runKey) client.run(runKey, source, options, target);
  else client.goto(target);
}
