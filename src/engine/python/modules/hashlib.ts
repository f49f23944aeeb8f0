import { typeError, valueError } from '../abstract/errors';
import { unicodeFromFormat } from '../abstract/fromformat';
import { NotSupported } from '../errors';
import { bytesNew } from '../objects/bytes';
import { dictNew } from '../objects/dict';
import { unpackKeywords } from '../objects/getargs';
import { moduleData } from '../objects/module';
import { moduleType } from '../objects/modtypes';
import { setAdd, setNew } from '../objects/set';
import { strNew, strValue } from '../objects/str';
import { tupleFromItems } from '../objects/tuple';
import { Meth, T, defineType, type Kwargs, type MethodDef, type TypeSlots } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { blake2Methods, blake2Type } from './blake2';
import { cFree, cMalloc, dataView, forEachChunk, latin1, releaseView } from './clib';
import { hex, newDigest, type Digest } from './digests';
import { staticModule } from './gc';
import type { ModuleSpec } from './registry';

/**
 * hashlib as 3.11.7 (pyenv, OpenSSL 3) runs it: md5, sha1, sha224/256/384/512 are _hashlib's
 * OpenSSL constructors (openssl_sha256 …), each returning an `_hashlib.HASH` (EVPobject: 32 bytes
 * from PyObject_New) holding an EVP_MD_CTX (72 bytes from OpenSSL's malloc) and the digest's own
 * context (md5 92, sha1 96, sha224/256 112, sha384/512 216 bytes, measured with the recorder's
 * hooks). The first use of an algorithm in a process fetches its EVP_MD (EVP_MD_fetch: the name
 * copied and freed, two pairs of 32-byte method-store blocks made and freed, 48 + 24 bytes kept in
 * the store). digest()/hexdigest() finalise a copy (EVP_MD_CTX_new + EVP_MD_CTX_copy: 72 + the
 * context again, freed around the result). update() of 2,048 bytes or more makes the object's lock
 * once (PyThread_allocate_lock: a 32-byte sem_t from PyMem_RawMalloc). blake2b/blake2s are
 * _blake2's own types (blake2.ts). The digests are computed (digests.ts) so hexdigest() prints
 * what CPython prints.
 */

/** EVPobject: PyObject_HEAD + EVP_MD_CTX * + PyThread_type_lock. */
const EVP_OBJECT_SIZE = 32;
/** sizeof(EVP_MD_CTX) in OpenSSL 3 (evp_local.h), measured as the 72-byte malloc. */
const EVP_MD_CTX_SIZE = 72;
/** The provider's digest context (OSSL_FUNC_digest_newctx): measured per algorithm. */
const ALG_CTX: Record<string, number> = {
  md5: 92,
  sha1: 96,
  sha224: 112,
  sha256: 112,
  sha384: 216,
  sha512: 216,
};
/** HASHLIB_GIL_MINSIZE: from this many bytes update() releases the GIL, under the object's lock. */
const GIL_MINSIZE = 2048;
/** sizeof(sem_t): PyThread_allocate_lock's PyMem_RawMalloc. */
const SEM_BYTES = 32;

interface EvpState {
  digest: Digest;
  ctx: number;
  alg: number;
  lock: number;
}

const stateOf = (vm: Vm, h: number): EvpState => vm.table.side[h] as EvpState;

const fetched = new WeakMap<Vm, Set<string>>();

/** EVP_MD_fetch's first run for `name` in this process (later ones hit OpenSSL's method store). */
function fetchDigest(vm: Vm, name: string): void {
  let done = fetched.get(vm);
  if (done === undefined) fetched.set(vm, (done = new Set()));
  if (done.has(name)) return;
  done.add(name);
  cFree(vm, cMalloc(vm, name.length + 1)); // the name, copied for the lookup
  const a = cMalloc(vm, 32);
  const b = cMalloc(vm, 32);
  cFree(vm, b);
  cFree(vm, a);
  const c = cMalloc(vm, 32);
  const d = cMalloc(vm, 32);
  cFree(vm, c);
  cFree(vm, d);
  // the method and its name entry stay in the store for the process's life
  cMalloc(vm, 48);
  cMalloc(vm, 24);
}

/** EVP_MD_CTX_new + EVP_DigestInit_ex: the context and the algorithm's own. */
function newContext(vm: Vm, name: string): [number, number] {
  return [cMalloc(vm, EVP_MD_CTX_SIZE), cMalloc(vm, ALG_CTX[name])];
}

