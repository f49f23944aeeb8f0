import { pathGlobMethods } from './pathlibGlobSource';

/**
 * pathlib's concrete paths (Lib/pathlib.py 3.11's Path and PosixPath, written for Highwater): no
 * slots of their own (PurePath's seven), construction as the pure paths do it, and the file
 * system reached through os and open (the simulated file system) with str(self), as the real
 * methods hand the path to os. iterdir builds each child from the parsed parts
 * (`_make_child_relpath`), absolute() parses [cwd] + parts again (`_from_parts`).
 */
/**
 * The concrete path's file-system methods, the same on every release modelled (3.11's pathlib.py,
 * 3.12's, 3.13's _local.py): each hands str(self) to os or open, as the real ones do.
 */
export const PATH_FILE_METHODS = `    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        pass

    @classmethod
    def cwd(cls):
        return cls(_os.getcwd())

    def exists(self):
        return _os.path.exists(str(self))

    def is_file(self):
        return _os.path.isfile(str(self))

    def is_dir(self):
        return _os.path.isdir(str(self))

    def open(self, mode="r", buffering=-1, encoding=None, errors=None, newline=None):
        return open(str(self), mode, buffering, encoding)

    def read_text(self, encoding=None, errors=None):
        with self.open("r", encoding=encoding) as f:
            return f.read()

    def write_text(self, data, encoding=None, errors=None, newline=None):
        if not isinstance(data, str):
            raise TypeError('data must be str, not %s' % data.__class__.__name__)
        with self.open("w", encoding=encoding) as f:
            return f.write(data)

    def read_bytes(self):
        with self.open("rb") as f:
            return f.read()

    def write_bytes(self, data):
        view = memoryview(data)
        with self.open("wb") as f:
            return f.write(view)

    def unlink(self, missing_ok=False):
        try:
            _os.unlink(str(self))
        except FileNotFoundError:
            if not missing_ok:
                raise

    def mkdir(self, mode=0o777, parents=False, exist_ok=False):
        try:
            _os.mkdir(str(self))
        except FileNotFoundError:
            if not parents or self.parent == self:
                raise
            self.parent.mkdir(parents=True, exist_ok=True)
            self.mkdir(mode, parents=False, exist_ok=exist_ok)
        except OSError:
            if not exist_ok or not self.is_dir():
                raise

    def rmdir(self):
        _os.rmdir(str(self))

`;

export const PATHLIB_CONCRETE_SOURCE = `

class Path(PurePath):
    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        if cls is Path:
            cls = PosixPath
        return cls._from_parts(args)

    def _make_child_relpath(self, part):
        return self._from_parsed_parts(self._drv, self._root, self._parts + [part])

${PATH_FILE_METHODS}${pathGlobMethods(true)}    def iterdir(self):
        for name in _os.listdir(str(self)):
            yield self._make_child_relpath(name)

    def absolute(self):
        if self.is_absolute():
            return self
        return self._from_parts([self.cwd()] + self._parts)

    def resolve(self, strict=False):
        return self.absolute()


class PosixPath(Path, PurePosixPath):
    __slots__ = ()


# co_warmup after the real process's start-up (pathlib.ts startupWarmup), every other code at -8
for _f, _w in [(_PosixFlavour.__init__, -6), (_PosixFlavour.parse_parts, 0),
               (_PosixFlavour.join_parsed_parts, -7), (_PosixFlavour.splitroot, -6),
               (PurePath._parse_args.__func__, -4), (PurePath._from_parts.__func__, -7),
               (PurePath._from_parsed_parts.__func__, -6),
               (PurePath._format_parsed_parts.__func__, -7), (PurePath._make_child, -7),
               (PurePath.__str__, -7), (PurePath.joinpath, -7), (PurePath.parent.fget, -7),
               (Path.__new__, -7)]:
    _hw_startup_warmup(_f, _w)
del _f, _w
`;
