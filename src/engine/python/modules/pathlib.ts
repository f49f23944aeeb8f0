import { moduleData, moduleStatic } from '../objects/module';
import { PATHLIB_SOURCE } from './pathlibSource';
import { partName, runPythonPart } from './pythonpart';
import type { ModuleSpec } from './registry';

/**
 * pathlib (loaded at start-up in the recorder's process: importing it costs nothing): Path,
 * PosixPath, PurePath, PurePosixPath as Python (pathlibSource.ts, pathlibConcreteSource.ts) over os, sys and open.
 */
export const pathlibModule: ModuleSpec = {
  name: 'pathlib',
  load: (vm, importModule) => {
    const m = moduleStatic(vm, 'pathlib');
    const os = importModule('os');
    const sys = importModule('sys');
    const globals = runPythonPart(vm, 'pathlib', PATHLIB_SOURCE, {
      _os: os,
      _sys: sys,
    });
    const attrs = moduleData(vm, m).attrs;
    for (const n of ['Path', 'PosixPath', 'PurePath', 'PurePosixPath'])
      attrs.set(n, partName(vm, globals, n));
    vm.decref(os);
    vm.decref(sys);
    return m;
  },
};
