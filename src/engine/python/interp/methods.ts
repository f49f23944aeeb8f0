import { NotSupported, PyError, keyError, typeError, valueError } from '../errors';
import { dictClear, dictDelItem, dictGetItem, dictSetItem } from '../objects/dict';
import { dictViewNew } from '../objects/iter';
import { dictMerge } from '../objects/dictmerge';
import { listAppend, listClear, listItem } from '../objects/list';
import { listAssSlice, listInsert, listPop, listSlice } from '../objects/listops';
import { setAdd, setClear, setContains, setDiscard } from '../objects/set';
import { strJoin, strResult, strValue, strKind, strNew } from '../objects/str';
import { T } from '../objects/types';
import { tupleFromItems } from '../objects/tuple';
import { equals } from './compare';
import type { Kwargs } from './call';
import type { Interp } from './interp';
import { listExtendIterable } from './iterate';
import { indexValue } from './ops';
import { repr, typeName } from './repr';
import { sequenceItems } from './unpack';
import { listNew, listPut } from '../objects/list';
import { fromSsize } from '../objects/int';

/** A method of a built-in type: `self` and the arguments are borrowed; the result is a new reference. */
type Method = (it: Interp, self: number, args: number[], kw: Kwargs) => number;

function arity(name: string, args: number[], min: number, max: number): void {
  if (args.length < min || args.length > max) {
    if (min === max) throw typeError(`${name}() takes ${min === 0 ? 'no arguments' : `exactly one argument`} (${args.length} given)`);
    throw typeError(`${name} expected ${args.length < min ? 'at least' : 'at most'} ${args.length < min ? min : max} argument${(args.length < min ? min : max) === 1 ? '' : 's'}, got ${args.length}`);
  }
}

const none = (it: Interp): number => it.vm.s.None;

const LIST: Record<string, Method> = {
  append(it, self, args) {
    arity('list.append', args, 1, 1);
    it.vm.incref(args[0]);
    listAppend(it.vm, self, args[0]);
    return none(it);
  },
  extend(it, self, args) {
    arity('list.extend', args, 1, 1);
    listExtendIterable(it, self, args[0]);
    return none(it);
  },
  pop(it, self, args) {
    arity('pop', args, 0, 1);
    return listPop(it.vm, self, args.length ? indexValue(it.vm, args[0]) : -1);
  },
  insert(it, self, args) {
    arity('insert', args, 2, 2);
    listInsert(it.vm, self, indexValue(it.vm, args[0]), args[1]);
    return none(it);
  },
  clear(it, self) {
    listClear(it.vm, self);
    return none(it);
  },
  copy(it, self) {
    return listSlice(it.vm, self, 0, 1, it.vm.table.n[self]);
  },
  index(it, self, args) {
    arity('index', args, 1, 1);
    for (let i = 0; i < it.vm.table.n[self]; i++) if (equals(it.vm, listItem(it.vm, self, i), args[0])) return fromSsize(it.vm, i);
    throw valueError(`${repr(it.vm, args[0])} is not in list`);
  },
  count(it, self, args) {
    arity('count', args, 1, 1);
    let c = 0;
    for (let i = 0; i < it.vm.table.n[self]; i++) if (equals(it.vm, listItem(it.vm, self, i), args[0])) c++;
    return fromSsize(it.vm, c);
  },
  remove(it, self, args) {
    arity('list.remove', args, 1, 1);
    for (let i = 0; i < it.vm.table.n[self]; i++) {
      if (equals(it.vm, listItem(it.vm, self, i), args[0])) {
        listAssSlice(it.vm, self, i, i + 1, null);
        return none(it);
      }
    }
    throw valueError('list.remove(x): x not in list');
  },
  reverse(it, self) {
    const vm = it.vm;
    const n = vm.table.n[self];
    const [items] = sequenceItems(it, self);
    for (let i = 0; i < n; i++) vm.pool.data[vm.table.ref[self] + i] = items[n - 1 - i];
    if (n) vm.mem.touch(vm.table.ptr[self], 8 * n);
    return none(it);
  },
};

const DICT: Record<string, Method> = {
  get(it, self, args) {
    arity('get', args, 1, 2);
    const v = dictGetItem(it.vm, self, args[0]) || (args[1] ?? it.vm.s.None);
    it.vm.incref(v);
    return v;
  },
  pop(it, self, args) {
    arity('pop', args, 1, 2);
    const v = dictGetItem(it.vm, self, args[0]);
    if (!v) {
      if (args.length < 2) throw keyError(repr(it.vm, args[0]));
      it.vm.incref(args[1]);
      return args[1];
    }
    it.vm.incref(v);
    dictDelItem(it.vm, self, args[0], () => '');
    return v;
  },
  setdefault(it, self, args) {
    arity('setdefault', args, 1, 2);
    let v = dictGetItem(it.vm, self, args[0]);
    if (!v) {
      v = args[1] ?? it.vm.s.None;
      dictSetItem(it.vm, self, args[0], v);
    }
    it.vm.incref(v);
    return v;
  },
  clear(it, self) {
    dictClear(it.vm, self);
    return none(it);
  },
  update(it, self, args) {
    arity('update', args, 1, 1);
    const vm = it.vm;
    if (vm.table.type[args[0]] !== T.Dict) throw new NotSupported('dict.update of a non-dict');
    // METH_VARARGS | METH_KEYWORDS: the argument goes through a tuple
    vm.incref(args[0]);
    const tuple = tupleFromItems(vm, [args[0]]);
    dictMerge(vm, self, args[0]);
    vm.decref(tuple);
    return none(it);
  },
  keys: (it, self) => dictViewNew(it.vm, self, 'keys'),
  values: (it, self) => dictViewNew(it.vm, self, 'values'),
  items: (it, self) => dictViewNew(it.vm, self, 'items'),
};

