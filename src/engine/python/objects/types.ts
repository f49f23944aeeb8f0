import type { Vm } from '../runtime/vm';

/**
 * Type ids: the object table's `type` column (a Uint16Array). The built-in types CPython defines
 * statically have fixed ids (below 256), so hot paths can test them inline as CPython tests
 * PyLong_CheckExact; the exception types follow from T.FirstException (objects/exceptions.ts);
 * types made at run time (classes, an extension's types) take ids from T.FirstDynamic up and give
 * them back when they die (TypeRegistry).
 */
export const enum T {
  Free = 0,
  None = 1,
  Bool = 2,
  Int = 3,
  Float = 4,
  Str = 5,
  Bytes = 6,
  ByteArray = 7,
  List = 8,
  Tuple = 9,
  Dict = 10,
  Set = 11,
  FrozenSet = 12,
  Range = 13,
  RangeIter = 14,
  LongRangeIter = 15,
  ListIter = 16,
  TupleIter = 17,
  Function = 18,
  /** builtin_function_or_method (PyCFunctionObject): static functions and bound built-in methods alike. */
  Builtin = 19,
  Module = 20,
  Object = 21,
  Generator = 22,
  Slice = 23,
  /** dict_keys; dict_values and dict_items are DictValues and DictItems. */
  DictView = 24,
  /** dict_keyiterator; DictValueIter and DictItemIter are the other two. */
  DictIter = 25,
  SetIter = 26,
  NotImplementedType = 27,
  Cell = 28,
  Ellipsis = 29,
  Type = 30,
  GcHead = 31,
  CDLL = 32,
  CFunc = 33,
  StrIter = 34,
  Code = 35,
  Enumerate = 36,
  Zip = 37,
  ListRevIter = 38,
  DictValues = 39,
  DictItems = 40,
  DictValueIter = 41,
  DictItemIter = 42,
  /** method_descriptor: a built-in type's method looked up on the type (list.append). */
  MethodDescr = 43,
  /** classmethod_descriptor (dict.fromkeys). */
  ClassMethodDescr = 44,
  /** method: a Python function bound to an instance (PyMethodObject). */
  Method = 45,
  StaticMethod = 46,
  ClassMethod = 47,
  Property = 48,
  Super = 49,
  /** member_descriptor: a field of a C struct or a __slots__ entry. */
  MemberDescr = 50,
  /** getset_descriptor: a computed attribute (__dict__, __weakref__, type.__name__ …). */
  GetSetDescr = 51,
  Traceback = 52,
  /** PyFrameObject: made by the eval loop when a frame must outlive its C-level form (tracebacks). */
  Frame = 53,
  MappingProxy = 54,
  WeakRef = 55,
  /** The `reversed` type (reversed() of a sequence without __reversed__). */
  Reversed = 56,
  /** wrapper_descriptor (list.__len__) and method-wrapper ([].__len__): a type's slots as methods. */
  WrapperDescr = 57,
  MethodWrapper = 58,
  /** complex (objects/complex.ts). */
  Complex = 59,
  /** map and filter objects (bltinmodule.c). */
  Map = 62,
  Filter = 63,
  FirstException = 64,
  /** Heap types (classes) and an extension layer's types: allocated at run time. */
  FirstDynamic = 256,
}

/** Py_TPFLAGS_* (Include/object.h, 3.11): the ones the simulator reads. */
export const enum TpFlags {
  /** Py_TPFLAGS_INLINE_VALUES (3.13): the values array is part of the instance's own block. */
  InlineValues = 1 << 2,
  /** Py_TPFLAGS_MANAGED_WEAKREF (3.12+): __weakref__ lives in the pre-header, not the body. */
  ManagedWeakref = 1 << 3,
  ManagedDict = 1 << 4,
  SequenceFlag = 1 << 5,
  MappingFlag = 1 << 6,
  Immutable = 1 << 8,
  HeapType = 1 << 9,
  BaseType = 1 << 10,
  HaveVectorcall = 1 << 11,
  Ready = 1 << 12,
  HaveGc = 1 << 14,
  MethodDescriptor = 1 << 17,
  LongSubclass = 1 << 24,
  ListSubclass = 1 << 25,
  TupleSubclass = 1 << 26,
  BytesSubclass = 1 << 27,
  UnicodeSubclass = 1 << 28,
  DictSubclass = 1 << 29,
  BaseExcSubclass = 1 << 30,
  TypeSubclass = 1 << 31,
}

