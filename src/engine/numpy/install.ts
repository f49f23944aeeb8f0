import { NotSupported } from '../python/errors';
import { type PythonProcess } from '../python/process';
import { runScript } from '../python/runscript';
import { type ProcessOptions } from '../python/processoptions';
import type { Report } from '../python/report';
import { EventLimitReached } from '../trace/eventLog';
import { importFootprint, type ImportReport } from './importFootprint';
import { NumpyRuntime } from './module';
import { numpyOwnerProvider } from './owners';
import { registerOwnerProvider } from '../python/owners';

import { NUMPY_VERSION } from './constants';
export { NUMPY_VERSION };

export interface NumpyHandle {
  /** Set once the script ran `import numpy`. */
  runtime: NumpyRuntime | null;
  importReport: ImportReport | null;
}

/**
 * Make `import numpy` work in a loaded process (PythonProcess.load first: the interpreter must
 * exist). Nothing is allocated now; the first import runs the import footprint and creates the
 * module, later imports find it in the interpreter's module table.
 */
export function installNumpy(p: PythonProcess): NumpyHandle {
  const it = p.interpreter;
  if (!it) throw new Error('installNumpy: load the script first (PythonProcess.load)');
  const handle: NumpyHandle = { runtime: null, importReport: null };
  const load = (): number => {
    if (handle.runtime) return handle.runtime.module;
    // NumPy 1.24 is measured on Debian's CPython 3.11.2 only (no NumPy for pyenv's 3.12/3.13 here)
    if (p.version.name !== '3.11')
      throw new NotSupported(`NumPy on CPython ${p.version.name} (modelled on 3.11)`);
    const rt = new NumpyRuntime(it.vm, p.libc);
    registerOwnerProvider(it.vm, numpyOwnerProvider(rt));
    handle.importReport = importFootprint(p, rt.alloc);
    rt.ufuncs.dlScopeBlock = handle.importReport.dlScopeBlock;
    handle.runtime = rt;
    // runScript's report.numpy, once PythonProcess has the field (INTEGRATION.md)
    p.numpy = NUMPY_VERSION;
    const ev = it.vm.mem.events;
    if (ev !== null && ev.reachedLimit) throw new EventLimitReached(ev.length);
    return rt.module;
  };
  it.moduleProviders.set('numpy', load);
  // `import numpy.random` imports numpy first (its import footprint covers numpy.random)
  it.moduleProviders.set('numpy.random', () => {
    load();
    return handle.runtime!.random.module;
  });
  it.moduleProviders.set('numpy.linalg', () => {
    load();
    return handle.runtime!.linalg.module;
  });
  return handle;
}

/** runScript (python/process.ts) with NumPy installed. */
export function runScriptWithNumpy(
  source: string,
  opts: ProcessOptions & { scenario?: string } = {},
): Report {
  return runScript(source, { ...opts, extensions: [installNumpy, ...(opts.extensions ?? [])] });
}
