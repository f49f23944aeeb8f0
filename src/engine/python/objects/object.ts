import { dictGetItem } from './dict';
import { setData } from './set';
import { genericGetAttr, genericSetAttr } from '../abstract/attr';
import { typeError } from '../abstract/errors';
import { unicodeFromFormat } from '../abstract/fromformat';
import { identityHash } from '../abstract/hash';
import { isTrue } from '../abstract/object';
import { str } from '../abstract/repr';
import type { Vm } from '../runtime/vm';
import { defersCall, deferrer, takeDefer } from '../runtime/deferred';
import { InstanceState, initInstanceDict, instanceDict, type HeapTypeData } from './instance';
import { embeddedValues, inlineValuesBytes, nextValuesSize } from './values';
import { fromSsize } from './int';
import { intern, strValue } from './str';
import { Cmp, Meth, T, TpFlags, defineType, type HashKey, type TypeSlots } from './types';

/**
 * `object` (Objects/typeobject.c PyBaseObject_Type): the root every type inherits its defaults
 * from — generic attribute access, identity hashing and equality, the default repr and
 * __format__, object_new / object_init and __sizeof__.
 */

/** PyObject_HashNotImplemented: the tp_hash of unhashable types. */
export function hashNotImplemented(vm: Vm, h: number): HashKey {
  throw typeError(vm, "unhashable type: '%.200s'", vm.typeOf(h).name);
}

/** object_repr: "<__main__.A object at 0x7f…>" (builtins types without the module). */
export function objectRepr(vm: Vm, h: number): number {
  const tp = vm.typeOf(h);
  if (tp.module !== 'builtins')
    return unicodeFromFormat(vm, '<%U.%U object at %p>', [tp.module, tp.qualname, vm.id(h)]);
  return unicodeFromFormat(vm, '<%s object at %p>', [tp.name, vm.id(h)]);
}

export function objectReprText(vm: Vm, h: number): string {
  const tp = vm.typeOf(h);
  const where = `0x${vm.id(h).toString(16)}`;
  return tp.module !== 'builtins'
    ? `<${tp.module}.${tp.qualname} object at ${where}>`
    : `<${tp.name} object at ${where}>`;
}

/** object_richcompare: == is identity; != inverts the type's == unless that is NotImplemented. */
function objectRichcompare(vm: Vm, a: number, b: number, op: Cmp): number {
  if (op === Cmp.EQ) return a === b ? vm.s.True : vm.s.NotImplemented;
  if (op !== Cmp.NE) return vm.s.NotImplemented;
  const rc = vm.typeOf(a).richcompare;
  if (rc === null) return vm.s.NotImplemented;
  const r = rc(vm, a, b, Cmp.EQ);
  if (r === vm.s.NotImplemented) return r;
  const ok = isTrue(vm, r);
  vm.decref(r);
  return vm.s.bool(!ok);
}

/** object.__format__: an empty spec is str(self); any other spec is a TypeError. */
export function objectFormat(vm: Vm, h: number, spec: string): number {
  if (spec.length > 0)
    throw typeError(vm, 'unsupported format string passed to %.200s.__format__', vm.typeOf(h).name);
  return str(vm, h);
}

/** object_new's "Can't instantiate abstract class X with abstract methods a, b" (names sorted). */
function abstractCheck(vm: Vm, type: TypeSlots): void {
  const fs = dictGetItem(vm, type.dict, intern(vm, '__abstractmethods__'));
  if (fs === 0 || (vm.table.type[fs] !== T.FrozenSet && vm.table.type[fs] !== T.Set)) return;
  const names = [...setData(vm, fs).index.values()].map((k) => strValue(vm, k)).sort();
  if (names.length === 0) return;
  throw typeError(
    vm,
    "Can't instantiate abstract class %s with abstract method%s %s",
    type.name,
    names.length > 1 ? 's' : '',
    names.join(', '),
  );
}

/**
 * object_new: surplus arguments are an error unless the type overrides __init__ (and not
 * __new__); then tp_alloc (PyType_GenericAlloc) and, for a class with a managed dict, its values
 * array (_PyObject_InitializeDict).
 */
