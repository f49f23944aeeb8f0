import { moduleData } from '../objects/module';
import type { Vm } from '../runtime/vm';
import { importCovered } from './footprint';
import { interpOf } from './host';
import { HTML_ENTITIES_SOURCE, HTML_SOURCE } from './htmlSource';
import type { ModuleSpec } from './registry';

/**
 * html and html.entities (htmlSource.ts). 3.11.7's `import html` footprint (footprints/3.11.7/html.*)
 * is the whole package's import, html.entities' 2,231-entry html5 dict included (html's body imports
 * it), so both bodies run accounted whenever html's import is covered; where it is not, building the
 * tables is the import's cost, as it is in the real process.
 */
function execAccounted(vm: Vm, name: string, source: string): number {
  const mem = vm.mem;
  const was = mem.accounted;
  if (importCovered(vm, 'html')) mem.accounted = true;
  try {
    return interpOf(vm).execSourceModule(name, source);
  } finally {
    mem.accounted = was;
  }
}

export const htmlModules: ModuleSpec[] = [
  {
    name: 'html',
    load: (vm, importModule) => {
      const mod = execAccounted(vm, 'html', HTML_SOURCE);
      // the body imported html.entities (sys.modules has it): the import system made it an attribute
      moduleData(vm, mod).attrs.set('entities', importModule('html.entities'));
      return mod;
    },
  },
  // imported by html's body while html is loading (its parent is not imported again)
  { name: 'html.entities', load: (vm) => execAccounted(vm, 'html.entities', HTML_ENTITIES_SOURCE) },
];
