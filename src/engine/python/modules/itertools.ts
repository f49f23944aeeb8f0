import { checkPositional } from '../objects/getargs';
import { moduleType, type TypeFactory } from '../objects/modtypes';
import { ChainType, CountType, CycleType, IsliceType, RepeatType } from '../objects/itertools1';
import {
  AccumulateType,
  CompressType,
  DropWhileType,
  FilterFalseType,
  PairwiseType,
  StarmapType,
  TakeWhileType,
  ZipLongestType,
} from '../objects/itertools2';
import { CombinationsType, CwrType, PermutationsType, ProductType } from '../objects/itertools3';
import { GroupByType, TeeType, tee } from '../objects/itertools4';
import { Meth } from '../objects/types';
import { fn, makeModule } from './module';
import type { ModuleSpec } from './registry';

/** itertools (Modules/itertoolsmodule.c): every iterator type, and tee(). */
const TYPES: Record<string, TypeFactory> = {
  count: CountType,
  cycle: CycleType,
  repeat: RepeatType,
  chain: ChainType,
  islice: IsliceType,
  compress: CompressType,
  takewhile: TakeWhileType,
  dropwhile: DropWhileType,
  filterfalse: FilterFalseType,
  starmap: StarmapType,
  accumulate: AccumulateType,
  pairwise: PairwiseType,
  zip_longest: ZipLongestType,
  product: ProductType,
  permutations: PermutationsType,
  combinations: CombinationsType,
  combinations_with_replacement: CwrType,
  groupby: GroupByType,
  _tee: TeeType,
};

export const itertoolsModule: ModuleSpec = {
  name: 'itertools',
  load(vm) {
    const attrs: Record<string, number> = {};
    for (const [name, f] of Object.entries(TYPES)) attrs[name] = moduleType(vm, f).typeObject;
    return makeModule(
      vm,
      'itertools',
      [
        fn('tee', Meth.Fastcall, (vm2, _m, a) => {
          checkPositional(vm2, 'tee', a.length, 1, 2);
          return tee(vm2, a[0], a[1] ?? 0);
        }),
      ],
      attrs,
    );
  },
};