const SET: Record<string, Method> = {
  add(it, self, args) {
    arity('set.add', args, 1, 1);
    setAdd(it.vm, self, args[0]);
    return none(it);
  },
  discard(it, self, args) {
    arity('set.discard', args, 1, 1);
    setDiscard(it.vm, self, args[0], () => null);
    return none(it);
  },
  remove(it, self, args) {
    arity('set.remove', args, 1, 1);
    setDiscard(it.vm, self, args[0], () => repr(it.vm, args[0]));
    return none(it);
  },
  clear(it, self) {
    setClear(it.vm, self);
    return none(it);
  },
  __contains__: (it, self, args) => it.vm.s.bool(setContains(it.vm, self, args[0])),
};

const STR: Record<string, Method> = {
  /** str.join: PySequence_Fast (a temporary list for other iterables), then one new string. */
  join(it, self, args) {
    arity('str.join', args, 1, 1);
    const [items, temp] = sequenceItems(it, args[0]);
    for (let i = 0; i < items.length; i++) {
      if (it.vm.table.type[items[i]] !== T.Str) {
        if (temp) it.vm.decref(temp);
        throw typeError(`sequence item ${i}: expected str instance, ${typeName(it.vm, items[i])} found`);
      }
    }
    const r = strJoin(it.vm, self, items);
    if (temp) it.vm.decref(temp);
    return r;
  },
  /** str.split (stringlib split_whitespace / split): PyList_New(12) preallocated, then appends. */
  split(it, self, args) {
    arity('split', args, 0, 2);
    const vm = it.vm;
    const s = strValue(vm, self);
    const sep = args.length && vm.table.type[args[0]] !== T.None ? strValue(vm, args[0]) : null;
    if (sep === '') throw valueError('empty separator');
    const maxsplit = args.length > 1 ? indexValue(vm, args[1]) : -1;
    const parts = sep === null ? s.split(/\s+/).filter((p) => p !== '') : s.split(sep);
    const count = maxsplit >= 0 ? Math.min(parts.length, maxsplit + 1) : parts.length;
    const pre = maxsplit < 0 || maxsplit >= 12 ? 12 : maxsplit + 1; // PREALLOC_SIZE
    const l = listNew(vm, pre);
    const kind = strKind(vm, self);
    for (let i = 0; i < count; i++) {
      const text = i === count - 1 && count < parts.length ? rest(s, sep, i) : parts[i];
      const sub = count === 1 && text === s ? (vm.incref(self), self) : strResult(vm, text, kind);
      if (i < 12) listPut(vm, l, i, sub);
      else {
        vm.table.n[l] = i;
        listAppend(vm, l, sub);
      }
    }
    vm.table.n[l] = count; // FIX_PREALLOC_SIZE
    return l;
  },
  upper: (it, self) => strNew(it.vm, strValue(it.vm, self).toUpperCase()),
  lower: (it, self) => strNew(it.vm, strValue(it.vm, self).toLowerCase()),
  strip(it, self) {
    const s = strValue(it.vm, self);
    const r = s.trim();
    if (r.length === s.length) {
      it.vm.incref(self);
      return self;
    }
    return strResult(it.vm, r, strKind(it.vm, self));
  },
  replace(it, self, args) {
    arity('replace', args, 2, 2);
    const vm = it.vm;
    const s = strValue(vm, self);
    const r = s.split(strValue(vm, args[0])).join(strValue(vm, args[1]));
    if (r === s) {
      vm.incref(self);
      return self;
    }
    return strNew(vm, r);
  },
  startswith: (it, self, args) => it.vm.s.bool(strValue(it.vm, self).startsWith(strValue(it.vm, args[0]))),
  endswith: (it, self, args) => it.vm.s.bool(strValue(it.vm, self).endsWith(strValue(it.vm, args[0]))),
};

function rest(s: string, sep: string | null, skip: number): string {
  let pos = 0;
  for (let i = 0; i < skip; i++) {
    if (sep === null) {
      while (pos < s.length && /\s/.test(s[pos])) pos++;
      while (pos < s.length && !/\s/.test(s[pos])) pos++;
    } else pos = s.indexOf(sep, pos) + sep.length;
  }
  return sep === null ? s.slice(pos).replace(/^\s+/, '') : s.slice(pos);
}

const TABLES: Partial<Record<number, Record<string, Method>>> = {
  [T.List]: LIST,
  [T.Dict]: DICT,
  [T.Set]: SET,
  [T.Str]: STR,
};

export function hasMethod(it: Interp, obj: number, name: string): boolean {
  const type = it.vm.table.type[obj];
  return TABLES[type]?.[name] !== undefined || it.extraMethods.has(`${type}:${name}`);
}

/** CALL of a method loaded with LOAD_METHOD: then `self` and the arguments are released, in order. */
export function callMethod(it: Interp, self: number, name: string, args: number[], kw: Kwargs): number {
  const vm = it.vm;
  const type = vm.table.type[self];
  const m = TABLES[type]?.[name] ?? it.extraMethods.get(`${type}:${name}`);
  if (!m) throw new PyError('AttributeError', `'${typeName(vm, self)}' object has no attribute '${name}'`);
  if (kw.size) throw new NotSupported(`keyword arguments to ${typeName(vm, self)}.${name}()`);
  const r = m(it, self, args, kw);
  vm.decref(self);
  for (const a of args) vm.decref(a);
  for (const v of kw.values()) vm.decref(v);
  return r;
}

export type { Method };
