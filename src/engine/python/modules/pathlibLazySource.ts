/**
 * pathlib as 3.12 and 3.13 lay it out (Lib/pathlib.py 3.12, Lib/pathlib/_local.py 3.13, written for
 * Highwater from what they do): a path keeps the strings it was made from (`_raw_paths`, a list)
 * and parses them only when a part is asked for (`_load_parts` / the `drive`, `root`, `_tail`
 * properties: os.path.join of the raw strings, then the tail split on '/' with each part interned,
 * kept in `_tail_cached`). `p / "x"` is `type(p)(p, "x")`: a new path whose list holds p's raw strings
 * and "x", nothing parsed; `parent`, `with_suffix` and `with_name` build the new path from the parsed
 * tail and its formatted string (`_from_parsed_parts`: `_str`, `_drv`, `_root`, `_tail_cached` set).
 * Hashing and equality read `_str_normcase` (str(p) itself on POSIX), ordering its split.
 * The object: 3.12's nine slots (88 B + the GC header: sys.getsizeof 104), 3.13's ten (the base
 * class's `_raw_path` and `_resolving`, never set by PurePath.__init__: 112). Measured by
 * tracemalloc over 40,000 `base / f"user{i % 300}" / f"file_{i}.csv"` Paths (v14_pathlib_names):
 * 304 B a Path on 3.11.7, 335 on 3.12.1, 343 on 3.13.0.
 * Not modelled: glob, stat(), resolve() of symlinks, Windows paths; match() compares part by part
 * with fnmatch's rules as 3.11 did (3.12 compiles a regular expression of the pattern's lines).
 */
import { PATH_FILE_METHODS } from './pathlibConcreteSource';
import { PATHLIB_FNMATCH_SOURCE } from './pathlibFlavourSource';
import { pathGlobMethods, PATHLIB_GLOB_SOURCE } from './pathlibGlobSource';
import { PATH_NAME_PROPERTIES } from './pathlibSource';

