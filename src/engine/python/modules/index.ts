import { ctypesModule } from './ctypes';
import { gcModule } from './gc';
import { registerModules } from './registry';
import { sysModule } from './sys';
import { threadModule } from './thread';
import { concurrentFuturesModules, queueModule, threadingModule } from './threading';
import { timeModule } from './time';

/** Every standard-library module the simulator models, one file each (one line here per module). */
registerModules([
  gcModule,
  sysModule,
  ctypesModule,
  threadModule,
  threadingModule,
  queueModule,
  ...concurrentFuturesModules,
  timeModule,
]);

export { findModule, type ModuleSpec } from './registry';
