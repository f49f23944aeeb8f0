import { lookupAttr, setAttr } from '../abstract/attr';
import { call, callMethod } from '../abstract/call';
import { raiseFormat, raiseString, typeError } from '../abstract/errors';
import { unicodeFromFormat } from '../abstract/fromformat';
import { isTrue } from '../abstract/object';
import { sequenceList, sequenceTuple } from '../abstract/sequence';
import type { Vm } from '../runtime/vm';
import { E, exc } from './exctypes';
import { isCallable } from './dictsub';
import { listAppend, listNew, listSliceItems } from './list';
import { isSubtype } from './typeobject';
import { tupleFromItems, tupleItem, tupleItems } from './tuple';
import { Meth, T, TpFlags, type MemberDef, type MethodDef, type TypeSlots } from './types';

/**
 * BaseExceptionGroup and ExceptionGroup (Objects/exceptions.c, PEP 654, 3.11): the group holds
 * its message (`msg`) and its exceptions as a tuple (`excs`, PySequence_Tuple of what it was
 * given: a list is copied, a tuple kept), while args keeps the arguments as passed (so the repr
 * shows the list). __new__ picks ExceptionGroup when every member is an Exception; split() and
 * subgroup() walk the tree and rebuild the matching parts through derive(), copying the original's
 * traceback, context, cause and a copy of its __notes__ list. exceptions.ts makes the instances;
 * this file gives the group types their slots.
 */

export interface GroupHooks {
  /** BaseException_new for `type` with `args` (a new instance, fields zeroed). */
  baseNew(vm: Vm, type: TypeSlots, args: number): number;
  /** The instance's own fields and state (exceptions.ts's ExcState). */
  state(
    vm: Vm,
    h: number,
  ): {
    args: number;
    traceback: number;
    context: number;
    cause: number;
    fields: Record<string, number>;
  };
  setArgs(vm: Vm, h: number, args: number): void;
  setTraceback(vm: Vm, h: number, tb: number): void;
  setContext(vm: Vm, h: number, context: number): void;
  setCause(vm: Vm, h: number, cause: number): void;
}

let hooks: GroupHooks | null = null;
const H = (): GroupHooks => hooks!;

const BASE_GROUP = exc('BaseExceptionGroup');
const GROUP = exc('ExceptionGroup');

/** _PyBaseExceptionGroup_Check. */
export const isGroup = (vm: Vm, h: number): boolean => isSubtype(vm, vm.table.type[h], BASE_GROUP);

/** A group's exceptions tuple (borrowed). */
export const groupExceptions = (vm: Vm, h: number): number => H().state(vm, h).fields.excs;

/** A group's message (borrowed). */
export const groupMessage = (vm: Vm, h: number): number => H().state(vm, h).fields.msg;

/** PyExceptionClass_Check: a class whose instances are exceptions. */
export const isExceptionClass = (vm: Vm, h: number): boolean =>
  vm.typeOf(h).mro.includes(T.Type) && (vm.slotsOf(h).flags & TpFlags.BaseExcSubclass) !== 0;

const isExceptionInstance = (vm: Vm, h: number): boolean =>
  (vm.typeOf(h).flags & TpFlags.BaseExcSubclass) !== 0;

/** PySequence_Check: sq_item (a class's __getitem__ included) and not a dict. */
function isSequence(vm: Vm, h: number): boolean {
  const tp = vm.typeOf(h);
  if (tp.mro.includes(T.Dict)) return false;
  return tp.sequence?.item !== undefined || ((tp.flags & TpFlags.HeapType) !== 0 && !!tp.mapping?.subscript);
}

/** BaseExceptionGroup_new. */
function groupNew(vm: Vm, type: TypeSlots, args: number, _kwargs: number): number {
  const n = vm.table.n[args];
  if (n !== 2) throw typeError(vm, 'BaseExceptionGroup.__new__() takes exactly 2 arguments (%zd given)', n);
  const message = tupleItem(vm, args, 0);
  if (vm.table.type[message] !== T.Str && !isSubtype(vm, vm.table.type[message], T.Str))
    throw typeError(
      vm,
      'BaseExceptionGroup.__new__() argument 1 must be str, not %.50s',
      vm.typeOf(message).name,
    );
  const given = tupleItem(vm, args, 1);
  if (!isSequence(vm, given)) throw typeError(vm, 'second argument (exceptions) must be a sequence');
  const excs = sequenceTuple(vm, given);
  let cls = type;
  try {
    const items = tupleItems(vm, excs);
    if (items.length === 0)
      throw raiseString(vm, E.ValueError, 'second argument (exceptions) must be a non-empty sequence');
    let nestedBase = false;
    items.forEach((e, i) => {
      if (!isExceptionInstance(vm, e))
        throw raiseFormat(vm, E.ValueError, 'Item %d of second argument (exceptions) is not an exception', i);
      if (!isSubtype(vm, vm.table.type[e], E.Exception)) nestedBase = true;
    });
    if (cls.id === GROUP) {
      if (nestedBase) throw typeError(vm, 'Cannot nest BaseExceptions in an ExceptionGroup');
    } else if (cls.id === BASE_GROUP) {
      if (!nestedBase) cls = vm.types[GROUP];
    } else if (nestedBase && cls.mro.includes(E.Exception))
      throw typeError(vm, "Cannot nest BaseExceptions in '%.200s'", cls.name);
  } catch (e) {
    vm.decref(excs);
    throw e;
  }
  const self = H().baseNew(vm, cls, args);
  const f = H().state(vm, self).fields;
  vm.incref(message);
  f.msg = message;
  f.excs = excs;
  return self;
}

