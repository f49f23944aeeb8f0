import { call } from '../abstract/call';
import { setNone, typeError } from '../abstract/errors';
import type { Vm } from '../runtime/vm';
import { E } from './exctypes';
import { hashValue } from '../abstract/hashvalue';
import { fromSsize, norm } from './int';
import { strValue } from './str';
import { NB, NB_BINARY_COUNT, T, type TypeSlots } from './types';

/**
 * A type's slot as a method (typeobject.c slotdefs + descrobject.c wrappers): `list.__len__`,
 * `int.__add__`, `object.__init__`. `call` gets the instance and the remaining arguments.
 */
export interface SlotWrapper {
  name: string;
  /** PyWrapperFlag_KEYWORDS (__call__, __init__): the wrapper takes keyword arguments. */
  keywords?: boolean;
  /** `args` are the items of `argsTuple` (the wrapper's own argument tuple, borrowed); `kwargs` a dict or 0. */
  call(vm: Vm, self: number, args: readonly number[], argsTuple: number, kwargs: number): number;
}

function nargs(vm: Vm, name: string, args: readonly number[], n: number): void {
  if (args.length !== n)
    throw typeError(vm, 'expected %d argument%s, got %zd', n, n === 1 ? '' : 's', args.length);
  void name;
}

const BINARY: Record<string, number> = {
  add: NB.Add,
  and: NB.And,
  floordiv: NB.FloorDivide,
  lshift: NB.Lshift,
  matmul: NB.MatrixMultiply,
  mul: NB.Multiply,
  mod: NB.Remainder,
  or: NB.Or,
  pow: NB.Power,
  rshift: NB.Rshift,
  sub: NB.Subtract,
  truediv: NB.TrueDivide,
  xor: NB.Xor,
};
const RICH = ['lt', 'le', 'eq', 'ne', 'gt', 'ge'];