/** EVP_MD_CTX_free: the algorithm's context, then the EVP_MD_CTX. */
function freeContext(vm: Vm, ctx: number, alg: number): void {
  cFree(vm, alg);
  cFree(vm, ctx);
}

const evpType = (vm: Vm): TypeSlots => moduleType(vm, EvpType);

/** newEVPobject + EVP_DigestInit_ex (EVP_new_impl). */
function evpNew(vm: Vm, name: string, digest: Digest): number {
  fetchDigest(vm, name);
  const h = vm.newObject(evpType(vm).id, EVP_OBJECT_SIZE);
  const [ctx, alg] = newContext(vm, name);
  vm.table.side[h] = { digest, ctx, alg, lock: 0 } satisfies EvpState;
  return h;
}

/** EVP_hash: the data fed to the digest (no allocation: the buffer is borrowed). */
function feed(vm: Vm, st: EvpState, data: number): void {
  const view = dataView(vm, data, 'Strings must be encoded before hashing');
  try {
    forEachChunk(vm, view, (c) => st.digest.update(c));
  } finally {
    releaseView(vm, view);
  }
}

/** EVP_new_impl through one of the openssl_* constructors: `string` by position or keyword. */
function construct(vm: Vm, name: string, fname: string, args: readonly number[], kw: Kwargs | null): number {
  const [data] = unpackKeywords(vm, fname, args, kw, ['string', 'usedforsecurity'], 0, 1);
  if (data !== 0 && vm.table.type[data] === T.Str)
    throw typeError(vm, 'Strings must be encoded before hashing');
  const h = evpNew(vm, name, newDigest(name)!);
  if (data !== 0) feed(vm, stateOf(vm, h), data);
  return h;
}

/** EVP_digest / EVP_hexdigest: a temporary context copied from the object's, finalised, freed. */
function finalCopy(vm: Vm, h: number, make: (d: Uint8Array) => number, freeFirst: boolean): number {
  const st = stateOf(vm, h);
  const name = st.digest.name;
  const [ctx, alg] = newContext(vm, name);
  const d = st.digest.digest();
  cFree(vm, alg); // EVP_DigestFinal_ex frees the provider context
  if (freeFirst) {
    cFree(vm, ctx);
    return make(d);
  }
  const r = make(d);
  cFree(vm, ctx);
  return r;
}

const EVP_METHODS: Record<string, MethodDef> = {
  update: {
    name: 'update',
    flags: Meth.O,
    qualname: 'HASH.update',
    impl: (vm, h, a) => {
      const st = stateOf(vm, h);
      const view = dataView(vm, a[0], 'Strings must be encoded before hashing');
      // the lock is made the first time a big update would release the GIL
      if (view.len >= GIL_MINSIZE && st.lock === 0) st.lock = vm.mem.rawMalloc(SEM_BYTES);
      try {
        forEachChunk(vm, view, (c) => st.digest.update(c));
      } finally {
        releaseView(vm, view);
      }
      return vm.s.None;
    },
  },
  digest: {
    name: 'digest',
    flags: Meth.NoArgs,
    qualname: 'HASH.digest',
    impl: (vm, h) => finalCopy(vm, h, (d) => bytesNew(vm, latin1(d)), false),
  },
  hexdigest: {
    name: 'hexdigest',
    flags: Meth.NoArgs,
    qualname: 'HASH.hexdigest',
    impl: (vm, h) => finalCopy(vm, h, (d) => strNew(vm, hex(d), 0), true),
  },
  copy: {
    name: 'copy',
    flags: Meth.NoArgs,
    qualname: 'HASH.copy',
    impl: (vm, h) => {
      const st = stateOf(vm, h);
      const c = vm.newObject(evpType(vm).id, EVP_OBJECT_SIZE);
      const [ctx, alg] = newContext(vm, st.digest.name);
      vm.table.side[c] = { digest: st.digest.copy(), ctx, alg, lock: 0 } satisfies EvpState;
      return c;
    },
  },
};

const EvpType = (_vm: Vm, id: number): TypeSlots =>
  defineType({
    id,
    name: 'HASH',
    module: '_hashlib',
    basicsize: EVP_OBJECT_SIZE,
    dealloc: (vm, h) => {
      const st = stateOf(vm, h);
      if (st.lock) vm.mem.rawFree(st.lock);
      freeContext(vm, st.ctx, st.alg);
      vm.table.side[h] = undefined;
      vm.objectFree(h);
    },
    repr: (vm, h) =>
      unicodeFromFormat(vm, '<%U %s object @ %p>', [stateOf(vm, h).digest.name, '_hashlib.HASH', vm.id(h)]),
    methods: EVP_METHODS,
    getset: {
      name: { name: 'name', get: (vm, h) => strNew(vm, stateOf(vm, h).digest.name, 0) },
      digest_size: { name: 'digest_size', get: (vm, h) => vm.s.smallInt(stateOf(vm, h).digest.digestSize) },
      block_size: { name: 'block_size', get: (vm, h) => vm.s.smallInt(stateOf(vm, h).digest.blockSize) },
    },
  });

