# codecs as python3.11 behaves: encode/decode through text and bytes-to-bytes codecs, lookup's names
# and aliases, CodecInfo as a tuple, the wrapped errors and the BOM constants
import codecs

cases = [
    "r = codecs.encode('héllo', 'utf-8'), codecs.decode(b'h\\xc3\\xa9llo', 'utf8'), codecs.encode('abc'), codecs.decode(b'abc')",
    "r = codecs.encode('é', 'latin-1'), codecs.decode(b'\\xe9', 'L1'), codecs.encode('abc', 'utf-8-sig'), codecs.decode(b'\\xef\\xbb\\xbfabc', 'utf-8-sig'), codecs.decode(b'abc', 'utf-8-sig')",
    "r = codecs.encode('é', 'ascii')",
    "r = codecs.encode('é', 'ascii', 'replace'), codecs.encode('é', 'ascii', 'ignore'), codecs.encode('é', 'ascii', 'xmlcharrefreplace')",
    "r = codecs.decode(b'\\xff', 'utf-8')",
    "r = codecs.decode(b'a\\xffb', 'utf-8', 'replace')",
    "r = codecs.encode(b'ab', 'hex'), codecs.decode(b'6162', 'hex'), codecs.encode(b'abc', 'base64'), codecs.decode(b'YWJj', 'base64')",
    "r = codecs.encode('Hello', 'rot13'), codecs.decode('Uryyb', 'rot_13')",
    "r = codecs.decode(codecs.encode(b'abc' * 10, 'zlib'), 'zlib'), codecs.encode(b'abc', 'zlib')",
    "r = codecs.encode(b'x', 'utf-8')",
    "r = codecs.encode(b'x', 'UTF8')",
    "r = codecs.decode('x', 'utf-8')",
    "r = codecs.encode('x', 'hex')",
    "r = codecs.encode(b'abc', 'rot13')",
    "r = codecs.encode('x', 'nope')",
    "r = codecs.encode('', '')",
    "r = [codecs.lookup(n).name for n in ['UTF8', 'utf-8', 'u8', 'latin1', 'Latin-1', 'ISO-8859-1', 'ascii', 'US-ASCII', 'utf_16', 'UTF-16LE', 'utf32', 'base64', 'hex', 'zip', 'rot13', 'cp1252', 'windows-1252', 'utf-8-sig']]",
    "i = codecs.lookup('utf8'); r = type(i).__name__, len(i), isinstance(i, tuple), i.name, i[0] is i.encode",
    "r = codecs.getencoder('utf8')('aé'), codecs.getdecoder('utf8')(b'a'), codecs.utf_8_encode('é'), codecs.utf_8_decode(b'\\xc3\\xa9')",
    "r = codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM == codecs.BOM_LE",
    "r = codecs.lookup(3)",
    "r = codecs.encode('x', 'utf-8', 'nonsense')",
]

for case in cases:
    ns = dict(globals())
    try:
        exec(case, ns)
        print(repr(ns['r']))
    except Exception as e:
        print('%s: %s' % (type(e).__name__, e))
