import { cellNew, functionNew } from '../objects/func';
import { E } from '../objects/exctypes';
import { intValue } from '../objects/int';
import { intern, strRepeat } from '../objects/str';
import { tupleFromItems } from '../objects/tuple';
import { T } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { jsonState, type EncoderConfig } from './jsonstate';
import { warm } from './pycode';

/** The cell variables of _make_iterencode, in co_cellvars order. */
export const CELLS = [
  'markers',
  '_default',
  '_encoder',
  '_indent',
  '_floatstr',
  '_key_separator',
  '_item_separator',
  '_sort_keys',
  '_skipkeys',
  'ValueError',
  'dict',
  'float',
  'id',
  'int',
  'isinstance',
  'list',
  'str',
  'tuple',
  '_intstr',
  '_iterencode',
  '_iterencode_dict',
  '_iterencode_list',
] as const;
export type CellName = (typeof CELLS)[number];

/** co_freevars of the inner functions (what their closures hold). */
export const FREE: Record<'list' | 'dict' | 'iter', CellName[]> = {
  list: [
    'ValueError',
    '_encoder',
    '_floatstr',
    '_indent',
    '_intstr',
    '_item_separator',
    '_iterencode',
    '_iterencode_dict',
    '_iterencode_list',
    'dict',
    'float',
    'id',
    'int',
    'isinstance',
    'list',
    'markers',
    'str',
    'tuple',
  ],
  dict: [
    'ValueError',
    '_encoder',
    '_floatstr',
    '_indent',
    '_intstr',
    '_item_separator',
    '_iterencode',
    '_iterencode_dict',
    '_iterencode_list',
    '_key_separator',
    '_skipkeys',
    '_sort_keys',
    'dict',
    'float',
    'id',
    'int',
    'isinstance',
    'list',
    'markers',
    'str',
    'tuple',
  ],
  iter: [
    'ValueError',
    '_default',
    '_encoder',
    '_floatstr',
    '_intstr',
    '_iterencode',
    '_iterencode_dict',
    '_iterencode_list',
    'dict',
    'float',
    'id',
    'int',
    'isinstance',
    'list',
    'markers',
    'str',
    'tuple',
  ],
};

/** nlocals + free variables + stacksize + FRAME_SPECIALS_SIZE (9) of each generator's code, in words. */
export const FRAMESIZE = { list: 9 + 18 + 6 + 9, dict: 10 + 21 + 6 + 9, iter: 3 + 17 + 5 + 9 };
export const CODE = {
  list: 'json.encoder._make_iterencode.<locals>._iterencode_list',
  dict: 'json.encoder._make_iterencode.<locals>._iterencode_dict',
  iter: 'json.encoder._make_iterencode.<locals>._iterencode',
  floatstr: 'json.encoder.JSONEncoder.iterencode.<locals>.floatstr',
};

export interface Env {
  vm: Vm;
  cfg: EncoderConfig;
  markers: number;
  defaultfn: number;
  floatstr: number;
  indent: number;
  cells: Map<CellName, number>;
  fns: { list: number; dict: number; iter: number };
}

const cellGet = (vm: Vm, cell: number): number => vm.table.ref[cell];

/**
 * _make_iterencode(markers, self.default, _encoder, self.indent, floatstr, self.key_separator,
 * self.item_separator, self.sort_keys, self.skipkeys, _one_shot): the cells, the indent string,
 * the three closures; returns the environment whose `iter` function is the result.
 */
export function makeIterencode(
  vm: Vm,
  cfg: EncoderConfig,
  markers: number,
  defaultfn: number,
  floatstr: number,
): Env {
  warm(vm, 'json.encoder._make_iterencode');
  const st = jsonState(vm);
  const value: Record<CellName, number> = {
    markers,
    _default: defaultfn,
    _encoder: cfg.ensureAscii ? st.encodeAsciiFn : st.encodeFn,
    _indent: cfg.indent,
    _floatstr: floatstr,
    _key_separator: cfg.keySeparator,
    _item_separator: cfg.itemSeparator,
    _sort_keys: vm.s.bool(cfg.sortKeys),
    _skipkeys: vm.s.bool(cfg.skipkeys),
    ValueError: vm.types[E.ValueError].typeObject,
    dict: vm.types[T.Dict].typeObject,
    float: vm.types[T.Float].typeObject,
    id: st.builtinId,
    int: vm.types[T.Int].typeObject,
    isinstance: st.builtinIsinstance,
    list: vm.types[T.List].typeObject,
    str: vm.types[T.Str].typeObject,
    tuple: vm.types[T.Tuple].typeObject,
    _intstr: st.intRepr,
    _iterencode: 0,
    _iterencode_dict: 0,
    _iterencode_list: 0,
  };
  // MAKE_CELL, in localsplus order (the arguments first, then the inner functions' cells)
  const cells = new Map<CellName, number>();
  for (const name of CELLS) cells.set(name, cellNew(vm, value[name]));
  const env: Env = {
    vm,
    cfg,
    markers,
    defaultfn,
    floatstr,
    indent: cfg.indent,
    cells,
    fns: { list: 0, dict: 0, iter: 0 },
  };
  // if _indent is not None and not isinstance(_indent, str): _indent = ' ' * _indent
  if (cfg.indent !== vm.s.None && !vm.typeOf(cfg.indent).mro.includes(T.Str)) {
    const n = Number(intValue(vm, cfg.indent));
    const s = strRepeat(vm, intern(vm, ' '), n);
    setCell(vm, cells.get('_indent')!, s);
    vm.decref(s);
  }
  env.indent = cellGet(vm, cells.get('_indent')!);
  for (const [kind, qual] of [
    ['list', '_iterencode_list'],
    ['dict', '_iterencode_dict'],
    ['iter', '_iterencode'],
  ] as const) {
    const closure = tupleFromItems(
      vm,
      FREE[kind].map((n) => {
        const c = cells.get(n)!;
        vm.incref(c);
        return c;
      }),
    );
    const f = functionNew(vm, null, qual, 0, closure, `_make_iterencode.<locals>.${qual}`);
    setCell(vm, cells.get(qual)!, f);
    vm.decref(f);
    env.fns[kind] = f;
  }
  // the frame is cleared: its references to the cells go (the closures keep them)
  for (const name of CELLS) vm.decref(cells.get(name)!);
  return env;
}

function setCell(vm: Vm, cell: number, v: number): void {
  const old = vm.table.ref[cell];
  vm.incref(v);
  vm.table.ref[cell] = v;
  if (old) vm.decref(old);
}