/** The slot a dunder name exposes, when the type defines it itself (an inherited slot is found on the base). */
export function slotWrapper(vm: Vm, s: TypeSlots, name: string): SlotWrapper | null {
  const base = s.base !== 0 || s.id !== T.Object ? vm.types[s.base] : null;
  const own = <F>(get: (t: TypeSlots) => F | null | undefined): F | null => {
    const f = get(s) ?? null;
    if (f === null) return null;
    if (base && s.id !== T.Object && get(base) === f) return null;
    return f;
  };
  const w = (call: SlotWrapper['call']): SlotWrapper => ({ name, call });
  const m = /^__([a-z]+)__$/.exec(name);
  if (!m) return null;
  // __radd__ / __iadd__ are reflected / in-place binary slots; __init__, __iter__, __index__ are not
  const reflected = /^[ri]/.test(m[1]) && m[1].slice(1) in BINARY;
  const prefix = reflected ? m[1][0] : '';
  const core = reflected ? m[1].slice(1) : m[1];
  if (core in BINARY) {
    const nb = BINARY[core] + (prefix === 'i' ? NB_BINARY_COUNT : 0);
    const f = own((t) => t.number?.binary[nb]);
    if (f === null) return null;
    return w((vm2, self, args) => {
      nargs(vm2, name, args, 1);
      return prefix === 'r' ? f(vm2, args[0], self) : f(vm2, self, args[0]);
    });
  }
  if (prefix) return null;
  const rich = RICH.indexOf(core);
  if (rich >= 0) {
    const f = own((t) => t.richcompare);
    return f && w((vm2, self, args) => (nargs(vm2, name, args, 1), f(vm2, self, args[0], rich)));
  }
  switch (name) {
    case '__len__': {
      const f = own((t) => t.sequence?.length ?? t.mapping?.length);
      return f && w((vm2, self, args) => (nargs(vm2, name, args, 0), fromSsize(vm2, f(vm2, self))));
    }
    case '__getitem__': {
      const f = own((t) => t.mapping?.subscript);
      return f && w((vm2, self, args) => (nargs(vm2, name, args, 1), f(vm2, self, args[0])));
    }
    case '__setitem__': {
      const f = own((t) => t.mapping?.assSubscript);
      return (
        f && w((vm2, self, args) => (nargs(vm2, name, args, 2), f(vm2, self, args[0], args[1]), vm2.s.None))
      );
    }
    case '__delitem__': {
      const f = own((t) => t.mapping?.assSubscript);
      return f && w((vm2, self, args) => (nargs(vm2, name, args, 1), f(vm2, self, args[0], 0), vm2.s.None));
    }
    case '__contains__': {
      const f = own((t) => t.sequence?.contains);
      return f && w((vm2, self, args) => (nargs(vm2, name, args, 1), vm2.s.bool(f(vm2, self, args[0]))));
    }
    case '__iter__': {
      const f = own((t) => t.iter);
      return f && w((vm2, self, args) => (nargs(vm2, name, args, 0), f(vm2, self)));
    }
    case '__next__': {
      const f = own((t) => t.iternext);
      return (
        f &&
        w((vm2, self, args) => {
          nargs(vm2, name, args, 0);
          const r = f(vm2, self);
          if (r === 0) throw setNone(vm2, E.StopIteration);
          return r;
        })
      );
    }
    case '__repr__':
    case '__str__': {
      // object_str: the object's tp_repr (the simulator leaves object's tp_str empty for that)
      if (name === '__str__' && s.id === T.Object)
        return w((vm2, self, args) => (nargs(vm2, name, args, 0), vm2.typeOf(self).repr!(vm2, self)));
      const f = own((t) => (name === '__repr__' ? t.repr : t.str));
      return f && w((vm2, self, args) => (nargs(vm2, name, args, 0), f(vm2, self)));
    }
    case '__neg__':
    case '__pos__':
    case '__abs__':
    case '__invert__':
    case '__int__':
    case '__float__':
    case '__index__': {
      const key = (
        {
          __neg__: 'negative',
          __pos__: 'positive',
          __abs__: 'absolute',
          __invert__: 'invert',
          __int__: 'int',
          __float__: 'float',
          __index__: 'index',
        } as const
      )[name];
      const f = own((t) => t.number?.[key]);
      return f && w((vm2, self, args) => (nargs(vm2, name, args, 0), f(vm2, self)));
    }
    case '__hash__': {
      // wrap_hashfunc: the type's own tp_hash (`ref.__hash__`, which weakref.WeakMethod's class
      // body takes), as the int PyObject_Hash gives
      const f = own((t) => t.hash);
      return (
        f &&
        w((vm2, self, args) => {
          nargs(vm2, name, args, 0);
          f(vm2, self);
          return fromSsize(vm2, norm(hashValue(vm2, self)));
        })
      );
    }
    case '__bool__': {
      const f = own((t) => t.number?.bool);
      return f && w((vm2, self, args) => (nargs(vm2, name, args, 0), vm2.s.bool(f(vm2, self))));
    }
    case '__call__': {
      // wrap_call: this type's own tp_call (type.__call__ from a metaclass's __call__ is type_call,
      // not the metaclass's slot again)
      const has = own((t) => t.call ?? t.vectorcall);
      const tpCall = own((t) => t.call);
      if (!has) return null;
      return {
        name,
        keywords: true,
        call: (vm2, self, args, argsTuple, kwargs) =>
          tpCall ? tpCall(vm2, self, argsTuple, kwargs) : call(vm2, self, args, null),
      };
    }
    case '__init__': {
      const f = own((t) => t.init);
      if (!f) return null;
      return {
        name,
        keywords: true,
        call: (vm2, self, _args, argsTuple, kwargs) => {
          f(vm2, self, argsTuple, kwargs);
          return vm2.s.None;
        },
      };
    }
    case '__get__': {
      // wrap_descr_get: (obj[, type]), None meaning absent; both absent is an error
      const f = own((t) => t.descrGet);
      if (!f) return null;
      return w((vm2, self, args) => {
        if (args.length < 1) throw typeError(vm2, ' expected at least 1 argument, got %zd', args.length);
        if (args.length > 2) throw typeError(vm2, ' expected at most 2 arguments, got %zd', args.length);
        const obj = args[0] === vm2.s.None ? 0 : args[0];
        const type = args.length < 2 || args[1] === vm2.s.None ? 0 : args[1];
        if (obj === 0 && type === 0) throw typeError(vm2, '__get__(None, None) is invalid');
        return f(vm2, self, obj, type);
      });
    }
    case '__setattr__':
    case '__delattr__': {
      // wrap_setattr / wrap_delattr: tp_setattro with the name checked to be a str (value 0: delete)
      const f = own((t) => t.setattro);
      const n = name === '__setattr__' ? 2 : 1;
      return (
        f &&
        w((vm2, self, args) => {
          nargs(vm2, name, args, n);
          if (vm2.table.type[args[0]] !== T.Str)
            throw typeError(vm2, "attribute name must be string, not '%.200s'", vm2.typeOf(args[0]).name);
          f(vm2, self, strValue(vm2, args[0]), n === 2 ? args[1] : 0);
          return vm2.s.None;
        })
      );
    }
    default:
      return null;
  }
}
