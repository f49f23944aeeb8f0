import { typeError, valueError } from '../abstract/errors';
import { NotSupported } from '../errors';
import { bytesNew } from '../objects/bytes';
import { kwargsEntries, unpackKeywords } from '../objects/getargs';
import { moduleType, type TypeFactory } from '../objects/modtypes';
import { strNew } from '../objects/str';
import { tupleItems } from '../objects/tuple';
import { Meth, T, defineType, type Kwargs, type TypeSlots } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { Blake2 } from './blake2digest';
import { dataView, forEachChunk, latin1, releaseView, viewBytes } from './clib';
import { hex } from './digests';

/**
 * _blake2's blake2b and blake2s types (Modules/_blake2/blake2b_impl.c, 3.11): the object holds the
 * parameter block and the whole BLAKE2 state, so one PyObject_Malloc through tp_alloc (448 bytes for
 * blake2b, 240 for blake2s, measured; 440 and 232 on 3.13: vm.py.sizes.blake2) and nothing from OpenSSL. tp_new takes the argument tuple
 * (and the keyword dict: the first keyword call builds the Argument Clinic parser's keyword tuple);
 * update() of 2,048 bytes or more makes the object's lock once (a 32-byte sem_t); digest() and
 * hexdigest() finalise a copy on the C stack; copy() is another tp_alloc.
 */
const LIMITS = { blake2b: { out: 64, key: 64, salt: 16 }, blake2s: { out: 32, key: 32, salt: 8 } } as const;
const KEYWORDS = [
  '',
  'digest_size',
  'key',
  'salt',
  'person',
  'fanout',
  'depth',
  'leaf_size',
  'node_offset',
  'node_depth',
  'inner_size',
  'last_node',
  'usedforsecurity',
];
const GIL_MINSIZE = 2048;

interface Blake2State {
  digest: Blake2;
  lock: number;
}
type Name = 'blake2b' | 'blake2s';

const stateOf = (vm: Vm, h: number): Blake2State => vm.table.side[h] as Blake2State;

function bytesParam(vm: Vm, h: number, name: Name, what: 'key' | 'salt' | 'person'): Uint8Array {
  if (h === 0) return new Uint8Array(0);
  const view = dataView(vm, h, null);
  try {
    const b = viewBytes(vm, view);
    const max = what === 'key' ? LIMITS[name].key : LIMITS[name].salt;
    if (b.length > max)
      throw valueError(
        vm,
        what === 'key' ? 'maximum key length is %d bytes' : `maximum ${what} length is %d bytes`,
        max,
      );
    return b;
  } finally {
    releaseView(vm, view);
  }
}

function construct(vm: Vm, type: TypeSlots, name: Name, args: readonly number[], kw: Kwargs | null): number {
  const p = unpackKeywords(vm, name, args, kw, KEYWORDS, 0, 1);
  const [data, ds, key, salt, person] = p;
  for (let i = 5; i < 11; i++)
    if (p[i] !== 0) throw new NotSupported(`${name}(${KEYWORDS[i]}=…) (tree hashing parameters)`);
  if (p[11] !== 0 && p[11] !== vm.s.False) throw new NotSupported(`${name}(last_node=True)`);
  let digestSize: number = LIMITS[name].out;
  if (ds !== 0) {
    if (vm.table.type[ds] !== T.Int)
      throw typeError(vm, "'%.200s' object cannot be interpreted as an integer", 'digest_size');
    digestSize = vm.table.num[ds];
    if (digestSize < 1 || digestSize > LIMITS[name].out)
      throw valueError(vm, 'digest_size must be between 1 and %d bytes', LIMITS[name].out);
  }
  const params = {
    digestSize,
    key: bytesParam(vm, key, name, 'key'),
    salt: bytesParam(vm, salt, name, 'salt'),
    person: bytesParam(vm, person, name, 'person'),
  };
  const h = vm.newObject(type.id, vm.py.sizes.blake2[name]);
  vm.table.side[h] = { digest: new Blake2(name, params), lock: 0 } satisfies Blake2State;
  if (data !== 0) update(vm, h, data, false);
  return h;
}

function update(vm: Vm, h: number, data: number, lock: boolean): void {
  const st = stateOf(vm, h);
  const view = dataView(vm, data, 'Strings must be encoded before hashing');
  if (lock && view.len >= GIL_MINSIZE && st.lock === 0) st.lock = vm.mem.rawMalloc(32);
  try {
    forEachChunk(vm, view, (c) => st.digest.update(c));
  } finally {
    releaseView(vm, view);
  }
}

const blake2Factory =
  (name: Name): TypeFactory =>
  (vm, id) =>
    defineType({
      id,
      name,
      module: '_blake2',
      basicsize: vm.py.sizes.blake2[name], // the release's BLAKE2 object (versions/: 448/240, 3.13 440/232)
      new: (vm, type, args, kwargs) => {
        const kw: Kwargs | null =
          kwargs === 0 || vm.table.n[kwargs] === 0 ? null : new Map(kwargsEntries(vm, kwargs));
        return construct(vm, type, name, Array.from(tupleItems(vm, args)), kw);
      },
      dealloc: (vm, h) => {
        const st = stateOf(vm, h);
        if (st.lock) vm.mem.rawFree(st.lock);
        vm.table.side[h] = undefined;
        vm.objectFree(h);
      },
      methods: {
        update: {
          name: 'update',
          flags: Meth.O,
          qualname: `${name}.update`,
          impl: (vm, h, a) => {
            update(vm, h, a[0], true);
            return vm.s.None;
          },
        },
        digest: {
          name: 'digest',
          flags: Meth.NoArgs,
          qualname: `${name}.digest`,
          impl: (vm, h) => bytesNew(vm, latin1(stateOf(vm, h).digest.digest())),
        },
        hexdigest: {
          name: 'hexdigest',
          flags: Meth.NoArgs,
          qualname: `${name}.hexdigest`,
          impl: (vm, h) => strNew(vm, hex(stateOf(vm, h).digest.digest()), 0),
        },
        copy: {
          name: 'copy',
          flags: Meth.NoArgs,
          qualname: `${name}.copy`,
          impl: (vm, h) => {
            const c = vm.newObject(vm.table.type[h], vm.py.sizes.blake2[name]);
            vm.table.side[c] = {
              digest: stateOf(vm, h).digest.copy() as Blake2,
              lock: 0,
            } satisfies Blake2State;
            return c;
          },
        },
      },
      getset: {
        name: { name: 'name', get: (vm) => strNew(vm, name, 0) },
        digest_size: { name: 'digest_size', get: (vm, h) => vm.s.smallInt(stateOf(vm, h).digest.digestSize) },
        block_size: { name: 'block_size', get: (vm, h) => vm.s.smallInt(stateOf(vm, h).digest.blockSize) },
      },
    });

const FACTORIES = { blake2b: blake2Factory('blake2b'), blake2s: blake2Factory('blake2s') };

export const blake2Type = (vm: Vm, name: Name): TypeSlots => moduleType(vm, FACTORIES[name]);

/** hashlib.new('blake2b', data): the type's constructor with the data by position. */
export const blake2Methods =
  (vm: Vm, name: Name) =>
  (args: readonly number[]): number =>
    construct(vm, blake2Type(vm, name), name, args, null);