function objectNew(vm: Vm, type: TypeSlots, args: number, kwargs: number): number {
  const excess = vm.table.n[args] > 0 || (kwargs !== 0 && vm.table.n[kwargs] > 0);
  if (excess) {
    if (type.new !== objectNew)
      throw typeError(vm, 'object.__new__() takes exactly one argument (the type to instantiate)');
    if (type.init === objectInit) throw typeError(vm, '%.200s() takes no arguments', type.name);
  }
  // Py_TPFLAGS_IS_ABSTRACT: set when a class's own __abstractmethods__ is assigned non-empty (abc.ABCMeta)
  if (type.flags & TpFlags.HeapType && type.dict !== 0) abstractCheck(vm, type);
  const h = genericAlloc(vm, type, 0);
  initInstanceDict(vm, h, type);
  return h;
}

/** object_init: surplus arguments are an error unless the type overrides __new__ (and not __init__). */
function objectInit(vm: Vm, self: number, args: number, kwargs: number): void {
  const type = vm.typeOf(self);
  const excess = vm.table.n[args] > 0 || (kwargs !== 0 && vm.table.n[kwargs] > 0);
  if (excess) {
    if (type.init !== objectInit)
      throw typeError(vm, 'object.__init__() takes exactly one argument (the instance to initialize)');
    if (type.new === objectNew)
      throw typeError(
        vm,
        '%.200s.__init__() takes exactly one argument (the instance to initialize)',
        type.name,
      );
  }
}

/**
 * PyType_GenericAlloc(type, nitems): one PyObject_Malloc of the pre-header (GC head, managed-dict
 * pointers), the basic size and the items, zeroed; GC objects are linked and tracked.
 */
export function genericAlloc(vm: Vm, type: TypeSlots, nitems: number): number {
  // _PyType_AllocNoTrack (3.13): a class with inline values has them in the same block, sized by
  // _PyInlineValuesSize before _PyObject_InitInlineValues takes a slot of room away (measured: the
  // first instance of a class is a 328-byte block, its values 29 slots + 1)
  const keys = type.flags & TpFlags.InlineValues ? (type.extra as HeapTypeData).cachedKeys : null;
  const room = keys ? keys.names.length + keys.usable : 0;
  const inline = keys ? nextValuesSize(keys) : 0;
  // _PyObject_VAR_SIZE(type, nitems + 1): the sentinel item, rounded up to 8 bytes
  const size =
    (type.itemsize ? (type.basicsize + type.itemsize * (nitems + 1) + 7) & ~7 : type.basicsize) +
    vm.preHeader[type.id] -
    (type.flags & TpFlags.HaveGc ? 16 : 0) +
    (inline ? inlineValuesBytes(room) : 0);
  const h = type.flags & TpFlags.HaveGc ? vm.newGcObject(type.id, size) : vm.newObject(type.id, size);
  // an instance of a class holds its class (subtype_dealloc releases it)
  if (type.flags & TpFlags.HeapType) vm.incref(type.typeObject);
  vm.mem.touch(vm.table.addr[h], vm.preHeader[type.id] + size);
  if (inline) {
    const st = new InstanceState(null);
    st.values = embeddedValues(inline);
    vm.heapState.set(h, st);
  }
  if (type.flags & TpFlags.HaveGc) vm.gc.track(h);
  return h;
}

/** object.__sizeof__: the type's own sizeof, else basicsize + itemsize × ob_size. */
export function objectSizeof(vm: Vm, h: number): number {
  const tp = vm.typeOf(h);
  return tp.sizeof ? tp.sizeof(vm, h) : tp.basicsize + tp.itemsize * vm.table.n[h];
}

