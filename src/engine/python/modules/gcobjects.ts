import { NotSupported } from '../errors';
import { readyStaticType } from '../objects/typeobject';
import { defineType, TpFlags, type TypeSlots } from '../objects/types';
import type { Vm } from '../runtime/vm';

/**
 * The collector's counted objects (runtime/gcInventory.ts) as objects a script can hold: what
 * gc.get_objects() lists beside the modelled ones. Each is made the first time a list asks for it
 * and kept, so two calls list the same objects (same ids) as they do in a real process. They are
 * static objects (their memory is the start-up's or the import's, already in the heap): making
 * one allocates nothing. Their type is the recorded one: type(o) is the simulator's own type of
 * that name where it has one (function, dict, wrapper_descriptor …: `type(o) is dict` and
 * isinstance hold), else a type of that name made once. What they contain is not modelled (a
 * start-up dict's items, a function's code), so anything that reads it (repr, len, getsizeof,
 * an attribute, iteration, a call) is "not supported by Highwater yet", never a made-up answer:
 * their slots are a stand-in table (a type id of their own) whose every operation says so.
 */
interface Materialised {
  /** Counted object i (oldest first) → its handle, 0 until asked for. */
  handles: number[];
  members: Set<number>;
  typeIds: Map<string, number>;
}

const perVm = new WeakMap<Vm, Materialised>();

function state(vm: Vm): Materialised {
  let s = perVm.get(vm);
  if (s === undefined) perVm.set(vm, (s = { handles: [], members: new Set(), typeIds: new Map() }));
  return s;
}

/** Every operation of a stand-in table: what a counted object holds is not modelled. */
function notModelled(name: string): () => never {
  return () => {
    throw new NotSupported(`the contents of a ${name} object made at start-up or by an import (gc.get_objects)`);
  };
}

/** Function-valued fields of a slot table (or of its number/sequence/mapping tables), replaced. */
function stubbed<O extends object>(o: O, thrower: () => never): O {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o))
    out[k] = typeof v === 'function' ? thrower : Array.isArray(v) ? v.map((f) => (f ? thrower : f)) : v;
  return out as O;
}

/**
 * The stand-in table for counted objects of the simulator's type `real`: type(o) is `real`'s
 * type object and its MRO is `real`'s (isinstance, `type(o) is dict`, Counter of type names),
 * every operation that would read the object's contents raises NotSupported.
 */
function standIn(vm: Vm, real: TypeSlots): number {
  const thrower = notModelled(real.name);
  const slots: TypeSlots = {
    ...real,
    id: vm.newTypeId(),
    flags: real.flags & ~TpFlags.HaveGc,
    dealloc: () => undefined,
    traverse: null,
    clear: null,
    number: real.number && stubbed(real.number, thrower),
    sequence: real.sequence && stubbed(real.sequence, thrower),
    mapping: real.mapping && stubbed(real.mapping, thrower),
    methods: {},
    members: {},
    getset: {},
    descrCache: null,
    ...Object.fromEntries(
      (
        [
          'repr',
          'str',
          'reprText',
          'format',
          'hash',
          'richcompare',
          'iter',
          'iternext',
          'getattro',
          'setattro',
          'descrGet',
          'descrSet',
          'call',
          'vectorcall',
          'sizeof',
          'init',
        ] as const
      ).map((k) => [k, real[k] === null ? null : thrower]),
    ),
    // getattr and getsizeof must not fall back to the generic paths (which read the real layout)
    getattro: thrower,
    sizeof: thrower,
    repr: thrower,
  };
  vm.registerType(slots);
  return slots.id;
}

/** The type id for a recorded type name: a built-in type of that name first, then any other. */
function typeIdFor(vm: Vm, s: Materialised, name: string): number {
  const known = s.typeIds.get(name);
  if (known !== undefined) return known;
  let id = 0;
  for (const t of vm.types) {
    if (t === undefined || t.name !== name) continue;
    if (id === 0 || t.module === 'builtins') id = t.id;
  }
  if (id !== 0) id = standIn(vm, vm.types[id]);
  else {
    const slots = defineType({
      id: vm.newTypeId(),
      name,
      module: 'builtins',
      basicsize: 16,
      flags: TpFlags.HaveGc,
      // never freed: a counted object is static
      dealloc: () => undefined,
      notModelled: name,
      getattro: notModelled(name),
      sizeof: notModelled(name),
      repr: notModelled(name),
    });
    readyStaticType(vm, slots);
    id = slots.id;
  }
  s.typeIds.set(name, id);
  return id;
}

/** Counted object `i`'s handle (made on first use); 0 when the recordings do not know its type. */
function counted(vm: Vm, s: Materialised, i: number): number {
  const h = s.handles[i];
  if (h) return h;
  const name = vm.gc.inventory.typeName(i);
  if (name === null) return 0;
  const made = vm.newStatic(typeIdFor(vm, s, name));
  s.handles[i] = made;
  s.members.add(made);
  return made;
}

/**
 * The counted objects of generation `g` (0, 1, 2; 'permanent' for gc.freeze's), oldest first.
 * The collector's counters say how many each list holds; the oldest are the permanent
 * generation's, then generation 2's, 1's and 0's.
 */
export function countedObjects(vm: Vm, g: number | 'permanent'): number[] {
  const s = state(vm);
  const { permanent, generations } = vm.gc.countedByGeneration();
  let from = permanent;
  let n = permanent;
  if (g === 'permanent') from = 0;
  else {
    for (let i = 2; i > g; i--) from += generations[i];
    n = generations[g];
  }
  const out: number[] = [];
  for (let i = from; i < from + n; i++) {
    const h = counted(vm, s, i);
    if (h) out.push(h);
  }
  return out;
}

/** Is `h` one of the counted objects a list has shown (gc.is_tracked answers True for them)? */
export function isCountedObject(vm: Vm, h: number): boolean {
  return perVm.get(vm)?.members.has(h) ?? false;
}
