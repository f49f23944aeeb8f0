// Prints the names of the modules the simulator can import, one per line (for record_module_names.py).
import '../../src/engine/python/modules/index';
import { registeredModuleNames } from '../../src/engine/python/modules/registry';

for (const n of registeredModuleNames()) console.log(n);