const OPENSSL = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'];

const constructor = (name: string): MethodDef => ({
  name,
  flags: Meth.Fastcall | Meth.Keywords,
  qualname: `openssl_${name}`,
  impl: (vm, _m, args, kw) => construct(vm, name, `openssl_${name}`, args, kw),
});

/**
 * hashlib.new (hashlib.py's __hash_new(name, data=b'', **kwargs)): the **kwargs dict, then
 * _hashlib.new(name, data, **kwargs) called through CALL_FUNCTION_EX (the argument tuple and a copy
 * of the dict); blake2b/blake2s go to _blake2's constructors instead.
 */
function hashNew(vm: Vm, args: readonly number[], kw: Kwargs | null): number {
  if (args.length < 1 && !kw?.has('name'))
    throw typeError(vm, "__hash_new() missing 1 required positional argument: 'name'");
  const nameObj = args[0] ?? kw!.get('name')!;
  if (vm.table.type[nameObj] !== T.Str)
    throw typeError(vm, 'new() argument 1 must be str, not %.100s', 'int');
  const name = strValue(vm, nameObj).toLowerCase();
  const data = args[1] ?? kw?.get('data') ?? 0;
  const kwargs = dictNew(vm);
  // data=b'' by default: _hashlib.new always gets two positional arguments
  const passed = data || vm.s.emptyBytes;
  const callArgs = tupleFromItems(vm, [nameObj, passed]);
  vm.incref(nameObj);
  vm.incref(passed);
  const kwCopy = dictNew(vm);
  try {
    if (name === 'blake2b' || name === 'blake2s') return blake2Methods(vm, name)(data ? [data] : []);
    if (!OPENSSL.includes(name)) {
      if (name.startsWith('sha3_') || name.startsWith('shake_') || name === 'sm3' || name === 'ripemd160')
        throw new NotSupported(`hashlib.new('${name}') (only md5, sha1, sha2 and blake2 are modelled)`);
      throw valueError(vm, 'unsupported hash type %s', strValue(vm, nameObj));
    }
    if (data !== 0 && vm.table.type[data] === T.Str)
      throw typeError(vm, 'Strings must be encoded before hashing');
    const h = evpNew(vm, name, newDigest(name)!);
    if (data !== 0) feed(vm, stateOf(vm, h), data);
    return h;
  } finally {
    vm.decref(kwCopy);
    vm.decref(callArgs);
    vm.decref(kwargs);
  }
}

export const hashlibModule: ModuleSpec = {
  name: 'hashlib',
  load: (vm) => {
    const m = staticModule(vm, 'hashlib', [
      ...OPENSSL.map(constructor),
      { name: 'new', flags: Meth.Fastcall | Meth.Keywords, impl: (vm2, _m, a, kw) => hashNew(vm2, a, kw) },
      {
        name: 'file_digest',
        flags: Meth.Fastcall | Meth.Keywords,
        impl: () => {
          throw new NotSupported('hashlib.file_digest');
        },
      },
      {
        name: 'pbkdf2_hmac',
        flags: Meth.Fastcall | Meth.Keywords,
        impl: () => {
          throw new NotSupported('hashlib.pbkdf2_hmac');
        },
      },
    ]);
    const attrs = moduleData(vm, m).attrs;
    attrs.set('blake2b', blake2Type(vm, 'blake2b').typeObject);
    attrs.set('blake2s', blake2Type(vm, 'blake2s').typeObject);
    const was = vm.mem.accounted;
    vm.mem.accounted = true; // made at import: part of its footprint
    try {
      const names = [...OPENSSL, 'blake2b', 'blake2s'];
      for (const attr of ['algorithms_guaranteed', 'algorithms_available']) {
        const set = setNew(vm, false);
        for (const n of names) {
          const s = strNew(vm, n, 0);
          setAdd(vm, set, s);
          vm.decref(s);
        }
        attrs.set(attr, set);
      }
    } finally {
      vm.mem.accounted = was;
    }
    return m;
  },
};
