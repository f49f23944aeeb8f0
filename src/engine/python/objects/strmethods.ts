import { typeError } from '../abstract/errors';
import { E } from './exctypes';
import { asSsize } from '../abstract/number';
import { typeName } from '../abstract/object';
import { sequenceFast } from '../abstract/sequence';
import type { Vm } from '../runtime/vm';
import { strFormatMapMethod, strFormatMethod } from './strformat';
import { strMaketrans, strTranslate } from './strtranslate';
import { STR_CASE_METHODS as C } from './strcase';
import {
  strCount,
  strEndswith,
  strFind,
  strIndex,
  strRemoveprefix,
  strRemovesuffix,
  strRfind,
  strRindex,
  strStartswith,
} from './strsearch';
import { strPartition, strRpartition, strRsplit, strSplit, strSplitlines } from './strsplit';
import { strJoin, strKind, strNew, strValue } from './str';
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

/**
 * str.replace(old, new, count=-1): the same object when nothing is replaced or old is new
 * (an exact str), else one new str (replace() sizes it exactly before copying).
 */
function replace(vm: Vm, self: number, args: readonly number[]): number {
  if (args.length < 2 || args.length > 3)
    throw typeError(
      vm,
      'replace expected %s, got %zd',
      args.length < 2 ? 'at least 2 arguments' : 'at most 3 arguments',
      args.length,
    );
  for (const a of args.slice(0, 2))
    if (!vm.typeOf(a).mro.includes(T.Str))
      throw typeError(vm, 'replace() argument must be str, not %.100s', typeName(vm, a));
  let count = args.length > 2 ? asSsize(vm, args[2], E.OverflowError) : -1;
  if (count < 0) count = Number.MAX_SAFE_INTEGER;
  const s = strValue(vm, self);
  const old = strValue(vm, args[0]);
  const rep = strValue(vm, args[1]);
  const parts = old === '' ? ['', ...Array.from(s), ''] : s.split(old);
  let r = '';
  for (let i = 0; i < parts.length; i++) {
    r += parts[i];
    if (i < parts.length - 1) r += i < count ? rep : old;
  }
  // replace(): the same old and new object (an interned '/' for '/') is nothing to replace
  if (count === 0 || parts.length === 1 || args[0] === args[1]) {
    if (vm.table.type[self] === T.Str) {
      vm.incref(self);
      return self;
    }
    return strNew(vm, s, strKind(vm, self));
  }
  return strNew(vm, r);
}

export const STR_METHODS: Record<string, MethodDef> = {
  format: def('format', Meth.Varargs | Meth.Keywords, strFormatMethod),
  format_map: def('format_map', Meth.O, (vm, h, a) => strFormatMapMethod(vm, h, a[0])),
  join: def('join', Meth.O, join),
  split: def('split', Meth.Fastcall | Meth.Keywords, strSplit),
  replace: def('replace', Meth.Fastcall, replace),
  rsplit: def('rsplit', Meth.Fastcall | Meth.Keywords, strRsplit),
  splitlines: def('splitlines', Meth.Fastcall | Meth.Keywords, strSplitlines),
  partition: def('partition', Meth.O, strPartition),
  rpartition: def('rpartition', Meth.O, strRpartition),
  find: def('find', Meth.Varargs, strFind),
  rfind: def('rfind', Meth.Varargs, strRfind),
  index: def('index', Meth.Varargs, strIndex),
  rindex: def('rindex', Meth.Varargs, strRindex),
  count: def('count', Meth.Varargs, strCount),
  startswith: def('startswith', Meth.Varargs, strStartswith),
  endswith: def('endswith', Meth.Varargs, strEndswith),
  removeprefix: def('removeprefix', Meth.O, strRemoveprefix),
  translate: def('translate', Meth.O, strTranslate),
  maketrans: def('maketrans', Meth.Fastcall | Meth.Class, strMaketrans),
  removesuffix: def('removesuffix', Meth.O, strRemovesuffix),
  upper: def('upper', Meth.NoArgs, C.upper),
  lower: def('lower', Meth.NoArgs, C.lower),
  casefold: def('casefold', Meth.NoArgs, C.casefold),
  title: def('title', Meth.NoArgs, C.title),
  capitalize: def('capitalize', Meth.NoArgs, C.capitalize),
  swapcase: def('swapcase', Meth.NoArgs, C.swapcase),
  strip: def('strip', Meth.Fastcall, C.strip),
  lstrip: def('lstrip', Meth.Fastcall, C.lstrip),
  rstrip: def('rstrip', Meth.Fastcall, C.rstrip),
  center: def('center', Meth.Fastcall, C.center),
  ljust: def('ljust', Meth.Fastcall, C.ljust),
  rjust: def('rjust', Meth.Fastcall, C.rjust),
  zfill: def('zfill', Meth.O, C.zfill),
  expandtabs: def('expandtabs', Meth.Fastcall | Meth.Keywords, C.expandtabs),
  encode: def('encode', Meth.Fastcall | Meth.Keywords, C.encode),
  isdigit: def('isdigit', Meth.NoArgs, C.isdigit),
  isdecimal: def('isdecimal', Meth.NoArgs, C.isdecimal),
  isnumeric: def('isnumeric', Meth.NoArgs, C.isnumeric),
  isalpha: def('isalpha', Meth.NoArgs, C.isalpha),
  isalnum: def('isalnum', Meth.NoArgs, C.isalnum),
  isspace: def('isspace', Meth.NoArgs, C.isspace),
  isascii: def('isascii', Meth.NoArgs, C.isascii),
  isidentifier: def('isidentifier', Meth.NoArgs, C.isidentifier),
  isprintable: def('isprintable', Meth.NoArgs, C.isprintable),
  isupper: def('isupper', Meth.NoArgs, C.isupper),
  islower: def('islower', Meth.NoArgs, C.islower),
  istitle: def('istitle', Meth.NoArgs, C.istitle),
};
