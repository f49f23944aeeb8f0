/**
 * zipfile (Lib/zipfile.py, 3.11) as Python run by the VM, written for Highwater from what the module
 * does, not copied. zipfile is in 3.11.7's sys.modules at start-up (site → importlib's zip support),
 * so its import is free and this body runs accounted; what a script pays is what the real methods
 * allocate, which this text follows step for step where memory is concerned:
 * - ZipInfo is a 20-slot object (no __dict__: 16 + 20 × 8 bytes, GC-tracked), one per member, kept in
 *   ZipFile.filelist and NameToInfo for the archive's life.
 * - reading the directory: _EndRecData's 22-byte tail read, the whole central directory read into one
 *   bytes and wrapped in a BytesIO (a copy), each 46-byte record unpacked into a 19-tuple, the name
 *   decoded (cp437 or UTF-8), extra/comment read.
 * - ZipFile.read(name) = open() + ZipExtFile.read(): _SharedFile re-reads the 30-byte local header,
 *   and read() with no size decompresses through zlib.decompressobj(-15) with max_length 2**30
 *   (MAX_N) after one 4,096-byte (MIN_READ_SIZE) or whole-member compressed read: `buf += data`, so
 *   the member's bytes are made once by the decompressor and concatenated onto b'' (a new bytes
 *   only when both sides are non-empty).
 * - writing: writestr encodes a str once (a full copy), packs the local header, and _ZipWriteFile
 *   feeds the whole data to compressobj(level, DEFLATED, -15).compress (zlib's 256 KiB state and
 *   window stay until the writer is dropped), flushes, seeks back to rewrite the header;
 *   close() writes one central-directory record per member and the end record.
 * io.BufferedIOBase is a C base here too: zipfileStreamsSource.ts's `_IOBase` gives ZipExtFile and
 * _ZipWriteFile its closed/close/context-manager/readline behaviour (its flag is the same
 * `__IOBase_closed` key the C base stores in the instance dict). Not modelled: bzip2/LZMA members,
 * encryption (pwd), zipfile.Path, PyZipFile, mode 'a' on an existing archive's data descriptors.
 */
