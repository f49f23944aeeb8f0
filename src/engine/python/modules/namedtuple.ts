import { NotSupported } from '../errors';
import { call, callMethod } from '../abstract/call';
import { raiseString, typeError } from '../abstract/errors';
import { getIter, iterNext } from '../abstract/iter';
import { dictNew, dictSetItem } from '../objects/dict';
import { E } from '../objects/exctypes';
import { fieldsTuple, namedTupleType, ntInfo, tupleNewWrapper } from '../objects/namedtuple';
import { intern, strNew, strValue } from '../objects/str';
import { readyStaticType } from '../objects/typeobject';
import { tupleItems } from '../objects/tuple';
import { Meth, T, type Kwargs, type TypeSlots } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { bindArgs } from './bind';

/**
 * collections.namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
 * the names checked as the factory checks them (its messages), then the class: a tuple subclass
 * whose instances are made as CPython makes them (objects/namedtuple.ts: slot_tp_new, the
 * generated __new__'s frame, tuple.__new__), with _fields, _field_defaults, __match_args__,
 * _make, _replace, _asdict, __getnewargs__, the fields by position and the repr. The class itself
 * is a static type here: the ~6 KB the real factory leaves per class (type object, namespace,
 * functions, the compiled __new__) are not simulated (modules/README.md).
 */

const KEYWORDS = new Set(
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield'.split(
    ' ',
  ),
);
const IDENTIFIER = /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*$/u;

/** The names as strings (a str is split on commas and whitespace). */
function fieldNames(vm: Vm, fieldNamesArg: number): string[] {
  if (vm.table.type[fieldNamesArg] === T.Str)
    return strValue(vm, fieldNamesArg)
      .replace(/,/g, ' ')
      .split(/\s+/)
      .filter((s) => s !== '');
  const out: string[] = [];
  const it = getIter(vm, fieldNamesArg);
  try {
    for (let v = iterNext(vm, it); v !== 0; v = iterNext(vm, it)) {
      try {
        if (vm.table.type[v] !== T.Str) throw new NotSupported('namedtuple field names that are not strings');
        out.push(strValue(vm, v));
      } finally {
        vm.decref(v);
      }
    }
  } finally {
    vm.decref(it);
  }
  return out;
}

