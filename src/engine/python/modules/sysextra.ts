import { raiseString, typeError } from '../abstract/errors';
import { dictSetItem } from '../objects/dict';
import { log2Keysize, keysBytes } from '../objects/dictkeys';
import { namespaceType } from '../objects/namespace';
import { E } from '../objects/exctypes';
import { fromLong, fromSsize } from '../objects/int';
import { listNew, listAppend } from '../objects/list';
import { internedConst } from '../objects/internedconsts';
import { intern, strNew, strValue } from '../objects/str';
import { structSeqNew, structSeqType, type StructSeqDesc } from '../objects/structseq';
import { F_IMMORTAL } from '../objects/table';
import { Meth, T, type MethodDef } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { def } from './gc';

/**
 * sys functions and values beyond sys.ts: intern, argv, version_info, version, getallocatedblocks.
 *
 * sys.intern (PyUnicode_InternInPlace, 3.11): the interned dict gets the str as key and value (on
 * 3.12 the str becomes immortal: CPythonVersion.internImmortal).
 * When the recorder's child (tools/hw_child.py) reaches a script's first statement on 3.11.7 the
 * dict has 2**14 slots with 4,524 usable entries left: mallinfo2 around sys.intern of new strings
 * in that child shows the resize to 2**15 slots (a keys table of 415,088 bytes, mmapped) at the
 * 4,525th new string and to 2**16 (961,216 bytes) 10,959 strings later, so 6,362 strings are live
 * at the start (2**15's 21,845 usable minus 10,959 minus the 4,524). 3.12 and 3.13 keep the
 * earlier figure (full at start: the first new string resizes it). Each new string
 * takes an entry (a freed interned string leaves a dummy: no entry comes back); a resize makes a
 * table for used × 3 (calculate_log2_keysize) and frees the old one. The start-up's own table
 * (207,552 bytes) is not in the model's heap, so its free is not modelled. The simulator's own
 * identifiers (attribute names, constants) are static strs, found first.
 */
const START_LOG2 = 14;
/** 3.11.7 in the recorder's child: live strings and the entries left (measured, above). */
const START_311 = { used: 6362, usable: 4524 };
const START_FULL = { used: 10922, usable: 0 };

interface InternState {
  log2: number;
  used: number;
  usable: number;
  table: number;
  strings: Map<string, number>;
}
const interns = new WeakMap<Vm, InternState>();

function internState(vm: Vm): InternState {
  let s = interns.get(vm);
  if (s === undefined) {
    const start = vm.py.name === '3.11' ? START_311 : START_FULL;
    s = { log2: START_LOG2, used: start.used, usable: start.usable, table: 0, strings: new Map() };
    interns.set(vm, s);
  }
  return s;
}

function sysIntern(vm: Vm, _m: number, a: readonly number[]): number {
  const s = a[0];
  if (vm.table.type[s] !== T.Str)
    throw typeError(vm, 'intern() argument must be str, not %.50s', vm.typeOf(s).name);
  const text = strValue(vm, s);
  const known = vm.interned.get(text) ?? internedConst(vm, text);
  if (known !== undefined) {
    vm.incref(known);
    return known;
  }
  const st = internState(vm);
  const prior = st.strings.get(text);
  if (prior !== undefined && vm.table.type[prior] === T.Str && strValue(vm, prior) === text) {
    vm.incref(prior);
    return prior;
  }
  if (st.usable <= 0) {
    // insertion_resize → dictresize(calculate_log2_keysize(GROWTH_RATE = used × 3))
    const log2 = log2Keysize(st.used * 3);
    const size = 1 << log2;
    const bytes = keysBytes(log2, true);
    const table = vm.mem.malloc(bytes);
    if (table === 0) throw raiseString(vm, E.MemoryError, '');
    // new_keys_object memsets the indices (0xff) and the entries (0): every page is touched
    vm.mem.touch(table, bytes);
    if (st.table) vm.mem.free(st.table);
    st.table = table;
    st.log2 = log2;
    st.usable = Math.floor((size * 2) / 3) - st.used;
  }
  st.usable--;
  st.used++;
  st.strings.set(text, s);
  vm.incref(s);
  // 3.12 immortalizes what it interns: the str is never freed (getrefcount reads 2**32 - 1)
  if (vm.py.internImmortal) vm.table.flags[s] |= F_IMMORTAL;
  return s;
}

