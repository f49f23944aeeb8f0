import { typeError } from '../abstract/errors';
import { builtinStatic } from '../objects/descr';
import { strValue } from '../objects/str';
import { Meth, T } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { dataView, releaseView, viewBytes } from './clib';
import { fn } from './module';
import { runPythonPart } from './pythonpart';
import type { ModuleSpec } from './registry';
import { moduleFromGlobals } from './typing';

/**
 * hmac (Lib/hmac.py, 3.11) as Python run by the VM, written for Highwater from what the module does.
 * HMAC keeps an inner and an outer hashlib object (the key padded to the block size, XORed with 0x36
 * and 0x5C: hmac.py's `_init_old`); digest() finalises a copy of the outer fed the inner's digest.
 * Not the allocation of 3.11.7's OpenSSL path (`_hashlib.hmac_new`: one 40-byte HMACobject over an
 * HMAC_CTX): the simulator's HMAC holds two hashlib objects (2 × 32 bytes + their contexts), a
 * few hundred bytes more per live HMAC. compare_digest is _hashlib.compare_digest (native here:
 * `_tscmp`'s checks and messages, no allocation). The import replays its captured footprint.
 */
const HMAC_SOURCE = `
import hashlib as _hashlib

trans_5C = bytes((x ^ 0x5C) for x in range(256))
trans_36 = bytes((x ^ 0x36) for x in range(256))

digest_size = None


class HMAC:
    blocksize = 64

    __slots__ = ("_hmac", "_inner", "_outer", "block_size", "digest_size")

    def __init__(self, key, msg=None, digestmod=''):
        if not isinstance(key, (bytes, bytearray)):
            raise TypeError("key: expected bytes or bytearray, but got %r" % type(key).__name__)
        if not digestmod:
            raise TypeError("Missing required parameter 'digestmod'.")
        self._hmac = None
        if callable(digestmod):
            digest_cons = digestmod
        elif isinstance(digestmod, str):
            digest_cons = lambda d=b'': _hashlib.new(digestmod, d)
        else:
            digest_cons = lambda d=b'': digestmod.new(d)
        self._outer = digest_cons()
        self._inner = digest_cons()
        self.digest_size = self._inner.digest_size
        if hasattr(self._inner, 'block_size'):
            blocksize = self._inner.block_size
            if blocksize < 16:
                blocksize = self.blocksize
        else:
            blocksize = self.blocksize
        if len(key) > blocksize:
            key = digest_cons(key).digest()
        self.block_size = blocksize
        key = key.ljust(blocksize, b'\\0')
        self._outer.update(key.translate(trans_5C))
        self._inner.update(key.translate(trans_36))
        if msg is not None:
            self.update(msg)

    @property
    def name(self):
        return "hmac-" + self._inner.name

    def update(self, msg):
        self._inner.update(msg)

    def copy(self):
        other = self.__class__.__new__(self.__class__)
        other.digest_size = self.digest_size
        other.block_size = self.block_size
        other._hmac = None
        other._inner = self._inner.copy()
        other._outer = self._outer.copy()
        return other

    def _current(self):
        h = self._outer.copy()
        h.update(self._inner.digest())
        return h

    def digest(self):
        h = self._current()
        return h.digest()

    def hexdigest(self):
        h = self._current()
        return h.hexdigest()


def new(key, msg=None, digestmod=''):
    return HMAC(key, msg, digestmod)


def digest(key, msg, digest):
    if callable(digest):
        digest_cons = digest
    elif isinstance(digest, str):
        digest_cons = lambda d=b'': _hashlib.new(digest, d)
    else:
        digest_cons = lambda d=b'': digest.new(d)
    inner = digest_cons()
    outer = digest_cons()
    blocksize = getattr(inner, 'block_size', 64)
    if len(key) > blocksize:
        key = digest_cons(key).digest()
    key = key + b'\\x00' * (blocksize - len(key))
    inner.update(key.translate(trans_36))
    outer.update(key.translate(trans_5C))
    inner.update(msg)
    outer.update(inner.digest())
    return outer.digest()
`;

/** _hashlib.compare_digest (_tscmp): two ASCII strs, or two bytes-like objects; constant time. */
function compareDigest(vm: Vm, a: number, b: number): number {
  const ta = vm.table.type[a];
  const tb = vm.table.type[b];
  if (ta === T.Str && tb === T.Str) {
    const x = strValue(vm, a);
    const y = strValue(vm, b);
    // eslint-disable-next-line no-control-regex
    if (!/^[\x00-\x7f]*$/.test(x) || !/^[\x00-\x7f]*$/.test(y))
      throw typeError(vm, 'comparing strings with non-ASCII characters is not supported');
    return vm.s.bool(x === y);
  }
  if (ta === T.Str || tb === T.Str) throw typeError(vm, "a bytes-like object is required, not 'str'");
  const va = dataView(vm, a, null);
  const vb = dataView(vm, b, null);
  const x = viewBytes(vm, va);
  const y = viewBytes(vm, vb);
  releaseView(vm, va);
  releaseView(vm, vb);
  let same = x.length === y.length;
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) same = false;
  return vm.s.bool(same);
}

export const hmacModule: ModuleSpec = {
  name: 'hmac',
  load: (vm) => {
    const cmp = builtinStatic(
      vm,
      fn('compare_digest', Meth.Fastcall, (vm2, _s, a) => {
        if (a.length !== 2) throw typeError(vm2, 'compare_digest expected 2 arguments, got %d', a.length);
        return compareDigest(vm2, a[0], a[1]);
      }),
      '_hashlib',
    );
    return moduleFromGlobals(vm, 'hmac', runPythonPart(vm, 'hmac', HMAC_SOURCE, { compare_digest: cmp }));
  },
};
