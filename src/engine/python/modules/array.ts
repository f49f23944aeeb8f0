import { ArrayType } from '../objects/arraytype';
import { TYPECODE_LIST } from '../objects/arrayobject';
import { moduleType } from '../objects/modtypes';
import { intern } from '../objects/str';
import { makeModule } from './module';
import type { ModuleSpec } from './registry';

/** array (Modules/arraymodule.c): the array type and its typecodes. */
export const arrayModule: ModuleSpec = {
  name: 'array',
  load(vm) {
    const t = moduleType(vm, ArrayType).typeObject;
    const typecodes = intern(vm, TYPECODE_LIST);
    return makeModule(vm, 'array', [], { array: t, ArrayType: t, typecodes });
  },
};
