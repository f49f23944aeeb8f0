import { collectionsModule } from './collections';
import { itertoolsModule } from './itertools';
import { operatorModule } from './operator';
import { heapqModule } from './heapq';
import { bisectModule } from './bisect';
import { functoolsModule } from './functools';
import { arrayModule } from './array';
import { weakrefModule } from './weakref';
import { copyModule } from './copy';
import { registerModules } from './registry';

/**
 * Every standard-library module the simulator models, one file each (one line here per module).
 * gc, sys and ctypes still live in interp/modules.ts until the eval loop retires the tree-walker.
 */
registerModules([
  collectionsModule,
  itertoolsModule,
  operatorModule,
  heapqModule,
  bisectModule,
  functoolsModule,
  arrayModule,
  weakrefModule,
  copyModule,
]);

export { findModule, type ModuleSpec } from './registry';