const VERSION_INFO: StructSeqDesc = {
  name: 'version_info',
  module: 'sys',
  fields: ['major', 'minor', 'micro', 'releaselevel', 'serial'],
  visible: 5,
};
const VersionInfoType = structSeqType(VERSION_INFO);
const MICRO: Record<string, number> = { '3.11': 7, '3.12': 1, '3.13': 0 };

/** The script's name per process (sys.argv[0]): what `python3 NAME` was given, as hw_child.py sets it. */
const scriptNames = new WeakMap<Vm, string>();

/** Called by the process with the script's file name (its last path component is sys.argv[0]). */
export function setScriptName(vm: Vm, filename: string): void {
  scriptNames.set(vm, filename.slice(filename.lastIndexOf('/') + 1) || 'script.py');
}

/**
 * sys.implementation (make_impl in Python/sysmodule.c): a types.SimpleNamespace of name, cache_tag,
 * version (a sys.version_info of its own), hexversion and _multiarch, in that order.
 */
function implementationNamespace(vm: Vm, major: number, minor: number, micro: number): number {
  const t = namespaceType(vm);
  const ns = t.new!(vm, t, 0, 0);
  const dict = (vm.table.side[ns] as { dict: number }).dict;
  const put = (key: string, value: number): void => {
    dictSetItem(vm, dict, intern(vm, key), value);
    vm.decref(value);
  };
  put('name', strNew(vm, 'cpython'));
  put('cache_tag', strNew(vm, `cpython-${major}${minor}`));
  put(
    'version',
    structSeqNew(vm, VersionInfoType, VERSION_INFO, [
      fromLong(vm, major),
      fromLong(vm, minor),
      fromLong(vm, micro),
      intern(vm, 'final'),
      fromLong(vm, 0),
    ]),
  );
  put('hexversion', fromLong(vm, (major << 24) | (minor << 16) | (micro << 8) | 0xf0));
  put('_multiarch', strNew(vm, 'x86_64-linux-gnu'));
  return ns;
}

/** Made at start-up in the real process (sys is loaded then): outside the model's heap. */
function startupObjects(vm: Vm): Record<string, number> {
  const mem = vm.mem;
  const was = mem.accounted;
  mem.accounted = true;
  try {
    const [major, minor] = vm.py.name.split('.').map(Number);
    const micro = MICRO[vm.py.name] ?? 0;
    const info = structSeqNew(vm, VersionInfoType, VERSION_INFO, [
      fromLong(vm, major),
      fromLong(vm, minor),
      fromLong(vm, micro),
      intern(vm, 'final'),
      fromLong(vm, 0),
    ]);
    const argv = listNew(vm, 0);
    listAppend(vm, argv, strNew(vm, scriptNames.get(vm) ?? 'script.py'));
    const version = strNew(vm, `${major}.${minor}.${micro} (main, Highwater) [GCC 12.2.0]`);
    const executable = strNew(vm, `/usr/local/bin/python${major}.${minor}`);
    const hexversion = fromLong(vm, (major << 24) | (minor << 16) | (micro << 8) | 0xf0);
    const implementation = implementationNamespace(vm, major, minor, micro);
    for (const h of [info, argv, version, executable, hexversion, implementation])
      vm.table.flags[h] |= F_IMMORTAL;
    return {
      version_info: info,
      argv,
      version,
      executable,
      hexversion,
      implementation,
    };
  } finally {
    mem.accounted = was;
  }
}

export function sysExtraFunctions(): MethodDef[] {
  return [
    def('intern', Meth.O, sysIntern),
    // _Py_GetAllocatedBlocks: pymalloc's blocks in use (the start-up's included)
    def('getallocatedblocks', Meth.NoArgs, (vm) => {
      const stats = vm.mem.pymalloc.stats();
      let n = 0;
      for (const c of Object.values(stats.classes)) n += c.blocks_in_use;
      return fromSsize(vm, n);
    }),
  ];
}

export function sysExtraAttrs(vm: Vm): Record<string, number> {
  return startupObjects(vm);
}
