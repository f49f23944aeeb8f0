/**
 * os's Python half (Lib/os.py, 3.11), written for Highwater from what the module does, run by the
 * eval loop so each step allocates what the real one does:
 * - makedirs: split off the last component; create the missing parents first (recursively), then
 *   mkdir; an existing directory is an error unless exist_ok.
 * - walk: a plain function returning the generator `_walk` (3.11's form: recursive, one generator
 *   frame per directory level, `yield from` the subdirectory's): each directory is listed with
 *   scandir inside `with`, names split into dirs and nondirs lists by DirEntry.is_dir(), and the
 *   (top, dirs, nondirs) tuple yielded before (topdown) or after the subdirectories; the caller
 *   may prune `dirs` in place. Bottom-up keeps the entries' paths to descend (`walk_dirs`).
 * - removedirs: rmdir, then each parent while it is empty.
 * 3.12 made walk iterative with an explicit stack; modelled here in 3.11's form on every release.
 */
export const OS_SOURCE = `
def makedirs(name, mode=0o777, exist_ok=False):
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
        cdir = curdir
        if isinstance(tail, bytes):
            cdir = bytes(curdir, 'ASCII')
        if tail == cdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def walk(top, topdown=True, onerror=None, followlinks=False):
    return _walk(fspath(top), topdown, onerror, followlinks)


def _walk(top, topdown, onerror, followlinks):
    dirs = []
    nondirs = []
    walk_dirs = []
    try:
        scandir_it = scandir(top)
    except OSError as error:
        if onerror is not None:
            onerror(error)
        return

    with scandir_it:
        while True:
            try:
                try:
                    entry = next(scandir_it)
                except StopIteration:
                    break
            except OSError as error:
                if onerror is not None:
                    onerror(error)
                return
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                dirs.append(entry.name)
            else:
                nondirs.append(entry.name)
            if not topdown and is_dir:
                if followlinks:
                    walk_into = True
                else:
                    try:
                        is_symlink = entry.is_symlink()
                    except OSError:
                        is_symlink = False
                    walk_into = not is_symlink
                if walk_into:
                    walk_dirs.append(entry.path)

    if topdown:
        yield top, dirs, nondirs
        islink, join = path.islink, path.join
        for dirname in dirs:
            new_path = join(top, dirname)
            if followlinks or not islink(new_path):
                yield from _walk(new_path, topdown, onerror, followlinks)
    else:
        for new_path in walk_dirs:
            yield from _walk(new_path, topdown, onerror, followlinks)
        yield top, dirs, nondirs
`;
