import { DequeType } from '../objects/dequetype';
import { DefaultDictType } from '../objects/defaultdict';
import { OrderedDictType } from '../objects/odicttype';
import { moduleType } from '../objects/modtypes';
import type { ModuleSpec } from './registry';
import { fn, makeModule } from './module';
import { namedtuple } from './namedtuple';
import { Meth } from '../objects/types';

/**
 * collections (Lib/collections/__init__.py over the C module _collections): deque, defaultdict
 * and OrderedDict are C types (objects/deque*.ts, defaultdict.ts, odict*.ts); namedtuple is
 * Python code, modelled by what it leaves behind and allocates (namedtuple.ts); Counter,
 * ChainMap, UserDict … are not modelled yet ("not supported").
 */
export const collectionsModule: ModuleSpec = {
  name: 'collections',
  load(vm) {
    return makeModule(
      vm,
      'collections',
      [fn('namedtuple', Meth.Fastcall | Meth.Keywords, (vm2, _m, a, kw) => namedtuple(vm2, a, kw))],
      {
        deque: moduleType(vm, DequeType).typeObject,
        defaultdict: moduleType(vm, DefaultDictType).typeObject,
        OrderedDict: moduleType(vm, OrderedDictType).typeObject,
      },
    );
  },
};
