import { runPythonPart } from './pythonpart';
import type { ModuleSpec } from './registry';
import { moduleFromGlobals } from './typing';

/**
 * secrets (Lib/secrets.py, 3.11) and random.SystemRandom as Python run by the VM, written for Highwater
 * from what the modules do: token_bytes is os.urandom(n) (32 bytes by default), token_hex its .hex(),
 * token_urlsafe base64.urlsafe_b64encode without the '=' padding; choice/randbelow/randbits go through
 * one SystemRandom, whose getrandbits(k) reads (k + 7) // 8 bytes of os.urandom as a big-endian int
 * shifted to k bits and whose random() takes 7 bytes' top 53 bits (random_getrandbits / random.py's
 * SystemRandom). The simulated process's urandom is a fixed-seed stream: runs are reproducible.
 * SystemRandom is not a random.Random subclass here (the simulator's Random cannot be subclassed
 * yet): isinstance(secrets.SystemRandom(), random.Random) is False. compare_digest is hmac's (_hashlib.compare_digest). The import replays its captured footprint.
 */
const SECRETS_SOURCE = `
__all__ = ['choice', 'randbelow', 'randbits', 'SystemRandom',
           'token_bytes', 'token_hex', 'token_urlsafe',
           'compare_digest']

import base64
import binascii
import os as _os
from hmac import compare_digest

_RECIP_BPF = 2 ** -53


class SystemRandom:
    # random.SystemRandom derives from random.Random; the simulator's Random (one native type for
    # random.Random and _random.Random) cannot be subclassed yet, so this class stands alone

    def random(self):
        return (int.from_bytes(_os.urandom(7)) >> 3) * _RECIP_BPF

    def getrandbits(self, k):
        if k < 0:
            raise ValueError('number of bits must be non-negative')
        numbytes = (k + 7) // 8
        x = int.from_bytes(_os.urandom(numbytes))
        return x >> (numbytes * 8 - k)

    def randbytes(self, n):
        return _os.urandom(n)

    def seed(self, *args, **kwds):
        return None

    def _notimplemented(self, *args, **kwds):
        raise NotImplementedError('System entropy source does not have state.')

    getstate = setstate = _notimplemented

    def _randbelow(self, n):
        getrandbits = self.getrandbits
        k = n.bit_length()
        r = getrandbits(k)
        while r >= n:
            r = getrandbits(k)
        return r

    def choice(self, seq):
        if not len(seq):
            raise IndexError('Cannot choose from an empty sequence')
        return seq[self._randbelow(len(seq))]

    def randrange(self, start, stop=None, step=1):
        if stop is None:
            if start > 0:
                return self._randbelow(start)
            raise ValueError("empty range for randrange()")
        width = stop - start
        if step == 1:
            if width > 0:
                return start + self._randbelow(width)
            raise ValueError("empty range for randrange() (%d, %d, %d)" % (start, stop, width))
        if step > 0:
            n = (width + step - 1) // step
        elif step < 0:
            n = (width + step + 1) // step
        else:
            raise ValueError("zero step for randrange()")
        if n <= 0:
            raise ValueError("empty range for randrange()")
        return start + step * self._randbelow(n)

    def randint(self, a, b):
        return self.randrange(a, b + 1)


_sysrand = SystemRandom()

randbits = _sysrand.getrandbits
choice = _sysrand.choice


def randbelow(exclusive_upper_bound):
    if exclusive_upper_bound <= 0:
        raise ValueError("Upper bound must be positive.")
    return _sysrand._randbelow(exclusive_upper_bound)


DEFAULT_ENTROPY = 32


def token_bytes(nbytes=None):
    if nbytes is None:
        nbytes = DEFAULT_ENTROPY
    return _os.urandom(nbytes)


def token_hex(nbytes=None):
    return token_bytes(nbytes).hex()


def token_urlsafe(nbytes=None):
    tok = token_bytes(nbytes)
    return base64.urlsafe_b64encode(tok).rstrip(b'=').decode('ascii')
`;

export const secretsModule: ModuleSpec = {
  name: 'secrets',
  load: (vm) => moduleFromGlobals(vm, 'secrets', runPythonPart(vm, 'secrets', SECRETS_SOURCE, {})),
};
