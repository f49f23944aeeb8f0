import { builtinStatic } from '../objects/descr';
import { EXCEPTION_IDS } from '../objects/exctypes';
import { memoryviewType } from '../objects/memoryview';
import { moduleData, moduleStatic } from '../objects/module';
import { T, type MethodDef } from '../objects/types';
import { buildClassDef } from './buildclass';
import { builtinFunctions } from './functions';
import { asyncIterationDefs } from './asyncfns';
import type { BuiltinsHost } from './host';
import { printDef } from './print';
import { scopeDefs } from './scope';
import { execDefs } from './exec';
import { dirDef } from './dir';

export type { BuiltinsHost } from './host';

/** The built-in types by their builtins name (those the simulator has). */
const TYPES: [string, number][] = [
  ['int', T.Int],
  ['bool', T.Bool],
  ['float', T.Float],
  ['complex', T.Complex],
  ['str', T.Str],
  ['bytes', T.Bytes],
  ['bytearray', T.ByteArray],
  ['list', T.List],
  ['tuple', T.Tuple],
  ['dict', T.Dict],
  ['set', T.Set],
  ['frozenset', T.FrozenSet],
  ['range', T.Range],
  ['slice', T.Slice],
  ['object', T.Object],
  ['type', T.Type],
  ['enumerate', T.Enumerate],
  ['zip', T.Zip],
  ['reversed', T.Reversed],
  ['map', T.Map],
  ['filter', T.Filter],
  ['staticmethod', T.StaticMethod],
  ['classmethod', T.ClassMethod],
  ['property', T.Property],
  ['super', T.Super],
];

/**
 * The builtins module (Python/bltinmodule.c), a static module made at start-up: its functions,
 * the built-in types and exceptions, and the constants. Returns the module object; its names
 * (the module's dict) are what LOAD_GLOBAL falls back to.
 */
export function installBuiltins(host: BuiltinsHost, stdout: () => number): number {
  const vm = host.vm;
  const mod = moduleStatic(vm, 'builtins', null);
  const names = moduleData(vm, mod).attrs;
  const defs: MethodDef[] = [
    ...builtinFunctions(host),
    ...asyncIterationDefs(),
    printDef(stdout),
    ...scopeDefs(host),
    ...execDefs(host),
    dirDef(host),
    buildClassDef(host),
  ];
  for (const d of defs) names.set(d.name, builtinStatic(vm, d, 'builtins'));
  for (const [name, id] of TYPES) if (vm.types[id]) names.set(name, vm.types[id].typeObject);
  names.set('memoryview', memoryviewType(vm).typeObject);
  for (const [name, id] of EXCEPTION_IDS) if (!name.includes('.')) names.set(name, vm.types[id].typeObject);
  names.set('None', vm.s.None);
  names.set('True', vm.s.True);
  names.set('False', vm.s.False);
  names.set('Ellipsis', vm.s.Ellipsis);
  names.set('NotImplemented', vm.s.NotImplemented);
  return mod;
}
