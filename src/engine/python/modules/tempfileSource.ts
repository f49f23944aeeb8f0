/**
 * tempfile's Python half, written for Highwater from what Lib/tempfile.py (3.11) does: mkstemp
 * and mkdtemp try names from the name sequence until os.open(O_RDWR|O_CREAT|O_EXCL) or os.mkdir
 * succeeds; NamedTemporaryFile wraps the io.open of that fd (deleted on close);
 * TemporaryDirectory removes its tree on exit. The 8-character names come from `_hw_name` (the
 * real ones from random.Random: any name is as good, this one is deterministic).
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


def TemporaryFile(mode="w+b", buffering=-1, encoding=None, newline=None, suffix=None, prefix=None, dir=None):
    fd, name = mkstemp(suffix, prefix, dir)
    _os.unlink(name)
    return open(fd, mode, buffering, encoding)


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