export const ObjectType = (): TypeSlots =>
  defineType({
    id: T.Object,
    name: 'object',
    basicsize: 16,
    flags: TpFlags.BaseType,
    base: 0,
    dealloc: (vm, h) => vm.objectFree(h),
    repr: objectRepr,
    reprText: objectReprText,
    str: null,
    format: objectFormat,
    hash: identityHash,
    richcompare: objectRichcompare,
    getattro: genericGetAttr,
    setattro: genericSetAttr,
    new: objectNew,
    init: objectInit,
    methods: {
      // object.__init_subclass__ (a classmethod that does nothing): type_new looks it up through super()
      __init_subclass__: {
        name: '__init_subclass__',
        flags: Meth.Class | Meth.Fastcall | Meth.Keywords,
        // METH_NOARGS bound to the class: the error names the class (_PyObject_FunctionStr)
        impl: (vm, cls, args, kw) => {
          if (kw !== null && kw.size > 0)
            throw typeError(
              vm,
              '%s.__init_subclass__() takes no keyword arguments',
              vm.slotsOf(cls).qualname,
            );
          if (args.length > 0)
            throw typeError(
              vm,
              '%s.__init_subclass__() takes no arguments (%zd given)',
              vm.slotsOf(cls).qualname,
              args.length,
            );
          return vm.s.None;
        },
        qualname: 'object.__init_subclass__',
      },
      // object.__subclasshook__ (a classmethod): NotImplemented, so ABCMeta falls back to the MRO and registry
      __subclasshook__: {
        name: '__subclasshook__',
        flags: Meth.Class | Meth.O,
        impl: (vm) => vm.s.NotImplemented,
        qualname: 'object.__subclasshook__',
      },
      __sizeof__: {
        name: '__sizeof__',
        flags: Meth.NoArgs,
        impl: (vm, self) => fromSsize(vm, objectSizeof(vm, self)),
        qualname: 'object.__sizeof__',
      },
      __format__: {
        name: '__format__',
        flags: Meth.O,
        qualname: 'object.__format__',
        // object_format's PyObject_Str may run a class's __str__ in the calling loop (runtime/deferred.ts)
        impl: defersCall((vm, self, args) => {
          const defer = takeDefer(vm);
          if (vm.table.type[args[0]] !== T.Str) throw typeError(vm, 'argument to __format__ must be str');
          // the built-in type's own formatting (int.__format__ on an IntEnum member): a class's
          // format slot calls __format__ again, so the nearest static type's slot is the one
          let f: TypeSlots['format'] = null;
          for (const id of vm.typeOf(self).mro) {
            const t = vm.types[id];
            if (!(t.flags & TpFlags.HeapType) && t.format !== null) {
              f = t.format;
              break;
            }
          }
          f ??= objectFormat;
          if (defer && f === objectFormat && vm.table.n[args[0]] === 0) deferrer(vm)!.armDefer();
          return f(vm, self, strValue(vm, args[0]));
        }),
      },
    },
    getset: {
      __class__: {
        name: '__class__',
        get: (vm, h) => {
          const t = vm.typeOf(h).typeObject;
          vm.incref(t);
          return t;
        },
        set: objectSetClass,
      },
    },
  });

/**
 * object_set_class (3.11): a class for a class of the same layout (compatible_for_assignment:
 * same built-in base, sizes, dict and slots); a managed dict is made from the values first
 * (_PyObject_GetDictPtr), since the new class has other shared keys; then the type swapped.
 */
function objectSetClass(vm: Vm, h: number, value: number): void {
  if (value === 0) throw typeError(vm, "can't delete __class__ attribute");
  if (!vm.typeOf(value).mro.includes(T.Type))
    throw typeError(vm, "__class__ must be set to a class, not '%s' object", vm.typeOf(value).name);
  const oldto = vm.typeOf(h);
  const newto = vm.slotsOf(value);
  if (!(oldto.flags & TpFlags.HeapType) || !(newto.flags & TpFlags.HeapType))
    throw typeError(vm, '__class__ assignment only supported for mutable types or ModuleType subclasses');
  const members = (s: TypeSlots): string => ((s.extra as HeapTypeData | null)?.members ?? []).join(',');
  const base = (s: TypeSlots): number =>
    s.mro.find((id) => !(vm.types[id].flags & TpFlags.HeapType)) ?? T.Object;
  if (
    base(oldto) !== base(newto) ||
    oldto.basicsize !== newto.basicsize ||
    oldto.itemsize !== newto.itemsize ||
    oldto.dictoffset !== newto.dictoffset ||
    (oldto.flags & TpFlags.HaveGc) !== (newto.flags & TpFlags.HaveGc) ||
    members(oldto) !== members(newto)
  )
    throw typeError(vm, "__class__ assignment: '%s' object layout differs from '%s'", newto.name, oldto.name);
  if (oldto.flags & TpFlags.ManagedDict) instanceDict(vm, h);
  vm.incref(newto.typeObject);
  vm.table.type[h] = newto.id;
  vm.decref(oldto.typeObject);
}

// ---- None, NotImplemented, Ellipsis --------------------------------------------------------

const constant = (id: number, name: string, text: string, truth: boolean | null): TypeSlots =>
  defineType({
    id,
    name,
    basicsize: 16,
    dealloc: () => {
      throw new Error(`internal: ${text} deallocated`);
    },
    reprText: () => text,
    number: truth === null ? null : { binary: [], bool: () => truth },
  });

export const NoneType = (): TypeSlots => constant(T.None, 'NoneType', 'None', false);
export const NotImplementedType = (): TypeSlots =>
  constant(T.NotImplementedType, 'NotImplementedType', 'NotImplemented', null);
export const EllipsisType = (): TypeSlots => constant(T.Ellipsis, 'ellipsis', 'Ellipsis', null);