/** Rich comparison operators, numbered as Py_LT … Py_GE. */
export const enum Cmp {
  LT = 0,
  LE = 1,
  EQ = 2,
  NE = 3,
  GT = 4,
  GE = 5,
}

/** BINARY_OP's oparg (Include/opcode.h NB_*): the number protocol's binary slots, in-place ones at +13. */
export const enum NB {
  Add = 0,
  And = 1,
  FloorDivide = 2,
  Lshift = 3,
  MatrixMultiply = 4,
  Multiply = 5,
  Remainder = 6,
  Or = 7,
  Power = 8,
  Rshift = 9,
  Subtract = 10,
  TrueDivide = 11,
  Xor = 12,
  InplaceAdd = 13,
  InplaceOr = 20,
  InplaceXor = 25,
}
/** Binary operators: 13 (the in-place form of operator k is k + 13). */
export const NB_BINARY_COUNT = 13;

/**
 * A JS value standing for a Python object's identity as a dict/set key: equal Python keys map to
 * the same HashKey (1 == 1.0 == True), different ones never collide. Where entries sit in the
 * real hash table does not change any allocation, so real hash values are not needed for that.
 */
export type HashKey = string | number | bigint;

/** tp_traverse's visit: `times` counts one reference held `times` over (a run of one list item). */
export type Visit = (ref: number, times?: number) => void;
/** A new reference, or vm.s.NotImplemented. */
export type BinarySlot = (vm: Vm, a: number, b: number) => number;
export type UnarySlot = (vm: Vm, a: number) => number;
/** Keyword arguments of a call: names to borrowed values (vectorcall's kwnames and their values). */
export type Kwargs = Map<string, number>;
/** vectorcall / a built-in's C function: arguments borrowed, a new reference returned. */
export type VectorcallFn = (vm: Vm, callable: number, args: readonly number[], kw: Kwargs | null) => number;

/** PyNumberMethods. `binary` is indexed by NB (0..25); a missing slot is null. */
export interface NumberSlots {
  binary: (BinarySlot | null)[];
  /** nb_divmod (divmod()): a new reference or NotImplemented. */
  divmod?: BinarySlot;
  /** nb_power with a modulus (pow(a, b, m)). */
  ternaryPower?: (vm: Vm, a: number, b: number, m: number) => number;
  negative?: UnarySlot;
  positive?: UnarySlot;
  absolute?: UnarySlot;
  invert?: UnarySlot;
  /** nb_bool. */
  bool?: (vm: Vm, h: number) => boolean;
  /** nb_int / nb_float / nb_index: new references. */
  int?: UnarySlot;
  float?: UnarySlot;
  index?: UnarySlot;
}

/** PySequenceMethods. Items are new references; `assItem` with value 0 deletes. */
export interface SequenceSlots {
  length?: (vm: Vm, h: number) => number;
  concat?: BinarySlot;
  repeat?: (vm: Vm, h: number, n: number) => number;
  item?: (vm: Vm, h: number, i: number) => number;
  assItem?: (vm: Vm, h: number, i: number, value: number) => void;
  contains?: (vm: Vm, h: number, x: number) => boolean;
  inplaceConcat?: BinarySlot;
  inplaceRepeat?: (vm: Vm, h: number, n: number) => number;
}

/** PyMappingMethods. `assSubscript` with value 0 deletes. */
export interface MappingSlots {
  length?: (vm: Vm, h: number) => number;
  subscript?: BinarySlot;
  assSubscript?: (vm: Vm, h: number, key: number, value: number) => void;
}

/** PyMethodDef's ml_flags (METH_*): how the arguments reach the C function, which decides what a call allocates. */
export const enum Meth {
  Varargs = 0x1,
  Keywords = 0x2,
  NoArgs = 0x4,
  O = 0x8,
  Class = 0x10,
  Static = 0x20,
  Coexist = 0x40,
  Fastcall = 0x80,
  Method = 0x200,
}

/**
 * PyMethodDef: a built-in function or method. `impl` gets `self` (the module for a module's
 * function, the instance for a method, the type for a classmethod) and borrowed arguments; the
 * flags decide only what the call allocates (METH_VARARGS packs a tuple, …) and how a wrong
 * number of arguments is reported.
 */
