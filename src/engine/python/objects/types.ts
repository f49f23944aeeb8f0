/** Type ids of the simulated objects (the `type` column). Extension layers register more from 64 up. */
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
  Builtin = 19,
  Module = 20,
  Object = 21,
  Generator = 22,
  Slice = 23,
  DictView = 24,
  DictIter = 25,
  SetIter = 26,
  BoundBuiltin = 27,
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
  FirstExtension = 64,
}

/**
 * What the interpreter needs to know about a type that a layer above python/ adds (numpy's
 * ndarray): registered at run time, so python/ never imports numpy/.
 */
export interface ExtensionType {
  id: number;
  name: string;
  /** Has a PyGC_Head in front of the object (16 bytes). */
  gc: boolean;
  /** tp_dealloc: release what the object owns, its memory and its handle (vm.objectFree does the last two). */
  dealloc(h: number): void;
  /** tp_traverse: the handles the object holds references to (GC types only). */
  traverse?(h: number, visit: (ref: number) => void): void;
  /** sys.getsizeof */
  sizeof?(h: number): number;
  /** Attribute / method lookup on an instance: returns a new reference or throws. */
  getattr?(h: number, name: string): number;
  /**
   * Binary operators (a op b with a or b of this type): a new reference, or 0 for NotImplemented.
   * `inplace` for the augmented form (nb_inplace_add…), which may write into `a` and return it.
   */
  binop?(op: string, a: number, b: number, inplace?: boolean): number;
  /** Unary operators '-', '+', '~' and abs(): a new reference. */
  unaryop?(op: string, h: number): number;
  /** str(): the text print() writes (defaults to repr). */
  str?(h: number): string;
  subscript?(h: number, key: number): number;
  assignSubscript?(h: number, key: number, value: number): void;
  len?(h: number): number;
  iter?(h: number): number;
  truthy?(h: number): boolean;
  repr?(h: number): string;
}

/** Names as type(x).__name__ gives them (for error messages). */
export const TYPE_NAMES: Record<number, string> = {
  [T.None]: 'NoneType',
  [T.Bool]: 'bool',
  [T.Int]: 'int',
  [T.Float]: 'float',
  [T.Str]: 'str',
  [T.Bytes]: 'bytes',
  [T.ByteArray]: 'bytearray',
  [T.List]: 'list',
  [T.Tuple]: 'tuple',
  [T.Dict]: 'dict',
  [T.Set]: 'set',
  [T.FrozenSet]: 'frozenset',
  [T.Range]: 'range',
  [T.RangeIter]: 'range_iterator',
  [T.LongRangeIter]: 'longrange_iterator',
  [T.ListIter]: 'list_iterator',
  [T.TupleIter]: 'tuple_iterator',
  [T.Function]: 'function',
  [T.Builtin]: 'builtin_function_or_method',
  [T.Module]: 'module',
  [T.Object]: 'object',
  [T.Generator]: 'generator',
  [T.Slice]: 'slice',
  [T.DictView]: 'dict_keys',
  [T.DictIter]: 'dict_keyiterator',
  [T.SetIter]: 'set_iterator',
  [T.BoundBuiltin]: 'builtin_function_or_method',
  [T.Cell]: 'cell',
  [T.Ellipsis]: 'ellipsis',
  [T.Type]: 'type',
  [T.CDLL]: 'CDLL',
  [T.CFunc]: '_FuncPtr',
  [T.StrIter]: 'str_ascii_iterator',
  [T.Code]: 'code',
  [T.Enumerate]: 'enumerate',
  [T.Zip]: 'zip',
  [T.ListRevIter]: 'list_reverseiterator',
};
