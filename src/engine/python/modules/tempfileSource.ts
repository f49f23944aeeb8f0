/**
 * tempfile's Python half, written for Highwater from what Lib/tempfile.py (3.11) does: mkstemp
 * and mkdtemp try names from the name sequence until os.open(O_RDWR|O_CREAT|O_EXCL) or os.mkdir
 * succeeds; NamedTemporaryFile wraps the io.open of that fd (deleted on close);
 * TemporaryDirectory removes its tree on exit. The 8-character names come from `_hw_name` (the
 * real ones from random.Random: any name is as good, this one is deterministic).
 * SpooledTemporaryFile (binary modes) keeps its data in a BytesIO until a write leaves tell() past
 * max_size, then rollover() copies getvalue() into a TemporaryFile (a transient bytes of the whole
 * spool) and the BytesIO is freed with its last reference. The real class derives from io.IOBase
 * (3.11); this one is a plain class, so isinstance(f, io.IOBase) differs.
 */
export const TEMPFILE_SOURCE = `
template = "tmp"
tempdir = None
TMP_MAX = 10000


def gettempprefix():
    return template


def gettempdir():
    return "/tmp"


def _prep(suffix, prefix, dir):
    if suffix is None:
        suffix = ""
    if prefix is None:
        prefix = template
    if dir is None:
        dir = gettempdir()
    return suffix, prefix, dir


def mkstemp(suffix=None, prefix=None, dir=None, text=False):
    suffix, prefix, dir = _prep(suffix, prefix, dir)
    while True:
        file = _os.path.join(dir, prefix + _hw_name() + suffix)
        try:
            fd = _os.open(file, _hw_flags)
        except FileExistsError:
            continue
        return fd, _os.path.abspath(file)


def mkdtemp(suffix=None, prefix=None, dir=None):
    suffix, prefix, dir = _prep(suffix, prefix, dir)
    while True:
        file = _os.path.join(dir, prefix + _hw_name() + suffix)
        try:
            _os.mkdir(file)
        except FileExistsError:
            continue
        return _os.path.abspath(file)


class _TemporaryFileWrapper:
    def __init__(self, file, name, delete=True):
        self.file = file
        self.name = name
        self.delete = delete
        self._closed = False

    def __enter__(self):
        self.file.__enter__()
        return self

    def __exit__(self, exc, value, tb):
        self.close()

    def close(self):
        if not self._closed:
            self._closed = True
            try:
                self.file.close()
            finally:
                if self.delete:
                    _os.unlink(self.name)

    def __iter__(self):
        return iter(self.file)

    def write(self, s):
        return self.file.write(s)

    def read(self, *args):
        return self.file.read(*args)

    def readline(self, *args):
        return self.file.readline(*args)

    def readlines(self, *args):
        return self.file.readlines(*args)

    def seek(self, *args):
        return self.file.seek(*args)

    def tell(self):
        return self.file.tell()

    def flush(self):
        return self.file.flush()

    def fileno(self):
        return self.file.fileno()


def NamedTemporaryFile(mode="w+b", buffering=-1, encoding=None, newline=None, suffix=None, prefix=None, dir=None, delete=True):
    fd, name = mkstemp(suffix, prefix, dir)
    file = open(fd, mode, buffering, encoding)
    return _TemporaryFileWrapper(file, name, delete)


def TemporaryFile(mode="w+b", buffering=-1, encoding=None, newline=None, suffix=None, prefix=None, dir=None, *, errors=None):
    fd, name = mkstemp(suffix, prefix, dir)
    _os.unlink(name)
    return open(fd, mode, buffering, encoding, errors, newline)


class SpooledTemporaryFile:
    _rolled = False

    def __init__(self, max_size=0, mode="w+b", buffering=-1, encoding=None, newline=None, suffix=None, prefix=None, dir=None, *, errors=None):
        if "b" not in mode:
            _hw_text_spool()
        self._file = _io.BytesIO()
        self._max_size = max_size
        self._rolled = False
        self._TemporaryFileArgs = {"mode": mode, "buffering": buffering, "suffix": suffix, "prefix": prefix, "encoding": encoding, "newline": newline, "dir": dir, "errors": errors}

    def _check(self, file):
        if self._rolled:
            return
        max_size = self._max_size
        if max_size and file.tell() > max_size:
            self.rollover()

    def rollover(self):
        if self._rolled:
            return
        file = self._file
        newfile = self._file = TemporaryFile(**self._TemporaryFileArgs)
        del self._TemporaryFileArgs
        pos = file.tell()
        newfile.write(file.getvalue())
        newfile.seek(pos, 0)
        self._rolled = True

    def __enter__(self):
        if self._file.closed:
            raise ValueError("Cannot enter context with closed file")
        return self

    def __exit__(self, exc, value, tb):
        self._file.close()

    def __iter__(self):
        return self._file.__iter__()

    def close(self):
        self._file.close()

    @property
    def closed(self):
        return self._file.closed

    @property
    def mode(self):
        try:
            return self._file.mode
        except AttributeError:
            return self._TemporaryFileArgs["mode"]

    @property
    def name(self):
        try:
            return self._file.name
        except AttributeError:
            return None

    def fileno(self):
        self.rollover()
        return self._file.fileno()

    def flush(self):
        self._file.flush()

    def read(self, *args):
        return self._file.read(*args)

    def readline(self, *args):
        return self._file.readline(*args)

    def readlines(self, *args):
        return self._file.readlines(*args)

    def seek(self, *args):
        return self._file.seek(*args)

    def tell(self):
        return self._file.tell()

    def truncate(self, size=None):
        if size is None:
            return self._file.truncate()
        if size > self._max_size:
            self.rollover()
        return self._file.truncate(size)

    def write(self, s):
        file = self._file
        rv = file.write(s)
        self._check(file)
        return rv

    def writelines(self, iterable):
        file = self._file
        rv = file.writelines(iterable)
        self._check(file)
        return rv

    def readable(self):
        return self._file.readable()

    def writable(self):
        return self._file.writable()

    def seekable(self):
        return self._file.seekable()


class TemporaryDirectory:
    def __init__(self, suffix=None, prefix=None, dir=None, ignore_cleanup_errors=False):
        self.name = mkdtemp(suffix, prefix, dir)

    def __repr__(self):
        return f"<TemporaryDirectory {self.name!r}>"

    def __enter__(self):
        return self.name

    def __exit__(self, exc, value, tb):
        self.cleanup()

    def cleanup(self):
        _hw_rmtree(self.name)
`;
