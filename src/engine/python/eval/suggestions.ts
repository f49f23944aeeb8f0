import { PyError, NotSupported } from '../errors';
import { clearError } from '../abstract/errors';
import { dirObject } from '../builtins/dir';
import { dictEntries } from '../objects/dict';
import { excState } from '../objects/exceptions';
import { E } from '../objects/exctypes';
import { frameObjectData } from '../objects/frameobject';
import { listItem } from '../objects/list';
import { moduleData } from '../objects/module';
import { strValue } from '../objects/str';
import { tracebackData } from '../objects/traceback';
import { T } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { realModuleNames } from '../versions/moduleNames';
import type { Frame } from './frame';

/** suggestions.c (3.11): MAX_CANDIDATE_ITEMS, MAX_STRING_SIZE, MOVE_COST, CASE_COST. */
const MAX_CANDIDATES = 750;
const MAX_STRING = 40;
const MOVE = 2;
const CASE = 1;

const utf8 = new TextEncoder();

/** substitution_cost: 0 for the same byte, 1 for an ASCII case flip, else 2. */
function substitution(a: number, b: number): number {
  if ((a & 31) !== (b & 31)) return MOVE;
  if (a === b) return 0;
  const la = a >= 65 && a <= 90 ? a + 32 : a;
  const lb = b >= 65 && b <= 90 ? b + 32 : b;
  return la === lb ? CASE : MOVE;
}

/**
 * levenshtein_distance: the weighted edit distance of two UTF-8 strings after their common prefix
 * and suffix are dropped (insert/delete 2, substitute 2, case flip 1), or maxCost + 1 once it
 * cannot be within maxCost (remaining parts over 40 bytes count as too far).
 */
export function editDistance(x: string, y: string, maxCost: number): number {
  let a = utf8.encode(x);
  let b = utf8.encode(y);
  let s = 0;
  while (s < a.length && s < b.length && a[s] === b[s]) s++;
  let ea = a.length;
  let eb = b.length;
  while (ea > s && eb > s && a[ea - 1] === b[eb - 1]) {
    ea--;
    eb--;
  }
  a = a.subarray(s, ea);
  b = b.subarray(s, eb);
  if (a.length === 0 || b.length === 0) return (a.length + b.length) * MOVE;
  if (a.length > MAX_STRING || b.length > MAX_STRING) return maxCost + 1;
  if (b.length < a.length) [a, b] = [b, a];
  if ((b.length - a.length) * MOVE > maxCost) return maxCost + 1;
  const row = Array.from({ length: a.length }, (_, i) => (i + 1) * MOVE);
  let result = 0;
  for (let j = 0; j < b.length; j++) {
    let diagonal = j * MOVE;
    result = diagonal;
    let minimum = Infinity;
    for (let i = 0; i < a.length; i++) {
      const substitute = diagonal + substitution(b[j], a[i]);
      diagonal = row[i];
      result = Math.min(Math.min(result, diagonal) + MOVE, substitute);
      row[i] = result;
      if (result < minimum) minimum = result;
    }
    if (minimum > maxCost) return maxCost + 1;
  }
  return result;
}

/** calculate_suggestions: the closest candidate within a third of the characters involved, first wins ties. */
export function closestName(candidates: readonly string[], name: string): string | null {
  if (candidates.length >= MAX_CANDIDATES) return null;
  const nameSize = utf8.encode(name).length;
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const item of candidates) {
    if (item === name) continue;
    const size = utf8.encode(item).length;
    const max = Math.min(Math.floor(((nameSize + size + 3) * MOVE) / 6), bestDistance - 1);
    const d = editDistance(name, item, max);
    if (d > max) continue;
    if (best === null || d < bestDistance) {
      best = item;
      bestDistance = d;
    }
  }
  return best;
}

/** dir(obj)'s names, or null when the simulator cannot list them (a real module's come from its recorded dir()). */
function dirNames(vm: Vm, obj: number): string[] | null {
  if (vm.table.type[obj] === T.Module) {
    const m = moduleData(vm, obj);
    return realModuleNames(vm.py.release, m.name) ?? [...m.attrs.keys()].sort();
  }
  try {
    const list = dirObject(vm, obj);
    const names: string[] = [];
    for (let i = 0; i < vm.table.n[list]; i++) names.push(strValue(vm, listItem(vm, list, i)));
    vm.decref(list);
    return names;
  } catch (e) {
    if (e instanceof NotSupported) return null;
    if (e instanceof PyError) {
      clearError(vm, e);
      return null;
    }
    throw e;
  }
}

/**
 * _Py_Offer_Suggestions (3.11), what the traceback prints as ". Did you mean: 'X'?": for an
 * AttributeError the closest of dir(obj); for a NameError the closest of the innermost frame's
 * co_varnames, then its globals, then the builtins.
 */
export function offerSuggestion(vm: Vm, exc: number, builtinNames: () => readonly string[]): string | null {
  const st = excState(vm, exc);
  const tp = vm.typeOf(exc);
  const nameField = st.fields.name;
  if (!nameField || vm.table.type[nameField] !== T.Str) return null;
  const name = strValue(vm, nameField);
  if (tp.mro.includes(E.AttributeError)) {
    const obj = st.fields.obj;
    if (!obj) return null;
    const names = dirNames(vm, obj);
    return names === null ? null : closestName(names, name);
  }
  if (!tp.mro.includes(E.NameError) || st.traceback === 0) return null;
  let t = st.traceback;
  while (tracebackData(vm, t).next !== 0) t = tracebackData(vm, t).next;
  // a running Frame, or the snapshot a frame object took over (eval/frameobj.ts takeOwnership)
  const frame = frameObjectData(vm, tracebackData(vm, t).frame).owner as Pick<
    Frame,
    'code' | 'globals'
  > | null;
  if (!frame) return null;
  const fromLocals = closestName(frame.code.co.varnames, name);
  if (fromLocals !== null) return fromLocals;
  if (frame.globals) {
    const globals = [...dictEntries(vm, frame.globals)].map(([k]) => strValue(vm, k));
    const fromGlobals = closestName(globals, name);
    if (fromGlobals !== null) return fromGlobals;
  }
  return closestName(builtinNames(), name);
}
