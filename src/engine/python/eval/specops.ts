import { setKeyError } from '../abstract/errors';
import { str as pyStr } from '../abstract/repr';
import { DEFERRED } from '../runtime/deferred';
import { reprText } from '../abstract/repr';
import { dictGetItem } from '../objects/dict';
import { F_BIG, type ObjectTable } from '../objects/table';
import { strAppendInPlace, strConcat } from '../objects/str';
import { listItem } from '../objects/list';
import { tupleItem } from '../objects/tuple';
import { Meth, NB, T, TpFlags, type MethodDef } from '../objects/types';
import { builtinDef, methodDescrDef } from '../objects/descr';
import type { Vm } from '../runtime/vm';
import type { CodeRt } from './code';
import type { Interpreter } from './interpreter';
import { O } from './ops';
import { Spec, miss } from './specialize';

/**
 * The specialized instructions whose effect on the allocators differs from the generic ones
 * (see specialize.ts), with their guards (DEOPT_IF) and the specializer's choices
 * (_Py_Specialize_BinaryOp, _BinarySubscr, _UnpackSequence, _Precall of specialize.c).
 */

const isExactInt = (table: ObjectTable, h: number): boolean => table.type[h] === T.Int;

/** _Py_Specialize_BinaryOp: the form for these operands (Generic = failure). */
export function binaryOpSpec(
  s: Int32Array,
  sp: number,
  oparg: number,
  co: Uint16Array,
  ip: number,
  base: number,
  table: ObjectTable,
): Spec {
  const lhs = s[sp - 2];
  const rhs = s[sp - 1];
  const tl = table.type[lhs];
  if (tl !== table.type[rhs]) return Spec.Generic;
  switch (oparg) {
    case NB.Add:
    case NB.InplaceAdd: {
      if (tl === T.Str) {
        // BINARY_OP_INPLACE_ADD_UNICODE when the next instruction stores into the local that holds lhs
        const next = co[ip + 1];
        if ((next & 0xff) === O.STORE_FAST && s[base + (next >> 8)] === lhs) return Spec.InplaceAddUnicode;
        return Spec.AddUnicode;
      }
      if (tl === T.Int) return Spec.AddInt;
      if (tl === T.Float) return Spec.AddFloat;
      return Spec.Generic;
    }
    case NB.Multiply:
    case NB.InplaceAdd + NB.Multiply:
      return tl === T.Int ? Spec.MultiplyInt : tl === T.Float ? Spec.MultiplyFloat : Spec.Generic;
    case NB.Subtract:
    case NB.InplaceAdd + NB.Subtract:
      return tl === T.Int ? Spec.SubtractInt : tl === T.Float ? Spec.SubtractFloat : Spec.Generic;
    default:
      return Spec.Generic;
  }
}

/**
 * A specialized BINARY_OP: returns the new stack top, or -1 when a guard failed (the generic
 * instruction then runs; `miss` counted).
 */
export function binaryOpSpecialized(
  it: Interpreter,
  code: CodeRt,
  i: number,
  form: Spec,
  s: Int32Array,
  sp: number,
  base: number,
  co: Uint16Array,
  ip: number,
): number {
  const vm = it.vm;
  const table = vm.table;
  const left = s[sp - 2];
  const right = s[sp - 1];
  const tl = table.type[left];
  const tr = table.type[right];
  let nb: number;
  let want: number;
  switch (form) {
    case Spec.AddInt:
    case Spec.AddFloat:
      nb = NB.Add;
      want = form === Spec.AddInt ? T.Int : T.Float;
      break;
    case Spec.SubtractInt:
    case Spec.SubtractFloat:
      nb = NB.Subtract;
      want = form === Spec.SubtractInt ? T.Int : T.Float;
      break;
    case Spec.MultiplyInt:
    case Spec.MultiplyFloat:
      nb = NB.Multiply;
      want = form === Spec.MultiplyInt ? T.Int : T.Float;
      break;
    case Spec.AddUnicode: {
      if (tl !== T.Str || tr !== tl) return deopt(code, i);
      const res = strConcat(vm, left, right);
      s[sp - 2] = res;
      vm.decref(left);
      vm.decref(right);
      return sp - 1;
    }
    case Spec.InplaceAddUnicode:
      return inplaceAddUnicode(it, code, i, s, sp, base, co, ip);
    default:
      return -1;
  }
  if (tl !== want || tr !== want) return deopt(code, i);
  const res = vm.types[want].number!.binary[nb]!(vm, left, right);
  s[sp - 2] = res;
  // _Py_DECREF_SPECIALIZED: the right operand first
  vm.decref(right);
  vm.decref(left);
  return sp - 1;
}

