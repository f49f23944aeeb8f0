import { callMethod } from '../abstract/call';
import { typeError } from '../abstract/errors';
import { createGroup, isGroup, leafIds, splitRecursive } from '../objects/excgroup';
import { excState } from '../objects/exceptions';
import { exc } from '../objects/exctypes';
import { listAppend, listItem, listNew } from '../objects/list';
import { tupleFromItems, tupleItem, tupleItems } from '../objects/tuple';
import { T } from '../objects/types';
import { isSubtype } from '../objects/typeobject';
import type { Vm } from '../runtime/vm';
import type { Interpreter } from './interpreter';
import { checkExceptTypeValid, givenExceptionMatches } from './unwind';

/**
 * `except*` (PEP 654) in the loop, as 3.11's ceval.c runs it: CHECK_EG_MATCH splits the exception
 * being handled into the part a clause matches and the rest (a naked exception that matches is
 * wrapped in ExceptionGroup('', (exc,))), and PREP_RERAISE_STAR builds what leaves the try
 * statement from what the clauses raised or re-raised (_PyExc_PrepReraiseStar).
 */

const BASE_GROUP = exc('BaseExceptionGroup');

/** check_except_star_type_valid: an exception class (or tuple), never a group class. */
function checkStarType(vm: Vm, right: number): void {
  checkExceptTypeValid(vm, right);
  const types = vm.table.type[right] === T.Tuple ? Array.from(tupleItems(vm, right)) : [right];
  if (types.some((t) => isSubtype(vm, vm.slotsOf(t).id, BASE_GROUP)))
    throw typeError(vm, 'catching ExceptionGroup with except* is not allowed. Use except instead.');
}

/** exception_group_match: [match, rest], new references (None for no part). */
function groupMatch(vm: Vm, value: number, matchType: number): [number, number] {
  const none = vm.s.None;
  if (value === none) {
    vm.incref(none);
    vm.incref(none);
    return [none, none];
  }
  if (givenExceptionMatches(vm, value, matchType)) {
    let match: number;
    if (isGroup(vm, value)) {
      vm.incref(value);
      match = value;
    } else {
      // a naked exception: wrapped, as ExceptionGroup('', (exc,))
      vm.incref(value);
      const excs = tupleFromItems(vm, [value]);
      try {
        match = createGroup(vm, vm.s.emptyStr, excs);
      } finally {
        vm.decref(excs);
      }
    }
    vm.incref(none);
    return [match, none];
  }
  if (isGroup(vm, value)) {
    const pair = callMethod(vm, value, 'split', [matchType]);
    const match = tupleItem(vm, pair, 0);
    const rest = tupleItem(vm, pair, 1);
    vm.incref(match);
    vm.incref(rest);
    vm.decref(pair);
    return [match, rest];
  }
  vm.incref(none);
  vm.incref(none);
  return [none, none];
}

/** CHECK_EG_MATCH: [… exc, type] → [… exc, None] (no match) or [… rest, match], exc_info = match. */
export function checkEgMatch(it: Interpreter, s: Int32Array, sp: number): number {
  const vm = it.vm;
  const matchType = s[--sp];
  s[sp] = 0;
  let match: number;
  let rest: number;
  try {
    checkStarType(vm, matchType);
    [match, rest] = groupMatch(vm, s[sp - 1], matchType);
  } finally {
    vm.decref(matchType);
  }
  if (match === vm.s.None) {
    s[sp++] = match;
    vm.decref(rest);
    return sp;
  }
  const value = s[sp - 1];
  s[sp - 1] = rest;
  s[sp++] = match;
  // PyErr_SetExcInfo(NULL, match, NULL): sys.exc_info() is the matched part inside the clause
  const info = vm.thread.excInfo;
  const top = info.length - 1;
  const old = info[top];
  vm.incref(match);
  info[top] = match;
  if (old !== 0) vm.decref(old);
  vm.decref(value);
  return sp;
}

/** is_same_exception_metadata: same traceback, cause and context (a re-raise, not a new raise). */
function sameMetadata(vm: Vm, a: number, b: number): boolean {
  const x = excState(vm, a);
  const y = excState(vm, b);
  return x.notes === y.notes && x.traceback === y.traceback && x.cause === y.cause && x.context === y.context;
}

/** _PyExc_PrepReraiseStar(orig, excs): what the try statement raises, or None. A new reference. */
function prepReraiseStar(vm: Vm, orig: number, excs: number): number {
  const n = vm.table.n[excs];
  if (n === 0) {
    vm.incref(vm.s.None);
    return vm.s.None;
  }
  if (!isGroup(vm, orig)) {
    // a naked exception was caught and wrapped: one clause ran, at most one exception to raise
    const e = listItem(vm, excs, 0);
    vm.incref(e);
    return e;
  }
  const raised = listNew(vm, 0);
  const reraised = listNew(vm, 0);
  try {
    for (let i = 0; i < n; i++) {
      const e = listItem(vm, excs, i);
      if (e === vm.s.None) continue;
      vm.incref(e);
      listAppend(vm, sameMetadata(vm, e, orig) ? reraised : raised, e);
    }
    // exception_group_projection: orig's subtree holding the leaves of the re-raised groups
    const ids = new Set<number>();
    for (let i = 0; i < vm.table.n[reraised]; i++) leafIds(vm, listItem(vm, reraised, i), ids);
    const [projected] = splitRecursive(vm, orig, { kind: 'ids', ids }, false);
    const reraisedEg = projected || (vm.incref(vm.s.None), vm.s.None);
    if (vm.table.n[raised] === 0) return reraisedEg;
    // the list takes the reference
    if (reraisedEg !== vm.s.None) listAppend(vm, raised, reraisedEg);
    else vm.decref(reraisedEg);
    return createGroup(vm, vm.s.emptyStr, raised);
  } finally {
    vm.decref(raised);
    vm.decref(reraised);
  }
}

/** PREP_RERAISE_STAR: [… orig, excs] → [… val]. */
export function prepReraiseStarOp(it: Interpreter, s: Int32Array, sp: number): number {
  const vm = it.vm;
  const excs = s[--sp];
  const orig = s[--sp];
  s[sp] = 0;
  s[sp + 1] = 0;
  try {
    s[sp++] = prepReraiseStar(vm, orig, excs);
  } finally {
    vm.decref(excs);
    vm.decref(orig);
  }
  return sp;
}
