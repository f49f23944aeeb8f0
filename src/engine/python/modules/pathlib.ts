import { moduleData, moduleStatic } from '../objects/module';
import { strNew, strValue } from '../objects/str';
import { builtinStatic } from '../objects/descr';
import { Meth } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { def } from './gc';
import { PATHLIB_SOURCE } from './pathlibSource';
import { partName, runPythonPart } from './pythonpart';
import type { ModuleSpec } from './registry';

/** posixpath.normpath's rules for a path's text (pathlib keeps no '.' parts, no repeated '/'). */
function norm(p: string): string {
  const abs = p.startsWith('/');
  const parts = p.split('/').filter((x) => x !== '' && x !== '.');
  const s = (abs ? '/' : '') + parts.join('/');
  return s || (abs ? '/' : '.');
}

/**
 * pathlib (loaded at start-up in the recorder's process: importing it costs nothing): Path,
 * PosixPath, PurePath, PurePosixPath as Python (pathlibSource.ts) over os and open.
 */
export const pathlibModule: ModuleSpec = {
  name: 'pathlib',
  load: (vm, importModule) => {
    const m = moduleStatic(vm, 'pathlib');
    const os = importModule('os');
    const globals = runPythonPart(vm, 'pathlib', PATHLIB_SOURCE, {
      _os: os,
      _hw_norm: builtinStatic(
        vm,
        def('_hw_norm', Meth.O, (vm2: Vm, _s, a) => strNew(vm2, norm(strValue(vm2, a[0])))),
        'pathlib',
      ),
    });
    const attrs = moduleData(vm, m).attrs;
    for (const n of ['Path', 'PosixPath', 'PurePath', 'PurePosixPath'])
      attrs.set(n, partName(vm, globals, n));
    vm.decref(os);
    return m;
  },
};
