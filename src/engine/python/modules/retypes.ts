import { raiseString, typeError } from '../abstract/errors';
import { NotSupported } from '../errors';
import { dictNew, dictSetItem } from '../objects/dict';
import { E } from '../objects/exctypes';
import { unpackKeywords } from '../objects/getargs';
import { fromLong, intValue } from '../objects/int';
import { intern, strResult, strValue } from '../objects/str';
import { tupleAlloc, tupleFromItems } from '../objects/tuple';
import { Meth, T, TpFlags, defineType, type MethodDef, type TypeSlots } from '../objects/types';
import type { Vm } from '../runtime/vm';
import type { Translated } from './retranslate';

/**
 * re.Pattern and re.Match (Modules/_sre/sre.c, 3.11). A Match is a GC object of 16 + 104 bytes
 * plus 16 per group (its marks: PyObject_GC_NewVar, measured 120 / 136 / 152); it holds the
 * string and the pattern. A Pattern holds its compiled code (4 bytes a code word), which the
 * simulator does not generate (sre_compile is not modelled): its size is an estimate, and
 * sys.getsizeof of a Pattern says "not supported". Matching runs on a JavaScript RegExp
 * translated from the pattern (retranslate.ts).
 */
export const MATCH_BASIC = 104;
const PATTERN_BASIC = 144;

export interface PatternState {
  source: number;
  text: string;
  t: Translated;
  re: RegExp;
  code: number;
}

export interface MatchState {
  pattern: number;
  string: number;
  /** [start, end] per group, -1 when it did not take part (code-point indices). */
  spans: number[];
  pos: number;
  endpos: number;
}

export const patternOf = (vm: Vm, h: number): PatternState => vm.table.side[h] as PatternState;
export const matchOf = (vm: Vm, h: number): MatchState => vm.table.side[h] as MatchState;

/** A compiled pattern: the object and its code block (an estimate: 8 code words a pattern character). */
export function patternNew(vm: Vm, type: number, source: number, t: Translated): number {
  const h = vm.newGcObject(type, PATTERN_BASIC);
  const text = strValue(vm, source);
  const code = vm.mem.malloc(4 * (8 + 2 * text.length));
  vm.incref(source);
  vm.table.side[h] = { source, text, t, re: new RegExp(t.source, t.flags), code } satisfies PatternState;
  vm.gc.track(h);
  return h;
}

export function matchNew(
  vm: Vm,
  type: number,
  pattern: number,
  string: number,
  spans: number[],
  pos: number,
  endpos: number,
): number {
  const groups = spans.length / 2 - 1;
  const h = vm.newGcObject(type, MATCH_BASIC + 16 * groups);
  vm.incref(pattern);
  vm.incref(string);
  vm.table.side[h] = { pattern, string, spans, pos, endpos } satisfies MatchState;
  vm.gc.track(h);
  return h;
}

/** match_getslice: the group's text (a new str; the cached one for 0 or 1 character), or the default. */
export function groupValue(vm: Vm, m: MatchState, g: number, dflt: number): number {
  const a = m.spans[2 * g];
  if (a < 0) {
    vm.incref(dflt);
    return dflt;
  }
  const s = strValue(vm, m.string);
  const b = m.spans[2 * g + 1];
  if (a === 0 && b === s.length && vm.table.type[m.string] === T.Str) {
    vm.incref(m.string);
    return m.string;
  }
  return strResult(vm, s.slice(a, b));
}

function groupIndex(vm: Vm, m: MatchState, h: number): number {
  const p = patternOf(vm, m.pattern);
  const t = vm.table.type[h];
  if (t === T.Str) {
    const g = p.t.groupIndex.get(strValue(vm, h));
    if (g === undefined) throw raiseString(vm, E.IndexError, 'no such group');
    return g;
  }
  if (t !== T.Int && t !== T.Bool) throw raiseString(vm, E.IndexError, 'no such group');
  const n = Number(intValue(vm, h));
  if (n < 0 || n > p.t.groups) throw raiseString(vm, E.IndexError, 'no such group');
  return n;
}

