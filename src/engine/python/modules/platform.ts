import { PLATFORM_VALUES } from './platformData';
import { runPythonPart } from './pythonpart';
import type { ModuleSpec } from './registry';
import { moduleFromGlobals, unsupportedHelper } from './typing';

/**
 * platform: the simulated process runs on the recorder's machine, so each function answers what the
 * real module answered there under the same release (platformData.ts, tools/modules/record_platform.py:
 * Linux x86_64, glibc 2.36, GCC 12.2.0). uname() is a uname_result namedtuple as in 3.9+ (processor
 * read lazily); the functions build their strs and tuples on each call as the real ones return them
 * from caches of their own. The import replays platform's captured footprint (3.11.7).
 */
const RELEASE: Record<string, string> = { '3.11': '3.11.7', '3.12': '3.12.1', '3.13': '3.13.0' };

function source(v: Record<string, unknown>): string {
  const j = (x: unknown): string => JSON.stringify(x);
  const [system, node, release, version, machine] = v.uname as string[];
  return `
import sys as _sys

__version__ = '1.0.8'

_VALUES = ${j(v)}


class uname_result(tuple):
    # 3.9+: a 5-field namedtuple whose processor is read lazily and iterated last
    __slots__ = ()
    _fields = ('system', 'node', 'release', 'version', 'machine', 'processor')

    def __new__(cls, system, node, release, version, machine):
        return tuple.__new__(cls, (system, node, release, version, machine))

    system = property(lambda self: tuple.__getitem__(self, 0))
    node = property(lambda self: tuple.__getitem__(self, 1))
    release = property(lambda self: tuple.__getitem__(self, 2))
    version = property(lambda self: tuple.__getitem__(self, 3))
    machine = property(lambda self: tuple.__getitem__(self, 4))

    @property
    def processor(self):
        return _VALUES['processor']

    def __iter__(self):
        yield from tuple.__iter__(self)
        yield self.processor

    def __getitem__(self, key):
        return tuple(iter(self))[key]

    def __len__(self):
        return len(tuple(iter(self)))

    def __repr__(self):
        return 'uname_result(system=%r, node=%r, release=%r, version=%r, machine=%r)' % tuple.__getitem__(self, slice(0, 5))


def uname():
    return uname_result(${j(system)}, ${j(node)}, ${j(release)}, ${j(version)}, ${j(machine)})

def system():
    return uname().system

def node():
    return uname().node

def release():
    return uname().release

def version():
    return uname().version

def machine():
    return uname().machine

def processor():
    return uname().processor

def python_implementation():
    return _VALUES['python_implementation']

def python_version():
    return _VALUES['python_version']

def python_version_tuple():
    return tuple(_VALUES['python_version'].split('.'))

def python_compiler():
    return _VALUES['python_compiler']

def python_build():
    return tuple(_VALUES['python_build'])

def python_branch():
    return _VALUES['python_branch']

def python_revision():
    return _VALUES['python_revision']

def architecture(executable=_sys.executable, bits='', linkage=''):
    return tuple(_VALUES['architecture'])

def libc_ver(executable=None, lib='', version='', chunksize=16384):
    return tuple(_VALUES['libc_ver'])

def platform(aliased=0, terse=0):
    return _VALUES['platform_terse'] if terse else _VALUES['platform']

def mac_ver(release='', versioninfo=('', '', ''), machine=''):
    return release, versioninfo, machine

def win32_ver(release='', version='', csd='', ptype=''):
    return release, version, csd, ptype

def win32_edition():
    return None

def win32_is_iot():
    return False

def java_ver(release='', vendor='', vminfo=('', '', ''), osinfo=('', '', '')):
    return release, vendor, vminfo, osinfo

def freedesktop_os_release():
    _hw_unsupported('platform.freedesktop_os_release (reads /etc/os-release)')
`;
}

export const platformModule: ModuleSpec = {
  name: 'platform',
  load: (vm) => {
    const values = PLATFORM_VALUES[RELEASE[vm.py.name] ?? '3.11.7'] ?? PLATFORM_VALUES['3.11.7'];
    const globals = runPythonPart(vm, 'platform', source(values), {
      _hw_unsupported: unsupportedHelper(vm, 'platform'),
    });
    return moduleFromGlobals(vm, 'platform', globals);
  },
};
