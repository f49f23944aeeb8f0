import { diagonal, trace } from './diagonal';
import { arrayTake } from './take';
import { isStableKind } from './stableSort';
import { raiseString, typeError, valueError } from '../python/abstract/errors';
import { E } from '../python/objects/exctypes';
import { fromDouble } from '../python/objects/float';
import { genericGetAttr } from '../python/abstract/attr';
import { NotSupported } from '../python/errors';
import { bytesNew } from '../python/objects/bytes';
import { dictNew, dictSetItem } from '../python/objects/dict';
import { fromLong } from '../python/objects/int';
import { listNew, listPut } from '../python/objects/list';
import { hashNotImplemented } from '../python/objects/object';
import { intern, strNew, strValue } from '../python/objects/str';
import { tupleFromItems } from '../python/objects/tuple';
import { readyStaticType } from '../python/objects/typeobject';
import { markWeaklistType } from '../python/objects/typelayout';
import {
  Cmp,
  Meth,
  NB,
  NB_BINARY_COUNT,
  T,
  TpFlags,
  defineType,
  numberSlots,
  type BinarySlot,
  type MethodDef,
  type TypeSlots,
} from '../python/objects/types';
import type { Vm } from '../python/runtime/vm';
import { intArg, isInt, isNone, parseArgs, sequenceItems } from './args';
import { ARRAY_OBJECT_SIZE } from './constants';
import { readValues, requireValues, valueAt } from './elements';
import type { UfuncName } from './loops';
import { Methods, type MethodContext } from './methods';
import { arrayRepr, arrayStr } from './print';
import { recordFormatter } from './records';
import { OBJECT } from './dtypes';
import { textRepr, textsOf } from './strings';
import { Growth } from './grow';
import { arrayNew, setShape } from './arrayNew';
import { tofile } from './npyFile';
import { handlesForPrint, objectText } from './objects';

/** The operator of each BINARY_OP slot, as the ufunc it calls (number.c n_ops). */
const NB_UFUNC: Partial<Record<number, UfuncName>> = {
  [NB.Add]: 'add',
  [NB.Subtract]: 'subtract',
  [NB.Multiply]: 'multiply',
  [NB.TrueDivide]: 'true_divide',
  [NB.FloorDivide]: 'floor_divide',
  [NB.Remainder]: 'remainder',
  [NB.Power]: 'power',
  [NB.And]: 'bitwise_and',
  [NB.Or]: 'bitwise_or',
  [NB.Xor]: 'bitwise_xor',
  [NB.Lshift]: 'left_shift',
  [NB.Rshift]: 'right_shift',
};
const CMP_UFUNC: UfuncName[] = ['less', 'less_equal', 'equal', 'not_equal', 'greater', 'greater_equal'];

/** sizeof(PyArrayFlagsObject): PyObject_HEAD, the array, the flags (a.flags makes one each time). */
const FLAGS_OBJECT_SIZE = 32;
/** The flags repr (1.24's six lines). */
const FLAG_NAMES = ['C_CONTIGUOUS', 'F_CONTIGUOUS', 'OWNDATA', 'WRITEABLE', 'ALIGNED', 'WRITEBACKIFCOPY'];

/**
 * ndarray's slot table (PyArray_Type, arrayobject.c / methods.c / getset.c / number.c /
 * mapping.c of 1.24.2), registered in the interpreter's type registry like a built-in type:
 * the number protocol calls the ufuncs (in-place forms write into the left operand),
 * richcompare the comparison ufuncs, subscripting is views.ts, repr/str arrayprint, iteration a
 * sequence iterator over the first axis.
 */