export interface MethodDef {
  name: string;
  flags: number;
  /** `argsTuple`: the tuple a METH_VARARGS call packed (C code that iterates its arguments uses it). */
  impl: (vm: Vm, self: number, args: readonly number[], kw: Kwargs | null, argsTuple?: number) => number;
  /** The qualified name in messages ("list.append"), when it differs from `name`. */
  qualname?: string;
  /**
   * A Python-level library function modelled natively (json.dumps, copy.deepcopy): the real CALL
   * of it is a Python call (PRECALL_PYFUNC), not a C function's vectorcall with its recursion check.
   */
  pythonLevel?: true;
}

/** PyMemberDef for an object field (T_OBJECT / T_OBJECT_EX): a handle kept in the object's side data. */
export interface MemberDef {
  name: string;
  get(vm: Vm, h: number): number;
  /** Absent: read-only. value 0 deletes. */
  set?(vm: Vm, h: number, value: number): void;
}

/** PyGetSetDef: a computed attribute; `get` returns a new reference. */
export interface GetSetDef {
  name: string;
  get(vm: Vm, h: number): number;
  set?(vm: Vm, h: number, value: number): void;
}

/**
 * One Python type: CPython's PyTypeObject as the simulator needs it. Every built-in type's file
 * ends with its table (as listobject.c ends with PyList_Type); objects/registry.ts installs them.
 * Every table has every field (defineType fills the missing ones with null), so they share one
 * shape and a slot read stays a monomorphic property load.
 */
export interface TypeSlots {
  id: number;
  /** tp_name without the module: what type(x).__name__ gives. */
  name: string;
  qualname: string;
  /** __module__ ('builtins' for the built-in types). */
  module: string;
  /** tp_basicsize / tp_itemsize, without the GC head and the managed-dict pre-header. */
  basicsize: number;
  itemsize: number;
  flags: number;
  /** tp_base's id (0 for object); tp_bases and tp_mro as ids. */
  base: number;
  bases: number[];
  mro: number[];
  /** The type object: a static handle for built-in types, an allocated one for heap types. */
  typeObject: number;
  /** tp_dict: a real dict for heap types; 0 for built-in types (their tables below answer). */
  dict: number;
  /**
   * tp_dictoffset as a flag: 0 when instances have no __dict__, -1 for a managed dict (3.11
   * classes), > 0 when the object keeps a dict pointer (exceptions, functions, subclasses of
   * built-in types). The instance's side data then has a `dict` field (0 until made).
   */
  dictoffset: number;

  /** tp_dealloc: release what the object holds, its memory and its handle. */
  dealloc: (vm: Vm, h: number) => void;
  traverse: ((vm: Vm, h: number, visit: Visit) => void) | null;
  clear: ((vm: Vm, h: number) => void) | null;
  /** __sizeof__ (sys.getsizeof adds the GC head and pre-header). */
  sizeof: ((vm: Vm, h: number) => number) | null;

  /** tp_repr / tp_str: new str objects, made with the allocations CPython makes. */
  repr: ((vm: Vm, h: number) => number) | null;
  str: ((vm: Vm, h: number) => number) | null;
  /**
   * The simulator's own rendering of repr(), allocating nothing: for containers' print and for
   * messages the simulator words without modelling their allocations. Null: through `repr`.
   */
  reprText: ((vm: Vm, h: number, depth: number) => string) | null;
  /** __format__ (format(), f-strings): a new str. Null: object.__format__ (str() when the spec is empty). */
  format: ((vm: Vm, h: number, spec: string) => number) | null;
  /** tp_hash as the key dicts and sets use (null: inherited; unhashable types raise from it). */
  hash: ((vm: Vm, h: number) => HashKey) | null;
  /** tp_richcompare: a new reference or NotImplemented. */
  richcompare: ((vm: Vm, a: number, b: number, op: Cmp) => number) | null;

  number: NumberSlots | null;
  sequence: SequenceSlots | null;
  mapping: MappingSlots | null;

  /** tp_iter: a new reference. */
  iter: ((vm: Vm, h: number) => number) | null;
  /** tp_iternext: a new reference, or 0 when exhausted (no exception set, as CPython's iterators do). */
  iternext: ((vm: Vm, h: number) => number) | null;

  /** tp_getattro: a new reference; raises AttributeError. */
  getattro: ((vm: Vm, h: number, name: string) => number) | null;
  /** tp_setattro: value 0 deletes. */
  setattro: ((vm: Vm, h: number, name: string, value: number) => void) | null;
  /** tp_descr_get (obj 0 when looked up on the type; `type` is a type object handle). */
  descrGet: ((vm: Vm, descr: number, obj: number, type: number) => number) | null;
  /** tp_descr_set (value 0 deletes): its presence makes a data descriptor. */
  descrSet: ((vm: Vm, descr: number, obj: number, value: number) => void) | null;