export const ZIPFILE_SOURCE = `
import io, os, sys, struct, time, threading, shutil, binascii
import zlib
crc32 = zlib.crc32


class BadZipFile(Exception):
    pass


class LargeZipFile(Exception):
    pass


error = BadZipfile = BadZipFile

ZIP64_LIMIT = (1 << 31) - 1
ZIP_FILECOUNT_LIMIT = (1 << 16) - 1
ZIP_MAX_COMMENT = (1 << 16) - 1
ZIP_STORED = 0
ZIP_DEFLATED = 8
ZIP_BZIP2 = 12
ZIP_LZMA = 14
DEFAULT_VERSION = 20
ZIP64_VERSION = 45
BZIP2_VERSION = 46
LZMA_VERSION = 63
MAX_EXTRACT_VERSION = 63

structEndArchive = b"<4s4H2LH"
stringEndArchive = b"PK\\005\\006"
sizeEndCentDir = struct.calcsize(structEndArchive)
structCentralDir = "<4s4B4HL2L5H2L"
stringCentralDir = b"PK\\001\\002"
sizeCentralDir = struct.calcsize(structCentralDir)
structFileHeader = "<4s2B4HL2L2H"
stringFileHeader = b"PK\\003\\004"
sizeFileHeader = struct.calcsize(structFileHeader)
structEndArchive64Locator = "<4sLQL"
stringEndArchive64Locator = b"PK\\x06\\x07"
sizeEndCentDir64Locator = struct.calcsize(structEndArchive64Locator)
structEndArchive64 = "<4sQ2H2L4Q"
stringEndArchive64 = b"PK\\x06\\x06"
sizeEndCentDir64 = struct.calcsize(structEndArchive64)

_MASK_ENCRYPTED = 1 << 0
_MASK_COMPRESS_OPTION_1 = 1 << 1
_MASK_USE_DATA_DESCRIPTOR = 1 << 3
_MASK_COMPRESSED_PATCH = 1 << 5
_MASK_STRONG_ENCRYPTION = 1 << 6
_MASK_UTF_FILENAME = 1 << 11
_DD_SIGNATURE = 0x08074b50

compressor_names = {
    0: 'store', 1: 'shrink', 2: 'reduce', 3: 'reduce', 4: 'reduce', 5: 'reduce', 6: 'implode',
    7: 'tokenize', 8: 'deflate', 9: 'deflate64', 10: 'implode', 12: 'bzip2', 14: 'lzma',
    18: 'terse', 19: 'lz77', 97: 'wavpack', 98: 'ppmd',
}


# codecs' cp437 table for bytes 128..255 (names in archives without the UTF-8 flag)
_CP437_HIGH = ('\\u00c7\\u00fc\\u00e9\\u00e2\\u00e4\\u00e0\\u00e5\\u00e7\\u00ea\\u00eb\\u00e8\\u00ef\\u00ee\\u00ec\\u00c4\\u00c5'
               '\\u00c9\\u00e6\\u00c6\\u00f4\\u00f6\\u00f2\\u00fb\\u00f9\\u00ff\\u00d6\\u00dc\\u00a2\\u00a3\\u00a5\\u20a7\\u0192'
               '\\u00e1\\u00ed\\u00f3\\u00fa\\u00f1\\u00d1\\u00aa\\u00ba\\u00bf\\u2310\\u00ac\\u00bd\\u00bc\\u00a1\\u00ab\\u00bb'
               '\\u2591\\u2592\\u2593\\u2502\\u2524\\u2561\\u2562\\u2556\\u2555\\u2563\\u2551\\u2557\\u255d\\u255c\\u255b\\u2510'
               '\\u2514\\u2534\\u252c\\u251c\\u2500\\u253c\\u255e\\u255f\\u255a\\u2554\\u2569\\u2566\\u2560\\u2550\\u256c\\u2567'
               '\\u2568\\u2564\\u2565\\u2559\\u2558\\u2552\\u2553\\u256b\\u256a\\u2518\\u250c\\u2588\\u2584\\u258c\\u2590\\u2580'
               '\\u03b1\\u00df\\u0393\\u03c0\\u03a3\\u03c3\\u00b5\\u03c4\\u03a6\\u0398\\u03a9\\u03b4\\u221e\\u03c6\\u03b5\\u2229'
               '\\u2261\\u00b1\\u2265\\u2264\\u2320\\u2321\\u00f7\\u2248\\u00b0\\u2219\\u00b7\\u221a\\u207f\\u00b2\\u25a0\\u00a0')


def _decode_name(raw, encoding):
    # bytes.decode('cp437'): charmap decoding; an ASCII name maps to itself
    if encoding != 'cp437':
        return raw.decode(encoding)
    if raw.isascii():
        return raw.decode('ascii')
    return ''.join([chr(b) if b < 128 else _CP437_HIGH[b - 128] for b in raw])


def _strip_extra(extra, xids):
    pieces = []
    keep_from = at = 0
    changed = False
    while at + 4 <= len(extra):
        xid, xlen = struct.unpack('<HH', extra[at:at + 4])
        after = at + 4 + xlen
        if xid in xids:
            if at != keep_from:
                pieces.append(extra[keep_from:at])
            keep_from = after
            changed = True
        at = after
    if not changed:
        return extra
    if keep_from != len(extra):
        pieces.append(extra[keep_from:])
    return b''.join(pieces)


def _EndRecData64(fpin, offset, endrec):
    try:
        fpin.seek(offset - sizeEndCentDir64Locator, 2)
    except OSError:
        return endrec
    data = fpin.read(sizeEndCentDir64Locator)
    if len(data) != sizeEndCentDir64Locator:
        return endrec
    sig, diskno, reloff, disks = struct.unpack(structEndArchive64Locator, data)
    if sig != stringEndArchive64Locator:
        return endrec
    if diskno != 0 or disks > 1:
        raise BadZipFile("zipfiles that span multiple disks are not supported")
    fpin.seek(offset - sizeEndCentDir64Locator - sizeEndCentDir64, 2)
    data = fpin.read(sizeEndCentDir64)
    if len(data) != sizeEndCentDir64:
        return endrec
    rec = struct.unpack(structEndArchive64, data)
    if rec[0] != stringEndArchive64:
        return endrec
    endrec[0] = rec[0]
    endrec[1] = rec[4]
    endrec[2] = rec[5]
    endrec[3] = rec[6]
    endrec[4] = rec[7]
    endrec[5] = rec[8]
    endrec[6] = rec[9]
    return endrec


def _EndRecData(fpin):
    fpin.seek(0, 2)
    filesize = fpin.tell()
    try:
        fpin.seek(-sizeEndCentDir, 2)
    except OSError:
        return None
    data = fpin.read()
    if len(data) == sizeEndCentDir and data[0:4] == stringEndArchive and data[-2:] == b"\\000\\000":
        endrec = list(struct.unpack(structEndArchive, data))
        endrec.append(b"")
        endrec.append(filesize - sizeEndCentDir)
        return _EndRecData64(fpin, -sizeEndCentDir, endrec)
    # an archive comment: look for the signature in the last 64 KiB
    comment_start = max(filesize - (1 << 16) - sizeEndCentDir, 0)
    fpin.seek(comment_start, 0)
    data = fpin.read()
    start = data.rfind(stringEndArchive)
    if start >= 0:
        rec = data[start:start + sizeEndCentDir]
        if len(rec) != sizeEndCentDir:
            return None
        endrec = list(struct.unpack(structEndArchive, rec))
        endrec.append(data[start + sizeEndCentDir:start + sizeEndCentDir + endrec[7]])
        endrec.append(comment_start + start)
        return _EndRecData64(fpin, comment_start + start - filesize, endrec)
    return None


def _check_zipfile(fp):
    try:
        if _EndRecData(fp):
            return True
    except OSError:
        pass
    return False


def is_zipfile(filename):
    result = False
    try:
        if hasattr(filename, "read"):
            result = _check_zipfile(fp=filename)
        else:
            with open(filename, "rb") as fp:
                result = _check_zipfile(fp)
    except OSError:
        pass
    return result


class ZipInfo(object):
    __slots__ = ('orig_filename', 'filename', 'date_time', 'compress_type', '_compresslevel',
                 'comment', 'extra', 'create_system', 'create_version', 'extract_version',
                 'reserved', 'flag_bits', 'volume', 'internal_attr', 'external_attr',
                 'header_offset', 'CRC', 'compress_size', 'file_size', '_raw_time')

    def __init__(self, filename="NoName", date_time=(1980, 1, 1, 0, 0, 0)):
        self.orig_filename = filename
        cut = filename.find(chr(0))
        if cut >= 0:
            filename = filename[0:cut]
        self.filename = filename
        self.date_time = date_time
        if date_time[0] < 1980:
            raise ValueError('ZIP does not support timestamps before 1980')
        self.compress_type = ZIP_STORED
        self._compresslevel = None
        self.comment = b""
        self.extra = b""
        self.create_system = 3
        self.create_version = DEFAULT_VERSION
        self.extract_version = DEFAULT_VERSION
        self.reserved = 0
        self.flag_bits = 0
        self.volume = 0
        self.internal_attr = 0
        self.external_attr = 0
        self.compress_size = 0
        self.file_size = 0

    def __repr__(self):
        parts = ['<%s filename=%r' % (self.__class__.__name__, self.filename)]
        if self.compress_type != ZIP_STORED:
            parts.append(' compress_type=%s' % compressor_names.get(self.compress_type, self.compress_type))
        hi = self.external_attr >> 16
        lo = self.external_attr & 0xFFFF
        if hi:
            parts.append(' filemode=%r' % _filemode(hi))
        if lo:
            parts.append(' external_attr=%#x' % lo)
        isdir = self.is_dir()
        if not isdir or self.file_size:
            parts.append(' file_size=%r' % self.file_size)
        if (not isdir or self.compress_size) and (self.compress_type != ZIP_STORED or self.file_size != self.compress_size):
            parts.append(' compress_size=%r' % self.compress_size)
        parts.append('>')
        return ''.join(parts)

    def FileHeader(self, zip64=None):
        dt = self.date_time
        dosdate = (dt[0] - 1980) << 9 | dt[1] << 5 | dt[2]
        dostime = dt[3] << 11 | dt[4] << 5 | (dt[5] // 2)
        if self.flag_bits & _MASK_USE_DATA_DESCRIPTOR:
            CRC = compress_size = file_size = 0
        else:
            CRC = self.CRC
            compress_size = self.compress_size
            file_size = self.file_size
        extra = self.extra
        min_version = 0
        if zip64 is None:
            zip64 = file_size > ZIP64_LIMIT or compress_size > ZIP64_LIMIT
        if zip64:
            extra = extra + struct.pack('<HHQQ', 1, 16, file_size, compress_size)
            file_size = 0xffffffff
            compress_size = 0xffffffff
            min_version = ZIP64_VERSION
        if self.compress_type == ZIP_BZIP2:
            min_version = max(BZIP2_VERSION, min_version)
        elif self.compress_type == ZIP_LZMA:
            min_version = max(LZMA_VERSION, min_version)
        self.extract_version = max(min_version, self.extract_version)
        self.create_version = max(min_version, self.create_version)
        filename, flag_bits = self._encodeFilenameFlags()
        header = struct.pack(structFileHeader, stringFileHeader, self.extract_version, self.reserved,
                             flag_bits, self.compress_type, dostime, dosdate, CRC, compress_size,
                             file_size, len(filename), len(extra))
        return header + filename + extra

    def _encodeFilenameFlags(self):
        try:
            return self.filename.encode('ascii'), self.flag_bits
        except UnicodeEncodeError:
            return self.filename.encode('utf-8'), self.flag_bits | _MASK_UTF_FILENAME

    def _decodeExtra(self):
        extra = self.extra
        unpack = struct.unpack
        while len(extra) >= 4:
            tp, ln = unpack('<HH', extra[:4])
            if ln + 4 > len(extra):
                raise BadZipFile("Corrupt extra field %04x (size=%d)" % (tp, ln))
            if tp == 0x0001:
                data = extra[4:ln + 4]
                try:
                    if self.file_size in (0xFFFF_FFFF_FFFF_FFFF, 0xFFFF_FFFF):
                        field = "File size"
                        self.file_size, = unpack('<Q', data[:8])
                        data = data[8:]
                    if self.compress_size == 0xFFFF_FFFF:
                        field = "Compress size"
                        self.compress_size, = unpack('<Q', data[:8])
                        data = data[8:]
                    if self.header_offset == 0xFFFF_FFFF:
                        field = "Header offset"
                        self.header_offset, = unpack('<Q', data[:8])
                except struct.error:
                    raise BadZipFile(f"Corrupt zip64 extra field. {field} not found.") from None
            extra = extra[ln + 4:]

    @classmethod
    def from_file(cls, filename, arcname=None, *, strict_timestamps=True):
        if hasattr(type(filename), "__fspath__"):
            filename = os.fspath(filename)
        st = os.stat(filename)
        isdir = (st.st_mode & 0o170000) == 0o040000
        date_time = time.localtime(st.st_mtime)[0:6]
        if not strict_timestamps and date_time[0] < 1980:
            date_time = (1980, 1, 1, 0, 0, 0)
        elif not strict_timestamps and date_time[0] > 2107:
            date_time = (2107, 12, 31, 23, 59, 59)
        if arcname is None:
            arcname = filename
        arcname = os.path.normpath(os.path.splitdrive(arcname)[1])
        while arcname[0] in (os.sep, os.altsep):
            arcname = arcname[1:]
        if isdir:
            arcname += '/'
        zinfo = cls(arcname, date_time)
        zinfo.external_attr = (st.st_mode & 0xFFFF) << 16
        if isdir:
            zinfo.file_size = 0
            zinfo.external_attr |= 0x10
        else:
            zinfo.file_size = st.st_size
        return zinfo

    def is_dir(self):
        return self.filename[-1] == '/'


_FILEMODE_BITS = ((0o170000, 0o140000, 's'), (0o170000, 0o120000, 'l'), (0o170000, 0o100000, '-'),
                  (0o170000, 0o060000, 'b'), (0o170000, 0o040000, 'd'), (0o170000, 0o020000, 'c'),
                  (0o170000, 0o010000, 'p'))


def _filemode(mode):
    # stat.filemode: the type letter, then rwx for user, group, other
    kind = '?'
    for mask, value, letter in _FILEMODE_BITS:
        if mode & mask == value:
            kind = letter
            break
    out = [kind]
    for shift in (6, 3, 0):
        bits = (mode >> shift) & 7
        out.append('r' if bits & 4 else '-')
        out.append('w' if bits & 2 else '-')
        out.append('x' if bits & 1 else '-')
    return ''.join(out)


def _check_compression(compression):
    if compression == ZIP_STORED or compression == ZIP_DEFLATED:
        return
    if compression == ZIP_BZIP2 or compression == ZIP_LZMA:
        _hw_unsupported('zipfile with ZIP_BZIP2 or ZIP_LZMA members')
    raise NotImplementedError("That compression method is not supported")


def _get_compressor(compress_type, compresslevel=None):
    if compress_type == ZIP_DEFLATED:
        if compresslevel is not None:
            return zlib.compressobj(compresslevel, zlib.DEFLATED, -15)
        return zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    return None


def _get_decompressor(compress_type):
    _check_compression(compress_type)
    if compress_type == ZIP_DEFLATED:
        return zlib.decompressobj(-15)
    return None


class _SharedFile:
    def __init__(self, file, pos, close, lock, writing):
        self._file = file
        self._pos = pos
        self._close = close
        self._lock = lock
        self._writing = writing
        self.seekable = file.seekable

    def tell(self):
        return self._pos

    def seek(self, offset, whence=0):
        with self._lock:
            if self._writing():
                raise ValueError("Can't reposition in the ZIP file while there is an open writing handle on it. Close the writing handle before trying to read.")
            self._file.seek(offset, whence)
            self._pos = self._file.tell()
            return self._pos

    def read(self, n=-1):
        with self._lock:
            if self._writing():
                raise ValueError("Can't read from the ZIP file while there is an open writing handle on it. Close the writing handle before trying to read.")
            self._file.seek(self._pos)
            data = self._file.read(n)
            self._pos = self._file.tell()
            return data

    def close(self):
        if self._file is not None:
            fileobj = self._file
            self._file = None
            self._close(fileobj)


class _Tellable:
    def __init__(self, fp):
        self.fp = fp
        self.offset = 0

    def write(self, data):
        n = self.fp.write(data)
        self.offset += n
        return n

    def tell(self):
        return self.offset

    def flush(self):
        self.fp.flush()

    def close(self):
        self.fp.close()
`;