export function makeNdarrayType(c: MethodContext): {
  ndarray: TypeSlots;
  flags: TypeSlots;
  iterator: TypeSlots;
} {
  const vm = c.vm;
  const A = c.arrays;
  const V = c.views;
  const U = c.ufuncs;
  const M = new Methods(c);
  const L = c.layout!;
  const G = new Growth(A, c.dtypes, V);
  const binary: Record<number, BinarySlot> = {};
  for (const [nb, name] of Object.entries(NB_UFUNC)) {
    const k = Number(nb);
    binary[k] = (_vm, a, b) => U.binop(name!, a, b, false) || vm.s.NotImplemented;
    binary[k + NB_BINARY_COUNT] = (_vm, a, b) => U.binop(name!, a, b, true) || vm.s.NotImplemented;
  }
  // array_matrix_multiply: the matmul ufunc (NotImplemented for operands it cannot take);
  // array_inplace_matrix_multiply: 1.24's TypeError
  binary[NB.MatrixMultiply] = (_vm, a, b) =>
    U.accepts(a) && U.accepts(b) ? c.products!.matmul(a, b) : vm.s.NotImplemented;
  binary[NB.MatrixMultiply + NB_BINARY_COUNT] = () => {
    throw raiseString(
      vm,
      E.TypeError,
      "In-place matrix multiplication is not (yet) supported. Use 'a = a @ b' instead of 'a @= b'.",
    );
  };
  const method = (name: string, flags: number, impl: MethodDef['impl']): MethodDef => ({
    name,
    flags,
    impl,
    qualname: `ndarray.${name}`,
  });
  const FK = Meth.Fastcall | Meth.Keywords;
  const VK = Meth.Varargs | Meth.Keywords;
  const getset = (name: string, get: (h: number) => number) => ({
    name,
    get: (_vm: Vm, h: number) => get(h),
  });

  // a.flags: a PyArrayFlagsObject made on each access (PyArray_NewFlagsObject)
  const flagsType = defineType({
    id: vm.newTypeId(),
    name: 'flagsobj',
    module: 'numpy',
    basicsize: FLAGS_OBJECT_SIZE,
    dealloc: (v, h) => {
      v.xdecref(v.table.ref[h]);
      v.objectFree(h);
    },
    reprText: (v, h) =>
      FLAG_NAMES.map((n) => `  ${n} : ${flagValue(v.table.ref[h], n) ? 'True' : 'False'}`).join('\n') + '\n',
    mapping: {
      subscript: (v, h, key) => {
        if (v.table.type[key] !== T.Str) throw new NotSupported('flags[...] with a key that is not a str');
        // arrayflags_getitem: PyUnicode_AsASCIIString(key), a bytes object made and dropped
        v.decref(bytesNew(v, strValue(v, key)));
        const name = flagName(strValue(v, key));
        if (name === null) throw raiseString(v, E.KeyError, 'Unknown flag');
        return v.s.bool(flagValue(v.table.ref[h], name));
      },
    },
    getattro: (v, h, name) => {
      const a = v.table.ref[h];
      // arrayflags_fnc_get / arrayflags_forc_get (np.delete reads flags.fnc)
      if (name === 'fnc') return v.s.bool(A.fContiguous(a) && !A.cContiguous(a));
      if (name === 'forc') return v.s.bool(A.fContiguous(a) || A.cContiguous(a));
      const n = flagName(name.toUpperCase());
      if (n !== null && name === name.toLowerCase()) return v.s.bool(flagValue(v.table.ref[h], n));
      return genericGetAttr(v, h, name);
    },
  });
  readyStaticType(vm, flagsType);
  const flagName = (s: string): string | null => {
    const aliases: Record<string, string> = {
      C: 'C_CONTIGUOUS',
      CONTIGUOUS: 'C_CONTIGUOUS',
      F: 'F_CONTIGUOUS',
      FORTRAN: 'F_CONTIGUOUS',
      O: 'OWNDATA',
      W: 'WRITEABLE',
      A: 'ALIGNED',
      X: 'WRITEBACKIFCOPY',
    };
    const u = aliases[s] ?? s;
    return FLAG_NAMES.includes(u) ? u : null;
  };
  const flagValue = (h: number, name: string): boolean => {
    switch (name) {
      case 'C_CONTIGUOUS':
        return A.cContiguous(h);
      case 'F_CONTIGUOUS':
        return A.fContiguous(h);
      case 'OWNDATA':
        return A.own(h);
      case 'WRITEABLE':
        return A.writeable(h);
      case 'ALIGNED':
        return true;
      default:
        return false;
    }
  };

  // iter(a): PySeqIter_New (CPython's `iterator`: 32 bytes + the GC head), items through array_item
  const iterator = defineType({
    id: vm.newTypeId(),
    name: 'iterator',
    basicsize: 32,
    flags: TpFlags.HaveGc,
    dealloc: (v, h) => {
      v.gc.untrack(h);
      v.xdecref(v.table.ref[h]);
      v.gcDel(h);
    },
    traverse: (v, h, visit) => {
      if (v.table.ref[h]) visit(v.table.ref[h]);
    },
    iter: (v, h) => (v.incref(h), h),
    iternext: (v, it) => {
      const seq = v.table.ref[it];
      if (seq === 0) return 0;
      const i = v.table.num[it];
      if (i < A.shape(seq)[0]) {
        v.table.num[it] = i + 1;
        const key = fromLong(v, i);
        try {
          return V.subscript(seq, key);
        } finally {
          v.decref(key);
        }
      }
      v.table.ref[it] = 0;
      v.decref(seq);
      return 0;
    },
  });
  readyStaticType(vm, iterator);

  // an object array prints each item's repr (arrayprint's _object_format), in str() too
  const printed = (h: number, how: typeof arrayRepr): string => {
    const name = A.isExact(h) ? 'array' : vm.typeOf(h).name;
    if (A.dtype(h) === OBJECT)
      return how(handlesForPrint(A, h), A.shape(h), OBJECT, (o) => objectText(vm, o), name);
    // string arrays: each element's repr, no padding (arrayprint's repr formatter)
    if (A.descrs.has(A.slot(h))) {
      const texts = textsOf(A, h);
      const d = A.dtype(h);
      return how(
        Float64Array.from(texts, (_x, k) => k),
        A.shape(h),
        d,
        (k) => textRepr(d, texts[k]),
        name,
      );
    }
    requireValues(A, h, 'printing');
    const d = A.dtype(h);
    const values = readValues(A, h);
    if (d.kind === 'V') {
      // summarized (> 1000 elements): the formats come from the edge items of a 1-d array
      const shown =
        values.length > 1000 && A.nd(h) === 1
          ? Float64Array.of(...values.subarray(0, 3), ...values.subarray(-3))
          : values;
      if (values.length > 1000 && A.nd(h) > 1)
        throw new NotSupported('printing a summarized structured array of nd > 1');
      return how(values, A.shape(h), d, recordFormatter(A, d, shown), name);
    }
    return how(values, A.shape(h), d, undefined, name);
  };

  const ndarray = defineType({
    id: A.typeId,
    name: 'ndarray',
    module: 'numpy',
    basicsize: ARRAY_OBJECT_SIZE,
    flags: TpFlags.BaseType,
    new: (_v, type, args, kwargs) => arrayNew(c.builders!.rt, type, args, kwargs),
    dealloc: (_vm, h) => A.dealloc(h),
    sizeof: (_vm, h) => A.sizeof(h),
    getattro: genericGetAttr,
    notModelled: 'ndarray',
    hash: hashNotImplemented,
    richcompare: (_vm, a, b, op: Cmp) => U.binop(CMP_UFUNC[op], a, b, false) || vm.s.NotImplemented,
    number: numberSlots(binary, {
      negative: (_vm, h) => U.unary('negative', h),
      positive: (_vm, h) => U.unary('positive', h),
      absolute: (_vm, h) => U.unary('absolute', h),
      invert: (_vm, h) => U.unary('invert', h),
      bool: (v, h) => {
        const n = A.size(h);
        if (n > 1)
          throw valueError(
            v,
            'The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()',
          );
        if (n === 0) return false;
        requireValues(A, h, 'the truth value');
        return valueAt(A, h, 0) !== 0;
      },
      int: (v, h) => {
        if (A.size(h) !== 1) throw typeError(v, 'only size-1 arrays can be converted to Python scalars');
        const x = valueAt(A, h, 0);
        return fromLong(v, Math.trunc(x));
      },
      float: (v, h) => {
        if (A.size(h) !== 1) throw typeError(v, 'only size-1 arrays can be converted to Python scalars');
        return fromDouble(v, valueAt(A, h, 0));
      },
      index: (v, h) => {
        const d = A.dtype(h);
        if (A.nd(h) !== 0 || d.kind === 'f' || d.kind === 'b')
          throw typeError(v, 'only integer scalar arrays can be converted to a scalar index');
        return fromLong(v, valueAt(A, h, 0));
      },
    }),
    mapping: {
      length: (v, h) => {
        if (A.nd(h) === 0) throw typeError(v, 'len() of unsized object');
        return A.shape(h)[0];
      },
      subscript: (_vm, h, key) => V.subscript(h, key),
      assSubscript: (v, h, key, value) => {
        if (value === 0) throw valueError(v, 'cannot delete array elements');
        V.assignSubscript(h, key, value);
      },
    },
    iter: (v, h) => {
      if (A.nd(h) === 0) throw typeError(v, 'iteration over a 0-d array');
      const it = v.newGcObject(iterator.id, 32);
      v.incref(h);
      v.table.ref[it] = h;
      v.gc.track(it);
      return it;
    },
    repr: (v, h) => strNew(v, printed(h, arrayRepr)),
    str: (v, h) => strNew(v, printed(h, arrayStr)),
    reprText: (_v, h) => printed(h, arrayRepr),
    methods: {
      copy: method('copy', FK, (v, self, args, kw) => {
        const [order] = parseArgs(v, 'copy', ['order'], 0, args, kw);
        const o = isNone(v, order) ? 'C' : strValue(v, order!);
        return V.copy(self, o === 'F' ? 'F' : o === 'K' || o === 'A' ? 'K' : 'C', true);
      }),
      reshape: method('reshape', VK, (v, self, args, kw) => {
        if (kw && kw.size) throw new NotSupported('reshape with keyword arguments');
        if (args.length === 0) throw typeError(v, 'reshape() takes exactly 1 argument (0 given)');
        const items =
          args.length === 1 ? (isInt(v, args[0]) ? [args[0]] : sequenceItems(v, args[0])) : [...args];
        if (items === null)
          throw typeError(v, "'%s' object cannot be interpreted as an integer", v.typeOf(args[0]).name);
        const dims = items.map((x) => intArg(v, x, 'shape'));
        // PyArray_IntpConverter's block for the shape
        const p = dims.length ? A.alloc.dimMalloc(dims.length) : 0;
        try {
          return V.newshape(self, dims);
        } finally {
          if (p) A.alloc.dimFree(p, dims.length);
        }
      }),
      ravel: method('ravel', FK, (v, self, args, kw) => {
        const [order] = parseArgs(v, 'ravel', ['order'], 0, args, kw);
        return L.ravel(self, order);
      }),
      flatten: method('flatten', FK, (v, self, args, kw) => {
        const [order] = parseArgs(v, 'flatten', ['order'], 0, args, kw);
        return L.flatten(self, order);
      }),
      view: method('view', FK, (_v, self, args, kw) => L.view(self, args, kw)),
      squeeze: method('squeeze', FK, (v, self, args, kw) => {
        const [axis] = parseArgs(v, 'squeeze', ['axis'], 0, args, kw);
        return L.squeeze(self, axis);
      }),
      swapaxes: method('swapaxes', Meth.Varargs, (v, self, args) => {
        if (args.length !== 2)
          throw typeError(v, 'swapaxes() takes exactly 2 arguments (%zd given)', args.length);
        return L.swapaxes(self, intArg(v, args[0], 'axis1'), intArg(v, args[1], 'axis2'));
      }),
      round: method('round', VK, (_v, self, args, kw) => c.rounding!.method(self, args, kw)),
      clip: method('clip', FK, (_v, self, args, kw) => c.clip!(self, args, kw)),
      tobytes: method('tobytes', FK, (_v, self, args, kw) => L.tobytes(self, args, kw)),
      resize: method('resize', VK, (_v, self, args, kw) => G.resize(self, args, kw ?? new Map())),
      transpose: method('transpose', Meth.Varargs, (v, self, args) => {
        if (args.length === 0 || (args.length === 1 && isNone(v, args[0]))) return V.transpose(self, null);
        const items = args.length === 1 && !isInt(v, args[0]) ? sequenceItems(v, args[0]) : [...args];
        if (items === null)
          throw typeError(v, "'%s' object cannot be interpreted as an integer", v.typeOf(args[0]).name);
        return V.transpose(
          self,
          items.map((x) => intArg(v, x, 'axes')),
        );
      }),
      astype: method('astype', FK, (_v, self, args, kw) => M.astype(self, args, kw)),
      dot: method('dot', FK, (_v, self, args, kw) => c.products!.dotMethod(self, args, kw)),
      searchsorted: method('searchsorted', FK, (v, self, args, kw) => {
        const [x, side, sorter] = parseArgs(
          v,
          'searchsorted',
          ['v', 'side', 'sorter'],
          1,
          args,
          kw ?? new Map(),
        );
        return c.builders!.searchsorted(self, x!, side, sorter);
      }),
      repeat: method('repeat', FK, (v, self, args, kw) => {
        const [reps, axis] = parseArgs(v, 'repeat', ['repeats', 'axis'], 1, args, kw ?? new Map());
        return c.shapes!.repeat(self, reps!, axis);
      }),
      tolist: method('tolist', Meth.NoArgs, (_v, self) => M.tolist(self)),
      item: method('item', Meth.Varargs, (_v, self, args) => M.item(self, args)),
      fill: method('fill', Meth.Varargs, (_v, self, args) => M.fill(self, args)),
      sum: method('sum', FK, (_v, self, args, kw) => M.reduce('sum', self, args, kw)),
      tofile: method('tofile', FK, (_v, self, args, kw) => tofile(c.builders!.rt, self, args, kw)),
      take: method('take', FK, (_v, self, args, kw) =>
        arrayTake(c.builders!.rt, self, args, kw ?? new Map()),
      ),
      diagonal: method('diagonal', FK, (_v, self, args, kw) => diagonal(c.builders!.rt, self, args, kw)),
      trace: method('trace', FK, (_v, self, args, kw) => trace(c.builders!.rt, self, args, kw)),
      prod: method('prod', FK, (_v, self, args, kw) => M.reduce('prod', self, args, kw)),
      max: method('max', FK, (_v, self, args, kw) => M.reduce('max', self, args, kw)),
      min: method('min', FK, (_v, self, args, kw) => M.reduce('min', self, args, kw)),
      any: method('any', FK, (_v, self, args, kw) => M.reduce('any', self, args, kw)),
      all: method('all', FK, (_v, self, args, kw) => M.reduce('all', self, args, kw)),
      mean: method('mean', FK, (_v, self, args, kw) => M.mean(self, args, kw)),
      var: method('var', FK, (_v, self, args, kw) => M.variance('var', self, args, kw)),
      std: method('std', FK, (_v, self, args, kw) => M.variance('std', self, args, kw)),
      argmax: method('argmax', FK, (_v, self, args, kw) => M.argExtreme('argmax', self, args, kw)),
      argmin: method('argmin', FK, (_v, self, args, kw) => M.argExtreme('argmin', self, args, kw)),
      cumsum: method('cumsum', FK, (_v, self, args, kw) => M.cumsum(self, args, kw)),
      cumprod: method('cumprod', FK, (_v, self, args, kw) => M.cumsum(self, args, kw, 'multiply')),
      sort: method('sort', FK, (v, self, args, kw) => {
        const [axisH] = parseArgs(v, 'sort', ['axis', 'kind', 'order'], 0, args, kw);
        if (
          !isNone(v, axisH) &&
          intArg(v, axisH!, 'axis') !== -1 &&
          intArg(v, axisH!, 'axis') !== A.nd(self) - 1
        )
          throw new NotSupported('sort along an axis other than the last');
        c.sorting.sortInPlace(self);
        v.incref(v.s.None);
        return v.s.None;
      }),
      argsort: method('argsort', FK, (v, self, args, kw) => {
        const [axisH, kindH] = parseArgs(v, 'argsort', ['axis', 'kind', 'order'], 0, args, kw);
        if (
          !isNone(v, axisH) &&
          intArg(v, axisH!, 'axis') !== -1 &&
          intArg(v, axisH!, 'axis') !== A.nd(self) - 1
        )
          throw new NotSupported('argsort along an axis other than the last');
        return c.sorting.argsort(self, isStableKind(v, kindH));
      }),
    },
    getset: {
      shape: {
        name: 'shape',
        get: (_v: Vm, h: number) => Methods.intTuple(vm, A.shape(h)),
        set: (_v: Vm, h: number, value: number) => setShape(c.builders!.rt, h, value),
      },
      strides: getset('strides', (h) => Methods.intTuple(vm, A.strides(h))),
      ndim: getset('ndim', (h) => fromLong(vm, A.nd(h))),
      size: getset('size', (h) => fromLong(vm, A.size(h))),
      nbytes: getset('nbytes', (h) => fromLong(vm, A.nbytes(h))),
      itemsize: getset('itemsize', (h) => fromLong(vm, A.dtype(h).itemsize)),
      dtype: getset('dtype', (h) => {
        const d = A.descrs.get(A.slot(h)) ?? c.dtypes.handle(A.dtype(h));
        vm.incref(d);
        return d;
      }),
      base: getset('base', (h) => {
        const b = A.base(h) || vm.s.None;
        vm.incref(b);
        return b;
      }),
      T: getset('T', (h) => V.transpose(h, null)),
      flags: getset('flags', (h) => {
        const f = vm.newObject(flagsType.id, FLAGS_OBJECT_SIZE);
        vm.incref(h);
        vm.table.ref[f] = h;
        return f;
      }),
      __array_interface__: getset('__array_interface__', (h) => arrayInterface(vm, c, h)),
    },
  });
  readyStaticType(vm, ndarray);
  // PyArray_Type.tp_weaklistoffset = offsetof(weakreflist): a Python subclass adds no __weakref__
  // slot (Tagged.__basicsize__ is 96, its instances 128 bytes with the GC head and managed dict)
  markWeaklistType(A.typeId);
  return { ndarray, flags: flagsType, iterator };
}

