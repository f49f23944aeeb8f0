import { ctypesModule } from './ctypes';
import { gcModule } from './gc';
import { registerModules } from './registry';
import { sysModule } from './sys';

/** Every standard-library module the simulator models, one file each (one line here per module). */
registerModules([gcModule, sysModule, ctypesModule]);

export { findModule, type ModuleSpec } from './registry';
