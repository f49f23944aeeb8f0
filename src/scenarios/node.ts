import { readFileSync, readdirSync } from 'node:fs';
import { buildLibrary, type Scenario } from './catalog';

/** The same library for Node scripts run without Vite (tsx: the CLI, the benchmark): files read with fs. */
const dirs = ['../../tests/fidelity/scenarios/', '../../tests/fidelity/scenarios/threads/'].map(
  (d) => new URL(d, import.meta.url),
);
const files = Object.fromEntries(
  dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.py'))
      .map((f) => [f.slice(0, -3), readFileSync(new URL(f, dir), 'utf8')]),
  ),
);

export const SCENARIOS: readonly Scenario[] = buildLibrary(files);

export const DEFAULT_SCENARIO = SCENARIOS[0];

export const scenarioById = (id: string | null): Scenario | undefined => SCENARIOS.find((s) => s.id === id);