const pyRepr = (s: string): string =>
  s.includes("'") && !s.includes('"') ? `"${s}"` : `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function check(vm: Vm, typename: string, fields: string[], rename: boolean): string[] {
  if (rename) {
    const seen = new Set<string>();
    fields = fields.map((name, i) => {
      const bad = !IDENTIFIER.test(name) || KEYWORDS.has(name) || name.startsWith('_') || seen.has(name);
      seen.add(name);
      return bad ? `_${i}` : name;
    });
  }
  for (const name of [typename, ...fields]) {
    if (!IDENTIFIER.test(name))
      throw raiseString(
        vm,
        E.ValueError,
        `Type names and field names must be valid identifiers: ${pyRepr(name)}`,
      );
    if (KEYWORDS.has(name))
      throw raiseString(vm, E.ValueError, `Type names and field names cannot be a keyword: ${pyRepr(name)}`);
  }
  const seen = new Set<string>();
  for (const name of fields) {
    if (name.startsWith('_') && !rename)
      throw raiseString(vm, E.ValueError, `Field names cannot start with an underscore: ${pyRepr(name)}`);
    if (seen.has(name))
      throw raiseString(vm, E.ValueError, `Encountered duplicate field name: ${pyRepr(name)}`);
    seen.add(name);
  }
  return fields;
}

/** A class-level str (the class keeps it for good). */
const classStr = (vm: Vm, s: string): number => strNew(vm, s);

/** The methods the factory defines, over the class's fields. */
function methods(cls: () => TypeSlots) {
  const n = () => ntInfo(cls()).fields.length;
  return {
    _make: {
      name: '_make',
      flags: Meth.O | Meth.Class,
      // tuple.__new__(cls, iterable): cls is the class _make was called on (a subclass's own)
      impl: (vm: Vm, c: number, a: readonly number[]) => {
        const r = tupleNewWrapper(vm, vm.slotsOf(c), a[0]);
        if (vm.table.n[r] !== n()) {
          const got = vm.table.n[r];
          vm.decref(r);
          throw typeError(vm, 'Expected %d arguments, got %d', n(), got);
        }
        return r;
      },
    },
    _replace: {
      name: '_replace',
      flags: Meth.Fastcall | Meth.Keywords,
      impl: (vm: Vm, self: number, a: readonly number[], kw: Kwargs | null) => {
        if (a.length > 0)
          throw typeError(
            vm,
            '%s._replace() takes 1 positional argument but %zd were given',
            cls().name,
            a.length + 1,
          );
        const info = ntInfo(cls());
        const items = tupleItems(vm, self);
        const left = new Map(kw ?? []);
        const vals = info.fields.map((f, i) => {
          const v = left.get(f);
          left.delete(f);
          return v ?? items[i];
        });
        if (left.size > 0)
          throw raiseString(
            vm,
            E.ValueError,
            `Got unexpected field names: [${[...left.keys()].map(pyRepr).join(', ')}]`,
          );
        const l = call(vm, vm.types[T.List].typeObject, [], null);
        try {
          for (const v of vals) vm.decref(callMethod(vm, l, 'append', [v]));
          // self._make(...): the instance's own class (a subclass's)
          return tupleNewWrapper(vm, vm.typeOf(self), l);
        } finally {
          vm.decref(l);
        }
      },
    },
    _asdict: {
      name: '_asdict',
      flags: Meth.NoArgs,
      // _dict(_zip(self._fields, self))
      impl: (vm: Vm, self: number) => {
        const z = call(vm, vm.types[T.Zip].typeObject, [fieldsTuple(vm, cls()), self], null);
        try {
          return call(vm, vm.types[T.Dict].typeObject, [z], null);
        } finally {
          vm.decref(z);
        }
      },
    },
    __getnewargs__: {
      name: '__getnewargs__',
      flags: Meth.NoArgs,
      impl: (vm: Vm, self: number) => call(vm, vm.types[T.Tuple].typeObject, [self], null),
    },
  };
}

export function namedtuple(vm: Vm, args: readonly number[], kw: Kwargs | null): number {
  const [typenameArg, fieldNamesArg, renameArg, defaultsArg, moduleArg] = bindArgs(
    vm,
    'namedtuple',
    args,
    kw,
    ['typename', 'field_names', 'rename', 'defaults', 'module'],
    [vm.s.False, vm.s.None, vm.s.None],
  );
  if (args.length > 2)
    throw typeError(vm, 'namedtuple() takes 2 positional arguments but %zd were given', args.length);
  const rename = renameArg !== vm.s.False && renameArg !== vm.s.None && renameArg !== 0;
  if (vm.table.type[typenameArg] !== T.Str)
    throw new NotSupported('namedtuple with a typename that is not a str');
  const typename = strValue(vm, typenameArg);
  const fields = check(vm, typename, fieldNames(vm, fieldNamesArg), rename);
  const defaults: number[] = [];
  if (defaultsArg !== vm.s.None) {
    const it = getIter(vm, defaultsArg);
    try {
      for (let v = iterNext(vm, it); v !== 0; v = iterNext(vm, it)) defaults.push(v);
    } finally {
      vm.decref(it);
    }
    if (defaults.length > fields.length) {
      for (const d of defaults) vm.decref(d);
      throw typeError(vm, 'Got more default values than field names');
    }
  }
  const module =
    moduleArg !== vm.s.None && vm.table.type[moduleArg] === T.Str ? strValue(vm, moduleArg) : '__main__';

  const s = namedTupleType(vm.newTypeId(), typename, module, fields, defaults);
  Object.assign(
    s.methods,
    methods(() => s),
  );
  readyStaticType(vm, s);
  // class-level values: what a lookup finds in the class dict
  const fieldDefaults = dictNew(vm);
  fields
    .slice(fields.length - defaults.length)
    .forEach((f, i) => dictSetItem(vm, fieldDefaults, intern(vm, f), defaults[i]));
  const cache = s.descrCache ?? (s.descrCache = new Map());
  const fieldsT = fieldsTuple(vm, s);
  cache.set('_fields', fieldsT);
  cache.set('__match_args__', fieldsT);
  cache.set('_field_defaults', fieldDefaults);
  cache.set('__slots__', vm.s.emptyTuple);
  cache.set('__doc__', classStr(vm, `${typename}(${fields.join(', ')})`));
  cache.set('__module__', classStr(vm, module));
  return (vm.incref(s.typeObject), s.typeObject);
}
