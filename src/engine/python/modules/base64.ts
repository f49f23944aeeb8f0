import type { ModuleSpec } from './registry';
import { runPythonPart } from './pythonpart';
import { moduleFromGlobals, unsupportedHelper } from './typing';

/**
 * base64: pure Python over binascii in CPython (Lib/base64.py), so Python here, written for
 * Highwater from what the 3.11 module does (never copied): b64encode is b2a_base64(s,
 * newline=False), b64decode turns a str into ASCII bytes first (_bytes_from_decode_data) and calls
 * a2b_base64(s, strict_mode=validate), the urlsafe pair translate through two 256-byte tables made
 * at import, b16 is hexlify().upper() / unhexlify, encodebytes joins b2a_base64 of 57-byte slices.
 * The import costs its recorded footprint (binascii, struct and re are loaded at start-up); the
 * body runs accounted. b16decode's check for non-digits deletes the digits instead of CPython's
 * bytes regex (not in the simulator yet): a valid argument allocates nothing either way, the
 * re.search call's own frames and cache-key tuple are left out. b32/b32hex (3.11's _b32encode /
 * _b32decode: a per-alphabet table of 1,024 two-character bytes or a reverse dict, made on first use
 * and kept; a bytearray grown by 8 characters or 5 bytes per group). Not modelled yet: b85, a85
 * (they say so).
 */
