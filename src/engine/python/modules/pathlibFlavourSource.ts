/**
 * pathlib's helpers (Lib/pathlib.py 3.11, written for Highwater): the POSIX flavour (one
 * instance every pure path class holds as `_flavour`: parse_parts, splitroot, join_parsed_parts,
 * casefold_parts called as its methods, as the real ones are), the `parents` sequence (a
 * collections.abc Sequence: iterating it is Sequence.__iter__) and fnmatch's per-part matching
 * for PurePath.match.
 */
export const PATHLIB_FLAVOUR_SOURCE = `
class _PosixFlavour(object):
    # _Flavour + _PosixFlavour: one instance, every path class's _flavour; join is sep.join bound
    # once (a builtin method object), as _Flavour.__init__ does
    sep = '/'
    altsep = ''
    has_drv = False

    def __init__(self):
        self.join = self.sep.join

    def parse_parts(self, parts):
        # right to left, stopping at the last absolute argument; each part interned
        parsed = []
        sep = self.sep
        altsep = self.altsep
        drv = root = ''
        it = reversed(parts)
        for part in it:
            if not part:
                continue
            if altsep:
                part = part.replace(altsep, sep)
            drv, root, rel = self.splitroot(part)
            if sep in rel:
                for x in reversed(rel.split(sep)):
                    if x and x != '.':
                        parsed.append(_sys.intern(x))
            else:
                if rel and rel != '.':
                    parsed.append(_sys.intern(rel))
            if drv or root:
                break
        if drv or root:
            parsed.append(drv + root)
        parsed.reverse()
        return drv, root, parsed

    def join_parsed_parts(self, drv, root, parts, drv2, root2, parts2):
        # an absolute right side replaces the left; else the two part lists concatenated
        if root2:
            return drv2, root2, parts2
        return drv, root, parts + parts2

    def splitroot(self, part, sep=sep):
        # exactly two leading slashes are kept (POSIX leaves '//' to the implementation), one or
        # three and more become '/'
        if part and part[0] == sep:
            stripped_part = part.lstrip(sep)
            if len(part) - len(stripped_part) == 2:
                return '', sep * 2, stripped_part
            return '', sep, stripped_part
        return '', '', part

    def casefold(self, s):
        return s

    def casefold_parts(self, parts):
        return parts


_posix_flavour = _PosixFlavour()


`;

const PARENTS_SOURCE = `

class _PathParents(_Sequence):
    # the sequence p.parents: each item a new path over a slice of the parts; iterating is
    # Sequence.__iter__ (self[i] until IndexError)
    __slots__ = ('_pathcls', '_drv', '_root', '_parts')

    def __init__(self, path):
        self._pathcls = type(path)
        self._drv = path._drv
        self._root = path._root
        self._parts = path._parts

    def __len__(self):
        if self._drv or self._root:
            return len(self._parts) - 1
        return len(self._parts)

    def __getitem__(self, idx):
        if isinstance(idx, slice):
            return tuple(self[i] for i in range(*idx.indices(len(self))))
        if idx >= len(self) or idx < -len(self):
            raise IndexError(idx)
        if idx < 0:
            idx += len(self)
        return self._pathcls._from_parsed_parts(self._drv, self._root, self._parts[:-idx - 1])

    def __repr__(self):
        return "<{}.parents>".format(self._pathcls.__name__)
`;

/** fnmatch.fnmatchcase for one part, which PurePath.match applies from the right. */
export const PATHLIB_FNMATCH_SOURCE = `

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
`;

export const PATHLIB_HELPERS_SOURCE = PARENTS_SOURCE + PATHLIB_FNMATCH_SOURCE;
