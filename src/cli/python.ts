import type { CliArgs } from './args';

/** Run a Python script through the simulated process (wired once src/engine/python lands). */
export function runPythonCli(_source: string, _args: CliArgs): number {
  throw new Error('running Python scripts needs the Python layer (src/engine/python), which is not built yet');
}
