import { DequeType } from '../objects/dequetype';
import { DefaultDictType } from '../objects/defaultdict';
import { OrderedDictType } from '../objects/odicttype';
import { moduleType } from '../objects/modtypes';
import type { ModuleSpec } from './registry';
import { fn, makeModule } from './module';
import { namedtuple } from './namedtuple';
import { Meth } from '../objects/types';
import { moduleData } from '../objects/module';
import { makeCounter } from './counter';
import { makeChainMap } from './chainmap';
import { makeUserClass } from './userdict';

/**
 * collections (Lib/collections/__init__.py over the C module _collections): deque, defaultdict
 * and OrderedDict are C types (objects/deque*.ts, defaultdict.ts, odict*.ts); namedtuple is
 * Python code, modelled by what it leaves behind and allocates (namedtuple.ts); Counter is
 * Python run by the eval loop (counter.ts), and so is ChainMap (chainmap.ts, made on its first
 * lookup); UserDict … are not modelled yet ("not supported").
 */
export const collectionsModule: ModuleSpec = {
  name: 'collections',
  load(vm, importModule) {
    // the names collections/__init__.py imports that Counter uses
    const from = (module: string, names: Record<string, string>): Record<string, number> => {
      const m = importModule(module);
      const attrs = moduleData(vm, m).attrs;
      const out: Record<string, number> = {};
      for (const [as, name] of Object.entries(names)) out[as] = attrs.get(name)!;
      vm.decref(m);
      return out;
    };
    const counter = makeCounter(vm, {
      ...from('operator', { _itemgetter: 'itemgetter' }),
      ...from('itertools', { _chain: 'chain', _repeat: 'repeat', _starmap: 'starmap' }),
    });
    const mod = makeModule(
      vm,
      'collections',
      [fn('namedtuple', Meth.Fastcall | Meth.Keywords, (vm2, _m, a, kw) => namedtuple(vm2, a, kw))],
      {
        deque: moduleType(vm, DequeType).typeObject,
        defaultdict: moduleType(vm, DefaultDictType).typeObject,
        OrderedDict: moduleType(vm, OrderedDictType).typeObject,
        Counter: counter,
      },
    );
    moduleData(vm, mod).lazy = new Map([
      ['ChainMap', () => makeChainMap(vm, importModule)],
      ['UserDict', () => makeUserClass(vm, importModule, 'UserDict')],
      ['UserList', () => makeUserClass(vm, importModule, 'UserList')],
    ]);
    return mod;
  },
};
