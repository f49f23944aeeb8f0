import { arrayModule } from './array';
import { bisectModule } from './bisect';
import { collectionsModule } from './collections';
import { copyModule } from './copy';
import { ctypesModule } from './ctypes';
import { functoolsModule } from './functools';
import { gcModule } from './gc';
import { heapqModule } from './heapq';
import { itertoolsModule } from './itertools';
import { operatorModule } from './operator';
import { registerModules } from './registry';
import { sysModule } from './sys';
import { threadModule } from './thread';
import { concurrentFuturesModules, queueModule, threadingModule } from './threading';
import { timeModule } from './time';
import { weakrefModule } from './weakref';

/** Every standard-library module the simulator models, one file each (one line here per module). */
registerModules([
  gcModule,
  sysModule,
  ctypesModule,
  collectionsModule,
  itertoolsModule,
  operatorModule,
  heapqModule,
  bisectModule,
  functoolsModule,
  arrayModule,
  weakrefModule,
  copyModule,
  threadModule,
  threadingModule,
  queueModule,
  ...concurrentFuturesModules,
  timeModule,
]);

export { findModule, type ModuleSpec } from './registry';