/**
 * array_interface_get (getset.c): a new dict of six entries — data (the address and the
 * read-only flag), strides (None when C-contiguous), descr ([('', typestr)]), typestr, shape,
 * version 3 — built with PyDict_SetItemString (interned keys).
 */
function arrayInterface(vm: Vm, c: MethodContext, h: number): number {
  const A = c.arrays;
  const d = dictNew(vm);
  const set = (key: string, value: number): void => {
    dictSetItem(vm, d, intern(vm, key), value);
    vm.decref(value);
  };
  const data = tupleFromItems(vm, [
    fromLong(vm, A.data(h)),
    (vm.incref(vm.s.bool(!A.writeable(h))), vm.s.bool(!A.writeable(h))),
  ]);
  set('data', data);
  if (A.cContiguous(h)) {
    vm.incref(vm.s.None);
    set('strides', vm.s.None);
  } else set('strides', Methods.intTuple(vm, A.strides(h)));
  const typestr = strNew(vm, A.dtype(h).typestr);
  vm.incref(typestr);
  const descr = listNew(vm, 1);
  vm.incref(vm.s.emptyStr);
  listPut(vm, descr, 0, tupleFromItems(vm, [vm.s.emptyStr, typestr]));
  set('descr', descr);
  set('typestr', typestr);
  set('shape', Methods.intTuple(vm, A.shape(h)));
  set('version', fromLong(vm, 3));
  return d;
}

export { isNone };
