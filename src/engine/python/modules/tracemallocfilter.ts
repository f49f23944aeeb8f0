import { typeError } from '../abstract/errors';
import { getIter, iterNext } from '../abstract/iter';
import { intValue } from '../objects/int';
import { listAppend, listNew } from '../objects/list';
import { moduleType, type TypeFactory } from '../objects/modtypes';
import { strNew, strValue } from '../objects/str';
import { T, TpFlags, defineType, type Kwargs } from '../objects/types';
import type { Vm } from '../runtime/vm';

/**
 * tracemalloc.Filter and Snapshot.filter_traces (Lib/tracemalloc.py, 3.11): a filter matches a
 * trace when fnmatch(filename, pattern) (and the line, when given) holds for its most recent frame
 * (any frame with all_frames); an inclusive filter keeps what matches, an exclusive one drops it.
 * filter_traces builds the kept traces into a new list (the comprehension's appends: list_resize's
 * growth) that a new Snapshot holds; the trace tuples are shared, not copied.
 */
interface FilterRec {
  inclusive: boolean;
  pattern: RegExp;
  patternText: string;
  lineno: number | null;
  allFrames: boolean;
  domain: number | null;
}

const filterOf = (vm: Vm, h: number): FilterRec => vm.table.side[h] as FilterRec;

/** fnmatch.translate for a POSIX filename: * ? [seq] [!seq], the rest literal. */
function fnmatchRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) re += '\\[';
      else {
        let body = pattern.slice(i + 1, end).replace(/\\/g, '\\\\');
        if (body.startsWith('!')) body = '^' + body.slice(1);
        re += `[${body}]`;
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^(?:${re})$`, 's');
}

const arg = (a: readonly number[], kw: Kwargs | null, i: number, name: string): number | undefined =>
  a.length > i ? a[i] : kw?.get(name);

/** Filter(inclusive, filename_pattern, lineno=None, all_frames=False, domain=None). */
function filterNew(vm: Vm, a: readonly number[], kw: Kwargs | null): number {
  const inclusive = arg(a, kw, 0, 'inclusive');
  const pattern = arg(a, kw, 1, 'filename_pattern');
  if (inclusive === undefined || pattern === undefined || vm.table.type[pattern] !== T.Str)
    throw typeError(vm, 'Filter() needs inclusive and a filename_pattern str');
  const opt = (i: number, name: string): number | null => {
    const v = arg(a, kw, i, name);
    return v === undefined || v === vm.s.None ? null : Number(intValue(vm, v));
  };
  // _normalize_filename: a .pyc pattern stands for the .py
  let text = strValue(vm, pattern);
  if (text.endsWith('.pyc')) text = text.slice(0, -1);
  const allFrames = arg(a, kw, 3, 'all_frames');
  const st = moduleType(vm, FilterType);
  const h = vm.newGcObject(st.id, st.basicsize);
  vm.table.side[h] = {
    inclusive:
      inclusive === vm.s.True || (vm.table.type[inclusive] === T.Int && vm.table.num[inclusive] !== 0),
    pattern: fnmatchRegExp(text),
    patternText: text,
    lineno: opt(2, 'lineno'),
    allFrames: allFrames === vm.s.True,
    domain: opt(4, 'domain'),
  } satisfies FilterRec;
  vm.gc.track(h);
  return h;
}

export const FilterType: TypeFactory = (_vm, id) =>
  defineType({
    id,
    name: 'Filter',
    qualname: 'Filter',
    module: 'tracemalloc',
    basicsize: 32,
    flags: TpFlags.HaveGc,
    dealloc: (vm, h) => {
      vm.gc.untrack(h);
      vm.gcDel(h);
    },
    typeVectorcall: (vm, _type, a, kw) => filterNew(vm, a, kw),
    getset: {
      inclusive: { name: 'inclusive', get: (vm, h) => vm.s.bool(filterOf(vm, h).inclusive) },
      filename_pattern: { name: 'filename_pattern', get: (vm, h) => strNew(vm, filterOf(vm, h).patternText) },
      all_frames: { name: 'all_frames', get: (vm, h) => vm.s.bool(filterOf(vm, h).allFrames) },
    },
  });

/** One trace tuple (domain, size, traceback, total_nframe): its domain and frames, most recent first. */
export function traceParts(vm: Vm, tup: number): { domain: number; frames: [string, number][] } {
  const t = vm.table;
  const data = vm.pool.data;
  const tb = data[t.ref[tup] + 2];
  const frames: [string, number][] = [];
  for (let j = 0; j < t.n[tb]; j++) {
    const fr = data[t.ref[tb] + j];
    frames.push([strValue(vm, data[t.ref[fr]]), Number(intValue(vm, data[t.ref[fr] + 1]))]);
  }
  return { domain: Number(intValue(vm, data[t.ref[tup]])), frames };
}

/** BaseFilter._match: Filter._match_traceback, then the domain. */
function matches(f: FilterRec, trace: { domain: number; frames: [string, number][] }): boolean {
  const frameMatch = ([file, line]: [string, number]): boolean =>
    f.pattern.test(file) && (f.lineno === null || line === f.lineno);
  let res: boolean;
  if (f.allFrames) res = trace.frames.some(frameMatch) ? f.inclusive : !f.inclusive;
  else res = trace.frames.length > 0 && frameMatch(trace.frames[0]) !== !f.inclusive;
  if (f.domain === null) return res;
  return f.inclusive ? res && trace.domain === f.domain : res || trace.domain !== f.domain;
}

/** Snapshot.filter_traces(filters): the kept traces in a new list (appended one by one). */
export function filterTraces(vm: Vm, traces: number, filters: number): number {
  const include: FilterRec[] = [];
  const exclude: FilterRec[] = [];
  const it = getIter(vm, filters);
  try {
    for (let f = iterNext(vm, it); f; f = iterNext(vm, it)) {
      if (vm.table.type[f] !== moduleType(vm, FilterType).id) {
        vm.decref(f);
        throw typeError(vm, 'filter_traces() needs tracemalloc.Filter objects');
      }
      (filterOf(vm, f).inclusive ? include : exclude).push(filterOf(vm, f));
      vm.decref(f);
    }
  } finally {
    vm.decref(it);
  }
  const t = vm.table;
  const out = listNew(vm, 0);
  for (let i = 0; i < t.n[traces]; i++) {
    const tup = vm.pool.data[t.ref[traces] + i];
    if (include.length || exclude.length) {
      const trace = traceParts(vm, tup);
      if (include.length && !include.some((f) => matches(f, trace))) continue;
      if (exclude.some((f) => !matches(f, trace))) continue;
    }
    vm.incref(tup);
    listAppend(vm, out, tup); // steals the new reference
  }
  return out;
}
