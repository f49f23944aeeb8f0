import { runPythonPart } from './pythonpart';
import type { ModuleSpec } from './registry';
import { moduleFromGlobals, unsupportedHelper } from './typing';

/**
 * codecs (Lib/codecs.py + the encodings package, 3.11) as Python run by the VM, written for Highwater
 * from what they do: lookup() normalises the name as encodings.normalize_encoding does (lower case,
 * runs of non-alphanumerics to '_'), maps aliases (encodings.aliases) to the codec module and returns
 * a CodecInfo (a 4-tuple subclass: encode, decode, stream reader, stream writer, with `name`; the
 * stream classes are not made: None);
 * encode()/decode() call its functions and wrap a plain TypeError/ValueError they raise as
 * "encoding with 'X' codec failed (T: msg)" (_PyErr_TrySetFromCause). Text codecs go through
 * str.encode/bytes.decode; the bytes-to-bytes ones (hex, base64, zlib) through binascii/base64/zlib
 * as hex_codec.py and friends do, rot13 through str.translate. A start-up module in 3.11.7 (free).
 * Not made: open/EncodedFile, the incremental and stream classes, register/register_error.
 */
const CODECS_SOURCE = `
import sys
import builtins

BOM_UTF8 = b'\\xef\\xbb\\xbf'
BOM_LE = BOM_UTF16_LE = b'\\xff\\xfe'
BOM_BE = BOM_UTF16_BE = b'\\xfe\\xff'
BOM_UTF32_LE = b'\\xff\\xfe\\x00\\x00'
BOM_UTF32_BE = b'\\x00\\x00\\xfe\\xff'
BOM = BOM_UTF16 = BOM_LE
BOM_UTF32 = BOM_UTF32_LE
BOM32_LE = BOM_UTF16_LE
BOM32_BE = BOM_UTF16_BE
BOM64_LE = BOM_UTF32_LE
BOM64_BE = BOM_UTF32_BE


class CodecInfo(tuple):
    _is_text_encoding = True

    def __new__(cls, encode, decode, streamreader=None, streamwriter=None,
                incrementalencoder=None, incrementaldecoder=None, name=None,
                *, _is_text_encoding=None):
        self = tuple.__new__(cls, (encode, decode, streamreader, streamwriter))
        self.name = name
        self.encode = encode
        self.decode = decode
        self.incrementalencoder = incrementalencoder
        self.incrementaldecoder = incrementaldecoder
        self.streamwriter = streamwriter
        self.streamreader = streamreader
        if _is_text_encoding is not None:
            self._is_text_encoding = _is_text_encoding
        return self

    def __repr__(self):
        return "<%s.%s object for encoding %s at %#x>" % (
            self.__class__.__module__, self.__class__.__qualname__, self.name, id(self))


# encodings.aliases (the common ones) -> the codec module's name
_hw_aliases = {
    'u8': 'utf_8', 'utf': 'utf_8', 'utf8': 'utf_8', 'utf8_ucs2': 'utf_8', 'utf8_ucs4': 'utf_8',
    'cp65001': 'utf_8',
    '646': 'ascii', 'us_ascii': 'ascii', 'ansi_x3.4_1968': 'ascii', 'ansi_x3_4_1968': 'ascii',
    'iso646_us': 'ascii', 'us': 'ascii', 'cp367': 'ascii', 'csascii': 'ascii', 'ibm367': 'ascii',
    'iso_ir_6': 'ascii',
    'iso8859_1': 'latin_1', 'iso_8859_1': 'latin_1', 'latin': 'latin_1', 'latin1': 'latin_1',
    'l1': 'latin_1', '8859': 'latin_1', 'cp819': 'latin_1', 'iso_ir_100': 'latin_1',
    'ibm819': 'latin_1', 'csisolatin1': 'latin_1', 'iso_8859_1_1987': 'latin_1',
    'u16': 'utf_16', 'utf16': 'utf_16', 'unicodelittleunmarked': 'utf_16_le', 'utf_16le': 'utf_16_le',
    'unicodebigunmarked': 'utf_16_be', 'utf_16be': 'utf_16_be',
    'u32': 'utf_32', 'utf32': 'utf_32', 'utf_32le': 'utf_32_le', 'utf_32be': 'utf_32_be',
    'windows_1252': 'cp1252', '1252': 'cp1252',
    'hex': 'hex_codec', 'base64': 'base64_codec', 'base_64': 'base64_codec',
    'zip': 'zlib_codec', 'zlib': 'zlib_codec', 'rot13': 'rot_13',
}

# codec module -> (CodecInfo name, str.encode / bytes.decode name or None for a bytes codec)
_hw_codecs = {
    'utf_8': ('utf-8', 'utf-8'), 'utf_8_sig': ('utf-8-sig', 'utf-8-sig'), 'ascii': ('ascii', 'ascii'),
    'latin_1': ('iso8859-1', 'latin-1'), 'utf_16': ('utf-16', 'utf-16'),
    'utf_16_le': ('utf-16-le', 'utf-16-le'), 'utf_16_be': ('utf-16-be', 'utf-16-be'),
    'utf_32': ('utf-32', 'utf-32'), 'utf_32_le': ('utf-32-le', 'utf-32-le'),
    'utf_32_be': ('utf-32-be', 'utf-32-be'), 'cp1252': ('cp1252', 'cp1252'),
    'hex_codec': ('hex', None), 'base64_codec': ('base64', None), 'zlib_codec': ('zlib', None),
    'rot_13': ('rot-13', None),
}


def _hw_normalize(encoding):
    chars = []
    punct = False
    for c in encoding:
        if c.isalnum() or c == '.':
            if punct and chars:
                chars.append('_')
            chars.append(c)
            punct = False
        else:
            punct = True
    return ''.join(chars)


def _hw_text_codec(textname, name):
    def encode(input, errors='strict'):
        if not isinstance(input, str):
            raise TypeError("%s_encode() argument 1 must be str, not %s"
                            % (name.replace('-', '_'), type(input).__name__))
        if textname == 'utf-8-sig':
            return (BOM_UTF8 + input.encode('utf-8', errors), len(input))
        return (input.encode(textname, errors), len(input))

    def decode(input, errors='strict'):
        if isinstance(input, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        data = bytes(input)
        if textname == 'utf-8-sig':
            body = data[3:] if data[:3] == BOM_UTF8 else data
            return (body.decode('utf-8', errors), len(input))
        return (data.decode(textname, errors), len(input))

    return encode, decode


def _hw_bytes_codec(module):
    if module == 'rot_13':
        table = str.maketrans('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
                              'NOPQRSTUVWXYZABCDEFGHIJKLMnopqrstuvwxyzabcdefghijklm')

        def encode(input, errors='strict'):
            if not isinstance(input, str):
                raise TypeError("descriptor 'translate' for 'str' objects doesn't apply to a '%s' object"
                                % type(input).__name__)
            return (str.translate(input, table), len(input))
        return encode, encode
    if module == 'hex_codec':
        import binascii
        enc, dec = binascii.b2a_hex, binascii.a2b_hex
    elif module == 'base64_codec':
        import base64
        enc, dec = base64.encodebytes, base64.decodebytes
    else:
        import zlib
        enc, dec = zlib.compress, zlib.decompress

    def encode(input, errors='strict'):
        return (enc(input), len(input))

    def decode(input, errors='strict'):
        return (dec(input), len(input))
    return encode, decode


def lookup(encoding):
    if not isinstance(encoding, str):
        raise TypeError("lookup() argument must be str, not %s" % type(encoding).__name__)
    norm = _hw_normalize(encoding.lower())
    module = _hw_aliases.get(norm, norm)
    info = _hw_codecs.get(module)
    if info is None:
        if norm in _hw_codecs or not norm:
            raise LookupError('unknown encoding: %s' % encoding)
        _hw_unknown(encoding)
    name, textname = info
    if textname is None:
        enc, dec = _hw_bytes_codec(module)
        return CodecInfo(enc, dec, name=name, _is_text_encoding=False)
    enc, dec = _hw_text_codec(textname, module)
    return CodecInfo(enc, dec, name=name)


def _hw_unknown(encoding):
    # an encoding the real encodings package may have (cp437, koi8_r, …): not modelled here
    known_missing = ('cp', 'iso', 'koi8', 'mac', 'big5', 'gb', 'euc', 'shift', 'idna', 'punycode',
                     'utf_7', 'raw_unicode', 'unicode_escape', 'bz2', 'quopri', 'uu', 'charmap')
    if _hw_normalize(encoding.lower()).startswith(known_missing):
        _hw_unsupported('codecs: the %s codec' % encoding)
    raise LookupError('unknown encoding: %s' % encoding)


def _hw_wrap(what, encoding, func, obj, errors):
    try:
        return func(obj, errors)[0]
    except (TypeError, ValueError) as e:
        if type(e) not in (TypeError, ValueError):
            raise
        raise type(e)("%s with %r codec failed (%s: %s)"
                      % (what, encoding, type(e).__name__, e)) from e


def encode(obj, encoding='utf-8', errors='strict'):
    return _hw_wrap('encoding', encoding, lookup(encoding).encode, obj, errors)


def decode(obj, encoding='utf-8', errors='strict'):
    return _hw_wrap('decoding', encoding, lookup(encoding).decode, obj, errors)


def getencoder(encoding):
    return lookup(encoding).encode


def getdecoder(encoding):
    return lookup(encoding).decode


def utf_8_encode(str, errors=None):
    return _hw_text_codec('utf-8', 'utf_8')[0](str, errors or 'strict')


def utf_8_decode(data, errors=None, final=False):
    return _hw_text_codec('utf-8', 'utf_8')[1](data, errors or 'strict')
`;

export const codecsModule: ModuleSpec = {
  name: 'codecs',
  load: (vm) =>
    moduleFromGlobals(
      vm,
      'codecs',
      runPythonPart(vm, 'codecs', CODECS_SOURCE, { _hw_unsupported: unsupportedHelper(vm, 'codecs') }),
    ),
};
