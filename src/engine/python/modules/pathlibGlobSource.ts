/**
 * Path.glob / rglob as Lib/pathlib.py (3.11) runs them, written for Highwater: the pattern split
 * into parts, a chain of selectors (`_make_selector`, cached per pattern as its lru_cache does;
 * a dict here) walked from the path: a wildcard part lists the directory with os.scandir inside
 * `with` into a list of DirEntry objects (`entries = list(scandir_it)`) and matches each name
 * with re.compile(fnmatch.translate(part)).fullmatch (re's cache keeps the compiled pattern); a
 * precise part checks the child exists; `**` yields the directory and then every subdirectory,
 * depth first from scandir's entries, and the results through a `yielded` set (cleared at the
 * end). Each match is built as the child of its parent (`_make_child_relpath`). 3.12 and 3.13
 * run the same selectors here (their own differ in detail: case_sensitive, follow_symlinks).
 */
export const PATHLIB_GLOB_SOURCE = `

def _hw_pattern_parts(pattern):
    if not pattern:
        raise ValueError("Unacceptable pattern: {!r}".format(pattern))
    if pattern.startswith('/'):
        raise NotImplementedError("Non-relative patterns are unsupported")
    parts = [p for p in pattern.split('/') if p and p != '.']
    if pattern[-1] == '/':
        parts.append('')
    return parts


def _hw_compile_pattern(pat):
    import re, fnmatch
    return re.compile(fnmatch.translate(pat)).fullmatch


_hw_selectors = {}


def _make_selector(pattern_parts):
    sel = _hw_selectors.get(pattern_parts)
    if sel is not None:
        return sel
    pat = pattern_parts[0]
    child_parts = pattern_parts[1:]
    if not pat:
        sel = _TerminatingSelector()
    elif pat == '**':
        sel = _RecursiveWildcardSelector(pat, child_parts)
    elif '**' in pat:
        raise ValueError("Invalid pattern: '**' can only be an entire path component")
    elif '*' in pat or '?' in pat or '[' in pat:
        sel = _WildcardSelector(pat, child_parts)
    else:
        sel = _PreciseSelector(pat, child_parts)
    _hw_selectors[pattern_parts] = sel
    return sel


class _Selector:
    def __init__(self, child_parts):
        self.child_parts = child_parts
        if child_parts:
            self.successor = _make_selector(child_parts)
            self.dironly = True
        else:
            self.successor = _TerminatingSelector()
            self.dironly = False

    def select_from(self, parent_path):
        path_cls = type(parent_path)
        is_dir = path_cls.is_dir
        exists = path_cls.exists
        scandir = path_cls._scandir
        if not is_dir(parent_path):
            return iter([])
        return self._select_from(parent_path, is_dir, exists, scandir)


class _TerminatingSelector:
    def _select_from(self, parent_path, is_dir, exists, scandir):
        yield parent_path


class _PreciseSelector(_Selector):
    def __init__(self, name, child_parts):
        self.name = name
        _Selector.__init__(self, child_parts)

    def _select_from(self, parent_path, is_dir, exists, scandir):
        try:
            path = parent_path._make_child_relpath(self.name)
            if (is_dir if self.dironly else exists)(path):
                for p in self.successor._select_from(path, is_dir, exists, scandir):
                    yield p
        except PermissionError:
            return


class _WildcardSelector(_Selector):
    def __init__(self, pat, child_parts):
        self.match = _hw_compile_pattern(pat)
        _Selector.__init__(self, child_parts)

    def _select_from(self, parent_path, is_dir, exists, scandir):
        try:
            with scandir(parent_path) as scandir_it:
                entries = list(scandir_it)
            for entry in entries:
                if self.dironly:
                    try:
                        if not entry.is_dir():
                            continue
                    except OSError:
                        continue
                name = entry.name
                if self.match(name):
                    path = parent_path._make_child_relpath(name)
                    for p in self.successor._select_from(path, is_dir, exists, scandir):
                        yield p
        except PermissionError:
            return


class _RecursiveWildcardSelector(_Selector):
    def __init__(self, pat, child_parts):
        _Selector.__init__(self, child_parts)

    def _iterate_directories(self, parent_path, is_dir, scandir):
        yield parent_path
        try:
            with scandir(parent_path) as scandir_it:
                entries = list(scandir_it)
            for entry in entries:
                entry_is_dir = False
                try:
                    entry_is_dir = entry.is_dir()
                except OSError:
                    pass
                if entry_is_dir and not entry.is_symlink():
                    path = parent_path._make_child_relpath(entry.name)
                    for p in self._iterate_directories(path, is_dir, scandir):
                        yield p
        except PermissionError:
            return

    def _select_from(self, parent_path, is_dir, exists, scandir):
        try:
            yielded = set()
            try:
                successor_select = self.successor._select_from
                for starting_point in self._iterate_directories(parent_path, is_dir, scandir):
                    for p in successor_select(starting_point, is_dir, exists, scandir):
                        if p not in yielded:
                            yield p
                            yielded.add(p)
            finally:
                yielded.clear()
        except PermissionError:
            return
`;

/**
 * The pattern's parts: 3.11 parses the pattern as a path (`_flavour.parse_parts`, interning each
 * part); 3.12 and 3.13 split it here (their own parse is lazy and differs in detail).
 */
const PATTERN_PARTS_311 = `        if not pattern:
            raise ValueError("Unacceptable pattern: {!r}".format(pattern))
        drv, root, pattern_parts = self._flavour.parse_parts((pattern,))
        if drv or root:
            raise NotImplementedError("Non-relative patterns are unsupported")
        if pattern[-1] in (self._flavour.sep, self._flavour.altsep):
            pattern_parts.append('')
`;
const PATTERN_PARTS_LAZY = `        pattern_parts = _hw_pattern_parts(pattern)
`;

/** The concrete path's glob methods and what they stand on (stat, lstat, _scandir). */
export const pathGlobMethods = (eager: boolean): string => `    def _scandir(self):
        return _os.scandir(self)

    def stat(self, *, follow_symlinks=True):
        return _os.stat(self, follow_symlinks=follow_symlinks)

    def lstat(self):
        return _os.lstat(self)

    def is_symlink(self):
        return False

    def glob(self, pattern):
${eager ? PATTERN_PARTS_311 : PATTERN_PARTS_LAZY}        selector = _make_selector(tuple(pattern_parts))
        for p in selector.select_from(self):
            yield p

    def rglob(self, pattern):
${eager ? PATTERN_PARTS_311 : PATTERN_PARTS_LAZY}        selector = _make_selector(("**",) + tuple(pattern_parts))
        for p in selector.select_from(self):
            yield p

`;
