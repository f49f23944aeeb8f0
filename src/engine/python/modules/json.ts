import { builtinStatic } from '../objects/descr';
import { JSONDecodeErrorType } from '../objects/jsontypes';
import { moduleType } from '../objects/modtypes';
import { moduleData, moduleStatic } from '../objects/module';
import { Meth, type Kwargs, type MethodDef } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { load, loads } from './jsondecode';
import { dump, dumps } from './jsonencode';
import { jsonState } from './jsonstate';
import type { ModuleSpec } from './registry';

/**
 * json (Lib/json/__init__.py, encoder.py, decoder.py, scanner.py over the C module _json, 3.11):
 * dumps/dump (jsonencode.ts, jsoniter.ts), loads/load (jsondecode.ts), the C types
 * (objects/jsonencoder.ts, jsonscanner.ts, jsontypes.ts). The Python functions run as TypeScript
 * with what their bytecode allocates, measured on 3.11.7. The classes (JSONEncoder, JSONDecoder)
 * are not modelled as Python classes a script can subclass: "not supported".
 */

const fn = (
  name: string,
  impl: (vm: Vm, args: readonly number[], kw: Kwargs | null) => number,
  qualname = name,
): MethodDef => ({
  name,
  qualname,
  flags: Meth.Fastcall | Meth.Keywords,
  impl: (vm, _self, args, kw) => impl(vm, args, kw),
  pythonLevel: true,
});

const JSON_FUNCTIONS: MethodDef[] = [
  fn('dumps', dumps),
  fn('loads', loads),
  fn('dump', dump),
  fn('load', load),
];

function loadJson(vm: Vm, importModule: (name: string) => number): number {
  const m = moduleStatic(vm, 'json');
  const attrs = moduleData(vm, m).attrs;
  for (const d of JSON_FUNCTIONS) attrs.set(d.name, builtinStatic(vm, d, 'json'));
  const decoder = importModule('json.decoder');
  attrs.set('decoder', decoder);
  attrs.set('JSONDecodeError', moduleType(vm, JSONDecodeErrorType).typeObject);
  attrs.set('encoder', importModule('json.encoder'));
  return m;
}

export const jsonModules: ModuleSpec[] = [
  { name: 'json', load: loadJson },
  {
    name: 'json.decoder',
    load: (vm) => {
      const m = moduleStatic(vm, 'json.decoder');
      moduleData(vm, m).attrs.set('JSONDecodeError', moduleType(vm, JSONDecodeErrorType).typeObject);
      return m;
    },
  },
  {
    name: 'json.encoder',
    load: (vm) => {
      const m = moduleStatic(vm, 'json.encoder');
      const st = jsonState(vm);
      moduleData(vm, m).attrs.set('encode_basestring_ascii', st.encodeAsciiFn);
      moduleData(vm, m).attrs.set('encode_basestring', st.encodeFn);
      return m;
    },
  },
];
