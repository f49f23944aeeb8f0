import { typeError } from '../abstract/errors';
import { sequenceList } from '../abstract/sequence';
import { dictDelItem, dictNew, dictSetItem } from '../objects/dict';
import { builtinStatic } from '../objects/descr';
import { fromLong, intValue } from '../objects/int';
import { moduleType } from '../objects/modtypes';
import { moduleData, moduleStatic } from '../objects/module';
import { intern } from '../objects/str';
import { F_IMMORTAL } from '../objects/table';
import { Meth, T, type Kwargs, type MethodDef } from '../objects/types';
import type { Vm } from '../runtime/vm';
import {
  csvStates,
  csvState,
  dialectNew,
  DialectType,
  QUOTE_ALL,
  QUOTE_MINIMAL,
  QUOTE_NONE,
  QUOTE_NONNUMERIC,
  registryGet,
} from './csvdialect';
import { readerNew, ReaderType } from './csvparse';
import { CSV_SOURCE } from './csvsource';
import { writerNew, WriterType } from './csvwrite';
import { partName, runPythonPart } from './pythonpart';
import type { ModuleSpec } from './registry';

/**
 * csv (Lib/csv.py over the C module _csv, 3.11). Neither is loaded in the recorder's process at
 * start-up: `import csv` replays the captured footprints of _csv then csv (footprint.ts). _csv's
 * reader, writer and Dialect are modelled in TypeScript (csvparse.ts, csvwrite.ts, csvdialect.ts);
 * csv.py's classes (Dialect, excel, excel_tab, unix_dialect, DictReader, DictWriter) run as Python
 * (csvsource.ts) so their methods allocate what the real ones do. Sniffer is not modelled.
 */
const FIELD_LIMIT = 128 * 1024;

/** reader(iterable, dialect='excel', **fmtparams) and writer(fileobj, dialect='excel', **fmtparams): METH_VARARGS | METH_KEYWORDS. */
function withDialect(
  make: (vm: Vm, type: number, first: number, dialectFor: () => number) => number,
  typeOf: (vm: Vm) => number,
  name: string,
): MethodDef {
  return {
    name,
    flags: Meth.Varargs | Meth.Keywords,
    impl: (vm, _m, a, kw) => {
      if (a.length < 1 || a.length > 2) throw typeError(vm, `expected 1 to 2 arguments, got ${a.length}`);
      return make(vm, typeOf(vm), a[0], () => dialectNew(vm, a[1] ?? 0, kw, (n) => registryGet(vm, n), true));
    },
  };
}

const cfn = (name: string, flags: number, impl: MethodDef['impl']): MethodDef => ({ name, flags, impl });

function registerDialect(vm: Vm, _m: number, a: readonly number[], kw: Kwargs | null): number {
  if (a.length < 1 || a.length > 2) throw typeError(vm, `expected 1 to 2 arguments, got ${a.length}`);
  if (!vm.typeOf(a[0]).mro.includes(T.Str)) throw typeError(vm, 'dialect name must be a string');
  const d = dialectNew(vm, a[1] ?? 0, kw, (n) => registryGet(vm, n), true);
  dictSetItem(vm, csvState(vm).dialects, a[0], d);
  vm.decref(d);
  return vm.s.None;
}

const C_FUNCTIONS: MethodDef[] = [
  withDialect(readerNew, (vm) => moduleType(vm, ReaderType).id, 'reader'),
  withDialect(writerNew, (vm) => moduleType(vm, WriterType).id, 'writer'),
  cfn('register_dialect', Meth.Varargs | Meth.Keywords, registerDialect),
  cfn('unregister_dialect', Meth.O, (vm, _m, a) => {
    registryGet(vm, a[0]);
    dictDelItem(vm, csvState(vm).dialects, a[0]);
    return vm.s.None;
  }),
  cfn('get_dialect', Meth.O, (vm, _m, a) => {
    const d = registryGet(vm, a[0]);
    vm.incref(d);
    return d;
  }),
  // PyDict_Keys: a list of the names
  cfn('list_dialects', Meth.NoArgs, (vm) => {
    const d = csvState(vm).dialects;
    const keys = sequenceList(vm, d);
    return keys;
  }),
  cfn('field_size_limit', Meth.Varargs, (vm, _m, a) => {
    const st = csvState(vm);
    const old = st.fieldLimit;
    if (a.length > 1) throw typeError(vm, `field_size_limit expected at most 1 argument, got ${a.length}`);
    if (a.length === 1) {
      if (vm.table.type[a[0]] !== T.Int) throw typeError(vm, 'limit must be an integer');
      st.fieldLimit = Number(intValue(vm, a[0]));
    }
    return fromLong(vm, old);
  }),
];

/** The _csv module: its C functions and types, its Error class, the empty registry. */
export const csvCModule: ModuleSpec = {
  name: '_csv',
  load: (vm) => {
    const m = moduleStatic(vm, '_csv');
    const attrs = moduleData(vm, m).attrs;
    for (const d of C_FUNCTIONS) attrs.set(d.name, builtinStatic(vm, { ...d, qualname: d.name }, '_csv'));
    const globals = runPythonPart(vm, '_csv', 'class Error(Exception):\n    pass\n', {});
    const error = partName(vm, globals, 'Error');
    const mem = vm.mem;
    // restored, not cleared: _csv may be imported inside an accounted Python part
    const was = mem.accounted;
    mem.accounted = true;
    let dialects: number;
    try {
      dialects = dictNew(vm);
      vm.table.flags[dialects] |= F_IMMORTAL;
    } finally {
      mem.accounted = was;
    }
    csvStates.set(vm, { dialects, error, fieldLimit: FIELD_LIMIT });
    attrs.set('Error', error);
    attrs.set('_dialects', dialects);
    attrs.set('Dialect', moduleType(vm, DialectType).typeObject);
    attrs.set('Reader', moduleType(vm, ReaderType).typeObject);
    attrs.set('Writer', moduleType(vm, WriterType).typeObject);
    attrs.set('__version__', intern(vm, '1.0'));
    for (const [k, v] of [
      ['QUOTE_MINIMAL', QUOTE_MINIMAL],
      ['QUOTE_ALL', QUOTE_ALL],
      ['QUOTE_NONNUMERIC', QUOTE_NONNUMERIC],
      ['QUOTE_NONE', QUOTE_NONE],
    ] as const)
      attrs.set(k, fromLong(vm, v));
    return m;
  },
};

/** csv: csv.py's names, its classes run as Python (their class statements are the import's cost). */
export const csvModule: ModuleSpec = {
  name: 'csv',
  load: (vm, importModule) => {
    const c = importModule('_csv');
    const cattrs = moduleData(vm, c).attrs;
    const names: Record<string, number> = {};
    for (const [k, v] of cattrs) if (!k.startsWith('__') || k === '__version__') names[k] = v;
    names._Dialect = cattrs.get('Dialect')!;
    const globals = runPythonPart(vm, 'csv', CSV_SOURCE, names);
    const m = moduleStatic(vm, 'csv');
    const attrs = moduleData(vm, m).attrs;
    for (const [k, v] of Object.entries(names)) if (k !== '_Dialect' && k !== '_dialects') attrs.set(k, v);
    for (const k of ['Dialect', 'excel', 'excel_tab', 'unix_dialect', 'DictReader', 'DictWriter'])
      attrs.set(k, partName(vm, globals, k));
    vm.decref(c);
    return m;
  },
};
