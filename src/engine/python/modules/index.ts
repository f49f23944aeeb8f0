import { ctypesModule } from './ctypes';
import { gcModule } from './gc';
import { ioModule } from './io';
import { jsonModules } from './json';
import { mathModule } from './math';
import { randomModule } from './random';
import { registerModules } from './registry';
import { sysModule } from './sys';
import { timeModule } from './time';
import { tracemallocModule } from './tracemalloc';

/** Every standard-library module the simulator models, one file each (one line here per module). */
registerModules([
  gcModule,
  sysModule,
  ctypesModule,
  ...jsonModules,
  ioModule,
  mathModule,
  randomModule,
  timeModule,
  tracemallocModule,
]);

export { findModule, type ModuleSpec } from './registry';