/** BaseExceptionGroup_init: no keywords, then BaseException_init. */
function groupInit(vm: Vm, self: number, args: number, kwargs: number): void {
  if (kwargs !== 0 && vm.table.n[kwargs] > 0)
    throw typeError(vm, '%.200s() takes no keyword arguments', vm.typeOf(self).name);
  H().setArgs(vm, self, args);
}

/** BaseExceptionGroup_str: "msg (N sub-exception(s))". */
function groupStr(vm: Vm, h: number): number {
  const n = vm.table.n[groupExceptions(vm, h)];
  return unicodeFromFormat(vm, '%S (%zd sub-exception%s)', [groupMessage(vm, h), n, n > 1 ? 's' : '']);
}

/** _PyExc_CreateExceptionGroup: BaseExceptionGroup(msg, excs) through the type call. */
export function createGroup(vm: Vm, msg: number, excs: number): number {
  return call(vm, vm.types[BASE_GROUP].typeObject, [msg, excs], null);
}

/**
 * derive(excs): BaseExceptionGroup(self.message, excs): PyTuple_Pack then PyObject_CallObject, one
 * argument tuple in all (the sim's call packs the same one).
 */
function derive(vm: Vm, self: number, excs: number): number {
  return call(vm, vm.types[BASE_GROUP].typeObject, [groupMessage(vm, self), excs], null);
}

/** exceptiongroup_subset: derive(excs) with the original's traceback, context, cause and notes. */
function subset(vm: Vm, orig: number, excs: number): number {
  if (vm.table.n[excs] === 0) return 0;
  const eg = callMethod(vm, orig, 'derive', [excs]);
  try {
    if (!isGroup(vm, eg)) throw typeError(vm, 'derive must return an instance of BaseExceptionGroup');
    const st = H().state(vm, orig);
    if (st.traceback) H().setTraceback(vm, eg, st.traceback);
    if (st.context) vm.incref(st.context);
    H().setContext(vm, eg, st.context);
    if (st.cause) vm.incref(st.cause);
    H().setCause(vm, eg, st.cause);
    const notes = lookupAttr(vm, orig, '__notes__');
    if (notes !== 0) {
      try {
        if (isSequence(vm, notes)) {
          // a copy, so that the parts have their own notes lists
          const copy = sequenceList(vm, notes);
          try {
            setAttr(vm, eg, '__notes__', copy);
          } finally {
            vm.decref(copy);
          }
        }
      } finally {
        vm.decref(notes);
      }
    }
  } catch (e) {
    vm.decref(eg);
    throw e;
  }
  return eg;
}

/** What split() matches by: exception types, a predicate, or (internally) leaf ids. */
export type Matcher =
  { kind: 'type'; value: number } | { kind: 'predicate'; value: number } | { kind: 'ids'; ids: Set<number> };

/** get_matcher_type. */
function matcherOf(vm: Vm, value: number): Matcher {
  const isType = vm.typeOf(value).mro.includes(T.Type);
  if (isCallable(vm, value) && !isType) return { kind: 'predicate', value };
  if (isExceptionClass(vm, value)) return { kind: 'type', value };
  if (vm.table.type[value] === T.Tuple && tupleItems(vm, value).every((h) => isExceptionClass(vm, h)))
    return { kind: 'type', value };
  throw typeError(vm, 'expected a function, exception type or tuple of exception types');
}

function matches(vm: Vm, e: number, m: Matcher): boolean {
  if (m.kind === 'type') {
    const types = vm.table.type[m.value] === T.Tuple ? tupleItems(vm, m.value) : [m.value];
    return types.some((t) => isSubtype(vm, vm.table.type[e], vm.slotsOf(t).id));
  }
  if (m.kind === 'predicate') {
    const r = call(vm, m.value, [e], null);
    try {
      return isTrue(vm, r);
    } finally {
      vm.decref(r);
    }
  }
  return !isGroup(vm, e) && m.ids.has(e);
}

