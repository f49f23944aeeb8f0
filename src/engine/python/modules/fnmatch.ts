import { runPythonPart } from './pythonpart';
import type { ModuleSpec } from './registry';
import { moduleFromGlobals } from './typing';

/**
 * fnmatch (Lib/fnmatch.py, 3.11) as Python run by the VM, written for Highwater from what the module
 * does. Loaded at start-up in 3.11.7, so importing it costs nothing. A pattern becomes a regular
 * expression once (translate) and is compiled through an lru_cache(maxsize=32768, typed=True), as the
 * real _compile_pattern is; a `*` followed by fixed text and another `*` becomes an atomic group
 * `(?>.*?FIXED)` (3.11's re has them), so matching never backtracks exponentially. On POSIX normcase is the identity.
 */
const FNMATCH_SOURCE = `
import os
import re
import functools

__all__ = ["filter", "fnmatch", "fnmatchcase", "translate"]


def _normcase(s):
    # posixpath.normcase: os.fspath's check, the path itself
    if isinstance(s, (str, bytes)):
        return s
    fspath = getattr(type(s), '__fspath__', None)
    if fspath is None:
        raise TypeError('expected str, bytes or os.PathLike object, not ' + type(s).__name__)
    return fspath(s)


def fnmatch(name, pat):
    name = _normcase(name)
    pat = _normcase(pat)
    return fnmatchcase(name, pat)


@functools.lru_cache(maxsize=32768, typed=True)
def _compile_pattern(pat):
    # translate()'s expression, said without the scoped flag and the atomic groups the simulator's
    # re lacks: DOTALL for (?s:...), a lookahead and its back reference for (?>...) (the same matches:
    # each atomic group is followed by '.*', so its shortest match is never the wrong one)
    if isinstance(pat, bytes):
        pat_str = str(pat, 'ISO-8859-1')
        res_str = _translate(pat_str, False)
        res = bytes(res_str, 'ISO-8859-1')
    else:
        res = _translate(pat, False)
    return re.compile(res, re.DOTALL).match


def filter(names, pat):
    result = []
    pat = _normcase(pat)
    match = _compile_pattern(pat)
    # os.path is posixpath here: names are matched as they are
    for name in names:
        if match(name):
            result.append(name)
    return result


def fnmatchcase(name, pat):
    match = _compile_pattern(pat)
    return match(name) is not None


_STAR = object()


def _bracket(pat, start, end):
    # the set between pat[start] (after '[') and pat[end] (its ']'), as a regular expression
    body = pat[start:end]
    if '-' not in body:
        body = body.replace('\\\\', r'\\\\')
    else:
        # the hyphens that make ranges split the body; a '-' first (or after '!') is itself
        pieces = []
        lo = start
        at = start + 2 if pat[start] == '!' else start + 1
        while True:
            at = pat.find('-', at, end)
            if at < 0:
                break
            pieces.append(pat[lo:at])
            lo = at + 1
            at += 3
        tail = pat[lo:end]
        if tail:
            pieces.append(tail)
        else:
            pieces[-1] += '-'
        # a range whose start is past its end matches nothing: drop it, joining its neighbours
        for k in range(len(pieces) - 1, 0, -1):
            if pieces[k - 1][-1] > pieces[k][0]:
                pieces[k - 1] = pieces[k - 1][:-1] + pieces[k][1:]
                del pieces[k]
        body = '-'.join(p.replace('\\\\', r'\\\\').replace('-', r'\\-') for p in pieces)
    # set operations a future re may give meaning to
    body = re.sub(r'([&~|])', r'\\\\\\1', body)
    if not body:
        return '(?!)'
    if body == '!':
        return '.'
    if body[0] == '!':
        body = '^' + body[1:]
    elif body[0] in ('^', '['):
        body = '\\\\' + body
    return f'[{body}]'


def translate(pat):
    return _translate(pat, True)


def _translate(pat, atomic):
    tokens = []
    i, n = 0, len(pat)
    while i < n:
        c = pat[i]
        i += 1
        if c == '*':
            if not tokens or tokens[-1] is not _STAR:
                tokens.append(_STAR)
        elif c == '?':
            tokens.append('.')
        elif c == '[':
            j = i
            if j < n and pat[j] == '!':
                j += 1
            if j < n and pat[j] == ']':
                j += 1
            while j < n and pat[j] != ']':
                j += 1
            if j >= n:
                tokens.append('\\\\[')
            else:
                tokens.append(_bracket(pat, i, j))
                i = j + 1
        else:
            tokens.append(re.escape(c))
    # fixed text up to the first star, then star/fixed pairs
    out = []
    k, m = 0, len(tokens)
    while k < m and tokens[k] is not _STAR:
        out.append(tokens[k])
        k += 1
    while k < m:
        k += 1
        if k == m:
            out.append('.*')
            break
        fixed = []
        while k < m and tokens[k] is not _STAR:
            fixed.append(tokens[k])
            k += 1
        fixed = ''.join(fixed)
        if k == m:
            out.append('.*')
            out.append(fixed)
        elif atomic:
            out.append(f'(?>.*?{fixed})')
        else:
            g = len(out)
            out.append(f'(?=(?P<g{g}>.*?{fixed}))(?P=g{g})')
    if atomic:
        return fr'(?s:{"".join(out)})\\Z'
    return ''.join(out) + r'\\Z'
`;

export const fnmatchModule: ModuleSpec = {
  name: 'fnmatch',
  load: (vm) => moduleFromGlobals(vm, 'fnmatch', runPythonPart(vm, 'fnmatch', FNMATCH_SOURCE, {})),
};
