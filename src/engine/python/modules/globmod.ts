import { runPythonPart } from './pythonpart';
import type { ModuleSpec } from './registry';
import { moduleFromGlobals, unsupportedHelper } from './typing';

/**
 * glob (Lib/glob.py, 3.11) as Python run by the VM, written for Highwater from what the module does:
 * a pattern is split at its last '/', the directory part globbed first (recursively when it has
 * magic), and each directory listed and filtered by fnmatch (hidden names only when the pattern or
 * include_hidden asks); '**' with recursive=True walks every level (_rlistdir), yielding '' for the
 * directory itself first. A name without magic is only checked to exist. The real module lists a
 * directory with os.scandir (DirEntry objects, their is_dir() from d_type); the simulated file system
 * has no scandir, so a directory is listed with os.listdir and os.path.isdir, in the file system's
 * order (the real order is the directory's on-disk order: sort the result, as one does).
 * Bytes patterns and dir_fd are not supported. The import replays its captured footprint.
 */
const GLOB_SOURCE = `
import contextlib
import os
import re
import fnmatch
import itertools

__all__ = ["glob", "iglob", "escape"]


def glob(pathname, *, root_dir=None, dir_fd=None, recursive=False,
         include_hidden=False):
    return list(iglob(pathname, root_dir=root_dir, dir_fd=dir_fd, recursive=recursive,
                      include_hidden=include_hidden))


def iglob(pathname, *, root_dir=None, dir_fd=None, recursive=False,
          include_hidden=False):
    if isinstance(pathname, bytes):
        _hw_unsupported('glob of a bytes pattern')
    if dir_fd is not None:
        _hw_unsupported('glob with dir_fd')
    if root_dir is not None:
        root_dir = os.fspath(root_dir)
    else:
        root_dir = pathname[:0]
    it = _iglob(pathname, root_dir, dir_fd, recursive, False,
                include_hidden=include_hidden)
    if not pathname or recursive and _isrecursive(pathname[:2]):
        try:
            s = next(it)
            if s:
                it = itertools.chain((s,), it)
        except StopIteration:
            pass
    return it


def _iglob(pathname, root_dir, dir_fd, recursive, dironly,
           include_hidden=False):
    dirname, basename = os.path.split(pathname)
    if not has_magic(pathname):
        if basename:
            if _lexists(_join(root_dir, pathname), dir_fd):
                yield pathname
        else:
            if _isdir(_join(root_dir, dirname), dir_fd):
                yield pathname
        return
    if not dirname:
        if recursive and _isrecursive(basename):
            yield from _glob2(root_dir, basename, dir_fd, dironly,
                              include_hidden=include_hidden)
        else:
            yield from _glob1(root_dir, basename, dir_fd, dironly,
                              include_hidden=include_hidden)
        return
    if dirname != pathname and has_magic(dirname):
        dirs = _iglob(dirname, root_dir, dir_fd, recursive, True,
                      include_hidden=include_hidden)
    else:
        dirs = [dirname]
    if has_magic(basename):
        if recursive and _isrecursive(basename):
            glob_in_dir = _glob2
        else:
            glob_in_dir = _glob1
    else:
        glob_in_dir = _glob0
    for dirname in dirs:
        for name in glob_in_dir(_join(root_dir, dirname), basename, dir_fd, dironly,
                                include_hidden=include_hidden):
            yield os.path.join(dirname, name)


def _glob1(dirname, pattern, dir_fd, dironly, include_hidden=False):
    names = _listdir(dirname, dir_fd, dironly)
    if include_hidden or not _ishidden(pattern):
        names = (x for x in names if include_hidden or not _ishidden(x))
    return fnmatch.filter(names, pattern)


def _glob0(dirname, basename, dir_fd, dironly, include_hidden=False):
    if basename:
        if _lexists(_join(dirname, basename), dir_fd):
            return [basename]
    else:
        if _isdir(dirname, dir_fd):
            return [basename]
    return []


def glob0(dirname, pattern):
    return _glob0(dirname, pattern, None, False)


def glob1(dirname, pattern):
    return _glob1(dirname, pattern, None, False)


def _glob2(dirname, pattern, dir_fd, dironly, include_hidden=False):
    yield pattern[:0]
    yield from _rlistdir(dirname, dir_fd, dironly,
                         include_hidden=include_hidden)


def _iterdir(dirname, dir_fd, dironly):
    # os.scandir in the real module: here os.listdir, and os.path.isdir for the directory-only walk
    try:
        top = dirname or os.curdir
        names = os.listdir(top)
    except OSError:
        return
    for name in names:
        if not dironly or os.path.isdir(os.path.join(top, name)):
            yield name


def _listdir(dirname, dir_fd, dironly):
    with contextlib.closing(_iterdir(dirname, dir_fd, dironly)) as it:
        return list(it)


def _rlistdir(dirname, dir_fd, dironly, include_hidden=False):
    names = _listdir(dirname, dir_fd, dironly)
    for x in names:
        if include_hidden or not _ishidden(x):
            yield x
            path = _join(dirname, x) if dirname else x
            for y in _rlistdir(path, dir_fd, dironly,
                               include_hidden=include_hidden):
                yield _join(x, y)


def _lexists(pathname, dir_fd):
    return os.path.exists(pathname)


def _isdir(pathname, dir_fd):
    return os.path.isdir(pathname)


def _join(dirname, basename):
    if not dirname or not basename:
        return dirname or basename
    return os.path.join(dirname, basename)


magic_check = re.compile('([*?[])')


def has_magic(s):
    return magic_check.search(s) is not None


def _ishidden(path):
    return path[0] == '.'


def _isrecursive(pattern):
    return pattern == '**'


def escape(pathname):
    # posixpath.splitdrive: no drive on POSIX
    drive = pathname[:0]
    pathname = magic_check.sub(r'[\\1]', pathname)
    return drive + pathname

`;

export const globModule: ModuleSpec = {
  name: 'glob',
  load: (vm) =>
    moduleFromGlobals(
      vm,
      'glob',
      runPythonPart(vm, 'glob', GLOB_SOURCE, { _hw_unsupported: unsupportedHelper(vm, 'glob') }),
    ),
};
