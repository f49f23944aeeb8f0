import { raiseString, typeError, valueError } from '../abstract/errors';
import { hashKey } from '../abstract/hash';
import { typeName } from '../abstract/object';
import type { Vm } from '../runtime/vm';
import { dictFromSplit, dictSetItem } from './dict';
import { E } from './exctypes';
import { fromDouble } from './float';
import { fromLong, fromSsize, intValue, longNew, norm } from './int';
import { MersenneTwister } from './mersenne';
import { intern } from './str';
import { tupleAlloc, tupleItems } from './tuple';
import { T, TpFlags, defineType, type MethodDef, type TypeSlots } from './types';
import { newValuesBytes, zeros, type SharedKeys } from './values';

/**
 * random.Random's instances (Lib/random.py's class over Modules/_randommodule.c's _random.Random,
 * 3.11): a 16 GC + 2544 byte object holding the MT19937 state (624 words and the index, 2520
 * bytes in C) and, once an attribute is stored (gauss_next, always), a __dict__ made from the
 * class's shared keys: a values array for 30 names (272 bytes) and the dict object
 * (new_dict_with_shared_keys: the class is a subclass of a C type, so its instances have a dict
 * pointer rather than inline values). The module's own hidden instance is made at import.
 * The C methods: random() (one float), getrandbits(k) (≤ 32 bits: an exactly sized int; more: a
 * PyMem word array for _PyLong_FromByteArray, freed), seed(n) (a PyMem array of the seed's
 * 32-bit words, freed), getstate()/setstate() (a 625-tuple of ints).
 */
export interface RandomState {
  mt: MersenneTwister;
  /** The instance dict (0 until the first attribute is stored). */
  dict: number;
  /** gauss_next (an owned reference: None or a float). */
  gaussNext: number;
}

export const RANDOM_BASIC = 2544;

export function randomState(vm: Vm, h: number): RandomState {
  return vm.table.side[h] as RandomState;
}

/** _random.Random.seed(n) after the Python layer: the words of |n| (or of hash(n)), init_by_array. */
export function seedC(vm: Vm, self: number, arg: number): void {
  const st = randomState(vm, self);
  if (arg === 0 || arg === vm.s.None) {
    // random_seed_urandom: the simulator has no entropy source; a fixed seed keeps runs repeatable
    st.mt.initByArray(MersenneTwister.keyOf(0n));
    return;
  }
  let n: bigint;
  const t = vm.table.type[arg];
  if (t === T.Int || t === T.Bool || vm.typeOf(arg).mro.includes(T.Int)) {
    n = BigInt(intValue(vm, arg));
    if (n < 0n) {
      // PyNumber_Absolute: a new int for a negative value, released at the end
      const abs = fromLong(vm, norm(-n));
      vm.decref(abs);
    }
  } else {
    const hk = hashKey(vm, arg);
    n = BigInt.asUintN(
      64,
      BigInt(typeof hk === 'number' && Number.isInteger(hk) ? hk : stringHash(String(hk))),
    );
  }
  const key = MersenneTwister.keyOf(n);
  const buf = vm.mem.malloc(4 * key.length);
  st.mt.initByArray(key);
  vm.mem.free(buf);
}

/** A stand-in for hash() of a seed that is not an int (the simulator does not model str hashes). */
function stringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h >>> 0;
}

/** getrandbits(k): PyLong_FromUnsignedLong below 33 bits, else the word array and _PyLong_FromByteArray. */
export function getrandbitsC(vm: Vm, self: number, k: number): number {
  if (k < 0) throw valueError(vm, 'number of bits must be non-negative');
  if (k === 0) return vm.s.smallInt(0);
  const mt = randomState(vm, self).mt;
  if (k <= 32) return fromSsize(vm, Number(mt.getrandbits(k)));
  const words = Math.floor((k - 1) / 32) + 1;
  const buf = vm.mem.malloc(words * 4);
  const v = mt.getrandbits(k);
  // _PyLong_FromByteArray: ⌈significant bits / 30⌉ digits over the significant bytes, small ints freed
  let bytes = words * 4;
  while (bytes > 0 && v >> BigInt(8 * (bytes - 1)) === 0n) bytes--;
  const ndigits = Math.max(1, Math.floor((bytes * 8 + 29) / 30));
  const nv = norm(v);
  let r: number;
  if (typeof nv === 'number' && nv >= 0 && nv <= 256) {
    vm.objectFree(longNew(vm, nv, ndigits));
    r = vm.s.smallInt(nv);
  } else r = longNew(vm, nv, ndigits);
  vm.mem.free(buf);
  return r;
}

