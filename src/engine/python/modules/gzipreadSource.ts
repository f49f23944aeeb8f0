/**
 * gzip's read side (Lib/gzip.py and Lib/_compression.py, 3.11), written for Highwater from what the
 * modules do and run by the VM before gzipfileSource.ts's GzipFile: _PaddedFile (the file with the
 * decompressor's unconsumed tail put back in front), _read_gzip_header, and _GzipReader, the raw
 * stream that reads 8,192 compressed bytes at a time (io.DEFAULT_BUFFER_SIZE) and asks the
 * decompressobj(wbits=-15) for at most what the caller wants (Decompress.decompress's max_length:
 * what inflate could not write stays as unconsumed_tail, a copy, prepended to the file again).
 * readall() (GzipFile.read() with no size) reads with max_length sys.maxsize into a list of pieces
 * joined at the end: the whole output twice at its peak, as measured.
 *
 * io.BufferedReader and io.TextIOWrapper are C types (Modules/_io) that the simulator models only
 * over its own files (fileobj.ts); over this Python raw stream they are the classes below, following
 * bufferedio.c and textio.c call for call where memory is concerned: an 8,192-byte buffer
 * (PyMem_Malloc; here a bytearray of the same glibc chunk, 8,208 bytes), read1() straight from the
 * raw stream when the buffer is empty, readline() over the buffer with a list of pieces joined when
 * a line crosses a refill; the text wrapper reads read1(8192) chunks, keeps the chunk in its
 * snapshot and decodes it into one str (8,241 bytes for ASCII) whose lines are substrings. What
 * differs: their own objects are Python instances with a __dict__ (the C ones are ~200-byte
 * structs), and each call makes a frame (small pymalloc blocks, freed at once).
 */
