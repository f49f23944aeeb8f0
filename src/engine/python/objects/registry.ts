import type { Vm } from '../runtime/vm';
import { BoolType } from './bool';
import { BytesType } from './bytes';
import { ByteArrayType } from './bytearray';
import { MethodType } from './classobject';
import { DictType } from './dict';
import {
  DictItemIterType,
  DictItemsType,
  DictKeyIterType,
  DictKeysType,
  DictValueIterType,
  DictValuesType,
} from './dictview';
import {
  BuiltinType,
  ClassMethodDescrType,
  GetSetDescrType,
  MemberDescrType,
  MethodDescrType,
  MethodWrapperType,
  WrapperDescrType,
} from './descr';
import { exceptionTypes } from './exceptions';
import { ComplexType } from './complex';
import { FloatType } from './float';
import { ClassMethodType, PropertyType, StaticMethodType, SuperType } from './descrobject';
import { FrameType } from './frameobject';
import { WeakRefType } from './weakref';
import { CellType, FunctionType } from './func';
import { GeneratorType } from './genobject';
import { IntType } from './int';
import { ListIterType, SetIterType, StrIterType, TupleIterType } from './iter';
import { EnumerateType, ListRevIterType, ReversedType, ZipType } from './itertypes';
import { ListType } from './list';
import { FilterType, MapType } from './mapfilter';
import { ModuleType } from './module';
import { EllipsisType, NoneType, NotImplementedType, ObjectType } from './object';
import { LongRangeIterType, RangeIterType, RangeType } from './rangeobject';
import { FrozenSetType, SetType } from './set';
import { SliceType } from './slice';
import { StrType } from './str';
import { TracebackType } from './traceback';
import { TupleType } from './tuple';
import { TypeType, readyStaticType } from './typeobject';
import type { TypeSlots } from './types';

/**
 * The built-in types, in PyType_Ready order (a base before its subclasses). Adding a type: its
 * file ends with its table, and one line here. Layers above python/ (NumPy, ctypes) register
 * their types the same way (readyStaticType) when they are imported.
 */
const BUILTIN_TYPES: readonly (() => TypeSlots)[] = [
  ObjectType,
  TypeType,
  NoneType,
  NotImplementedType,
  EllipsisType,
  IntType,
  BoolType,
  FloatType,
  ComplexType,
  StrType,
  BytesType,
  ByteArrayType,
  ListType,
  TupleType,
  DictType,
  SetType,
  FrozenSetType,
  RangeType,
  SliceType,
  RangeIterType,
  LongRangeIterType,
  ListIterType,
  TupleIterType,
  StrIterType,
  SetIterType,
  DictKeysType,
  DictValuesType,
  DictItemsType,
  DictKeyIterType,
  DictValueIterType,
  DictItemIterType,
  EnumerateType,
  ZipType,
  ReversedType,
  ListRevIterType,
  MapType,
  FilterType,
  FunctionType,
  CellType,
  MethodType,
  BuiltinType,
  MethodDescrType,
  ClassMethodDescrType,
  MemberDescrType,
  GetSetDescrType,
  WrapperDescrType,
  MethodWrapperType,
  ModuleType,
  GeneratorType,
  TracebackType,
  FrameType,
  StaticMethodType,
  ClassMethodType,
  PropertyType,
  SuperType,
  WeakRefType,
];

/** Install every built-in type (and the exception hierarchy) into a fresh Vm. */
export function installBuiltinTypes(vm: Vm): void {
  // Each Vm gets its own tables (made now, once every module is loaded): a class made in one
  // process, or a slot assigned, must not leak into another (tests run many in one JS process).
  for (const make of BUILTIN_TYPES) readyStaticType(vm, make());
  for (const s of exceptionTypes()) readyStaticType(vm, s);
}