/** The pure classes; `v313` adds 3.13's base-class slots and its `/` straight to with_segments. */
function pureSource(v313: boolean): string {
  const base = v313
    ? `
class _PurePathBase(object):
    # pathlib._abc.PurePathBase: its two slots are never filled by PurePath.__init__
    __slots__ = ('_raw_path', '_resolving')

`
    : '';
  const parent = v313 ? '_PurePathBase' : 'object';
  const lines = v313 ? '' : " '_lines_cached',";
  const truediv = v313
    ? `
    def __truediv__(self, key):
        try:
            return self.with_segments(self, key)
        except TypeError:
            return NotImplemented
`
    : `
    def __truediv__(self, key):
        try:
            return self.joinpath(key)
        except TypeError:
            return NotImplemented
`;
  return `${base}
class PurePath(${parent}):
    __slots__ = ('_raw_paths', '_drv', '_root', '_tail_cached', '_str',
                 '_str_normcase_cached', '_parts_normcase_cached',${lines} '_hash')

    def __new__(cls, *args, **kwargs):
        if cls is PurePath:
            cls = PurePosixPath
        return object.__new__(cls)

    def __init__(self, *args):
        paths = []
        for arg in args:
            if isinstance(arg, PurePath):
                paths.extend(arg._raw_paths)
            else:
                try:
                    path = _os.fspath(arg)
                except TypeError:
                    path = arg
                if not isinstance(path, str):
                    raise TypeError(
                        "argument should be a str or an os.PathLike "
                        "object where __fspath__ returns a str, "
                        f"not {type(path).__name__!r}")
                paths.append(path)
        self._raw_paths = paths

    def __reduce__(self):
        return (self.__class__, self.parts)

    def with_segments(self, *pathsegments):
        return type(self)(*pathsegments)

    @classmethod
    def _parse_path(cls, path):
        if not path:
            return '', '', []
        # posixpath.splitroot: '' drive; one or three and more leading slashes are the root '/'
        if path[:1] != '/':
            drv, root, rel = '', '', path
        elif path[1:2] != '/' or path[2:3] == '/':
            drv, root, rel = '', '/', path[1:]
        else:
            drv, root, rel = '', path[:2], path[2:]
        parsed = [_sys.intern(str(x)) for x in rel.split('/') if x and x != '.']
        return drv, root, parsed

    def _load_parts(self):
        paths = self._raw_paths
        if len(paths) == 0:
            path = ''
        elif len(paths) == 1:
            path = paths[0]
        else:
            path = _os.path.join(*paths)
        drv, root, tail = self._parse_path(path)
        self._drv = drv
        self._root = root
        self._tail_cached = tail

    def _from_parsed_parts(self, drv, root, tail):
        path_str = self._format_parsed_parts(drv, root, tail)
        path = self.with_segments(path_str)
        path._str = path_str or '.'
        path._drv = drv
        path._root = root
        path._tail_cached = tail
        return path

    @classmethod
    def _format_parsed_parts(cls, drv, root, tail):
        if drv or root:
            return drv + root + '/'.join(tail)
        return '/'.join(tail)

    def __str__(self):
        try:
            return self._str
        except AttributeError:
            self._str = self._format_parsed_parts(self.drive, self.root, self._tail) or '.'
            return self._str

    def __fspath__(self):
        return str(self)

    def as_posix(self):
        return str(self).replace('/', '/')

    def __bytes__(self):
        # os.fsencode: the file system encoding (utf-8) with surrogateescape
        return str(self).encode('utf-8', 'surrogateescape')

    def __repr__(self):
        return "{}({!r})".format(self.__class__.__name__, self.as_posix())

    def as_uri(self):
        if not self.is_absolute():
            raise ValueError("relative path can't be expressed as a file URI")
        return 'file://' + str(self)

    @property
    def _str_normcase(self):
        # POSIX is case-sensitive: the string itself
        try:
            return self._str_normcase_cached
        except AttributeError:
            self._str_normcase_cached = str(self)
            return self._str_normcase_cached

    @property
    def _parts_normcase(self):
        try:
            return self._parts_normcase_cached
        except AttributeError:
            self._parts_normcase_cached = self._str_normcase.split('/')
            return self._parts_normcase_cached

    def __eq__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._str_normcase == other._str_normcase

    def __hash__(self):
        try:
            return self._hash
        except AttributeError:
            self._hash = hash(self._str_normcase)
            return self._hash

    def __lt__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._parts_normcase < other._parts_normcase

    def __le__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._parts_normcase <= other._parts_normcase

    def __gt__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._parts_normcase > other._parts_normcase

    def __ge__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._parts_normcase >= other._parts_normcase

    @property
    def drive(self):
        try:
            return self._drv
        except AttributeError:
            self._load_parts()
            return self._drv

    @property
    def root(self):
        try:
            return self._root
        except AttributeError:
            self._load_parts()
            return self._root

    @property
    def _tail(self):
        try:
            return self._tail_cached
        except AttributeError:
            self._load_parts()
            return self._tail_cached

    @property
    def anchor(self):
        return self.drive + self.root

    @property
    def name(self):
        tail = self._tail
        if not tail:
            return ''
        return tail[-1]

${PATH_NAME_PROPERTIES}    def with_name(self, name):
        if not self.name:
            raise ValueError("%r has an empty name" % (self,))
        if not name or '/' in name or name == '.':
            raise ValueError("Invalid name %r" % (name))
        return self._from_parsed_parts(self.drive, self.root, self._tail[:-1] + [name])

    def with_stem(self, stem):
        return self.with_name(stem + self.suffix)

    def with_suffix(self, suffix):
        if '/' in suffix:
            raise ValueError("Invalid suffix %r" % (suffix,))
        if suffix and not suffix.startswith('.') or suffix == '.':
            raise ValueError("Invalid suffix %r" % (suffix))
        name = self.name
        if not name:
            raise ValueError("%r has an empty name" % (self,))
        old_suffix = self.suffix
        if not old_suffix:
            name = name + suffix
        else:
            name = name[:-len(old_suffix)] + suffix
        return self._from_parsed_parts(self.drive, self.root, self._tail[:-1] + [name])

    def relative_to(self, other, /, *_deprecated, walk_up=False):
        other = self.with_segments(other, *_deprecated)
        for step, path in enumerate([other] + list(other.parents)):
            if self.is_relative_to(path):
                break
            elif not walk_up:
                raise ValueError(f"{str(self)!r} is not in the subpath of {str(other)!r}")
            elif path.name == '..':
                raise ValueError(f"'..' segment in {str(other)!r} cannot be walked")
        else:
            raise ValueError(f"{str(self)!r} and {str(other)!r} have different anchors")
        parts = ['..'] * step + self._tail[len(path._tail):]
        return self.with_segments(*parts)

    def is_relative_to(self, other, /, *_deprecated):
        other = self.with_segments(other, *_deprecated)
        return other == self or other in self.parents

    @property
    def parts(self):
        if self.drive or self.root:
            return (self.drive + self.root,) + tuple(self._tail)
        return tuple(self._tail)

    def joinpath(self, *pathsegments):
        return self.with_segments(self, *pathsegments)
${truediv}
    def __rtruediv__(self, key):
        try:
            return self.with_segments(key, self)
        except TypeError:
            return NotImplemented

    @property
    def parent(self):
        drv = self.drive
        root = self.root
        tail = self._tail
        if not tail:
            return self
        return self._from_parsed_parts(drv, root, tail[:-1])

    @property
    def parents(self):
        return _PathParents(self)

    def is_absolute(self):
        # POSIX: any raw string starting at the root
        for path in self._raw_paths:
            if path.startswith('/'):
                return True
        return False

    def is_reserved(self):
        return False

    def match(self, path_pattern, *, case_sensitive=None):
        if not isinstance(path_pattern, PurePath):
            path_pattern = self.with_segments(path_pattern)
        pat_parts = path_pattern._tail
        if not pat_parts and not path_pattern.root:
            raise ValueError("empty pattern")
        parts = self._tail
        if path_pattern.root:
            if not self.root or len(pat_parts) != len(parts):
                return False
        elif len(pat_parts) > len(parts):
            return False
        for part, pat in zip(reversed(parts), reversed(pat_parts)):
            if not _hw_fnmatch(part, pat):
                return False
        return True


class PurePosixPath(PurePath):
    __slots__ = ()

`;
}

