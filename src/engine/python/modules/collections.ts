import { DequeType } from '../objects/dequetype';
import { DefaultDictType } from '../objects/defaultdict';
import { OrderedDictType } from '../objects/odicttype';
import { moduleType } from '../objects/modtypes';
import type { ModuleSpec } from './registry';
import { makeModule } from './module';

/**
 * collections (Lib/collections/__init__.py over the C module _collections): deque, defaultdict
 * and OrderedDict are C types (objects/deque*.ts, defaultdict.ts, odict*.ts); Counter and
 * namedtuple are Python code, modelled by what they leave behind and allocate (counter.ts,
 * namedtuple.ts).
 */
export const collectionsModule: ModuleSpec = {
  name: 'collections',
  load(vm) {
    return makeModule(vm, 'collections', [], {
      deque: moduleType(vm, DequeType).typeObject,
      defaultdict: moduleType(vm, DefaultDictType).typeObject,
      OrderedDict: moduleType(vm, OrderedDictType).typeObject,
    });
  },
};