/** exceptiongroup_split_recursive: [match, rest] (new references or 0). */
export function splitRecursive(vm: Vm, e: number, m: Matcher, withRest: boolean): [number, number] {
  if (matches(vm, e, m)) {
    vm.incref(e);
    return [e, 0];
  }
  if (!isGroup(vm, e)) {
    if (withRest) vm.incref(e);
    return [0, withRest ? e : 0];
  }
  const matchList = listNew(vm, 0);
  const restList = withRest ? listNew(vm, 0) : 0;
  try {
    for (const sub of tupleItems(vm, groupExceptions(vm, e))) {
      const [mm, rr] = splitRecursive(vm, sub, m, withRest);
      // listAppend steals the references the recursion returned
      if (mm) listAppend(vm, matchList, mm);
      if (rr) listAppend(vm, restList, rr);
    }
    const match = subset(vm, e, matchList);
    let rest = 0;
    try {
      if (withRest) rest = subset(vm, e, restList);
    } catch (err) {
      if (match) vm.decref(match);
      throw err;
    }
    return [match, rest];
  } finally {
    vm.decref(matchList);
    if (restList) vm.decref(restList);
  }
}

function split(vm: Vm, self: number, matcher: number): number {
  const [match, rest] = splitRecursive(vm, self, matcherOf(vm, matcher), true);
  const none = vm.s.None;
  if (!match) vm.incref(none);
  if (!rest) vm.incref(none);
  return tupleFromItems(vm, [match || none, rest || none]);
}

function subgroup(vm: Vm, self: number, matcher: number): number {
  const [match] = splitRecursive(vm, self, matcherOf(vm, matcher), false);
  if (match) return match;
  vm.incref(vm.s.None);
  return vm.s.None;
}

/** The leaf exceptions (not groups) under `e`, by handle: collect_exception_group_leaf_ids. */
export function leafIds(vm: Vm, e: number, into: Set<number>): void {
  if (e === vm.s.None) return;
  if (!isGroup(vm, e)) {
    into.add(e);
    return;
  }
  for (const sub of tupleItems(vm, groupExceptions(vm, e))) leafIds(vm, sub, into);
}

const readonlyField = (name: string, field: string): MemberDef => ({
  name,
  get: (vm, h) => {
    const v = H().state(vm, h).fields[field] || vm.s.None;
    vm.incref(v);
    return v;
  },
});

const method = (name: string, impl: (vm: Vm, self: number, arg: number) => number): MethodDef => ({
  name,
  flags: Meth.O,
  qualname: `BaseExceptionGroup.${name}`,
  impl: (vm, self, a) => impl(vm, self, a[0]),
});

/** BaseExceptionGroup's own slots (exceptions.ts spreads them into its type). */
export function groupSlots(h: GroupHooks): Partial<TypeSlots> {
  hooks = h;
  return {
    new: groupNew,
    init: groupInit,
    str: groupStr,
    members: { message: readonlyField('message', 'msg'), exceptions: readonlyField('exceptions', 'excs') },
    methods: {
      derive: method('derive', derive),
      split: method('split', split),
      subgroup: method('subgroup', subgroup),
    },
  };
}

/** BaseException.add_note(note): appended to __notes__ (an attribute in the instance's dict). */
export function addNote(vm: Vm, self: number, note: number): number {
  if (vm.table.type[note] !== T.Str && !isSubtype(vm, vm.table.type[note], T.Str))
    throw typeError(vm, "note must be a str, not '%s'", vm.typeOf(note).name);
  let notes = lookupAttr(vm, self, '__notes__');
  if (notes === 0) {
    notes = listNew(vm, 0);
    try {
      setAttr(vm, self, '__notes__', notes);
    } catch (e) {
      vm.decref(notes);
      throw e;
    }
  } else if (vm.table.type[notes] !== T.List && !isSubtype(vm, vm.table.type[notes], T.List)) {
    vm.decref(notes);
    throw typeError(vm, 'Cannot add note: __notes__ is not a list');
  }
  try {
    vm.incref(note);
    listAppend(vm, notes, note);
  } finally {
    vm.decref(notes);
  }
  vm.incref(vm.s.None);
  return vm.s.None;
}

/** The notes a traceback prints (str items of __notes__), or null. */
export function notesOf(vm: Vm, h: number): number[] | null {
  const notes = lookupAttr(vm, h, '__notes__');
  if (notes === 0) return null;
  try {
    if (vm.table.type[notes] === T.List) return Array.from(listSliceItems(vm, notes, 0, vm.table.n[notes]));
    if (vm.table.type[notes] === T.Tuple) return Array.from(tupleItems(vm, notes));
    return null;
  } finally {
    vm.decref(notes);
  }
}