export const GZIPREAD_SOURCE = `
import io, sys, struct, zlib, _thread

_BUFFER_SIZE = 8192


def _readlines(f, hint):
    # IOBase.readlines (iobase.c): lines from iteration until hint characters or bytes
    lines = []
    total = 0
    for line in f:
        lines.append(line)
        total += len(line)
        if 0 < hint <= total:
            break
    return lines


class _PaddedFile:
    def __init__(self, f, prepend=b''):
        self._buffer = prepend
        self._length = len(prepend)
        self.file = f
        self._read = 0

    def read(self, size):
        if self._read is None:
            return self.file.read(size)
        if self._read + size <= self._length:
            start = self._read
            self._read += size
            return self._buffer[start:self._read]
        start = self._read
        self._read = None
        return self._buffer[start:] + self.file.read(size - self._length + start)

    def prepend(self, prepend=b''):
        if self._read is None:
            self._buffer = prepend
        else:
            self._read -= len(prepend)
            return
        self._length = len(self._buffer)
        self._read = 0

    def seek(self, off):
        self._read = None
        self._buffer = None
        return self.file.seek(off)

    def seekable(self):
        return True


def _read_exact(fp, n):
    data = fp.read(n)
    while len(data) < n:
        b = fp.read(n - len(data))
        if not b:
            raise EOFError("Compressed file ended before the end-of-stream marker was reached")
        data += b
    return data


def _read_gzip_header(fp):
    magic = fp.read(2)
    if magic == b'':
        return None
    if magic != b'\\037\\213':
        raise BadGzipFile('Not a gzipped file (%r)' % magic)
    (method, flag, last_mtime) = struct.unpack("<BBIxx", _read_exact(fp, 8))
    if method != 8:
        raise BadGzipFile('Unknown compression method')
    if flag & 4:
        extra_len, = struct.unpack("<H", _read_exact(fp, 2))
        _read_exact(fp, extra_len)
    for bit in (8, 16):
        if flag & bit:
            while True:
                s = fp.read(1)
                if not s or s == b'\\000':
                    break
    if flag & 2:
        _read_exact(fp, 2)
    return last_mtime


class _GzipReader:
    def __init__(self, fp):
        self._fp = _PaddedFile(fp)
        self._eof = False
        self._pos = 0
        self._size = -1
        self._decomp_factory = zlib.decompressobj
        self._decomp_args = {'wbits': -zlib.MAX_WBITS}
        self._decompressor = self._decomp_factory(**self._decomp_args)
        self._trailing_error = ()
        self._new_member = True
        self._last_mtime = None
        self.closed = False

    def readable(self):
        return True

    def seekable(self):
        return self._fp.seekable()

    def close(self):
        self._decompressor = None
        self.closed = True

    def tell(self):
        return self._pos

    def _init_read(self):
        self._crc = zlib.crc32(b"")
        self._stream_size = 0

    def _read_gzip_header(self):
        last_mtime = _read_gzip_header(self._fp)
        if last_mtime is None:
            return False
        self._last_mtime = last_mtime
        return True

    def readinto(self, b):
        with memoryview(b) as view, view.cast("B") as byte_view:
            data = self.read(len(byte_view))
            byte_view[:len(data)] = data
        return len(data)

    def readall(self):
        chunks = []
        while data := self.read(sys.maxsize):
            chunks.append(data)
        return b"".join(chunks)

    def read(self, size=-1):
        if size < 0:
            return self.readall()
        if not size:
            return b""
        while True:
            if self._decompressor.eof:
                self._read_eof()
                self._new_member = True
                self._decompressor = self._decomp_factory(**self._decomp_args)
            if self._new_member:
                self._init_read()
                if not self._read_gzip_header():
                    self._size = self._pos
                    return b""
                self._new_member = False
            buf = self._fp.read(_BUFFER_SIZE)
            uncompress = self._decompressor.decompress(buf, size)
            if self._decompressor.unconsumed_tail != b"":
                self._fp.prepend(self._decompressor.unconsumed_tail)
            elif self._decompressor.unused_data != b"":
                self._fp.prepend(self._decompressor.unused_data)
            if uncompress != b"":
                break
            if buf == b"":
                raise EOFError("Compressed file ended before the end-of-stream marker was reached")
        self._crc = zlib.crc32(uncompress, self._crc)
        self._stream_size = self._stream_size + len(uncompress)
        self._pos += len(uncompress)
        return uncompress

    def _read_eof(self):
        crc32, isize = struct.unpack("<II", _read_exact(self._fp, 8))
        if crc32 != self._crc:
            raise BadGzipFile("CRC check failed %s != %s" % (hex(crc32), hex(self._crc)))
        elif isize != (self._stream_size & 0xffffffff):
            raise BadGzipFile("Incorrect length of data produced")
        c = b"\\x00"
        while c == b"\\x00":
            c = self._fp.read(1)
        if c:
            self._fp.prepend(c)

    def _rewind(self):
        self._fp.seek(0)
        self._eof = False
        self._pos = 0
        self._decompressor = self._decomp_factory(**self._decomp_args)
        self._new_member = True

    def seek(self, offset, whence=io.SEEK_SET):
        if whence == io.SEEK_SET:
            pass
        elif whence == io.SEEK_CUR:
            offset = self._pos + offset
        elif whence == io.SEEK_END:
            if self._size < 0:
                while self.read(_BUFFER_SIZE):
                    pass
            offset = self._size + offset
        else:
            raise ValueError("Invalid value for whence: {}".format(whence))
        if offset < self._pos:
            self._rewind()
        else:
            offset -= self._pos
        while offset > 0:
            data = self.read(min(_BUFFER_SIZE, offset))
            if not data:
                break
            offset -= len(data)
        return self._pos


class _BufferedReader:
    def __init__(self, raw, buffer_size=_BUFFER_SIZE):
        self.raw = raw
        self._bufsize = buffer_size
        self._buffer = bytearray(buffer_size)
        self._view = memoryview(self._buffer)
        # _buffered_init's PyThread_allocate_lock (a 32-byte sem_t from malloc)
        self._lock = _thread.allocate_lock()
        self._pos = 0
        self._end = 0

    @property
    def closed(self):
        return self.raw.closed

    def _fill(self):
        # _bufferedreader_reset_buf, then _bufferedreader_fill_buffer: raw.readinto(the buffer)
        n = self.raw.readinto(self._view)
        self._pos = 0
        self._end = n
        return n

    def _take(self, n):
        line = bytes(self._view[self._pos:self._pos + n])
        self._pos += n
        return line

    def read(self, size=-1):
        if size is None:
            size = -1
        if size < -1:
            raise ValueError("read length must be non-negative or -1")
        have = self._end - self._pos
        if size == -1:
            data = self._take(have) if have else None
            self._pos = self._end = 0
            rest = self.raw.readall()
            return rest if data is None else data + rest
        if size <= have:
            return self._take(size)
        pieces = [self._take(have)] if have else []
        remaining = size - have
        self._pos = self._end = 0
        while remaining > 0:
            if remaining > self._bufsize:
                data = self.raw.read(remaining - remaining % self._bufsize)
                if not data:
                    break
                pieces.append(data)
                remaining -= len(data)
                continue
            n = self._fill()
            if not n:
                break
            self._pos = 0
            pieces.append(self._take(min(n, remaining)))
            remaining -= min(n, remaining)
        return b"".join(pieces)

    def read1(self, size=-1):
        if size < 0:
            size = self._bufsize
        if size == 0:
            return b""
        have = self._end - self._pos
        if have > 0:
            return self._take(min(have, size))
        self._pos = self._end = 0
        return self.raw.read(size)

    def peek(self, size=0):
        have = self._end - self._pos
        if have > 0:
            return bytes(self._view[self._pos:self._end])
        self._pos = self._end = 0
        n = self._fill()
        return bytes(self._view[:n])

    def readline(self, size=-1):
        if size is None:
            size = -1
        n = self._end - self._pos
        if size >= 0 and n > size:
            n = size
        end = self._buffer.find(b"\\n", self._pos, self._pos + n)
        if end >= 0:
            return self._take(end + 1 - self._pos)
        if n == size:
            return self._take(n)
        chunks = []
        if n > 0:
            chunks.append(self._take(n))
            if size >= 0:
                size -= n
        line = None
        while True:
            self._pos = self._end = 0
            n = self._fill()
            if not n:
                break
            if size >= 0 and n > size:
                n = size
            end = self._buffer.find(b"\\n", 0, n)
            if end >= 0:
                line = self._take(end + 1)
                break
            line = self._take(n)
            if n == size:
                break
            chunks.append(line)
            line = None
            if size >= 0:
                size -= n
        if line is not None:
            chunks.append(line)
        return b"".join(chunks)

    def tell(self):
        return self.raw.tell() - (self._end - self._pos)

    def seek(self, offset, whence=0):
        if whence == 1:
            offset -= self._end - self._pos
        self._pos = self._end = 0
        return self.raw.seek(offset, whence)

    def close(self):
        if self.raw.closed:
            return
        self.raw.close()
        self._view.release()
        self._view = None
        self._buffer = None


class _TextIOWrapper:
    def __init__(self, buffer, encoding=None, errors=None, newline=None):
        if newline is not None and newline not in ("", "\\n", "\\r", "\\r\\n"):
            raise ValueError("illegal newline value: %r" % (newline,))
        self.buffer = buffer
        if encoding is None or encoding == "locale":
            encoding = _hw_locale_encoding()
        self.encoding = encoding
        self.errors = "strict" if errors is None else errors
        self._readuniversal = not newline
        self._readtranslate = newline is None
        self._readnl = newline
        self._decoded = ""
        self._decoded_pos = 0
        self._snapshot = None
        self._held = b""
        self._pendingcr = False
        self._pending = None
        self._pending_count = 0

    @property
    def name(self):
        return self.buffer.name

    @property
    def closed(self):
        return self.buffer.closed

    def readable(self):
        return self.buffer.readable()

    def writable(self):
        return self.buffer.writable()

    def _decode(self, data, final):
        # the utf-8 incremental decoder keeps an unfinished sequence for the next chunk
        if self._held:
            data = self._held + data
            self._held = b""
        if not final and self.encoding.lower().replace("-", "").replace("_", "") in ("utf8", "u8"):
            i = len(data) - 1
            k = 0
            while i >= 0 and k < 3 and data[i] & 0xC0 == 0x80:
                i -= 1
                k += 1
            if i >= 0 and data[i] >= 0xC0:
                need = 2 if data[i] < 0xE0 else 3 if data[i] < 0xF0 else 4
                if len(data) - i < need:
                    self._held = data[i:]
                    data = data[:i]
        text = data.decode(self.encoding, self.errors)
        if self._readtranslate or self._readuniversal:
            # IncrementalNewlineDecoder: a '\\r' at a chunk's end waits for the next chunk
            if self._pendingcr:
                text = "\\r" + text
                self._pendingcr = False
            if text.endswith("\\r") and not final:
                text = text[:-1]
                self._pendingcr = True
            if self._readtranslate and "\\r" in text:
                text = text.replace("\\r\\n", "\\n").replace("\\r", "\\n")
        return text

    def _read_chunk(self):
        # textiowrapper_read_chunk: read1(chunk_size), decoded, the chunk kept as the snapshot
        input_chunk = self.buffer.read1(_BUFFER_SIZE)
        eof = not input_chunk
        self._decoded = self._decode(input_chunk, eof)
        self._decoded_pos = 0
        self._snapshot = (0, input_chunk)
        return not eof

    def read(self, size=-1):
        if size is None:
            size = -1
        if size < 0:
            # textiowrapper_read: the bytes die as soon as they are decoded
            rest = self._decoded[self._decoded_pos:]
            decoded = self._decode(self.buffer.read(), True)
            self._decoded = ""
            self._decoded_pos = 0
            self._snapshot = None
            return rest + decoded if rest else decoded
        pieces = []
        while size > 0:
            have = len(self._decoded) - self._decoded_pos
            if have == 0:
                if not self._read_chunk():
                    break
                continue
            take = min(have, size)
            pieces.append(self._decoded[self._decoded_pos:self._decoded_pos + take])
            self._decoded_pos += take
            size -= take
        return "".join(pieces)

    def _line_end(self, text, start):
        if self._readtranslate:
            i = text.find("\\n", start)
            return -1 if i < 0 else i + 1
        if self._readuniversal:
            for i in range(start, len(text)):
                if text[i] == "\\n":
                    return i + 1
                if text[i] == "\\r":
                    if i + 1 < len(text):
                        return i + 2 if text[i + 1] == "\\n" else i + 1
                    return -1
            return -1
        i = text.find(self._readnl, start)
        return -1 if i < 0 else i + len(self._readnl)

    def readline(self, size=-1):
        if size is None:
            size = -1
        chunks = []
        while True:
            text = self._decoded
            start = self._decoded_pos
            if start >= len(text):
                if not self._read_chunk():
                    self._snapshot = None
                    break
                continue
            end = self._line_end(text, start)
            if end < 0 or (size >= 0 and end - start > size):
                stop = len(text) if size < 0 else min(len(text), start + size)
                chunks.append(text[start:stop])
                self._decoded_pos = stop
                if size >= 0:
                    size -= stop - start
                    if size == 0:
                        break
                continue
            chunks.append(text[start:end])
            self._decoded_pos = end
            break
        if len(chunks) == 1:
            return chunks[0]
        return "".join(chunks)

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            self._snapshot = None
            raise StopIteration
        return line

    def readlines(self, hint=-1):
        return _readlines(self, hint)

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError("write() argument must be str, not %s" % type(s).__name__)
        b = s.encode(self.encoding, self.errors)
        if self._pending_count + len(b) > _BUFFER_SIZE:
            self._writeflush()
        if self._pending is None:
            self._pending = [b]
        else:
            self._pending.append(b)
        self._pending_count += len(b)
        if self._pending_count >= _BUFFER_SIZE:
            self._writeflush()
        return len(s)

    def _writeflush(self):
        if self._pending is None:
            return
        pending = self._pending
        self._pending = None
        self._pending_count = 0
        self.buffer.write(pending[0] if len(pending) == 1 else b"".join(pending))

    def flush(self):
        self._writeflush()
        self.buffer.flush()

    def close(self):
        if self.buffer.closed:
            return
        try:
            self.flush()
        finally:
            self.buffer.close()

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def __repr__(self):
        return "<_io.TextIOWrapper name=%r encoding='%s'>" % (self.buffer.name, self.encoding)
`;