function deopt(code: CodeRt, i: number): number {
  miss(code, i);
  return -1;
}

/**
 * BINARY_OP_INPLACE_ADD_UNICODE: `s += t` (or `s = s + t`) into the fast local that holds `s`:
 * PyUnicode_Append extends the string in place when nothing else holds it (resize_compact: a
 * PyObject_Realloc), else makes the concatenation; the STORE_FAST is skipped.
 */
function inplaceAddUnicode(
  it: Interpreter,
  code: CodeRt,
  i: number,
  s: Int32Array,
  sp: number,
  base: number,
  co: Uint16Array,
  ip: number,
): number {
  const vm = it.vm;
  const left = s[sp - 2];
  const right = s[sp - 1];
  const target = base + (co[ip + 1] >> 8);
  if (vm.table.type[left] !== T.Str || vm.table.type[right] !== T.Str || s[target] !== left)
    return deopt(code, i);
  if (!(vm.table.flags[left] & 1)) vm.table.refcnt[left]--; // _Py_DECREF_NO_DEALLOC
  sp -= 2;
  if (left === vm.s.emptyStr) {
    vm.incref(right);
    s[target] = right;
  } else if (right !== vm.s.emptyStr && !strAppendInPlace(vm, left, right)) {
    const res = strConcat(vm, left, right);
    s[target] = res;
    vm.decref(left);
  }
  vm.decref(right);
  return sp;
}

/** _Py_Specialize_BinarySubscr. */
export function subscrSpec(vm: Vm, container: number, sub: number): Spec {
  const t = vm.table.type[container];
  if (t === T.List) return isExactInt(vm.table, sub) ? Spec.SubscrListInt : Spec.Generic;
  if (t === T.Tuple) return isExactInt(vm.table, sub) ? Spec.SubscrTupleInt : Spec.Generic;
  if (t === T.Dict) return Spec.SubscrDict;
  // BINARY_SUBSCR_GETITEM (a class's __getitem__ run inline) behaves as the generic path
  return vm.typeOf(container).flags & TpFlags.HeapType ? Spec.Other : Spec.Generic;
}

/**
 * BINARY_SUBSCR_LIST_INT / _TUPLE_INT / _DICT: the index is released before the container.
 * Returns the new top, or -1 after a guard failed.
 */
export function subscrSpecialized(
  it: Interpreter,
  code: CodeRt,
  i: number,
  form: Spec,
  s: Int32Array,
  sp: number,
): number {
  const vm = it.vm;
  const t = vm.table;
  const sub = s[sp - 1];
  const container = s[sp - 2];
  if (form === Spec.SubscrDict) {
    if (t.type[container] !== T.Dict) return deopt(code, i);
    const res = dictGetItem(vm, container, sub);
    if (res === 0) {
      s[sp - 1] = 0;
      const err = setKeyError(vm, sub, reprText(vm, sub));
      vm.decref(sub);
      throw err;
    }
    vm.incref(res);
    vm.decref(sub);
    s[sp - 2] = res;
    vm.decref(container);
    return sp - 1;
  }
  const want = form === Spec.SubscrListInt ? T.List : T.Tuple;
  if (t.type[sub] !== T.Int || t.type[container] !== want) return deopt(code, i);
  // Py_SIZE(sub) is 0 or 1: a non-negative index below 2**30
  if (t.flags[sub] & F_BIG || t.num[sub] < 0 || t.num[sub] >= 2 ** 30) return deopt(code, i);
  const index = t.num[sub];
  if (index >= t.n[container]) return deopt(code, i);
  const res = want === T.List ? listItem(vm, container, index) : tupleItem(vm, container, index);
  vm.incref(res);
  vm.decref(sub);
  s[sp - 2] = res;
  vm.decref(container);
  return sp - 1;
}

/** _Py_Specialize_UnpackSequence. */
export function unpackSpec(table: ObjectTable, seq: number, n: number): Spec {
  const t = table.type[seq];
  if (t === T.Tuple)
    return table.n[seq] !== n ? Spec.Generic : n === 2 ? Spec.UnpackTwoTuple : Spec.UnpackTuple;
  if (t === T.List) return table.n[seq] !== n ? Spec.Generic : Spec.UnpackList;
  return Spec.Generic;
}

