import { buildLibrary, type Scenario } from './catalog';

export type { Scenario } from './catalog';

// Vite (and Vitest) read the fidelity suite's scenario files as text at build time.
// threads/: issue 9's thread scenarios, which the comparison's arena lesson runs.
const raw = import.meta.glob(
  ['../../tests/fidelity/scenarios/*.py', '../../tests/fidelity/scenarios/threads/*.py'],
  {
    query: '?raw',
    import: 'default',
    eager: true,
  },
) as Record<string, string>;
const files = Object.fromEntries(
  Object.entries(raw).map(([path, text]) => [path.replace(/^.*\/|\.py$/g, ''), text]),
);

export const SCENARIOS: readonly Scenario[] = buildLibrary(files);

export const DEFAULT_SCENARIO = SCENARIOS[0];

export const scenarioById = (id: string | null): Scenario | undefined => SCENARIOS.find((s) => s.id === id);
