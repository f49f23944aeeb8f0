import { typeError, valueError } from '../abstract/errors';
import { asSsize } from '../abstract/number';
import { typeName } from '../abstract/object';
import { sequenceFast } from '../abstract/sequence';
import type { Vm } from '../runtime/vm';
import { listAppend, listNew, listPut } from './list';
import { strFormatMethod } from './strformat';
import { strJoin, strKind, strNew, strResult, strValue } from './str';
import { Meth, T, type MethodDef } from './types';

/** The str methods modelled (unicodeobject.c's tp_methods, with their METH_* conventions). */
const def = (name: string, flags: number, impl: MethodDef['impl']): MethodDef => ({
  name,
  flags,
  impl,
  qualname: `str.${name}`,
});

/** str.join: PySequence_Fast (a temporary list for other iterables), then one new string. */
function join(vm: Vm, self: number, args: readonly number[]): number {
  const [items, temp] = sequenceFast(vm, args[0], 'can only join an iterable');
  try {
    for (let i = 0; i < items.length; i++) {
      if (!vm.typeOf(items[i]).mro.includes(T.Str))
        throw typeError(
          vm,
          'sequence item %zd: expected str instance, %.80s found',
          i,
          typeName(vm, items[i]),
        );
    }
    return strJoin(vm, self, items);
  } finally {
    if (temp) vm.decref(temp);
  }
}

/** str.split (stringlib split_whitespace / split): PyList_New(12) preallocated, then appends. */
function split(vm: Vm, self: number, args: readonly number[], kw: Map<string, number> | null): number {
  const sepArg = args[0] ?? kw?.get('sep');
  const maxArg = args[1] ?? kw?.get('maxsplit');
  const s = strValue(vm, self);
  const sep = sepArg !== undefined && vm.table.type[sepArg] !== T.None ? strValue(vm, sepArg) : null;
  if (sep === '') throw valueError(vm, 'empty separator');
  const maxsplit = maxArg !== undefined ? asSsize(vm, maxArg, 0) : -1;
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
}

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

/** A result equal to `self` is `self` (the methods return the same object when nothing changes). */
function sameOrNew(vm: Vm, self: number, r: string): number {
  if (r === strValue(vm, self) && vm.table.type[self] === T.Str) {
    vm.incref(self);
    return self;
  }
  return strResult(vm, r, strKind(vm, self));
}

function strArg(vm: Vm, h: number, what: string): string {
  if (!vm.typeOf(h).mro.includes(T.Str)) throw typeError(vm, '%s arg must be None or str', what);
  return strValue(vm, h);
}

export const STR_METHODS: Record<string, MethodDef> = {
  format: def('format', Meth.Varargs | Meth.Keywords, strFormatMethod),
  join: def('join', Meth.O, join),
  split: def('split', Meth.Fastcall | Meth.Keywords, split),
  upper: def('upper', Meth.NoArgs, (vm, self) => strNew(vm, strValue(vm, self).toUpperCase())),
  lower: def('lower', Meth.NoArgs, (vm, self) => strNew(vm, strValue(vm, self).toLowerCase())),
  strip: def('strip', Meth.Fastcall, (vm, self, args) => {
    const s = strValue(vm, self);
    if (args.length && vm.table.type[args[0]] !== T.None) {
      const chars = strArg(vm, args[0], 'strip');
      let a = 0;
      let b = s.length;
      while (a < b && chars.includes(s[a])) a++;
      while (b > a && chars.includes(s[b - 1])) b--;
      return sameOrNew(vm, self, s.slice(a, b));
    }
    return sameOrNew(vm, self, s.trim());
  }),
  replace: def('replace', Meth.Fastcall, (vm, self, args) => {
    if (args.length < 2) throw typeError(vm, 'replace expected at least 2 arguments, got %zd', args.length);
    const s = strValue(vm, self);
    const r = s.split(strValue(vm, args[0])).join(strValue(vm, args[1]));
    if (r === s) {
      vm.incref(self);
      return self;
    }
    return strNew(vm, r);
  }),
  startswith: def('startswith', Meth.Varargs, (vm, self, args) =>
    vm.s.bool(strValue(vm, self).startsWith(strArg(vm, args[0], 'startswith'))),
  ),
  endswith: def('endswith', Meth.Varargs, (vm, self, args) =>
    vm.s.bool(strValue(vm, self).endsWith(strArg(vm, args[0], 'endswith'))),
  ),
};