/** PyTuple_New(n) first, then its items (match_groups, findall's group tuples, match_group). */
export function tupleBuilt(vm: Vm, n: number, item: (i: number) => number): number {
  if (n === 0) return vm.s.emptyTuple;
  const t = tupleAlloc(vm, n);
  const base = vm.table.ref[t];
  vm.pool.data.fill(0, base, base + n);
  vm.gc.track(t);
  for (let i = 0; i < n; i++) vm.pool.data[base + i] = item(i);
  return t;
}

const M = (name: string, flags: number, impl: MethodDef['impl']): [string, MethodDef] => [
  name,
  { name, flags, impl },
];

const MATCH_METHODS: Record<string, MethodDef> = Object.fromEntries([
  // match_group: METH_VARARGS (the arguments' tuple is made by the call)
  M('group', Meth.Varargs, (vm, h, a) => {
    const m = matchOf(vm, h);
    if (a.length === 0) return groupValue(vm, m, 0, vm.s.None);
    if (a.length === 1) return groupValue(vm, m, groupIndex(vm, m, a[0]), vm.s.None);
    return tupleBuilt(vm, a.length, (i) => groupValue(vm, m, groupIndex(vm, m, a[i]), vm.s.None));
  }),
  M('groups', Meth.Fastcall | Meth.Keywords, (vm, h, a, kw) => {
    const m = matchOf(vm, h);
    const dflt = unpackKeywords(vm, 'groups', a, kw, ['default'], 0, 1)[0] || vm.s.None;
    const n = m.spans.length / 2 - 1;
    return tupleBuilt(vm, n, (i) => groupValue(vm, m, i + 1, dflt));
  }),
  M('start', Meth.Fastcall, (vm, h, a) => {
    const m = matchOf(vm, h);
    return fromLong(vm, m.spans[2 * (a.length ? groupIndex(vm, m, a[0]) : 0)]);
  }),
  M('end', Meth.Fastcall, (vm, h, a) => {
    const m = matchOf(vm, h);
    return fromLong(vm, m.spans[2 * (a.length ? groupIndex(vm, m, a[0]) : 0) + 1]);
  }),
  M('span', Meth.Fastcall, (vm, h, a) => {
    const m = matchOf(vm, h);
    const g = a.length ? groupIndex(vm, m, a[0]) : 0;
    return tupleFromItems(vm, [fromLong(vm, m.spans[2 * g]), fromLong(vm, m.spans[2 * g + 1])]);
  }),
  // _sre_SRE_Match_groupdict_impl: PyDict_New, then per entry of the pattern's groupindex (names in
  // pattern order) match_getslice and _PyDict_SetItem_KnownHash: the dict grows by insertion
  M('groupdict', Meth.Fastcall | Meth.Keywords, (vm, h, a, kw) => {
    const m = matchOf(vm, h);
    // Argument Clinic: a keyword call initialises the parser (its kwtuple) once per process
    const dflt = unpackKeywords(vm, 'groupdict', a, kw, ['default'], 0, 1)[0] || vm.s.None;
    const d = dictNew(vm);
    for (const [name, g] of patternOf(vm, m.pattern).t.groupIndex) {
      const key = intern(vm, name); // the groupindex's key, made at compile time (as lastgroup)
      const value = groupValue(vm, m, g, dflt);
      dictSetItem(vm, d, key, value);
      vm.decref(value);
    }
    return d;
  }),
  M('expand', Meth.O, () => {
    throw new NotSupported('Match.expand');
  }),
]);

