import { ioModule } from './io';
import { jsonModules } from './json';
import { mathModule } from './math';
import { randomModule } from './random';
import { timeModule } from './time';
import { registerModules } from './registry';

/**
 * Every standard-library module the simulator models, one file each (one line here per module).
 * gc, sys and ctypes still live in interp/modules.ts until the eval loop retires the tree-walker.
 */
registerModules([...jsonModules, ioModule, mathModule, randomModule, timeModule]);

export { findModule, type ModuleSpec } from './registry';