  /** tp_call: arguments as a tuple and a dict (or 0), both borrowed. */
  call: ((vm: Vm, callable: number, args: number, kwargs: number) => number) | null;
  /** The instances' vectorcall (Py_TPFLAGS_HAVE_VECTORCALL): no argument tuple is made. */
  vectorcall: VectorcallFn | null;
  /** The type object's own tp_vectorcall (list_vectorcall …); null: type_call, which packs a tuple. */
  typeVectorcall: VectorcallFn | null;
  /** tp_new(type, args tuple, kwargs dict or 0): a new reference. */
  new: ((vm: Vm, type: TypeSlots, args: number, kwargs: number) => number) | null;
  /** tp_init. */
  init: ((vm: Vm, self: number, args: number, kwargs: number) => void) | null;

  /** tp_methods / tp_members / tp_getset. */
  methods: Record<string, MethodDef>;
  members: Record<string, MemberDef>;
  getset: Record<string, GetSetDef>;
  /** Static types: descriptor objects made on first lookup (static handles, no allocation). */
  descrCache: Map<string, number> | null;
  /** Heap types: the __slots__ names (member descriptors) and where the object keeps them. */
  slotNames: string[] | null;
  /**
   * For a type the simulator models only in part (NumPy's ndarray): a missing attribute is "not
   * supported by Highwater yet: <prefix>.<name>", not an AttributeError the real type would not raise.
   */
  notModelled: string | null;
  /** Anything a layer keeps per type (a heap type's shared keys, an extension's state). */
  extra: unknown;
}

/** A type's table as written in its file: the required fields, anything else optional. */
export type TypeSpec = Pick<TypeSlots, 'id' | 'name' | 'basicsize' | 'dealloc'> & Partial<TypeSlots>;

/** The GC flag and the sizes: whether instances carry a PyGC_Head. */
export const isGcFlags = (flags: number): boolean => (flags & TpFlags.HaveGc) !== 0;

/** A complete TypeSlots (same property order for every type), defaults filled in. */
export function defineType(spec: TypeSpec): TypeSlots {
  return {
    id: spec.id,
    name: spec.name,
    qualname: spec.qualname ?? spec.name,
    module: spec.module ?? 'builtins',
    basicsize: spec.basicsize,
    itemsize: spec.itemsize ?? 0,
    flags: spec.flags ?? 0,
    base: spec.base ?? (spec.id === T.Object ? 0 : T.Object),
    bases: spec.bases ?? [],
    mro: spec.mro ?? [],
    typeObject: spec.typeObject ?? 0,
    dict: spec.dict ?? 0,
    dictoffset: spec.dictoffset ?? 0,
    dealloc: spec.dealloc,
    traverse: spec.traverse ?? null,
    clear: spec.clear ?? null,
    sizeof: spec.sizeof ?? null,
    repr: spec.repr ?? null,
    str: spec.str ?? null,
    reprText: spec.reprText ?? null,
    format: spec.format ?? null,
    hash: spec.hash ?? null,
    richcompare: spec.richcompare ?? null,
    number: spec.number ?? null,
    sequence: spec.sequence ?? null,
    mapping: spec.mapping ?? null,
    iter: spec.iter ?? null,
    iternext: spec.iternext ?? null,
    getattro: spec.getattro ?? null,
    setattro: spec.setattro ?? null,
    descrGet: spec.descrGet ?? null,
    descrSet: spec.descrSet ?? null,
    call: spec.call ?? null,
    vectorcall: spec.vectorcall ?? null,
    typeVectorcall: spec.typeVectorcall ?? null,
    new: spec.new ?? null,
    init: spec.init ?? null,
    methods: spec.methods ?? {},
    members: spec.members ?? {},
    getset: spec.getset ?? {},
    descrCache: spec.descrCache ?? null,
    slotNames: spec.slotNames ?? null,
    notModelled: spec.notModelled ?? null,
    extra: spec.extra ?? null,
  };
}

/** A number-protocol table: binary slots by NB index. */
export function numberSlots(
  binary: Partial<Record<number, BinarySlot>>,
  rest: Omit<NumberSlots, 'binary'> = {},
): NumberSlots {
  const b: (BinarySlot | null)[] = new Array(2 * NB_BINARY_COUNT).fill(null);
  for (const [k, f] of Object.entries(binary)) b[Number(k)] = f ?? null;
  return { binary: b, ...rest };
}
