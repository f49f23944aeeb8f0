/**
 * pathlib's Python half, written for Highwater from what Lib/pathlib.py (3.11) does for the
 * common calls: a PosixPath holds its parts and its str; `/`, name, suffix, suffixes, stem,
 * parent, with_suffix, joinpath, relative_to, match (fnmatch's *, ? and [...] per part, from the
 * right), as_posix; exists/is_file/is_dir, open, read_text/write_text, read_bytes/
 * write_bytes, unlink, mkdir, iterdir over the simulated file system (through os and open, as the
 * real methods go through them). Not modelled: glob, stat(), resolve() of symlinks, Windows paths.
 */
export const PATHLIB_SOURCE = `
class PurePosixPath:
    def __init__(self, *args):
        parts = []
        for a in args:
            if isinstance(a, PurePosixPath):
                a = a._str
            if a.startswith("/"):
                parts = []
            parts.append(a)
        text = "/".join(parts) if parts else "."
        self._str = _hw_norm(text)

    def __str__(self):
        return self._str

    def __fspath__(self):
        return self._str

    def __repr__(self):
        return f"{type(self).__name__}({self._str!r})"

    def __eq__(self, other):
        if not isinstance(other, PurePosixPath):
            return NotImplemented
        return self._str == other._str

    def __hash__(self):
        return hash(self._str)

    def __truediv__(self, key):
        return type(self)(self, key)

    def __rtruediv__(self, key):
        return type(self)(key, self)

    def joinpath(self, *args):
        return type(self)(self, *args)

    @property
    def name(self):
        if self._str == "/":
            return ""
        return self._str.rsplit("/", 1)[-1]

    @property
    def suffix(self):
        name = self.name
        i = name.rfind(".")
        if 0 < i < len(name) - 1:
            return name[i:]
        return ""

    @property
    def suffixes(self):
        name = self.name
        if name.endswith("."):
            return []
        name = name.lstrip(".")
        return ["." + s for s in name.split(".")[1:]]

    @property
    def stem(self):
        name = self.name
        i = name.rfind(".")
        if 0 < i < len(name) - 1:
            return name[:i]
        return name

    @property
    def parent(self):
        s = self._str
        if s == "/" or s == ".":
            return self
        i = s.rfind("/")
        if i < 0:
            return type(self)(".")
        if i == 0:
            return type(self)("/")
        return type(self)(s[:i])

    @property
    def parts(self):
        if self._str.startswith("/"):
            return ("/",) + tuple(p for p in self._str.split("/") if p)
        return tuple(p for p in self._str.split("/") if p and p != ".")

    def with_suffix(self, suffix):
        return type(self)(str(self.parent), self.stem + suffix)

    def with_name(self, name):
        return type(self)(str(self.parent), name)

    def is_absolute(self):
        return self._str.startswith("/")

    def as_posix(self):
        return self._str

    def relative_to(self, *other):
        base = type(self)(*other)
        mine, theirs = self.parts, base.parts
        if base._str == "." and not self.is_absolute():
            return self
        if mine[:len(theirs)] != theirs:
            raise ValueError(
                "{!r} is not in the subpath of {!r} OR one path is relative and the other is absolute."
                .format(self._str, base._str))
        return type(self)(*mine[len(theirs):]) if len(mine) > len(theirs) else type(self)()

    def match(self, path_pattern):
        pat = type(self)(path_pattern)
        if pat._str == ".":
            raise ValueError("empty pattern")
        parts, pat_parts = self.parts, pat.parts
        if pat.is_absolute():
            if len(parts) != len(pat_parts):
                return False
        elif len(pat_parts) > len(parts):
            return False
        for part, p in zip(reversed(parts), reversed(pat_parts)):
            if not _hw_fnmatch(part, p):
                return False
        return True


def _hw_fnmatch(name, pat):
    # fnmatch.fnmatchcase for one part: '*', '?', '[seq]' and '[!seq]'
    if not pat:
        return not name
    c = pat[0]
    if c == "*":
        return any(_hw_fnmatch(name[i:], pat[1:]) for i in range(len(name) + 1))
    if not name:
        return False
    if c == "?":
        return _hw_fnmatch(name[1:], pat[1:])
    if c == "[":
        end = pat.find("]", 2)
        if end > 0:
            body = pat[1:end]
            neg = body.startswith("!")
            if neg:
                body = body[1:]
            hit = False
            i = 0
            while i < len(body):
                if i + 2 < len(body) and body[i + 1] == "-":
                    hit = hit or body[i] <= name[0] <= body[i + 2]
                    i += 3
                else:
                    hit = hit or name[0] == body[i]
                    i += 1
            return hit != neg and _hw_fnmatch(name[1:], pat[end + 1:])
    return name[0] == c and _hw_fnmatch(name[1:], pat[1:])


class PosixPath(PurePosixPath):
    def exists(self):
        return _os.path.exists(self._str)

    def is_file(self):
        return _os.path.isfile(self._str)

    def is_dir(self):
        return _os.path.isdir(self._str)

    def open(self, mode="r", buffering=-1, encoding=None, errors=None, newline=None):
        return open(self._str, mode, buffering, encoding)

    def read_text(self, encoding=None, errors=None):
        with self.open("r", encoding=encoding) as f:
            return f.read()

    def write_text(self, data, encoding=None, errors=None, newline=None):
        with self.open("w", encoding=encoding) as f:
            return f.write(data)

    def read_bytes(self):
        with self.open("rb") as f:
            return f.read()

    def write_bytes(self, data):
        with self.open("wb") as f:
            return f.write(data)

    def unlink(self, missing_ok=False):
        try:
            _os.unlink(self._str)
        except FileNotFoundError:
            if not missing_ok:
                raise

    def mkdir(self, mode=0o777, parents=False, exist_ok=False):
        if parents and not self.parent.exists():
            self.parent.mkdir(parents=True, exist_ok=True)
        try:
            _os.mkdir(self._str)
        except FileExistsError:
            if not exist_ok or not self.is_dir():
                raise

    def rmdir(self):
        _os.rmdir(self._str)

    def iterdir(self):
        for name in _os.listdir(self._str):
            yield self / name

    def absolute(self):
        if self.is_absolute():
            return self
        return type(self)("/", self._str)

    def resolve(self, strict=False):
        return self.absolute()

    @classmethod
    def cwd(cls):
        return cls(_os.getcwd())


Path = PosixPath
PurePath = PurePosixPath
`;
