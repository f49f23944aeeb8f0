import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseLibcEnv } from '../../src/engine/libc/env';
import { simulateScript } from '../../src/engine/simulate';
import type { Report } from '../../src/engine/python/report';
import type { RecordedRun } from './compare';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

export interface EnvRecording extends RecordedRun {
  environment: Record<string, string>;
  scenario_path: string;
}

/** A recording under tests/fidelity/recorded/env/<preset>/, and the simulator's run of it with its --env. */
export function runEnvRecording(preset: string, name: string): { real: EnvRecording; sim: Report } {
  const real = JSON.parse(
    readFileSync(join(here, 'recorded', 'env', preset, `${name}.json`), 'utf8'),
  ) as EnvRecording;
  const source = readFileSync(join(root, real.scenario_path), 'utf8');
  const { env } = parseLibcEnv(real.environment);
  const sim = simulateScript(source, {
    env,
    profile: real.python === '3.11.2' ? 'debian-3.11.2' : 'cpython-3.11.7',
    maxSeconds: null,
  });
  return { real, sim };
}