/** `parents` over the parsed tail, as 3.12's _PathParents keeps it (the path, drive, root, tail). */
const PARENTS_SOURCE = `
class _PathParents(_Sequence):
    __slots__ = ('_path', '_drv', '_root', '_tail')

    def __init__(self, path):
        self._path = path
        self._drv = path.drive
        self._root = path.root
        self._tail = path._tail

    def __len__(self):
        return len(self._tail)

    def __getitem__(self, idx):
        if isinstance(idx, slice):
            return tuple(self[i] for i in range(*idx.indices(len(self))))
        if idx >= len(self) or idx < -len(self):
            raise IndexError(idx)
        if idx < 0:
            idx += len(self)
        return self._path._from_parsed_parts(self._drv, self._root, self._tail[:-idx - 1])

    def __repr__(self):
        return "<{}.parents>".format(type(self._path).__name__)
`;

/** Path and PosixPath: construction as the pure classes, the file system through os and open. */
const CONCRETE_SOURCE = `

class Path(PurePath):
    __slots__ = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args)

    def __new__(cls, *args, **kwargs):
        if cls is Path:
            cls = PosixPath
        return object.__new__(cls)

    def _make_child_relpath(self, name):
        # 3.12's iterdir: the child's string and tail from the parent's, nothing parsed again
        path_str = str(self)
        tail = self._tail
        if tail:
            path_str = f'{path_str}/{name}'
        elif path_str != '.':
            path_str = f'{path_str}{name}'
        else:
            path_str = name
        path = self.with_segments(path_str)
        path._str = path_str
        path._drv = self.drive
        path._root = self.root
        path._tail_cached = tail + [name]
        return path

${PATH_FILE_METHODS}${pathGlobMethods(false)}    def iterdir(self):
        for name in _os.listdir(str(self)):
            yield self._make_child_relpath(name)

    def absolute(self):
        if self.is_absolute():
            return self
        cwd = _os.getcwd()
        if not self._tail:
            return self.with_segments(cwd)
        return self.with_segments(cwd, *self._raw_paths)

    def resolve(self, strict=False):
        return self.absolute()


class PosixPath(Path, PurePosixPath):
    __slots__ = ()
`;

/** pathlib's Python half for 3.12 or 3.13 (pathlib.ts picks it by the process's version). */
export function pathlibLazySource(v313: boolean): string {
  return pureSource(v313) + PATHLIB_FNMATCH_SOURCE + PARENTS_SOURCE + PATHLIB_GLOB_SOURCE + CONCRETE_SOURCE;
}
