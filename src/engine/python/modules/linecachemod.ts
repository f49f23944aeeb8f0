import { builtinStatic } from '../objects/descr';
import { strNew, strValue } from '../objects/str';
import { Meth, T } from '../objects/types';
import { interpOf } from './host';
import { fn } from './module';
import { runPythonPart } from './pythonpart';
import type { ModuleSpec } from './registry';
import { moduleFromGlobals } from './typing';

/**
 * linecache: getline/getlines/updatecache/clearcache/checkcache as Lib/linecache.py runs them for a
 * file the process can read (the script, or a library part's own source): the lines stay in
 * `cache` as (size, mtime, lines, fullname), a list of strs the size of the file, as the real
 * module keeps them. The import costs its recorded footprint (tokenize and token first). Not made:
 * the transient file object and os.stat result of the real read; checkcache stats nothing (the
 * script does not change while it runs).
 */
const LINECACHE_SOURCE = `
cache = {}


def clearcache():
    cache.clear()


def getline(filename, lineno, module_globals=None):
    lines = getlines(filename, module_globals)
    if 1 <= lineno <= len(lines):
        return lines[lineno - 1]
    return ''


def getlines(filename, module_globals=None):
    if filename in cache:
        entry = cache[filename]
        if len(entry) != 1:
            return cache[filename][2]
    try:
        return updatecache(filename, module_globals)
    except MemoryError:
        clearcache()
        return []


def checkcache(filename=None):
    return None


def updatecache(filename, module_globals=None):
    if filename in cache:
        if len(cache[filename]) != 1:
            cache.pop(filename, None)
    if not filename or (filename.startswith('<') and filename.endswith('>')):
        return []
    text = _hw_source(filename)
    if text is None:
        return []
    lines = text.splitlines(True)
    if lines and not lines[-1].endswith('\\n'):
        lines[-1] += '\\n'
    cache[filename] = len(text.encode()), 1.0, lines, filename
    return lines


def lazycache(filename, module_globals):
    return False
`;

export const linecacheModule: ModuleSpec = {
  name: 'linecache',
  load: (vm) => {
    const globals = runPythonPart(vm, 'linecache', LINECACHE_SOURCE, {
      _hw_source: builtinStatic(
        vm,
        fn('_hw_source', Meth.O, (vm2, _s, a) => {
          if (vm2.table.type[a[0]] !== T.Str) return vm2.s.None;
          const text = interpOf(vm2).sourceOf(strValue(vm2, a[0]));
          if (text === null) return vm2.s.None;
          return strNew(vm2, text);
        }),
        'linecache',
      ),
    });
    return moduleFromGlobals(vm, 'linecache', globals);
  },
};