/** The guards of UNPACK_SEQUENCE_TWO_TUPLE / _TUPLE / _LIST. */
export function unpackGuard(table: ObjectTable, form: Spec, seq: number, n: number): boolean {
  const t = table.type[seq];
  if (form === Spec.UnpackList) return t === T.List && table.n[seq] === n;
  if (form === Spec.UnpackTwoTuple) return t === T.Tuple && table.n[seq] === 2;
  return t === T.Tuple && table.n[seq] === n;
}

/**
 * _Py_Specialize_Precall: PRECALL_NO_KW_STR_1 for `str(x)`; a class written in Python fails (its
 * calls are not specialized in 3.11); everything else specializes to a form that allocates as
 * the generic call does.
 */
export function precallSpec(
  it: Interpreter,
  fn: number,
  oparg: number,
  isMeth: boolean,
  kwnames: number,
): Spec {
  const vm = it.vm;
  const type = vm.table.type[fn];
  if (type === T.Type) {
    const s = vm.slotsOf(fn);
    if (s.flags & TpFlags.HeapType) return Spec.Generic;
    if (fn === it.strType && !isMeth && oparg === 1 && kwnames === 0) return Spec.PrecallStr1;
  }
  // specialize_c_call / specialize_method_descriptor: METH_FASTCALL without keyword names, or
  // METH_FASTCALL | METH_KEYWORDS (a descriptor takes no keyword names at all)
  const def = cFastcallDef(vm, fn);
  if (def !== null) {
    if (kwnames === 0 || (type === T.Builtin && def.flags & Meth.Keywords)) return Spec.PrecallCFast;
    return Spec.Generic;
  }
  return Spec.Other;
}

/**
 * The PyMethodDef of a C function (builtin_function_or_method, method_descriptor) called through
 * cfunction_vectorcall_FASTCALL(_KEYWORDS) / method_vectorcall_FASTCALL(_KEYWORDS), whose
 * _Py_EnterRecursiveCallTstate counts " while calling a Python object"; null for anything else
 * (a Python-level library function modelled natively is a Python call).
 */
export function cFastcallDef(vm: Vm, fn: number): MethodDef | null {
  const type = vm.table.type[fn];
  let def: MethodDef;
  if (type === T.Builtin) def = builtinDef(vm, fn);
  else if (type === T.MethodDescr) def = methodDescrDef(vm, fn);
  else return null;
  if (!(def.flags & Meth.Fastcall) || def.flags & Meth.Varargs || def.pythonLevel) return null;
  return def;
}

/**
 * Whether this run of a quickened PRECALL in form `form` keeps its specialized path for `fn`
 * (its guard holds): a C FASTCALL function at a site specialized for something else is a miss.
 */
export function precallGuard(vm: Vm, form: Spec, fn: number, kwnames: number): boolean {
  const def = cFastcallDef(vm, fn);
  if (form === Spec.PrecallCFast)
    return (
      def !== null &&
      (kwnames === 0 || (vm.table.type[fn] === T.Builtin && (def.flags & Meth.Keywords) !== 0))
    );
  return def === null;
}

/** PRECALL_NO_KW_STR_1: PyObject_Str(arg), no argument tuple; the CALL is skipped. */
export function precallStr1(it: Interpreter, s: Int32Array, sp: number): number {
  const vm = it.vm;
  const arg = s[sp - 1];
  let res: number;
  try {
    // a class's Python __str__ may run in this loop (runtime/deferred.ts): `it.deferred` then holds
    // its frame, and the argument goes after PyObject_Str's rest
    it.deferArmed = true;
    res = pyStr(vm, arg);
  } catch (e) {
    it.deferArmed = false;
    vm.decref(arg);
    s[sp - 1] = 0;
    s[sp - 2] = 0;
    throw e;
  }
  it.deferArmed = false;
  if (res === DEFERRED) {
    (it.deferred!.conts ??= []).push({
      done: (vm2, r) => {
        vm2.decref(arg);
        return r;
      },
      fail: (vm2) => vm2.decref(arg),
    });
    res = 0;
  } else vm.decref(arg);
  sp -= 2;
  s[sp - 1] = res;
  s[sp] = 0;
  s[sp + 1] = 0;
  return sp;
}

void F_BIG;