/** random_getstate: a 625-tuple of the words (exactly sized ints) and the index. */
function getstateC(vm: Vm, self: number): number {
  const mt = randomState(vm, self).mt;
  const t = tupleAlloc(vm, 625);
  const off = vm.table.ref[t];
  for (let i = 0; i < 624; i++) vm.pool.data[off + i] = fromSsize(vm, mt.mt[i]);
  vm.pool.data[off + 624] = fromLong(vm, mt.index);
  vm.gc.track(t);
  return t;
}

function setstateC(vm: Vm, self: number, state: number): number {
  if (vm.table.type[state] !== T.Tuple) throw typeError(vm, 'state vector must be a tuple');
  const items = tupleItems(vm, state);
  if (items.length !== 625) throw valueError(vm, 'state vector is the wrong size');
  const mt = randomState(vm, self).mt;
  for (let i = 0; i < 624; i++) mt.mt[i] = Number(BigInt.asUintN(32, BigInt(intValue(vm, items[i]))));
  const index = Number(intValue(vm, items[624]));
  if (index < 0 || index > 624) throw valueError(vm, 'invalid state');
  mt.index = index;
  return vm.s.None;
}

const C_METHODS: Record<string, MethodDef> = {
  random: {
    name: 'random',
    flags: 0x4 /* NoArgs */,
    qualname: 'Random.random',
    impl: (vm, self) => fromDouble(vm, randomState(vm, self).mt.random()),
  },
  getrandbits: {
    name: 'getrandbits',
    flags: 0x8 /* O */,
    qualname: 'Random.getrandbits',
    impl: (vm, self, a) => {
      if (vm.table.type[a[0]] === T.Float)
        throw typeError(vm, "'float' object cannot be interpreted as an integer");
      return getrandbitsC(vm, self, Number(intValue(vm, a[0])));
    },
  },
  getstate: {
    name: 'getstate',
    flags: 0x4,
    qualname: 'Random.getstate',
    impl: (vm, self) => getstateC(vm, self),
  },
  setstate: {
    name: 'setstate',
    flags: 0x8,
    qualname: 'Random.setstate',
    impl: (vm, self, a) => setstateC(vm, self, a[0]),
  },
};

/**
 * The instance's first attribute store (gauss_next): new_dict_with_shared_keys — a values array
 * for the shared keys' 30 names, then the dict object.
 */
export function ensureDict(vm: Vm, self: number, keys: SharedKeys): number {
  const st = randomState(vm, self);
  if (st.dict) return st.dict;
  const size = keys.names.length + keys.usable;
  const bytes = newValuesBytes(vm, size);
  const addr = vm.mem.malloc(bytes);
  vm.mem.touch(addr, bytes);
  st.dict = dictFromSplit(vm, keys, { addr, size, slots: zeros(size) });
  return st.dict;
}

/** `self.gauss_next = v` (v borrowed): the instance dict holds it (the hidden instance's as well). */
export function setGaussNext(vm: Vm, self: number, keys: SharedKeys, v: number): void {
  const st = randomState(vm, self);
  if (!vm.isImmortal(self)) dictSetItem(vm, ensureDict(vm, self, keys), intern(vm, 'gauss_next'), v);
  vm.incref(v);
  const old = st.gaussNext;
  st.gaussNext = v;
  if (old) vm.decref(old);
}

export const RandomType =
  (methods: Record<string, MethodDef>) =>
  (_vm: Vm, id: number): TypeSlots =>
    defineType({
      id,
      name: 'Random',
      module: 'random',
      basicsize: RANDOM_BASIC,
      flags: TpFlags.HaveGc | TpFlags.BaseType | TpFlags.HeapType,
      dictoffset: 8,
      dealloc: (vm, h) => {
        vm.gc.untrack(h);
        const st = randomState(vm, h);
        vm.table.side[h] = undefined;
        if (st.dict) vm.decref(st.dict);
        if (st.gaussNext) vm.decref(st.gaussNext);
        vm.gcDel(h);
      },
      traverse: (vm, h, visit) => {
        const st = randomState(vm, h);
        if (st?.dict) visit(st.dict);
      },
      reprText: (vm, h) => `<random.Random object at 0x${vm.id(h).toString(16)}>`,
      methods: { ...C_METHODS, ...methods },
    });

/** random_new: PyType_GenericAlloc (16 + 2544), the state unseeded until __init__ seeds it. */
export function randomNew(vm: Vm, type: TypeSlots): number {
  const h = vm.newGcObject(type.id, RANDOM_BASIC);
  vm.table.side[h] = { mt: new MersenneTwister(), dict: 0, gaussNext: 0 } satisfies RandomState;
  vm.gc.track(h);
  return h;
}

export const notInt = (vm: Vm, h: number): never => {
  throw typeError(vm, "'%.200s' object cannot be interpreted as an integer", typeName(vm, h));
};
export const emptyRange = (vm: Vm, msg: string): never => {
  throw raiseString(vm, E.ValueError, msg);
};
