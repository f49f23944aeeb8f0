import type { CodeRt } from '../eval/code';
import { builtinStatic } from '../objects/descr';
import { functionData } from '../objects/func';
import { intValue } from '../objects/int';
import { moduleData, moduleStatic } from '../objects/module';
import { Meth } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { def } from './gc';
import { pathlibLazySource } from './pathlibLazySource';
import { PATHLIB_SOURCE } from './pathlibSource';
import { partName, runPythonPart } from './pythonpart';
import type { ModuleSpec } from './registry';

/**
 * co_warmup of one of pathlib's functions as the real process leaves it after start-up (the
 * recorder's interpreter runs a site .pth that imports certifi, whose importlib.resources builds
 * a few paths): measured on 3.11.7 by reading co_warmup, parse_parts is quickened (0) before the
 * script starts, _parse_args has 4 warm-ups left, most others 7. Only 3.11 counts warm-ups (3.12+
 * quicken a code object when it is made).
 */
function startupWarmup(vm: Vm, _self: number, a: readonly number[]): number {
  if (vm.py.quickening.warmupDelay !== 0) {
    const code = functionData(vm, a[0]).code as CodeRt;
    code.warmup = Number(intValue(vm, a[1]));
    code.quickened = code.warmup === 0;
  }
  return vm.s.None;
}

/**
 * pathlib (loaded at start-up in 3.11.7's recorder process: importing it costs nothing there; on
 * 3.12.1 and 3.13.0 its captured footprint): Path, PosixPath, PurePath, PurePosixPath as Python over
 * os, sys and open (3.11: pathlibSource.ts, pathlibConcreteSource.ts; 3.12, 3.13: pathlibLazySource.ts).
 */
export const pathlibModule: ModuleSpec = {
  name: 'pathlib',
  load: (vm, importModule) => {
    const m = moduleStatic(vm, 'pathlib');
    const os = importModule('os');
    const sys = importModule('sys');
    const abc = importModule('collections.abc');
    // 3.12 rewrote pathlib (lazy parsing, other slots), 3.13 made it a package (pathlibLazySource.ts)
    const kind = vm.py.pathlib;
    const source = kind === 'eager' ? PATHLIB_SOURCE : pathlibLazySource(kind === 'lazy-3.13');
    const globals = runPythonPart(vm, 'pathlib', source, {
      _os: os,
      _sys: sys,
      _Sequence: moduleData(vm, abc).attrs.get('Sequence')!,
      _hw_startup_warmup: builtinStatic(vm, def('_hw_startup_warmup', Meth.Fastcall, startupWarmup), 'pathlib'),
    });
    const attrs = moduleData(vm, m).attrs;
    for (const n of ['Path', 'PosixPath', 'PurePath', 'PurePosixPath'])
      attrs.set(n, partName(vm, globals, n));
    vm.decref(os);
    vm.decref(sys);
    vm.decref(abc);
    return m;
  },
};