const BASE64_SOURCE = `
bytes_types = (bytes, bytearray)


def _bytes_from_decode_data(s):
    if isinstance(s, str):
        try:
            return s.encode('ascii')
        except UnicodeEncodeError:
            raise ValueError('string argument should contain only ASCII characters')
    if isinstance(s, bytes_types):
        return s
    try:
        return memoryview(s).tobytes()
    except TypeError:
        raise TypeError("argument should be a bytes-like object or ASCII "
                        "string, not %r" % s.__class__.__name__) from None


def b64encode(s, altchars=None):
    encoded = binascii.b2a_base64(s, newline=False)
    if altchars is not None:
        assert len(altchars) == 2, repr(altchars)
        return encoded.translate(bytes.maketrans(b'+/', altchars))
    return encoded


def b64decode(s, altchars=None, validate=False):
    s = _bytes_from_decode_data(s)
    if altchars is not None:
        altchars = _bytes_from_decode_data(altchars)
        assert len(altchars) == 2, repr(altchars)
        s = s.translate(bytes.maketrans(altchars, b'+/'))
    return binascii.a2b_base64(s, strict_mode=validate)


def standard_b64encode(s):
    return b64encode(s)


def standard_b64decode(s):
    return b64decode(s)


_urlsafe_encode_translation = bytes.maketrans(b'+/', b'-_')
_urlsafe_decode_translation = bytes.maketrans(b'-_', b'+/')


def urlsafe_b64encode(s):
    return b64encode(s).translate(_urlsafe_encode_translation)


def urlsafe_b64decode(s):
    s = _bytes_from_decode_data(s)
    s = s.translate(_urlsafe_decode_translation)
    return b64decode(s)


def b16encode(s):
    return binascii.hexlify(s).upper()


def b16decode(s, casefold=False):
    s = _bytes_from_decode_data(s)
    if casefold:
        s = s.upper()
    # re.search(b'[^0-9A-F]', s) in CPython: the simulator has no bytes patterns yet, so the same
    # test by deleting the digits (an empty result is the b'' singleton: no allocation when valid)
    if s.translate(None, b'0123456789ABCDEF'):
        raise binascii.Error('Non-base16 digit found')
    return binascii.unhexlify(s)


_b32alphabet = b'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
_b32hexalphabet = b'0123456789ABCDEFGHIJKLMNOPQRSTUV'
# per alphabet, made on first use and kept for the process: 1,024 two-character bytes (the
# encoder's table of 10-bit groups) and the decoder's {byte: value} dict
_b32tab2 = {}
_b32rev = {}


def _b32encode(alphabet, s):
    if alphabet not in _b32tab2:
        singles = [bytes((ch,)) for ch in alphabet]
        _b32tab2[alphabet] = [hi + lo for hi in singles for lo in singles]
        singles = None
    if not isinstance(s, bytes_types):
        s = memoryview(s).tobytes()
    leftover = len(s) % 5
    if leftover:
        s = s + b'\\0' * (5 - leftover)
    out = bytearray()
    as_int = int.from_bytes
    pairs = _b32tab2[alphabet]
    for i in range(0, len(s), 5):
        c = as_int(s[i: i + 5])
        out += (pairs[c >> 30] + pairs[(c >> 20) & 0x3ff] +
                pairs[(c >> 10) & 0x3ff] + pairs[c & 0x3ff])
    # 1..4 leftover bytes carry 2, 4, 5, 7 characters: the rest of the last group is padding
    if leftover == 1:
        out[-6:] = b'======'
    elif leftover == 2:
        out[-4:] = b'===='
    elif leftover == 3:
        out[-3:] = b'==='
    elif leftover == 4:
        out[-1:] = b'='
    return bytes(out)


def _b32decode(alphabet, s, casefold=False, map01=None):
    if alphabet not in _b32rev:
        _b32rev[alphabet] = {ch: i for i, ch in enumerate(alphabet)}
    s = _bytes_from_decode_data(s)
    if len(s) % 8:
        raise binascii.Error('Incorrect padding')
    if map01 is not None:
        map01 = _bytes_from_decode_data(map01)
        assert len(map01) == 1, repr(map01)
        s = s.translate(bytes.maketrans(b'01', b'O' + map01))
    if casefold:
        s = s.upper()
    n = len(s)
    s = s.rstrip(b'=')
    padchars = n - len(s)
    out = bytearray()
    rev = _b32rev[alphabet]
    for i in range(0, len(s), 8):
        quanta = s[i: i + 8]
        acc = 0
        try:
            for ch in quanta:
                acc = (acc << 5) + rev[ch]
        except KeyError:
            raise binascii.Error('Non-base32 digit found') from None
        out += acc.to_bytes(5)
    if n % 8 or padchars not in {0, 1, 3, 4, 6}:
        raise binascii.Error('Incorrect padding')
    if padchars and out:
        acc <<= 5 * padchars
        last = acc.to_bytes(5)
        keep = (43 - 5 * padchars) // 8
        out[-5:] = last[:keep]
    return bytes(out)


def b32encode(s):
    return _b32encode(_b32alphabet, s)


def b32decode(s, casefold=False, map01=None):
    return _b32decode(_b32alphabet, s, casefold, map01)


def b32hexencode(s):
    return _b32encode(_b32hexalphabet, s)


def b32hexdecode(s, casefold=False):
    return _b32decode(_b32hexalphabet, s, casefold)


def b85encode(b, pad=False):
    _hw_unsupported('base64.b85encode')


def b85decode(b):
    _hw_unsupported('base64.b85decode')


def a85encode(b, *, foldspaces=False, wrapcol=0, pad=False, adobe=False):
    _hw_unsupported('base64.a85encode')


def a85decode(b, *, foldspaces=False, adobe=False, ignorechars=b' \\t\\n\\r\\v'):
    _hw_unsupported('base64.a85decode')


MAXLINESIZE = 76
MAXBINSIZE = (MAXLINESIZE//4)*3


def _input_type_check(s):
    try:
        m = memoryview(s)
    except TypeError as err:
        msg = "expected bytes-like object, not %s" % s.__class__.__name__
        raise TypeError(msg) from err
    if m.format not in ('c', 'b', 'B'):
        msg = ("expected single byte elements, not %r from %s" %
                                          (m.format, s.__class__.__name__))
        raise TypeError(msg)
    if m.ndim != 1:
        msg = ("expected 1-D data, not %d-D data from %s" %
                                          (m.ndim, s.__class__.__name__))
        raise TypeError(msg)


def encodebytes(s):
    _input_type_check(s)
    pieces = []
    for i in range(0, len(s), MAXBINSIZE):
        chunk = s[i : i + MAXBINSIZE]
        pieces.append(binascii.b2a_base64(chunk))
    return b"".join(pieces)


def decodebytes(s):
    _input_type_check(s)
    return binascii.a2b_base64(s)
`;

export const base64Module: ModuleSpec = {
  name: 'base64',
  load: (vm, importModule) => {
    const globals = runPythonPart(vm, 'base64', BASE64_SOURCE, {
      binascii: importModule('binascii'),
      _hw_unsupported: unsupportedHelper(vm, 'base64'),
    });
    return moduleFromGlobals(vm, 'base64', globals);
  },
};