export const MatchType = (_vm: Vm, id: number): TypeSlots =>
  defineType({
    id,
    name: 'Match',
    module: 're',
    basicsize: MATCH_BASIC,
    itemsize: 16,
    flags: TpFlags.HaveGc,
    dealloc: (vm, h) => {
      vm.gc.untrack(h);
      const m = matchOf(vm, h);
      vm.table.side[h] = undefined;
      vm.decref(m.string);
      vm.decref(m.pattern);
      vm.gcDel(h);
    },
    traverse: (vm, h, visit) => {
      const m = matchOf(vm, h);
      visit(m.string);
      visit(m.pattern);
    },
    reprText: (vm, h) => {
      const m = matchOf(vm, h);
      const s = strValue(vm, m.string).slice(m.spans[0], m.spans[1]);
      return `<re.Match object; span=(${m.spans[0]}, ${m.spans[1]}), match=${JSON.stringify(s).replace(/^"|"$/g, "'")}>`;
    },
    mapping: {
      subscript: (vm, h, k) => {
        const m = matchOf(vm, h);
        return groupValue(vm, m, groupIndex(vm, m, k), vm.s.None);
      },
    },
    methods: MATCH_METHODS,
    getset: {
      string: { name: 'string', get: (vm, h) => (vm.incref(matchOf(vm, h).string), matchOf(vm, h).string) },
      re: { name: 're', get: (vm, h) => (vm.incref(matchOf(vm, h).pattern), matchOf(vm, h).pattern) },
      pos: { name: 'pos', get: (vm, h) => fromLong(vm, matchOf(vm, h).pos) },
      endpos: { name: 'endpos', get: (vm, h) => fromLong(vm, matchOf(vm, h).endpos) },
      lastindex: {
        name: 'lastindex',
        get: (vm, h) => {
          const last = lastIndex(vm, matchOf(vm, h));
          return last < 0 ? vm.s.None : fromLong(vm, last);
        },
      },
      lastgroup: {
        name: 'lastgroup',
        get: (vm, h) => {
          const m = matchOf(vm, h);
          const last = lastIndex(vm, m);
          for (const [name, g] of patternOf(vm, m.pattern).t.groupIndex)
            if (g === last) {
              // the name the pattern's groupindex holds (made at compile time): nothing new
              const n = intern(vm, name);
              vm.incref(n);
              return n;
            }
          return vm.s.None;
        },
      },
    },
  });

/**
 * match_lastindex: sre sets `lastindex` to the group whose closing MARK the match passed last.
 * Of the groups that took part, that is the one ending furthest; at the same end an enclosing
 * group closes after the groups inside it, and otherwise the later group in the pattern closes
 * last (`(a)()`: 2; `((a)b)` and `(\d+(\.\d*)?)`: 1). -1 when no group took part.
 */
function lastIndex(vm: Vm, m: MatchState): number {
  const parents = patternOf(vm, m.pattern).t.parents;
  const encloses = (a: number, b: number): boolean => {
    for (let p = parents[b]; p; p = parents[p]) if (p === a) return true;
    return false;
  };
  let last = -1;
  for (let g = 1; g < m.spans.length / 2; g++) {
    if (m.spans[2 * g] < 0) continue;
    if (last < 0) last = g;
    else {
      const end = m.spans[2 * g + 1];
      const lastEnd = m.spans[2 * last + 1];
      if (end > lastEnd || (end === lastEnd && !encloses(last, g))) last = g;
    }
  }
  return last;
}

export function patternDealloc(vm: Vm, h: number): void {
  vm.gc.untrack(h);
  const p = patternOf(vm, h);
  vm.table.side[h] = undefined;
  vm.mem.free(p.code);
  vm.decref(p.source);
  vm.gcDel(h);
}

export function typeCheckStr(vm: Vm, h: number, what: string): string {
  if (vm.table.type[h] !== T.Str && !vm.typeOf(h).mro.includes(T.Str)) {
    if (vm.table.type[h] === T.Bytes) throw new NotSupported(`a regular expression over bytes (${what})`);
    throw typeError(vm, 'expected string or bytes-like object, got %.200s', `'${vm.typeOf(h).name}'`);
  }
  const s = strValue(vm, h);
  if (/[\ud800-\udfff]/.test(s))
    throw new NotSupported('a regular expression over text with characters past U+FFFF');
  return s;
}
