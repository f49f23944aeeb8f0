import { installNumpy } from './numpy';
import { PythonProcess } from './python/process';
import { runScript } from './python/runscript';
import { type ProcessOptions } from './python/processoptions';
import type { Report } from './python/report';
import type { ProfileName } from './python/startup/profiles';
import { cpythonVersion, type VersionName } from './python/versions';

/**
 * The engine's front door: a simulated CPython 3.11 / glibc 2.36 process with every layer
 * installed (NumPy 1.24 answers `import numpy`). The CLI, the worker and the fidelity suite all
 * come in here, so they run the same process.
 */
export function createProcess(opts: ProcessOptions = {}): PythonProcess {
  return new PythonProcess(withLayers(opts));
}

/** `<start>`, then one step per top-level statement, up to the first error (the recorder's schema). */
export function simulateScript(
  source: string | Uint8Array,
  opts: ProcessOptions & { scenario?: string } = {},
): Report {
  return runScript(source, withLayers(opts));
}

function withLayers<T extends ProcessOptions>(opts: T): T {
  return { ...opts, extensions: [installNumpy, ...(opts.extensions ?? [])] };
}

/**
 * The interpreter a script is measured against on these machines: NumPy 1.24 is Debian's
 * python3-numpy, installed for /usr/bin/python3 (3.11.2), so on 3.11 a script that imports numpy
 * runs on that profile; everything else on the version's own capture (pyenv's 3.11.7, 3.12.1, 3.13.0).
 */
export function defaultProfile(source: string, python: VersionName = '3.11'): ProfileName {
  if (python === '3.11' && /^\s*(import\s+numpy|from\s+numpy\s+import)\b/m.test(source))
    return 'debian-3.11.2';
  return cpythonVersion(python).startup;
}
